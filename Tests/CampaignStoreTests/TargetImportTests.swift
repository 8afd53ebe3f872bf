import CampaignModel
import CampaignStore
import Foundation
import TestSupport
import Testing

/// Importing requirements and plans: recognised by their header, upserted, refused whole with
/// file, line and column, and kept per campaign.
@Suite("Requirements and plans import")
struct TargetImportTests {
  func write(_ t: TestStore, _ name: String, _ text: String) throws -> String {
    let path = t.directory.path(name)
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }

  func targets(_ t: TestStore, campaign: CampaignChoice = .current(Day.today())) throws -> Targets {
    try t.store.snapshot(campaign: campaign) { try $0.targets() }
  }

  @Test("recognised by header (Chinese or English); read back as written; a second import changes nothing")
  func roundTrip() throws {
    let t = try TestStore.tinyWithTargets()
    let got = try targets(t)
    #expect(got.requirements.count == 3)
    #expect(
      got.requirements[0]
        == Requirement(kind: "branch_study", minimum: 1, per: .month, appliesTo: .all, exempt: ["D2"]))
    #expect(got.requirements[1].appliesTo == .kind(.directBranch))
    #expect(got.requirements[1].minimum == 2)
    #expect(got.requirements[2].appliesTo == .unit("G1"))
    #expect(got.requirements[2].from == Day(year: 2021, month: 7, day: 1))
    #expect(got.plans.map(\.id) == ["P1", "P2", "P3", ""])
    #expect(got.plans[2].organization == "D1")  // named by its full name in the file
    #expect(got.plans[0].unit == nil)
    let again = try t.store.importOne(Fixtures.path("tiny/requirements.csv"))
    #expect(again.type == .requirements)
    #expect((again.added, again.updated, again.unchanged) == (0, 0, 3))
    let plans = try t.store.importOne(Fixtures.path("tiny/plans.csv"))
    #expect(plans.type == .plans)
    #expect((plans.added, plans.updated, plans.unchanged) == (0, 0, 4))
  }

  @Test("a later file changes a requirement's minimum and a plan's target in place")
  func update() throws {
    let t = try TestStore.tinyWithTargets()
    let r = try write(t, "r.csv", "kind,min,per,applies_to\nbranch_study,3,month,direct_branch\n")
    let s = try t.store.importOne(r)
    #expect((s.added, s.updated) == (0, 1))
    let p = try write(t, "p.csv", "编号,单位,类型,目标数,开始日期,结束日期\nP2,G1,branch_study,8,2021-06-01,2021-08-31\n")
    #expect(try t.store.importOne(p).updated == 1)
    let got = try targets(t)
    #expect(got.requirements[1].minimum == 3)
    #expect(got.plans[1].target == 8)
  }

  @Test("bad rows are refused with line and column, and nothing is written")
  func refused() throws {
    let t = try TestStore.tiny()
    let r = try write(
      t, "bad-requirements.csv",
      """
      类型,最少次数,周期,适用单位,免于考核单位,开始日期,结束日期
      没有的类型,1,月,全部,,,
      branch_study,0,每周,全部,不存在的支部,,
      branch_study,1,年,G1a,,2021-08-01,2021-07-01

      """)
    let error = #expect(throws: StoreError.self) { try t.store.importOne(r) }
    guard case .badData(_, let issues, _)? = error else { return }
    #expect(issues.map(\.line) == [2, 3, 3, 3, 4, 4])
    #expect(issues.map(\.column) == [1, 2, 3, 5, 4, 7])
    let message = StoreError.badData(file: r, issues: issues, omitted: 0).message(in: .zh)
    #expect(message.contains("不是目录中的活动类型"))
    #expect(message.contains("列“最少次数” \"0\": 须为不小于 1 的整数"))
    #expect(message.contains("\"不存在的支部\""))
    #expect(message.contains("适用单位须为“全部”"))
    #expect(message.contains("结束日期早于开始日期"))
    let p = try write(
      t, "bad-plans.csv",
      """
      id,unit,kind,target,from,to
      X1,G1a,branch_study,5,2021-01-01,2021-12-31
      X2,G1,branch_study,0,2021-01-01,2021-12-31
      X3,G1,branch_study,,2021-01-01,

      """)
    let planError = #expect(throws: StoreError.self) { try t.store.importOne(p) }
    guard case .badData(_, let planIssues, _)? = planError else { return }
    #expect(planIssues.map(\.line) == [2, 3, 4, 4])
    #expect(planIssues.map(\.column) == [2, 4, 4, 6])
    #expect(StoreError.badData(file: p, issues: planIssues, omitted: 0).message(in: .en).contains("a plan is for the committee itself"))
    #expect(try targets(t) == .none)
  }

  @Test("requirements and plans belong to the campaign they were imported for")
  func perCampaign() throws {
    let t = try TestStore.tiny()
    let first = try t.store.campaigns()[0]
    try t.store.addCampaign(Campaign(code: "later", name: "后续活动", start: Day(year: 2030, month: 1, day: 1), end: nil))
    let path = try write(t, "p.csv", "unit,kind,target,from,to\nC,branch_study,10,2030-01-01,2030-12-31\n")
    let request = ImportRequest(author: "test", today: Day(year: 2030, month: 2, day: 1)!, campaign: "later")
    _ = try t.store.importFile(path, request: request)
    #expect(try targets(t, campaign: .code("later")).plans.count == 1)
    #expect(try targets(t, campaign: .code(first.code)).plans.isEmpty)
  }

  @Test("an undo refuses a requirements batch; a submission cannot carry plans")
  func undoAndSubmission() throws {
    let t = try TestStore.tiny()
    let result = try t.store.importFile(
      Fixtures.path("tiny/requirements.csv"), request: ImportRequest(author: "test", today: Day(year: 2021, month: 8, day: 1)!))
    #expect(throws: StoreError.self) { try t.store.undo(batch: result.batch, author: "test", today: Day(year: 2021, month: 8, day: 2)!) }
    let submission = ImportRequest(
      submission: SubmissionScope(unit: "D1", month: Month(year: 2021, month: 7)!), author: "test",
      today: Day(year: 2021, month: 8, day: 1)!)
    #expect(throws: StoreError.self) { try t.store.importFile(Fixtures.path("tiny/plans.csv"), request: submission) }
  }
}
