import Foundation
import TestSupport
import Testing

/// Runs the built binary as a user would and checks stdout, stderr and the exit status.
@Suite("report, end to end")
struct CommandTests {
  @Test("demo loads and prints July; stats --json prints the documented shape")
  func demoAndStats() throws {
    let dir = try TemporaryDirectory()
    defer { dir.remove() }
    let env = ["REPORT_DB": dir.path("db/campaign.sqlite")]
    let demo = try runReport(["demo"], in: dir.url, environment: env)
    #expect(demo.status == 0, "\(demo.stderr)")
    #expect(demo.stdout.contains("北辰职业技术学院 党史学习教育 统计"))
    #expect(demo.stdout.contains("基层党组织集中学习"))
    #expect(demo.stderr.isEmpty)

    let stats = try runReport(["stats", "--month", "2021-07", "--json"], environment: env)
    #expect(stats.status == 0, "\(stats.stderr)")
    let root = try #require(try JSONSerialization.jsonObject(with: Data(stats.stdout.utf8)) as? [String: Any])
    #expect(Set(root.keys).isSuperset(of: ["period", "cumulative_start", "kinds", "units", "branch_study_average", "matters"]))
    #expect(root["cumulative_start"] as? String == "2021-02-20")
    let kinds = try #require(root["kinds"] as? [String: [String: Any]])
    #expect(kinds.count == 14)
    for (_, k) in kinds {
      for window in ["period", "cumulative"] {
        let t = try #require(k[window] as? [String: Any])
        #expect(Set(t.keys) == ["count", "hours", "participants"])
      }
    }
    let matters = try #require(root["matters"] as? [String: [String: Any]])
    #expect(Set(matters["period"]!.keys) == ["collected", "consolidated", "claimed", "resolved"])
    #expect(
      Set(matters["cumulative"]!.keys).isSuperset(of: [
        "collected", "consolidated", "claimed", "resolved", "resolution_rate", "claimed_resolution_rate", "overdue", "key_projects",
      ]))
  }

  @Test("--db overrides REPORT_DB, and the English table comes with --lang en")
  func dbOptionAndEnglish() throws {
    let dir = try TemporaryDirectory()
    defer { dir.remove() }
    #expect(try runReport(["demo", "--quiet", "--db", dir.path("a.sqlite")]).status == 0)
    let r = try runReport(
      ["stats", "--month", "2021-08", "--lang", "en", "--db", dir.path("a.sqlite")], environment: ["REPORT_DB": dir.path("missing.sqlite")])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.contains("Resolution rate (resolved ÷ consolidated)"))
  }

  @Test("bad data exits 65, names the file and line, and writes nothing")
  func badData() throws {
    let dir = try TemporaryDirectory()
    defer { dir.remove() }
    let db = dir.path("campaign.sqlite")
    let env = ["REPORT_DB": db]
    let ok = try runReport(
      [
        "import", Fixtures.path("tiny/activities.csv"), Fixtures.path("tiny/feedback.csv"), Fixtures.path("tiny/organizations.csv"),
        Fixtures.path("tiny/matters.csv"),
      ], environment: env)
    #expect(ok.status == 0, "files given out of order are imported in dependency order: \(ok.stderr)")
    let before = try dumpTables(atPath: db)
    for bad in ["bad-date", "negative-hours", "unknown-unit", "unknown-kind", "contradicting-status", "duplicate-ids", "cycle"] {
      let path = Fixtures.path("bad/\(bad).csv")
      let r = try runReport(["import", path], environment: env)
      #expect(r.status == 65, "\(bad): \(r.stderr)")
      #expect(r.stderr.contains("\(path):"), "\(bad): \(r.stderr)")
      #expect(r.stderr.contains("本文件未导入任何数据"), "\(bad)")
      #expect(r.stdout.isEmpty)
    }
    #expect(try dumpTables(atPath: db) == before)
    let en = try runReport(["import", Fixtures.path("bad/bad-date.csv"), "--lang", "en"], environment: env)
    #expect(en.stderr.contains("bad-date.csv:3:2: column \"date\" \"2021-02-30\": not a real date"), "\(en.stderr)")
  }

  @Test("a missing file or database exits 66; a bad month or setting exits 64")
  func exitCodes() throws {
    let dir = try TemporaryDirectory()
    defer { dir.remove() }
    let env = ["REPORT_DB": dir.path("campaign.sqlite")]
    let stats = try runReport(["stats", "--month", "2021-07"], environment: env)
    #expect(stats.status == 66)
    #expect(stats.stderr.contains("数据库不存在"))
    #expect(!FileManager.default.fileExists(atPath: dir.path("campaign.sqlite")), "a report must not create the store")
    let missing = try runReport(["import", dir.path("nope.csv")], environment: env)
    #expect(missing.status == 66)
    #expect(missing.stderr.contains("nope.csv"))
    #expect(try runReport(["init"], environment: env).status == 0)
    #expect(try runReport(["stats", "--month", "2021-13"], environment: env).status == 64)
    #expect(try runReport(["stats"], environment: env).status == 64)
    #expect(try runReport(["config", "rate_divisor", "sometimes"], environment: env).status == 64)
    #expect(try runReport(["config", "no_such_key"], environment: env).status == 64)
  }

  @Test("config sets and shows settings kept in the store")
  func config() throws {
    let dir = try TemporaryDirectory()
    defer { dir.remove() }
    let env = ["REPORT_DB": dir.path("campaign.sqlite")]
    #expect(try runReport(["config", "institution", "测试学院"], environment: env).status == 0)
    #expect(try runReport(["config", "institution"], environment: env).stdout == "测试学院\n")
    let all = try runReport(["config"], environment: env)
    #expect(all.stdout.contains("institution = 测试学院\n"))
    // The campaign's name is its record's (a new store's campaign is named 党史学习教育).
    #expect(all.stdout.contains("campaign = 党史学习教育\n"))
    #expect(all.stdout.contains("submission_deadline = 5  （默认）"))
  }

  @Test("--help documents the exit codes")
  func help() throws {
    let r = try runReport(["--help"])
    #expect(r.status == 0)
    for code in ["64", "65", "66", "70", "73", "75"] { #expect(r.stdout.contains("  \(code)  ")) }
  }
}
