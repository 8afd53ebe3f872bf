import Aggregation
import CampaignModel
import CampaignStore
import TestSupport
import Testing

/// `--root`: the figures of one organization's subtree, hand-computed on the tiny institution.
/// Under G1 (机关党总支) are G1a and G1b; G1's own rows count for no unit.
@Suite("Reports on a subtree")
struct SubtreeTests {
  let july = Month(year: 2021, month: 7)!

  func stats(_ t: TestStore, root: String?) throws -> Statistics {
    try t.store.snapshot(root: root) { try Statistics.compute(period: july.days, from: $0) }
  }

  @Test("the subtree's kinds, units, average and names")
  func kindsAndUnits() throws {
    let t = try TestStore.tiny()
    let s = try stats(t, root: "G1")
    // July: A2 (G1a) 1.5 h 12, A3 (G1b) 2 h 8, A4 (G1 itself) 1 h 20; June adds A1 (G1a) 2 h 10.
    let b = try #require(s.kind("branch_study")).totals
    #expect(b.period == Totals(count: 3, hours: Hours(hundredths: 450), participants: 40))
    #expect(b.cumulative == Totals(count: 4, hours: Hours(hundredths: 650), participants: 50))
    #expect(s.kind("news_post")?.totals.period.count == 10)
    // D1's media report, D1's supervision and C's central-group session are outside.
    #expect(s.kind("media_report")?.totals.cumulative.count == 0)
    #expect(s.kind("supervision")?.totals.cumulative.count == 0)
    #expect(s.kind("central_group_study")?.totals.cumulative.count == 0)
    #expect(s.units.map(\.unit.id) == ["G1a", "G1b"])
    #expect(s.units.map(\.branchStudy.period) == [1, 1])
    #expect(s.units.map(\.branchStudy.cumulative) == [2, 1])
    #expect(s.branchStudyAverage.period == Ratio(2, 2))
    #expect(s.branchStudyAverage.cumulative == Ratio(3, 2))
    // The forms name the subtree's top organization, not the store's institution or office.
    #expect(s.settings.institution == "机关党总支")
    #expect(s.reportingUnit == "机关党总支")
  }

  @Test("the subtree's matters and opinions")
  func matters() throws {
    let t = try TestStore.tiny()
    let m = try stats(t, root: "G1").matters
    // F1, F2 (June) and M1 (G1a), M5 (G1); nothing of theirs happened in July; M1 is overdue.
    #expect(m.period == MatterFunnel(collected: 0, consolidated: 0, claimed: 0, resolved: 0))
    #expect(m.asOf == MatterFunnel(collected: 2, consolidated: 2, claimed: 2, resolved: 0))
    #expect(m.resolutionRate == Ratio(0, 2))
    #expect(m.overdue == 1)
    #expect(m.keyProjects == 1)
  }

  @Test("the detail rows of a subtree name the unit under its top")
  func details() throws {
    let t = try TestStore.tiny()
    var rows: [String] = []
    try t.store.snapshot(root: "G1") { source in
      try source.forEachActivity(dated: .within(july.days), kinds: nil) { r in
        rows.append("\(r.activity.id ?? "-") \(r.organizationName) \(r.unitName ?? "-")")
      }
    }
    #expect(rows == ["A2 机关第一党支部 机关第一党支部", "A3 机关第二党支部 机关第二党支部", "A4 机关党总支 -", "- 机关党总支 -", "- 机关党总支 -"])
  }

  @Test("the top committee as root is the whole tree; a leaf has no units; an unknown id is refused")
  func edges() throws {
    let t = try TestStore.tiny()
    #expect(try stats(t, root: "C") == stats(t, root: nil))
    let leaf = try stats(t, root: "G1a")
    #expect(leaf.units.isEmpty)
    #expect(leaf.kind("branch_study")?.totals.cumulative.count == 2)
    #expect(throws: StoreError.self) { try stats(t, root: "nope") }
  }
}
