import Foundation
import TestSupport
import Testing

/// An existing store becomes one campaign when this version opens it (issue 17): its outputs are
/// byte-identical to those of the same records loaded into a new store.
@Suite("Migrating a store made before campaigns")
struct CampaignMigrationTests {
  @Test("the demo as version 6 left it: July's workbook, briefing, .docx and JSON are byte-identical after the migration")
  func demoV6() throws {
    let dir = try TemporaryDirectory()
    defer { dir.remove() }
    // The store `report demo` wrote before campaigns existed (schema v6: `sqlite3 .dump`).
    let old = ["REPORT_DB": dir.path("old.sqlite")]
    try makeDatabase(atPath: dir.path("old.sqlite"), fromDump: Fixtures.path("v6/demo-v6.sql"))
    // The same records and settings, loaded into a new store.
    let new = ["REPORT_DB": dir.path("new.sqlite")]
    #expect(try runReport(["init", "--quiet"], environment: new).status == 0)
    let demo = Fixtures.packageRoot.appendingPathComponent("Templates/demo").path
    let files = ["organizations", "matters", "activities", "feedback"].map { "\(demo)/\($0).csv" }
    let imported = try runReport(["import"] + files, environment: new)
    #expect(imported.status == 0, "\(imported.stderr)")
    for (key, value) in [
      ("institution", "北辰职业技术学院"), ("campaign", "党史学习教育"), ("campaign_start", "2021-02-20"), ("rate_divisor", "consolidated"),
      ("briefing_issuer", "学院党史学习教育领导小组办公室"), ("briefing_to", "自治区党委教育工委，盟委党史学习教育领导小组办公室"),
      ("briefing_cc", "学院党委班子成员，各党总支、直属党支部"),
    ] {
      #expect(try runReport(["config", key, value], environment: new).status == 0)
    }
    #expect(try runReport(["campaign", "rename", "default", "2021"], environment: new).status == 0)

    var outputs: [[String: Data]] = []
    for (env, name) in [(old, "old"), (new, "new")] {
      let out = dir.path(name)
      let r = try runReport(["monthly", "--month", "2021-07", "--today", "2021-08-03", "--out", out], environment: env)
      #expect(r.status == 0, "\(name): \(r.stderr)")
      let stats = try runReport(["stats", "--month", "2021-07", "--json"], environment: env)
      var files: [String: Data] = ["stats.json": Data(stats.stdout.utf8)]
      for f in ["xlsx", "txt", "docx"] { files[f] = try Data(contentsOf: URL(fileURLWithPath: "\(out)/monthly-2021-07.\(f)")) }
      outputs.append(files)
    }
    for (name, data) in outputs[0] { #expect(outputs[1][name] == data, "\(name) differs after the migration") }
    let list = try runReport(["campaign", "list"], environment: old)
    #expect(list.stdout == "2021\t党史学习教育\t2021-02-20\t—\n")
  }
}
