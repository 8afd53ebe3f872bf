import CampaignModel
import CampaignStore
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import TestSupport
import Testing
import Workflow

@testable import WebWorkbench

/// Concurrency, bombs and the page forms of messages.
@Suite("Web workbench reliability")
struct WorkbenchReliabilityTests {
  typealias R = WorkbenchRouteTests
  static let header = R.header

  @Test("fifteen units uploading at the same moment all land, each as its own batch; reports made meanwhile never see half a submission")
  func fifteenAtOnce() async throws {
    let t = try TestStore()
    var organizations = "id,name,kind,parent,counted\nC,中共测试学院委员会,committee,,\n"
    let units = (1...15).map { String(format: "U%02d", $0) }
    for u in units { organizations += "\(u),第\(u)支部,direct_branch,C,yes\n" }
    _ = try t.store.importOne(try t.directory.write("organizations.csv", organizations))
    let database = t.serverDatabase?.url ?? t.directory.path("campaign.sqlite")
    let configuration = WorkbenchConfiguration(
      database: database, wait: 30, baseURL: "http://test", today: { Day(year: 2021, month: 8, day: 3)! })
    let july = Month(year: 2021, month: 7)!
    let status = try Submissions.status(of: july, in: t.store)
    let links = try Access.links(for: status.units.map { ($0.unit.id, $0.unit.name) }, base: "http://test", store: t.store)
    #expect(links.count == 15)
    let app = try Workbench.application(configuration, store: t.store, logger: Logger(label: "test"))
    try await app.test(.router) { client in
      var forms: [(path: String, csrf: String, unit: String)] = []
      for link in links {
        let path = String(link.url.dropFirst("http://test".count))
        let page = try await client.execute(uri: path, method: .get)
        forms.append((path, R.csrf(R.text(page))!, link.id))
      }
      // A cron `report monthly` meanwhile: reports made one after another while the uploads run.
      let store = t.store
      let folder = t.directory.path("reports")
      let reports = Task.detached { () -> [[Int]] in
        var seen: [[Int]] = []
        for _ in 0..<5 {
          let lock = try? Submissions.lock(.reports, database: database, wait: 30)
          let produced = try? Reports.produce(
            ReportRequest(period: .month(july), reportDate: Day(year: 2021, month: 8, day: 3)!, lang: .zh), store: store, folder: folder)
          withExtendedLifetime(lock) {}
          if let produced { seen.append(produced.statistics.units.map(\.branchStudy.period)) }
        }
        return seen
      }
      let statuses = try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
        for form in forms {
          group.addTask {
            let rows = "1,2021-07-05,\(form.unit),branch_study,学习一,2,10\n2,2021-07-20,\(form.unit),branch_study,学习二,1,5\n"
            let (body, headers) = R.multipart(fields: [("csrf", form.csrf)], file: ("\(form.unit).csv", Array((Self.header + rows).utf8)))
            return try await client.execute(uri: form.path + "/upload?month=2021-07", method: .post, headers: headers, body: body).status
          }
        }
        return try await group.reduce(into: []) { $0.append($1) }
      }
      #expect(statuses == Array(repeating: .ok, count: 15))
      let seen = await reports.value
      #expect(!seen.isEmpty)
      // Each unit's branch sessions in every report: 0 (its submission not yet in) or 2 (all of it).
      #expect(seen.allSatisfy { $0.allSatisfy { $0 == 0 || $0 == 2 } }, "\(seen)")
    }
    // The measure tells: once every submission is in, every unit has its 2 sessions.
    let final = try Reports.produce(
      ReportRequest(period: .month(july), reportDate: Day(year: 2021, month: 8, day: 3)!, lang: .zh), store: t.store,
      folder: t.directory.path("reports"))
    #expect(final.statistics.units.map(\.branchStudy.period) == Array(repeating: 2, count: 15))
    let after = try Submissions.status(of: july, in: t.store)
    #expect(after.units.allSatisfy { $0.state == .reported && $0.rows == 2 })
    let batches = try Submissions.history(in: t.store, month: july)
    #expect(Set(batches.compactMap { $0.scope?.unit }) == Set(units))
    #expect(batches.count == 15)
  }

  @Test("a workbook bomb is refused as the command line refuses it, and stores nothing")
  func bomb() async throws {
    let b = try R.Bench()
    let path = b.t.directory.path("bomb.xlsx")
    try makeWorkbook(["bomb", path, "300"])
    let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
    let d1 = try b.link("D1")
    let before = try b.batchCount()
    try await b.test { client in
      let token = R.csrf(R.text(try await client.execute(uri: d1, method: .get)))!
      let (body, headers) = R.multipart(fields: [("csrf", token)], file: ("bomb.xlsx", bytes))
      let r = try await client.execute(uri: d1 + "/upload?month=2021-07", method: .post, headers: headers, body: body)
      #expect(r.status == .unprocessableContent)
      #expect(R.text(r).contains("解压后超过压缩大小的 1000 倍"))
    }
    #expect(try b.batchCount() == before)
  }

  @Test("a malformed upload body is a 400 page, and the server goes on serving")
  func malformed() async throws {
    let b = try R.Bench()
    let d1 = try b.link("D1")
    try await b.test { client in
      let r = try await client.execute(
        uri: d1 + "/upload?month=2021-07", method: .post, headers: [.contentType: "multipart/form-data; boundary=x"],
        body: ByteBuffer(string: "--x\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\nunterminated"))
      #expect(r.status == .badRequest || r.status == .forbidden)
      let plain = try await client.execute(
        uri: d1 + "/upload?month=2021-07", method: .post, headers: [.contentType: "text/plain"], body: ByteBuffer(string: "x"))
      #expect(plain.status == .badRequest)
      #expect(try await client.execute(uri: d1, method: .get).status == .ok)
    }
  }

  @Test("messages that advise command-line options have a page form without them")
  func pageMessages() {
    for lang in Language.allCases {
      for e in [StoreError.busy(path: "x"), .missingDatabase(path: "x"), .emptyDatabase(path: "x"), .readOnly(path: "x")] {
        let text = e.pageMessage(in: lang)
        #expect(!text.contains("--wait") && !text.contains("report init") && !text.contains("--db"), "\(text)")
        #expect(text != e.message(in: lang))
      }
    }
  }

  @Test("the embedded page templates are the files in Templates/web")
  func embedded() throws {
    let folder = Fixtures.packageRoot.appendingPathComponent("Templates")
    let pages = try Pages(folder: nil)
    for name in Pages.names {
      let file = try String(contentsOf: folder.appendingPathComponent("web/\(name).mustache"), encoding: .utf8)
      #expect(pages.library.getTemplate(named: name) != nil)
      #expect(Self.embeddedText(name) == file, "run scripts/embed-resources: \(name)")
    }
    let css = try String(contentsOf: folder.appendingPathComponent("web/workbench.css"), encoding: .utf8)
    #expect(BundledPages.stylesheet == css)
  }

  static func embeddedText(_ name: String) -> String {
    switch name {
    case "header": BundledPages.header
    case "footer": BundledPages.footer
    case "login": BundledPages.login
    case "unit": BundledPages.unit
    case "board": BundledPages.board
    case "downloads": BundledPages.downloads
    case "history": BundledPages.history
    case "links": BundledPages.links
    case "message": BundledPages.message
    case "figures": BundledPages.figures
    default: ""
    }
  }
}

@Suite("Web workbench encodings")
struct WorkbenchEncodingTests {
  @Test("base64url matches Foundation's base64 with the URL alphabet and no padding")
  func base64url() {
    var g = SystemRandomNumberGenerator()
    for length in 0..<70 {
      let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &g) }
      let foundation = Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-")
        .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
      #expect(Access.base64url(bytes) == foundation, "\(length) bytes")
    }
  }
}
