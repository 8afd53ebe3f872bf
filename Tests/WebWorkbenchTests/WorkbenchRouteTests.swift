import CampaignModel
import CampaignStore
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import TestSupport
import Testing
import Workflow
import Writers

@testable import WebWorkbench

/// The workbench's routes on the tiny institution (units G1, D1, D2, R), with today fixed at
/// 2021-08-03 so the default month is July 2021.
@Suite("Web workbench routes")
struct WorkbenchRouteTests {
  static let july = Month(year: 2021, month: 7)!
  static let header = "编号,日期,单位,类型,主题,学时,参加人数\n"
  static let goodRows = "1,2021-07-05,D1,branch_study,学习一,2,10\n2,2021-07-20,D1,branch_study,学习二,1,5\n"

  /// A test store with an office account and the server's parts.
  struct Bench {
    let t: TestStore
    let configuration: WorkbenchConfiguration

    init() throws {
      t = try TestStore.tiny()
      let database = t.serverDatabase?.url ?? t.directory.path("campaign.sqlite")
      configuration = WorkbenchConfiguration(
        database: database, port: 8080, lang: .zh, wait: 5, baseURL: "http://test", today: { Day(year: 2021, month: 8, day: 3)! },
        loginDelay: .milliseconds(50))
      try Access.addUser(name: "office", password: "correct horse", store: t.store)
    }

    var store: CampaignStore { t.store }

    func link(_ unit: String) throws -> String {
      let status = try Submissions.status(of: WorkbenchRouteTests.july, in: store)
      let links = try Access.links(for: status.units.map { ($0.unit.id, $0.unit.name) }, base: "http://test", store: store)
      return String(links.first { $0.id == unit }!.url.dropFirst("http://test".count))
    }

    func test(_ body: @escaping @Sendable (any TestClientProtocol) async throws -> Void) async throws {
      let app = try Workbench.application(configuration, store: store, logger: Logger(label: "test"))
      try await app.test(.router, body)
    }

    func batchCount() throws -> Int { try Submissions.history(in: store).count }
  }

  static func text(_ r: TestResponse) -> String { String(buffer: r.body) }

  /// The value of a hidden `csrf` field on a page.
  static func csrf(_ html: String) -> String? {
    guard let r = html.range(of: #"name="csrf" value="([^"]+)""#, options: .regularExpression) else { return nil }
    return String(html[r].dropFirst(#"name="csrf" value=""#.count).dropLast())
  }

  /// `name=value` of a response's Set-Cookie for a name.
  static func cookie(_ r: TestResponse, _ name: String) -> (pair: String, line: String)? {
    for line in r.headers[values: .setCookie] where line.hasPrefix(name + "=") {
      return (String(line.split(separator: ";")[0]), line)
    }
    return nil
  }

  static func multipart(fields: [(String, String)], file: (name: String, bytes: [UInt8])?) -> (ByteBuffer, HTTPFields) {
    let boundary = "----workbench-test-boundary"
    var body: [UInt8] = []
    for (k, v) in fields {
      body += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(k)\"\r\n\r\n\(v)\r\n".utf8)
    }
    if let file {
      body += Array(
        "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(file.name)\"\r\nContent-Type: text/csv\r\n\r\n".utf8)
      body += file.bytes + Array("\r\n".utf8)
    }
    body += Array("--\(boundary)--\r\n".utf8)
    return (ByteBuffer(bytes: body), [.contentType: "multipart/form-data; boundary=\(boundary)"])
  }

  /// Logs in; returns the session cookie and the forms' CSRF token.
  static func logIn(_ client: some TestClientProtocol, password: String = "correct horse") async throws -> (cookie: String, csrf: String)? {
    let page = try await client.execute(uri: "/login", method: .get)
    let loginCookie = cookie(page, "login_csrf")!.pair
    let token = csrf(text(page))!
    let body = "csrf=\(token)&name=office&password=\(password.replacingOccurrences(of: " ", with: "+"))"
    let r = try await client.execute(
      uri: "/login", method: .post, headers: [.contentType: "application/x-www-form-urlencoded", .cookie: loginCookie],
      body: ByteBuffer(string: body))
    guard r.status == .seeOther, let session = cookie(r, "workbench_session") else { return nil }
    let board = try await client.execute(uri: "/office", method: .get, headers: [.cookie: session.pair])
    return (session.pair, csrf(text(board))!)
  }

  @Test("logging in: a wrong password is refused, the right one gets an HttpOnly, SameSite=Strict session and the board")
  func login() async throws {
    let b = try Bench()
    try await b.test { client in
      #expect(try await Self.logIn(client, password: "wrong password") == nil)
      let page = try await client.execute(uri: "/login", method: .get)
      let r = try await client.execute(
        uri: "/login", method: .post,
        headers: [.contentType: "application/x-www-form-urlencoded", .cookie: Self.cookie(page, "login_csrf")!.pair],
        body: ByteBuffer(string: "csrf=\(Self.csrf(Self.text(page))!)&name=office&password=correct+horse"))
      #expect(r.status == .seeOther)
      let line = Self.cookie(r, "workbench_session")!.line
      #expect(line.contains("HttpOnly"))
      #expect(line.contains("SameSite=Strict"))
      let board = try await client.execute(uri: "/office", method: .get, headers: [.cookie: Self.cookie(r, "workbench_session")!.pair])
      #expect(board.status == .ok)
      let html = Self.text(board)
      for name in ["机关党总支", "图书馆直属党支部", "后勤直属党支部", "离退休直属党支部"] { #expect(html.contains(name)) }
      #expect(html.contains("2021年7月报送情况"))
      // Without a session the board sends to the login.
      let anonymous = try await client.execute(uri: "/office", method: .get)
      #expect(anonymous.status == .seeOther)
      #expect(anonymous.headers[.location] == "/login")
      // A login form without its cookie is refused.
      let forged = try await client.execute(
        uri: "/login", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
        body: ByteBuffer(string: "csrf=x&name=office&password=correct+horse"))
      #expect(forged.status == .forbidden)
    }
  }

  @Test("every response carries the security headers")
  func headers() async throws {
    let b = try Bench()
    try await b.test { client in
      for uri in ["/login", "/nowhere", "/static/workbench.css", "/u/unknown"] {
        let r = try await client.execute(uri: uri, method: .get)
        #expect(r.headers[.contentSecurityPolicy]?.hasPrefix("default-src 'self'") == true, "\(uri)")
        #expect(r.headers[.xContentTypeOptions] == "nosniff", "\(uri)")
      }
      #expect(try await client.execute(uri: "/nowhere", method: .get).status == .notFound)
      #expect(try await client.execute(uri: "/static/", method: .get).status == .notFound)
    }
  }

  @Test("a unit's link opens its own page only; a wrong or revoked token gets 404")
  func unitLink() async throws {
    let b = try Bench()
    // D2 has a submission in its history; D1's page must not show it.
    let other = try Submissions.submit(
      try ImportSource(bytes: Data((Self.header + "1,2021-07-02,D2,branch_study,后勤学习,1,8\n").utf8), name: "d2.csv"), to: b.store,
      request: ImportRequest(
        submission: SubmissionScope(unit: "D2", month: Self.july), author: "t", today: Day(year: 2021, month: 8, day: 1)!))
    let d1 = try b.link("D1")
    try await b.test { client in
      let page = try await client.execute(uri: d1, method: .get)
      #expect(page.status == .ok)
      let html = Self.text(page)
      #expect(html.contains("图书馆直属党支部"))
      #expect(!html.contains("后勤直属党支部"))
      #expect(!html.contains("d2.csv"))
      #expect(html.contains("未报送"))
      #expect(html.contains(#"enctype="multipart/form-data""#))
      #expect(html.contains("/template?month=2021-07"))
      #expect(try await client.execute(uri: "/u/not-a-token", method: .get).status == .notFound)
      #expect(try await client.execute(uri: d1 + "x", method: .get).status == .notFound)
      #expect(try await client.execute(uri: "/u/not-a-token/template", method: .get).status == .notFound)
      let template = try await client.execute(uri: d1 + "/template?month=2021-07", method: .get)
      #expect(template.status == .ok)
      #expect(template.headers[.contentDisposition] == "attachment; filename=\"template-D1-2021-07.xlsx\"")
      #expect(Array(template.body.readableBytesView.prefix(2)) == Array("PK".utf8))
    }
    #expect(other.batch > 0)
    try Access.revokeLink(unit: "D1", store: b.store)
    let newLink = try b.link("D1")
    #expect(newLink != d1)
    try await b.test { client in
      let old = try await client.execute(uri: d1, method: .get)
      #expect(old.status == .notFound)
      let new = try await client.execute(uri: newLink, method: .get)
      #expect(new.status == .ok)
    }
  }

  @Test("a good upload is the unit's submission; a bad one lists every problem and stores nothing")
  func uploads() async throws {
    let b = try Bench()
    let d1 = try b.link("D1")
    try await b.test { client in
      let token = Self.csrf(Self.text(try await client.execute(uri: d1, method: .get)))!
      let before = try b.batchCount()
      // Two bad rows: a date outside July and hours that are not a number.
      let bad = Self.header + "1,2021-06-30,D1,branch_study,学习一,2,10\n2,2021-07-20,D1,branch_study,学习二,两,5\n"
      let (badBody, headers) = Self.multipart(fields: [("csrf", token)], file: ("d1.csv", Array(bad.utf8)))
      let refused = try await client.execute(uri: d1 + "/upload?month=2021-07", method: .post, headers: headers, body: badBody)
      #expect(refused.status == .unprocessableContent)
      let html = Self.text(refused)
      #expect(html.contains("未被接受"))
      #expect(html.components(separatedBy: "<li>").count - 1 == 2)
      #expect(html.contains("d1.csv:2"))
      #expect(html.contains("d1.csv:3"))
      #expect(try b.batchCount() == before)

      let (goodBody, _) = Self.multipart(fields: [("csrf", token)], file: ("d1.csv", Array((Self.header + Self.goodRows).utf8)))
      let accepted = try await client.execute(uri: d1 + "/upload?month=2021-07", method: .post, headers: headers, body: goodBody)
      #expect(accepted.status == .ok)
      #expect(Self.text(accepted).contains("已报送"))
      #expect(Self.text(accepted).contains("共 2 行"))
      let status = try Submissions.status(of: Self.july, in: b.store)
      let line = status.units.first { $0.unit.id == "D1" }!
      #expect(line.state == .reported)
      #expect(line.rows == 2)
      let history = try Submissions.history(in: b.store)
      #expect(history.last?.scope == SubmissionScope(unit: "D1", month: Self.july))
      #expect(history.last?.author == "web:D1")
      // A file naming another unit is refused: the link's unit is the scope.
      let foreign = Self.header + "1,2021-07-05,D2,branch_study,学习一,2,10\n"
      let (foreignBody, _) = Self.multipart(fields: [("csrf", token)], file: ("d2.csv", Array(foreign.utf8)))
      let elsewhere = try await client.execute(uri: d1 + "/upload?month=2021-07", method: .post, headers: headers, body: foreignBody)
      #expect(elsewhere.status == .unprocessableContent)
      #expect(try b.batchCount() == before + 1)
    }
  }

  @Test("an upload without the page's CSRF field, or beyond 20 MB, is refused and stores nothing")
  func refusedUploads() async throws {
    let b = try Bench()
    let d1 = try b.link("D1")
    let d2 = try b.link("D2")
    try await b.test { client in
      let before = try b.batchCount()
      let d2Token = Self.csrf(Self.text(try await client.execute(uri: d2, method: .get)))!
      for token in ["", "forged", d2Token] {
        let (body, headers) = Self.multipart(fields: [("csrf", token)], file: ("d1.csv", Array((Self.header + Self.goodRows).utf8)))
        let r = try await client.execute(uri: d1 + "/upload?month=2021-07", method: .post, headers: headers, body: body)
        #expect(r.status == .forbidden)
      }
      let d1Token = Self.csrf(Self.text(try await client.execute(uri: d1, method: .get)))!
      let huge = [UInt8](repeating: 0x41, count: Workbench.uploadLimit + 100 * 1024)
      let (body, headers) = Self.multipart(fields: [("csrf", d1Token)], file: ("big.csv", huge))
      let r = try await client.execute(uri: d1 + "/upload?month=2021-07", method: .post, headers: headers, body: body)
      #expect(r.status == .contentTooLarge)
      #expect(Self.text(r).contains("20 MB"))
      #expect(try b.batchCount() == before)
    }
  }

  @Test("the office returns a submission with a reason and undoes it; forms without the session's CSRF token are refused")
  func returnAndUndo() async throws {
    let b = try Bench()
    _ = try Submissions.submit(
      try ImportSource(bytes: Data((Self.header + Self.goodRows).utf8), name: "d1.csv"), to: b.store,
      request: ImportRequest(
        submission: SubmissionScope(unit: "D1", month: Self.july), author: "t", today: Day(year: 2021, month: 8, day: 1)!))
    try await b.test { client in
      let (session, csrf) = try #require(try await Self.logIn(client))
      let form: HTTPFields = [.contentType: "application/x-www-form-urlencoded", .cookie: session]
      let before = try b.batchCount()
      let forged = try await client.execute(
        uri: "/office/return", method: .post, headers: form, body: ByteBuffer(string: "csrf=nope&unit=D1&month=2021-07&reason=x"))
      #expect(forged.status == .forbidden)
      let noSession = try await client.execute(
        uri: "/office/return", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
        body: ByteBuffer(string: "csrf=\(csrf)&unit=D1&month=2021-07&reason=x"))
      #expect(noSession.status == .seeOther)
      #expect(try b.batchCount() == before)

      let reason = "学时填写有误".addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
      let returned = try await client.execute(
        uri: "/office/return", method: .post, headers: form, body: ByteBuffer(string: "csrf=\(csrf)&unit=D1&month=2021-07&reason=\(reason)")
      )
      #expect(returned.status == .seeOther)
      let line = try Submissions.status(of: Self.july, in: b.store).units.first { $0.unit.id == "D1" }!
      #expect(line.state == .returned)
      #expect(line.reason == "学时填写有误")
      let board = Self.text(try await client.execute(uri: "/office?month=2021-07", method: .get, headers: [.cookie: session]))
      #expect(board.contains("已退回"))
      // A second session gets the same board (from the cache) with its own CSRF token.
      let (other, otherCSRF) = try #require(try await Self.logIn(client))
      let second = Self.text(try await client.execute(uri: "/office?month=2021-07", method: .get, headers: [.cookie: other]))
      #expect(otherCSRF != csrf)
      #expect(second.contains(otherCSRF) && !second.contains(csrf) && !second.contains("mark-5e0c2b9a"))
      #expect(second.contains("学时填写有误"))
      #expect(board.contains("学时填写有误"))
      // The unit's page shows the return and its reason.
      let unitPage = Self.text(try await client.execute(uri: try b.link("D1"), method: .get))
      #expect(unitPage.contains("已退回"))
      #expect(unitPage.contains("学时填写有误"))

      let returnBatch = try Submissions.history(in: b.store).last!.batch
      let undone = try await client.execute(
        uri: "/office/undo", method: .post, headers: form, body: ByteBuffer(string: "csrf=\(csrf)&batch=\(returnBatch)&month=2021-07"))
      #expect(undone.status == .seeOther)
      #expect(try Submissions.status(of: Self.july, in: b.store).units.first { $0.unit.id == "D1" }!.state == .reported)
      #expect(undone.headers[.location] == "/office/history?month=2021-07&undone=\(returnBatch)")
      let history = Self.text(try await client.execute(uri: undone.headers[.location]!, method: .get, headers: [.cookie: session]))
      #expect(history.contains("已撤销第 \(returnBatch) 批"))
      // Undoing it again is refused with the library's message, and changes nothing.
      let count = try b.batchCount()
      let again = try await client.execute(
        uri: "/office/undo", method: .post, headers: form, body: ByteBuffer(string: "csrf=\(csrf)&batch=\(returnBatch)"))
      #expect(again.status == .unprocessableContent)
      #expect(try b.batchCount() == count)
    }
  }

  @Test("the API answers the office's session or a token with the CLI's JSON, and refuses anyone else")
  func api() async throws {
    let b = try Bench()
    let token = try Access.addAPIToken(name: "dashboard", store: b.store)
    try await b.test { client in
      #expect(try await client.execute(uri: "/api/status?month=2021-07", method: .get).status == .unauthorized)
      #expect(
        try await client.execute(uri: "/api/status?month=2021-07", method: .get, headers: [.authorization: "Bearer wrong"]).status
          == .unauthorized)
      let status = try await client.execute(uri: "/api/status?month=2021-07", method: .get, headers: [.authorization: "Bearer \(token)"])
      #expect(status.status == .ok)
      let expected = CollectionText.statusJSON(try Submissions.status(of: Self.july, in: b.store), asOf: nil).rendered() + "\n"
      #expect(Self.text(status) == expected)
      let stats = try await client.execute(uri: "/api/stats?month=2021-07", method: .get, headers: [.authorization: "Bearer \(token)"])
      #expect(Self.text(stats) == (try FiguresJSON.stats(period: .month(Self.july), store: b.store)).rendered() + "\n")
      let (session, _) = try #require(try await Self.logIn(client))
      #expect(try await client.execute(uri: "/api/stats?month=2021-07", method: .get, headers: [.cookie: session]).status == .ok)
      #expect(
        try await client.execute(uri: "/api/stats?month=July", method: .get, headers: [.authorization: "Bearer \(token)"]).status
          == .badRequest)
    }
  }

  @Test("the office's downloads are the bytes Reports.produce writes")
  func downloads() async throws {
    let b = try Bench()
    try await b.test { client in
      let (session, _) = try #require(try await Self.logIn(client))
      let r = try await client.execute(uri: "/office/download?month=2021-07&file=xlsx", method: .get, headers: [.cookie: session])
      #expect(r.status == .ok)
      #expect(r.headers[.contentDisposition] == "attachment; filename=\"monthly-2021-07.xlsx\"")
      let folder = try TemporaryDirectory()
      defer { folder.remove() }
      let produced = try Reports.produce(
        ReportRequest(period: .month(Self.july), reportDate: Day(year: 2021, month: 8, day: 3)!, lang: .zh), store: b.store,
        folder: folder.url.path)
      #expect(Array(r.body.readableBytesView) == Array(try Data(contentsOf: URL(fileURLWithPath: produced.workbook))))
      let txt = try await client.execute(uri: "/office/download?quarter=2021Q3&file=txt", method: .get, headers: [.cookie: session])
      #expect(txt.headers[.contentDisposition] == "attachment; filename=\"quarterly-2021Q3.txt\"")
      let docx = try await client.execute(uri: "/office/download?month=2021-07&file=docx", method: .get, headers: [.cookie: session])
      #expect(docx.headers[.contentDisposition] == "attachment; filename=\"monthly-2021-07.docx\"")
      #expect(Array(docx.body.readableBytesView) == Array(try Data(contentsOf: URL(fileURLWithPath: produced.document))))
      #expect(try await client.execute(uri: "/office/download?month=2021-07", method: .get).status == .seeOther)
    }
  }

  @Test("the figures page shows the overview's rows and values as the workbook has them, the charts as inline SVG, and the lists")
  func figures() async throws {
    let b = try Bench()
    try await b.test { client in
      #expect(try await client.execute(uri: "/office/figures?month=2021-07", method: .get).status == .seeOther)
      let (session, _) = try #require(try await Self.logIn(client))
      let r = try await client.execute(uri: "/office/figures?month=2021-07", method: .get, headers: [.cookie: session])
      #expect(r.status == .ok)
      let page = String(buffer: r.body)
      let figures = try Reports.figures(
        ReportRequest(period: .month(Self.july), reportDate: Day(year: 2021, month: 8, day: 3)!, lang: .zh), store: b.store)
      // Every row of the overview, with its values in the workbook's format.
      for row in figures.overview.rows {
        #expect(page.contains("<td>\(row.name)</td>"), "\(row.name)")
      }
      let average = try #require(figures.overview.row("branchAverage"))
      let cells = [OverviewTable.Column.period, .previous, .change, .cumulative].map {
        "<td class=\"num\">\(average.cell($0).value.text(.zh))</td>"
      }
      #expect(page.contains(cells.joined()), "the average's row")
      #expect(page.components(separatedBy: "<svg").count == 3)  // the units' chart and the funnel
      for unit in figures.report.unitsBelowAverage { #expect(page.contains(unit.name)) }
      for e in figures.report.ledger.entries where e.overdue { #expect(page.contains(e.record.matter.title)) }
      // A quarter and a year; a bad period is refused.
      let quarter = try await client.execute(uri: "/office/figures?quarter=2021Q3", method: .get, headers: [.cookie: session])
      #expect(quarter.status == .ok && String(buffer: quarter.body).contains("2021年第三季度统计数据"))
      #expect(try await client.execute(uri: "/office/figures?year=2021", method: .get, headers: [.cookie: session]).status == .ok)
      #expect(
        try await client.execute(uri: "/office/figures?quarter=2021Q5", method: .get, headers: [.cookie: session]).status == .badRequest)
    }
  }

  @Test("HMAC-SHA-256 matches RFC 4231's test case 2, and token comparison is exact")
  func hmac() {
    let mac = Access.hmac(key: Array("Jefe".utf8), "what do ya want for nothing?")
    #expect(Access.hex(mac) == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
    #expect(Access.constantTimeEqual("abc", "abc"))
    #expect(!Access.constantTimeEqual("abc", "abd"))
    #expect(!Access.constantTimeEqual("abc", "abcd"))
    #expect(RequestLogMiddleware<WebContext>.masked("/u/SECRET/upload") == "/u/…/upload")
    #expect(RequestLogMiddleware<WebContext>.masked("/u/SECRET") == "/u/…")
  }
}
