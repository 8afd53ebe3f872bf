import CampaignModel
import CampaignStore
import Foundation
import Synthetic
import TestSupport
import Testing

@Suite("Synthetic data for benchmarks")
struct SyntheticTests {
  @Test("the generated files follow the contract: they import without a problem, row counts as asked")
  func valid() throws {
    let t = try TestStore()
    let dir = t.directory.path("gen")
    try SyntheticCampaign(units: 12, activities: 3000, matters: 60, seed: 7).write(to: dir)
    var rows: [RecordType: Int] = [:]
    for f in ["organizations", "matters", "activities", "feedback"] {
      let s = try t.store.importOne(dir + "/\(f).csv")
      rows[s.type] = s.rows
      #expect(s.added == s.rows)
    }
    #expect(rows[.activities] == 3000)
    #expect(rows[.matters] == 60)
    #expect(rows[.feedback] == 216)
    let units = try t.store.snapshot { try $0.units() }
    #expect(units.count == 12)
    #expect(units.filter { !$0.counted }.count == 1)
  }

  @Test("the same seed gives the same bytes; another seed other bytes")
  func deterministic() throws {
    let dir = try TemporaryDirectory()
    defer { dir.remove() }
    for (name, seed) in [("a", UInt64(3)), ("b", 3), ("c", 4)] {
      try SyntheticCampaign(units: 5, activities: 500, matters: 10, seed: seed).write(to: dir.path(name))
    }
    let read = { (n: String) in try Data(contentsOf: URL(fileURLWithPath: dir.path("\(n)/activities.csv"))) }
    #expect(try read("a") == read("b"))
    #expect(try read("a") != read("c"))
  }
}
