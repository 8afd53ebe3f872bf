import Aggregation
import CampaignModel
import CampaignStore
import Foundation
import TestSupport
import Testing

/// Hand-computed expectations on the tiny institution (Tests/Fixtures/tiny/). Units: G1 (with
/// sub-branches G1a, G1b), D1, D2, R (not counted); C is the committee.
@Suite("Statistics of the tiny institution")
struct StatisticsTests {
  let july = Month(year: 2021, month: 7)!
  let august = Month(year: 2021, month: 8)!

  func stats(_ t: TestStore, _ m: Month) throws -> Statistics {
    try t.store.snapshot { try Statistics.compute(period: m.days, from: $0) }
  }

  @Test("per kind: count, hours and participants, for the month and cumulatively")
  func kinds() throws {
    let t = try TestStore.tiny()
    let s = try stats(t, july)
    #expect(s.windows.period == july.days)
    #expect(s.windows.cumulative.start == Day(year: 2021, month: 1, day: 1))
    // branch_study in July: A2 1 + A3 1 + A4 1 + A5 2 + A6 1 + A8 1 (committee) = 7 sessions,
    // 1.5+2+1+2+1+1 = 8.5 hours, 12+8+20+6+30+5 = 81 participants. Cumulative adds A1 (June).
    let b = try #require(s.kind("branch_study")).totals
    #expect(b.period == Totals(count: 7, hours: Hours(hundredths: 850), participants: 81))
    #expect(b.cumulative == Totals(count: 8, hours: Hours(hundredths: 1050), participants: 91))
    #expect(s.kind("central_group_study")?.totals.period == Totals(count: 1, hours: Hours(hundredths: 300), participants: 20))
    // The two identical news-post rows are two rows of 5.
    #expect(s.kind("news_post")?.totals.period.count == 10)
    #expect(s.kind("media_report")?.totals.period.count == 3)
    #expect(s.kind("supervision")?.totals.period.count == 1)
    // Every catalogue kind appears, with zeros where nothing happened.
    #expect(s.kinds.count == 14)
    #expect(s.kind("reading_class")?.totals == PeriodPair(period: .zero, cumulative: .zero))
  }

  @Test("units: sub-branches roll up, the committee counts for no unit, a zero unit is listed")
  func units() throws {
    let t = try TestStore.tiny()
    let s = try stats(t, july)
    #expect(s.units.map(\.unit.id) == ["G1", "D1", "D2", "R"])
    #expect(s.units.map(\.branchStudy.period) == [3, 2, 0, 1])
    #expect(s.units.map(\.branchStudy.cumulative) == [4, 2, 0, 1])
    #expect(s.units.map(\.unit.counted) == [true, true, true, false])
    // The sum over units leaves out the committee's own session (A8).
    #expect(s.units.reduce(0) { $0 + $1.branchStudy.period } == 6)
  }

  @Test("ranks: counted units by cumulative sessions, ties share a rank")
  func ranks() throws {
    let t = try TestStore.tiny()
    #expect(UnitFigures.ranks(of: try stats(t, july).units) == ["G1": 1, "D1": 2, "D2": 3])
    _ = try t.store.importOne(
      try t.directory.write("tie.csv", "id,date,unit,kind,title\nT1,2021-07-09,D2,branch_study,x\nT2,2021-07-10,D2,branch_study,y\n"))
    #expect(UnitFigures.ranks(of: try stats(t, july).units) == ["G1": 1, "D1": 2, "D2": 2])
  }

  @Test("branch average: counted units only, the zero unit pulls it down")
  func average() throws {
    let t = try TestStore.tiny()
    let s = try stats(t, july)
    // (3 + 2 + 0) ÷ 3 counted units; R is left out.
    #expect(s.branchStudyAverage.period == Ratio(5, 3))
    #expect(s.branchStudyAverage.period?.fixed(1) == "1.7")
    #expect(s.branchStudyAverage.cumulative == Ratio(6, 3))
    #expect(s.branchStudyAverage.cumulative?.fixed(1) == "2.0")
  }

  @Test("branch sessions of all units: every unit, R too, but not the committee's own A8 (docs/definitions.md)")
  func branchTotal() throws {
    let t = try TestStore.tiny()
    let s = try stats(t, july)
    // July: G1 3 + D1 2 + D2 0 + R 1 = 6; the kind's total is 7 with A8. Cumulative adds A1 (G1).
    #expect(s.branchStudyTotal == PeriodPair(period: 6, cumulative: 7))
    #expect(s.kind("branch_study")?.totals.period.count == 7)
  }

  @Test("matters as of July 31, from dates only")
  func mattersJuly() throws {
    let t = try TestStore.tiny()
    let m = try stats(t, july).matters
    #expect(m.period == MatterFunnel(collected: 3, consolidated: 2, claimed: 1, resolved: 1))
    #expect(m.asOf == MatterFunnel(collected: 5, consolidated: 4, claimed: 3, resolved: 1))
    #expect(m.resolutionRate == Ratio(1, 4))
    #expect(m.resolutionRate?.percent == "25.0%")
    #expect(m.claimedResolutionRate?.percent == "33.3%")
    // M1 (due 7-15, resolved only on 8-05) and M3 (due 7-30); M5 is due on the 31st itself.
    #expect(m.overdue == 2)
    #expect(m.keyProjects == 2)
  }

  @Test("matters as of August 31")
  func mattersAugust() throws {
    let t = try TestStore.tiny()
    let m = try stats(t, august).matters
    #expect(m.period == MatterFunnel(collected: 1, consolidated: 1, claimed: 1, resolved: 1))
    #expect(m.asOf == MatterFunnel(collected: 6, consolidated: 5, claimed: 4, resolved: 2))
    #expect(m.resolutionRate?.percent == "40.0%")
    #expect(m.claimedResolutionRate?.percent == "50.0%")
    // M3 (due 7-30) and M5 (due 7-31); M4 is due on the 31st itself, M1 is resolved.
    #expect(m.overdue == 2)
  }

  @Test("July computed after August's data is loaded equals July computed before")
  func julyAfterAugust() throws {
    let before = try TestStore()
    // Only the rows dated up to July 31, with the matters as the ledger stood then.
    let dir = before.directory
    _ = try before.store.importOne(Fixtures.path("tiny/organizations.csv"))
    _ = try before.store.importOne(
      try dir.write(
        "m.csv",
        """
        id,title,unit,raised,owner,claimed,due,status,resolved,key_project,note
        M1,事项一,G1a,2021-06-10,张书记,2021-06-15,2021-07-15,in_progress,,yes,
        M2,事项二,D1,2021-07-05,李院长,2021-07-10,2021-09-30,resolved,2021-07-25,no,
        M3,事项三,D2,2021-07-20,,,2021-07-30,open,,是,
        M5,事项五,G1,2021-05-01,赵主任,2021-05-02,2021-07-31,推进中,,,

        """))
    let acts =
      try String(contentsOfFile: Fixtures.path("tiny/activities.csv"), encoding: .utf8)
      .split(separator: "\n").filter { !$0.contains("2021-08-") }.joined(separator: "\n") + "\n"
    _ = try before.store.importOne(try dir.write("a.csv", acts))
    let fb =
      try String(contentsOfFile: Fixtures.path("tiny/feedback.csv"), encoding: .utf8)
      .split(separator: "\n").filter { !$0.contains("2021-08-") }.joined(separator: "\n") + "\n"
    _ = try before.store.importOne(try dir.write("f.csv", fb))
    let julyBefore = try stats(before, july)

    let after = try TestStore.tiny()
    #expect(try stats(after, july) == julyBefore)
  }

  @Test("the claimed resolution rate counts only claimed matters in its numerator")
  func claimedRateNumerator() throws {
    let t = try TestStore.tiny()
    _ = try t.store.importOne(
      try t.directory.write(
        "m6.csv",
        """
        id,title,unit,raised,owner,claimed,due,status,resolved
        M6,事项六,D1,2021-07-02,,,2021-07-30,resolved,2021-07-20

        """))
    let m = try stats(t, july).matters
    // As of July 31: consolidated 5, claimed 3, resolved 2 (M2, M6), claimed and resolved 1 (M2).
    #expect(m.resolutionRate == Ratio(2, 5))
    #expect(m.claimedResolutionRate == Ratio(1, 3))
  }

  @Test("the ledger as of a day (the briefing's overdue list, the workbook's ledger sheet) agrees with the counts of every month")
  func ledgerAgreesWithCounts() throws {
    let t = try TestStore()
    try t.store.loadDemo()
    for m in 2...9 {
      let month = Month(year: 2021, month: m)!
      let report = try t.store.snapshot { try PeriodReport.compute(month: month, from: $0) }
      let entries = report.ledger.entries, figures = report.current.matters
      #expect(entries.count == figures.asOf.consolidated, "\(month)")
      #expect(entries.filter(\.overdue).count == figures.overdue, "\(month)")
      #expect(entries.filter { $0.status == .resolved }.count == figures.asOf.resolved, "\(month)")
      #expect(entries.filter { $0.claimed != nil }.count == figures.asOf.claimed, "\(month)")
      #expect(entries.filter { $0.status == .resolved && $0.claimed != nil }.count == figures.claimedAndResolved, "\(month)")
      #expect(entries.filter(\.record.matter.keyProject).count == figures.keyProjects, "\(month)")
    }
  }

  @Test("推进中, 未启动 and the matters resolved in the period, from the ledger as of July 31 (docs/definitions.md)")
  func ledgerStates() throws {
    let t = try TestStore.tiny()
    let report = try t.store.snapshot { try PeriodReport.compute(month: Month(year: 2021, month: 7)!, from: $0) }
    // Claimed and not resolved by July 31: M1 (resolved only in August) and M5; not claimed: M3.
    #expect(report.ledger.inProgress == 2)
    #expect(report.ledger.notStarted == 1)
    #expect(report.ledger.resolved(within: Month(year: 2021, month: 7)!.days).map(\.record.matter.id) == ["M2"])
    #expect(report.ledger.resolved(within: Month(year: 2021, month: 6)!.days).isEmpty)
  }

  @Test("kinds grouped by category once, for the workbook and the briefing alike")
  func categories() throws {
    let t = try TestStore.tiny()
    let s = try stats(t, july)
    #expect(s.categories.map(\.code) == ["study", "lecture", "training", "event", "supervision", "publicity"])
    #expect(s.categories.first?.kinds.map(\.kind.code) == ["central_group_study", "reading_class", "seminar", "branch_study"])
    #expect(s.publicityKinds.map(\.kind.code) == ["news_post", "briefing", "media_report"])
    #expect(!s.otherActivityKinds.contains("branch_study") && !s.otherActivityKinds.contains("supervision"))
    #expect(s.otherActivityKinds.count == 14 - 1 - 1 - 3)
  }

  @Test("rates are undefined, not zero or NaN, when nothing is consolidated or claimed")
  func emptyStore() throws {
    let t = try TestStore()
    let s = try stats(t, july)
    #expect(s.matters.resolutionRate == nil)
    #expect(s.matters.claimedResolutionRate == nil)
    #expect(s.branchStudyAverage.period == nil)
    #expect(s.units.isEmpty)
    #expect(s.kinds.allSatisfy { $0.totals.cumulative == .zero })
  }

  @Test("settings: campaign start, divisor and the branch kind change the figures")
  func settings() throws {
    let t = try TestStore.tiny()
    try t.store.setSetting("campaign_start", to: "2021-07-01")
    try t.store.setSetting("rate_divisor", to: "claimed")
    var s = try stats(t, july)
    #expect(s.windows.cumulative.start == Day(year: 2021, month: 7, day: 1))
    #expect(s.kind("branch_study")?.totals.cumulative.count == 7)
    #expect(s.matters.headlineRate == Ratio(1, 3))
    try t.store.setSetting("branch_study_kind", to: "supervision")
    s = try stats(t, july)
    #expect(s.units.map(\.branchStudy.period) == [0, 1, 0, 0])
  }

  @Test("a period that starts before the campaign start: cumulative covers at least the period")
  func periodBeforeCampaignStart() throws {
    let t = try TestStore.tiny()
    try t.store.setSetting("campaign_start", to: "2021-07-10")
    let s = try stats(t, july)
    #expect(s.windows.cumulative == july.days)
    #expect(s.kind("branch_study")?.totals.cumulative == s.kind("branch_study")?.totals.period)
  }
}

@Suite("Ratios")
struct RatioTests {
  @Test(
    "rounding is half-up and exact",
    arguments: [
      (5, 3, 1, 1, "1.7"), (57, 4, 1, 1, "14.3"), (5, 19, 1, 100, "26.3"), (1, 8, 1, 100, "12.5"), (1, 3, 1, 100, "33.3"),
      (2, 3, 0, 1, "1"), (0, 7, 1, 1, "0.0"), (1, 200, 1, 1, "0.0"), (1, 20, 1, 1, "0.1"), (10, 1, 2, 100, "1000.00"),
    ])
  func fixed(_ n: Int, _ d: Int, _ places: Int, _ scale: Int, _ expected: String) {
    #expect(Ratio(n, d)!.fixed(places, scale: scale) == expected)
  }

  @Test func undefined() {
    #expect(Ratio(3, 0) == nil)
    #expect(Ratio(10, 38)!.percent == "26.3%")
  }
}
