import Foundation
import TestSupport
import Testing

/// The binary on a PostgreSQL store (`REPORT_TEST_POSTGRES`, started by `scripts/test`): the same
/// outputs as on SQLite, concurrent imports of several institutions, and the connection errors.
@Suite("PostgreSQL, end to end", .enabled(if: TestBackend.serverAdmin != nil))
struct PostgresTests {
  let admin = TestBackend.serverAdmin ?? ""

  /// The JSON figures and the files of a month, from a store.
  func outputs(_ db: String, in dir: TemporaryDirectory, _ name: String) throws -> (json: String, workbook: Data, text: Data) {
    let stats = try runReport(["stats", "--db", db, "--month", "2021-07", "--json"])
    #expect(stats.status == 0, "\(stats.stderr)")
    let out = dir.path(name)
    let monthly = try runReport(["monthly", "--db", db, "--month", "2021-08", "--today", "2021-09-01", "--out", out, "--quiet"])
    #expect(monthly.status == 0, "\(monthly.stderr)")
    return (
      stats.stdout, try Data(contentsOf: URL(fileURLWithPath: out + "/monthly-2021-08.xlsx")),
      try Data(contentsOf: URL(fileURLWithPath: out + "/monthly-2021-08.txt"))
    )
  }

  @Test("the demo and a generated store give the same JSON and byte-identical files on SQLite and PostgreSQL")
  func sameOutputs() throws {
    let dir = try TemporaryDirectory()
    defer { dir.remove() }
    // The demo.
    let server = try ServerDatabase(admin: admin)
    #expect(try runReport(["demo", "--quiet", "--db", dir.path("demo.sqlite")]).status == 0)
    let demo = try runReport(["demo", "--quiet", "--db", server.url])
    #expect(demo.status == 0, "\(demo.stderr)")
    let a = try outputs(dir.path("demo.sqlite"), in: dir, "lite"), b = try outputs(server.url, in: dir, "pg")
    #expect(a.json == b.json)
    #expect(a.workbook == b.workbook)
    #expect(a.text == b.text)
    // The other writing commands too: a quarter, one unit's subtree, the collection template.
    for (name, args) in [
      ("quarter", ["quarterly", "--quarter", "2021Q3", "--today", "2021-10-08"]),
      ("subtree", ["monthly", "--month", "2021-07", "--root", "JD", "--today", "2021-08-05"]),
      ("template", ["template", "--today", "2021-08-05"]),
    ] {
      var files: [[String: Data]] = []
      for db in [dir.path("demo.sqlite"), server.url] {
        let out = dir.path("\(name)-\(files.count)")
        let r = try runReport(args + ["--db", db, "--out", out, "--quiet"])
        #expect(r.status == 0, "\(name): \(r.stderr)")
        let names = try FileManager.default.contentsOfDirectory(atPath: out)
        files.append(Dictionary(uniqueKeysWithValues: try names.map { ($0, try Data(contentsOf: URL(fileURLWithPath: out + "/" + $0))) }))
      }
      #expect(!files[0].isEmpty && files[0] == files[1], "\(name): \(files.map { $0.keys.sorted() })")
    }

    // A generated institution of 30 units and 20,000 activities.
    #expect(
      try runReport(["generate", "--units", "30", "--activities", "20000", "--matters", "300", "--seed", "11", "--out", dir.path("gen")])
        .status == 0)
    let files = ["organizations", "activities", "matters", "feedback"].map { dir.path("gen/\($0).csv") }
    let generated = try ServerDatabase(admin: admin)
    for db in [dir.path("gen.sqlite"), generated.url] {
      let r = try runReport(["import", "--quiet", "--db", db] + files)
      #expect(r.status == 0, "\(r.stderr)")
    }
    let c = try outputs(dir.path("gen.sqlite"), in: dir, "gen-lite"), d = try outputs(generated.url, in: dir, "gen-pg")
    #expect(c.json == d.json)
    #expect(c.workbook == d.workbook)
    #expect(c.text == d.text)
  }

  /// Files of one institution `I<n>` under the league `L`: its tree, activities and matters.
  func institutionFiles(_ n: Int, in dir: TemporaryDirectory) throws -> (files: [String], branchStudy: Int) {
    var orgs = "id,name,kind,parent\n"
    for b in 1...4 { orgs += "I\(n)B\(b),院校\(n)第\(b)支部,branch,I\(n)\n" }
    var acts = "id,date,unit,kind,title,hours,participants\n"
    var branchStudy = 0
    for k in 0..<(1500 + 100 * n) {
      let kind = k % 3 == 0 ? "event" : "branch_study"
      if kind == "branch_study" { branchStudy += 1 }
      acts +=
        "I\(n)-A\(k),2021-\(String(format: "%02d", 1 + k % 7))-\(String(format: "%02d", 1 + k % 28)),I\(n)B\(1 + k % 4),\(kind),学习\(k),1.5,\(5 + k % 20)\n"
    }
    var matters = "id,title,unit,raised,status\n"
    for m in 0..<40 { matters += "I\(n)-M\(m),事项\(m),I\(n)B\(1 + m % 4),2021-0\(1 + m % 6)-10,open\n" }
    return (
      [
        try dir.write("i\(n)-orgs.csv", orgs), try dir.write("i\(n)-acts.csv", acts), try dir.write("i\(n)-matters.csv", matters),
      ], branchStudy
    )
  }

  @Test("8 institutions import at once while reports run: all land, every report sees whole files only, and the end equals a serial run")
  func concurrentImports() throws {
    let dir = try TemporaryDirectory()
    defer { dir.remove() }
    let server = try ServerDatabase(admin: admin)
    var league = "id,name,kind,parent\nL,联盟党委,committee,\n"
    for n in 1...8 { league += "I\(n),院校\(n)党委,general_branch,L\n" }
    let leagueFile = try dir.write("league.csv", league)
    #expect(try runReport(["import", "--quiet", "--db", server.url, leagueFile]).status == 0)
    let institutions = try (1...8).map { try institutionFiles($0, in: dir) }

    // One importer process per institution (its tree, then its records), all at once, and a
    // reader taking the figures over and over until they are done.
    let results = NSLock()
    nonisolated(unsafe) var importResults = [RunResult?](repeating: nil, count: 8)
    nonisolated(unsafe) var snapshots: [String] = []
    let done = DispatchSemaphore(value: 0)
    let finished = ManagedAtomicFlag()
    DispatchQueue.global().async {
      while !finished.isSet {
        if let r = try? runReport(["stats", "--db", server.url, "--month", "2021-07", "--json"]), r.status == 0 {
          snapshots.append(r.stdout)
        }
      }
      done.signal()
    }
    DispatchQueue.concurrentPerform(iterations: 8) { i in
      // Each institution imports as itself (--root): it may not touch another's records.
      let r = try? runReport(["import", "--quiet", "--root", "I\(i + 1)", "--db", server.url] + institutions[i].files)
      results.withLock { importResults[i] = r }
    }
    finished.set()
    done.wait()

    for (i, r) in importResults.enumerated() {
      #expect(r?.status == 0, "institution \(i + 1): \(r?.stderr ?? "did not run")")
    }
    #expect(snapshots.count >= 2, "the reader ran during the imports")
    // Every snapshot holds each institution's activities file whole or not at all, and its
    // queries agree with one another: the units' sessions add up to the kind's.
    var states: Set<String> = []
    for json in snapshots {
      let figures = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
      let units = figures["units"] as? [[String: Any]] ?? []
      var sum = 0
      var state = ""
      for unit in units {
        let n = Int((unit["id"] as! String).dropFirst())!
        let cumulative = (unit["branch_study"] as! [String: Int])["cumulative"]!
        #expect(cumulative == 0 || cumulative == institutions[n - 1].branchStudy, "I\(n) seen with \(cumulative) sessions")
        sum += cumulative
        state += cumulative == 0 ? "0" : "1"
      }
      let branchStudy = (figures["kinds"] as? [String: [String: Any]])?["branch_study"]
      #expect((branchStudy?["cumulative"] as? [String: Any])?["count"] as? Int == sum)
      states.insert(state)
    }
    print("concurrent imports: \(snapshots.count) snapshots taken, \(states.count) distinct states: \(states.sorted())")
    // The end state equals the same files imported one after another into SQLite.
    let serial = dir.path("serial.sqlite")
    #expect(try runReport(["import", "--quiet", "--db", serial, leagueFile]).status == 0)
    for i in institutions { #expect(try runReport(["import", "--quiet", "--db", serial] + i.files).status == 0) }
    let a = try runReport(["stats", "--db", serial, "--month", "2021-07", "--json"])
    let b = try runReport(["stats", "--db", server.url, "--month", "2021-07", "--json"])
    #expect(a.stdout == b.stdout)
    #expect(a.stdout.contains("\"cumulative\": \(institutions[7].branchStudy)"))
    // Each institution's own report, from the shared store.
    let own = try runReport(["stats", "--db", server.url, "--month", "2021-07", "--root", "I3", "--json"])
    #expect(own.status == 0, "\(own.stderr)")
    #expect(own.stdout.contains("\"institution\": \"院校3党委\""))
    // An institution's file naming another institution's record is refused, with the line.
    let intruder = try dir.write("intruder.csv", "id,date,unit,kind,title,hours,participants\nI5-A3,2021-07-01,I2B1,branch_study,改写,1,1\n")
    let refused = try runReport(["import", "--root", "I2", "--db", server.url, "--lang", "en", intruder])
    #expect(refused.status == 65)
    #expect(refused.stderr.contains("\(intruder):2:"), "\(refused.stderr)")
    #expect(refused.stderr.contains("already a record of I5B4"), "\(refused.stderr)")
  }

  @Test("a wrong password, an unreachable server and a missing database: one clear line each, documented codes, no password")
  func connectionErrors() throws {
    let wrong = admin.replacingOccurrences(of: ":report-test@", with: ":not-the-password@")
    let refused = try runReport(["stats", "--db", wrong, "--month", "2021-07"])
    #expect(refused.status == 77)
    #expect(refused.stderr.contains("拒绝登录"), "\(refused.stderr)")
    #expect(!refused.stderr.contains("not-the-password"))
    #expect(refused.stderr.split(separator: "\n").count == 1, "\(refused.stderr)")

    let missing = try runReport([
      "stats", "--db", ServerDatabase.url(admin, database: "no_such_database"), "--month", "2021-07", "--lang", "en",
    ])
    #expect(missing.status == 66)
    #expect(missing.stderr.contains("the server has no such database"), "\(missing.stderr)")
    #expect(!missing.stderr.contains("report-test"))

    let unreachable = try runReport(["stats", "--db", "postgresql://report:secret-word@127.0.0.1:1/x", "--month", "2021-07"])
    #expect(unreachable.status == 69)
    #expect(unreachable.stderr.contains("无法连接数据库服务器"), "\(unreachable.stderr)")
    #expect(!unreachable.stderr.contains("secret-word"))
    #expect(unreachable.stderr.contains("postgresql://report@127.0.0.1:1/x"))
  }
}

/// A flag one thread sets and another reads.
final class ManagedAtomicFlag: @unchecked Sendable {
  private let lock = NSLock()
  private var value = false
  var isSet: Bool { lock.withLock { value } }
  func set() { lock.withLock { value = true } }
}
