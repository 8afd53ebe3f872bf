import Foundation
import TestSupport
import Testing

/// Input at the edges: very long lines and cells, very deep trees. Each gets a clear outcome;
/// the large versions (a 2 GB file, 10^6 units) are measured by `scripts/limits` and reported in
/// docs/reliability.md.
@Suite("Input limits", .serialized)
struct LimitsTests {
  @Test("a 10 MB line: a cell past Excel's limit is refused on its line, a row of a million cells too")
  func longLines() throws {
    let dir = try TemporaryDirectory()
    defer { dir.remove() }
    let env = ["REPORT_DB": dir.path("campaign.sqlite")]
    #expect(try runReport(["import", "--quiet", Fixtures.path("tiny/organizations.csv")], environment: env).status == 0)
    let hugeCell = String(repeating: "长", count: 3_500_000)  // 10.5 MB of UTF-8
    let manyCells = String(repeating: ",", count: 10_000_000)
    let file = try dir.write(
      "long.csv",
      "id,date,unit,kind,title,note\nL1,2021-07-01,D1,seminar,t,\(hugeCell)\nL2,2021-07-02,D1,seminar,t,x\(manyCells)y\nL3,2021-07-03,D1,seminar,t,\n"
    )
    let r = try runReport(["import", file], environment: env)
    #expect(r.status == 65)
    #expect(r.stderr.contains("long.csv:2:6"), "\(r.stderr.prefix(500))")
    #expect(r.stderr.contains("32767"))
    #expect(r.stderr.contains("long.csv:3:7"), "\(r.stderr.prefix(500))")
    #expect(r.stderr.utf8.count < 10_000, "the message quotes a short prefix, not the cell")
    let stats = try runReport(["stats", "--month", "2021-07", "--json"], environment: env)
    #expect(stats.status == 0)
    #expect(!stats.stdout.contains("\"count\": 1,"), "nothing of the file was imported")
  }

  @Test("an organization tree 1,000 levels deep imports, reports and rolls up to its one unit")
  func deepTree() throws {
    let dir = try TemporaryDirectory()
    defer { dir.remove() }
    let env = ["REPORT_DB": dir.path("campaign.sqlite")]
    var orgs = "id,name,kind,parent,counted\nC,中共测试学院委员会,committee,,\n"
    for i in 1...1000 { orgs += "L\(i),第\(i)层,\(i == 1000 ? "branch" : "general_branch"),\(i == 1 ? "C" : "L\(i - 1)"),\n" }
    var acts = "id,date,unit,kind,title\n"
    for i in stride(from: 1, through: 1000, by: 111) { acts += "A\(i),2021-07-05,L\(i),branch_study,t\n" }
    let r = try runReport(["import", "--quiet", try dir.write("orgs.csv", orgs), try dir.write("acts.csv", acts)], environment: env)
    #expect(r.status == 0, "\(r.stderr)")
    let stats = try runReport(["stats", "--month", "2021-07", "--json"], environment: env)
    #expect(stats.status == 0, "\(stats.stderr)")
    let json = try JSONSerialization.jsonObject(with: Data(stats.stdout.utf8)) as? [String: Any]
    let units = json?["units"] as? [[String: Any]] ?? []
    #expect(units.count == 1)
    #expect(units.first?["id"] as? String == "L1")
    #expect(try runReport(["monthly", "--month", "2021-07", "--quiet", "--out", dir.path("out")], environment: env).status == 0)
    #expect(try runReport(["template", "--unit", "L999", "--out", dir.path("out")], environment: env).status == 0)
    // A cycle deep in the tree is found and named.
    let cycle = try runReport(
      ["import", try dir.write("cycle.csv", "id,name,kind,parent,counted\nL1,第1层,general_branch,L1000,\n")], environment: env)
    #expect(cycle.status == 65)
    #expect(cycle.stderr.contains("循环"), "\(cycle.stderr)")
  }
}
