import Aggregation
import CampaignModel
import CampaignStore
import Foundation
import TestSupport
import Testing

/// The requirement and plan figures of the tiny institution (Tests/Fixtures/tiny/requirements.csv
/// and plans.csv), each number worked out by hand in docs/definitions.md ("Requirements and
/// plans"). Units: G1 (with sub-branches G1a, G1b), D1, D2, R (not counted); C is the committee.
@Suite("Requirements and plans of the tiny institution")
struct TargetFiguresTests {
  func day(_ y: Int, _ m: Int, _ d: Int) -> Day { Day(year: y, month: m, day: d)! }

  func targets(_ t: TestStore, _ period: DayRange) throws -> TargetFigures {
    try t.store.snapshot { try Statistics.compute(period: period, from: $0) }.targets
  }

  func ids(_ units: [CampaignModel.Unit]) -> [String] { units.map(\.id) }

  @Test("July: the exempt unit and the unit not counted are not required; sub-branches count for G1")
  func julyRequirements() throws {
    let t = try TestStore.tinyWithTargets()
    let r = try targets(t, Month(year: 2021, month: 7)!.days).requirements
    try #require(r.count == 3)
    // Every unit, monthly, at least 1 branch session, D2 exempt: required G1 and D1 (R is not
    // counted); G1 has 3 (A2 G1a, A3 G1b, A4 its own), D1 2 (A5): 2 of 2.
    #expect(ids(r[0].required) == ["G1", "D1"])
    #expect(ids(r[0].met) == ["G1", "D1"])
    #expect(r[0].missed.isEmpty)
    #expect(r[0].rate == Ratio(2, 2))
    #expect(r[0].windows == [Month(year: 2021, month: 7)!.days])
    // Direct branches, at least 2: D1 (2) met, D2 (0: A9 is in August) missed; R not counted.
    #expect(ids(r[1].required) == ["D1", "D2"])
    #expect(ids(r[1].met) == ["D1"])
    #expect(ids(r[1].missed) == ["D2"])
    #expect(r[1].rate?.percent == "50.0%")
    // G1, one supervision a quarter from 1 July: judged over 1–31 July, G1 had none.
    #expect(r[2].windows == [DayRange(day(2021, 7, 1), day(2021, 7, 31))!])
    #expect(ids(r[2].required) == ["G1"])
    #expect(ids(r[2].missed) == ["G1"])
    #expect(r[2].rate == Ratio(0, 1))
  }

  @Test("June: G1 meets the requirement only through its sub-branch G1a; a requirement from July is not listed")
  func juneRequirements() throws {
    let t = try TestStore.tinyWithTargets()
    let r = try targets(t, Month(year: 2021, month: 6)!.days).requirements
    try #require(r.count == 2)
    #expect(ids(r[0].met) == ["G1"])  // A1, G1a, 15 June
    #expect(ids(r[0].missed) == ["D1"])
    #expect(r[0].rate?.percent == "50.0%")
    #expect(r[1].met.isEmpty)
    #expect(r[1].rate == Ratio(0, 2))
  }

  @Test("The third quarter: a monthly requirement must be met in every month of it")
  func quarterRequirements() throws {
    let t = try TestStore.tinyWithTargets()
    let r = try targets(t, ReportPeriod.quarter(year: 2021, quarter: 3).days).requirements
    #expect(r[0].windows.count == 3)
    // G1 and D1 held nothing in August or September.
    #expect(r[0].met.isEmpty)
    #expect(r[0].rate == Ratio(0, 2))
    // The quarterly supervision requirement: one window, 1 July – 30 September.
    #expect(r[2].windows == [DayRange(day(2021, 7, 1), day(2021, 9, 30))!])
  }

  @Test("Plans as of 31 July: the institution's year, a span crossing the period, E on a span's last day")
  func julyPlans() throws {
    let t = try TestStore.tinyWithTargets()
    let p = try targets(t, Month(year: 2021, month: 7)!.days).plans
    try #require(p.count == 4)
    // P1: the committee, 12 central-group sessions in 2021. Done 1 (A7); 212 of 365 days.
    #expect(p[0].plan.unit == nil)
    #expect(p[0].plan.organization == "C")
    #expect(p[0].done == 1)
    #expect(p[0].elapsed == Ratio(212, 365))
    #expect(p[0].elapsed.percent == "58.1%")
    #expect(p[0].completion.percent == "8.3%")
    #expect(p[0].expected == Ratio(2544, 365))
    #expect(p[0].expected.fixed(1) == "7.0")
    #expect(p[0].gap.fixed(1) == "-6.0")
    #expect(p[0].status == .behind)
    // P2: G1, 6 sessions from 1 June to 31 August: A1 (June, G1a), A2, A3, A4 = 4; 61 of 92 days.
    #expect(p[1].done == 4)
    #expect(p[1].elapsed == Ratio(61, 92))
    #expect(p[1].expected.fixed(1) == "4.0")
    #expect(p[1].gap == Ratio(2, 92))
    #expect(p[1].completion.percent == "66.7%")
    #expect(p[1].elapsed.percent == "66.3%")
    #expect(p[1].lead.fixed(1, scale: 100) == "0.4")
    #expect(p[1].status == .ahead)
    // P3: D1, 2 sessions, 5–31 July; E is its last day: A5 counts 2, done.
    #expect(p[2].plan.unit == "D1")
    #expect(p[2].elapsed == Ratio(27, 27))
    #expect(p[2].done == 2)
    #expect(p[2].status == .done)
    // The plan without an id: D2, 1 session in July, none held.
    #expect(p[3].plan.id == "")
    #expect(p[3].done == 0)
    #expect(p[3].gap.fixed(1) == "-1.0")
    #expect(p[3].status == .behind)
  }

  @Test("E on a span's first day (5 July), and a plan not begun by E is not listed")
  func firstDay() throws {
    let t = try TestStore.tinyWithTargets()
    let p = try targets(t, DayRange(day(2021, 7, 1), day(2021, 7, 5))!).plans
    try #require(p.count == 4)
    #expect(p[2].elapsed == Ratio(1, 27))
    #expect(p[2].done == 2)
    #expect(p[2].status == .done)
    // P2 up to 5 July: A1 and A2 (3 July), 35 of 92 days; 6 × 35 ÷ 92 = 2.28 expected.
    #expect(p[1].done == 2)
    #expect(p[1].expected.fixed(1) == "2.3")
    #expect(p[1].status == .behind)
    let june = try targets(t, Month(year: 2021, month: 6)!.days).plans
    #expect(june.map(\.plan.id) == ["P1", "P2"])
  }

  @Test("August: spans that ended before E show their final state")
  func finalState() throws {
    let t = try TestStore.tinyWithTargets()
    let p = try targets(t, Month(year: 2021, month: 8)!.days).plans
    // P2 ends on E: still 4 of 6, 92 of 92 days.
    #expect(p[1].elapsed == Ratio(92, 92))
    #expect(p[1].done == 4)
    #expect(p[1].status == .behind)
    // D2's plan ended on 31 July: A9 (2 August) does not count.
    #expect(p[3].elapsed == Ratio(31, 31))
    #expect(p[3].done == 0)
    #expect(p[2].status == .done)
  }

  @Test("A report on G1's subtree (--root G1): its branches are the units, G1's plan is the top's, others are left out")
  func subtree() throws {
    let t = try TestStore.tinyWithTargets()
    let x = try t.store.snapshot(root: "G1") { try Statistics.compute(period: Month(year: 2021, month: 7)!.days, from: $0) }.targets
    // Requirement 1 applies to G1a and G1b (one session each in July); requirement 2 to no
    // direct branch (listed, rate undefined); requirement 3 names G1, which is no unit here.
    #expect(x.requirements.count == 2)
    #expect(ids(x.requirements[0].met) == ["G1a", "G1b"])
    #expect(x.requirements[1].required.isEmpty)
    #expect(x.requirements[1].rate == nil)
    // P2 is the top's plan: every record of the subtree counts, A1–A4 = 4.
    #expect(x.plans.map(\.plan.id) == ["P2"])
    #expect(x.plans[0].plan.unit == nil)
    #expect(x.plans[0].done == 4)
  }

  @Test("A leap year has 366 days; 29 February is a day of the span")
  func leapYear() {
    let plan = Plan(
      id: "Y", organization: "C", unit: nil, unitName: "", kind: "k", target: 12,
      span: DayRange(day(2020, 1, 1), day(2020, 12, 31))!)
    let f = PlanFigures(plan: plan, asOf: day(2020, 7, 31), done: 7)
    #expect(f.elapsedDays == 213)
    #expect(f.elapsed == Ratio(213, 366))
    #expect(f.elapsed.percent == "58.2%")
    #expect(f.expected.fixed(1) == "7.0")  // 2556 ÷ 366 = 6.98
    #expect(f.status == .ahead)
    let february = PlanFigures(
      plan: Plan(
        id: "F", organization: "C", unit: nil, unitName: "", kind: "k", target: 4, span: DayRange(day(2020, 2, 1), day(2020, 2, 29))!),
      asOf: day(2020, 2, 28), done: 3)
    #expect(february.elapsed == Ratio(28, 29))
    #expect(february.status == .behind)  // 3 × 29 = 87 < 4 × 28 = 112
    #expect(PlanFigures.elapsedDays(of: february.plan.span, asOf: day(2020, 1, 31)) == 0)
    #expect(PlanFigures.elapsedDays(of: february.plan.span, asOf: day(2020, 3, 1)) == 29)
  }

  @Test("Cycles: a quarter's window starts at the quarter, is cut by the requirement's dates and ends with the period")
  func windows() {
    let r = Requirement(kind: "k", per: .quarter, appliesTo: .all, from: day(2021, 8, 10))
    #expect(RequirementFigures.windows(of: r, in: Month(year: 2021, month: 9)!.days) == [DayRange(day(2021, 8, 10), day(2021, 9, 30))!])
    #expect(RequirementFigures.windows(of: r, in: Month(year: 2021, month: 7)!.days).isEmpty)
    let y = Requirement(kind: "k", per: .year, appliesTo: .all)
    #expect(RequirementFigures.windows(of: y, in: Month(year: 2021, month: 7)!.days) == [DayRange(day(2021, 1, 1), day(2021, 7, 31))!])
  }
}
