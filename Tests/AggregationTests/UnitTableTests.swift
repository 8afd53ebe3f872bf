import Aggregation
import CampaignModel
import CampaignStore
import TestSupport
import Testing

/// The by-unit table (支部统计) of the tiny institution in July 2021, by hand (docs/definitions.md).
@Suite("The by-unit table")
struct UnitTableTests {
  @Test("each unit's figures, 合计 and 平均, by hand")
  func july() throws {
    let t = try TestStore.tiny()
    let table = try t.store.snapshot { try PeriodReport.compute(month: Month(year: 2021, month: 7)!, from: $0).unitTable }
    let rows = Dictionary(uniqueKeysWithValues: table.rows.map { ($0.unit.id, $0) })
    #expect(table.rows.map(\.unit.id) == ["G1", "D1", "D2", "R"])
    // G1: A2, A3, A4 in July (A1 in June); its news posts are publicity, not other activities.
    let g1 = rows["G1"]!
    #expect(g1.branchStudy == PeriodPair(period: 3, cumulative: 4))
    #expect(g1.otherActivities == PeriodPair(period: 0, cumulative: 0))
    #expect(g1.hours == PeriodPair(period: Hours(hundredths: 450), cumulative: Hours(hundredths: 650)))
    #expect(g1.participants == PeriodPair(period: 40, cumulative: 50))
    // M1 (G1a) and M5 (G1) raised by 31 July; neither resolved by then (M1 on 5 August).
    #expect((g1.mattersOwned, g1.mattersResolved) == (2, 0))
    // D1: A5 (2 sessions), a media report (publicity) and a supervision visit received; M2
    // raised 5 July and resolved 25 July.
    let d1 = rows["D1"]!
    #expect(d1.branchStudy == PeriodPair(period: 2, cumulative: 2))
    #expect(d1.supervisionReceived == PeriodPair(period: 1, cumulative: 1))
    #expect(d1.hours.period == Hours(hundredths: 200))
    #expect((d1.mattersOwned, d1.mattersResolved) == (1, 1))
    // D2: nothing in July (A9 is August); M3 raised 20 July, open.
    #expect(rows["D2"]!.branchStudy == PeriodPair(period: 0, cumulative: 0))
    #expect((rows["D2"]!.mattersOwned, rows["D2"]!.mattersResolved) == (1, 0))
    // Ranks among counted units by cumulative branch study: G1 4, D1 2, D2 0; R not counted.
    #expect(table.rows.map(\.rank) == [1, 2, 3, nil])
    // 合计 over every unit, R included: 3 + 2 + 0 + 1 = 6 sessions; 4.5 + 2 + 0 + 1 = 7.5 h.
    #expect(table.total { $0.branchStudy.period } == 6)
    #expect(table.totalHours { $0.hours.period } == Hours(hundredths: 750))
    // 平均 over the counted units G1, D1, D2: (40 + 6 + 0) ÷ 3 participants; (4.5 + 2 + 0) ÷ 3 h.
    #expect(table.average { $0.participants.period }?.fixed(1) == "15.3")
    #expect(table.averageHours { $0.hours.period }?.fixed(1) == "2.2")
  }
}
