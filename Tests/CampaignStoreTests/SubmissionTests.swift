import Aggregation
import CampaignModel
import CampaignStore
import Foundation
import TestSupport
import Testing

/// Submissions (报送): a unit's file for a month replaces that unit's records of the month, its
/// own row numbers stay its own, a correction replaces rather than adds, and every batch can be
/// undone. On the tiny institution (docs/definitions.md): in July 2021, D1 holds A5 (branch
/// study, count 2), A10 (a media report) and A11 (a supervision visit); D2 holds nothing.
@Suite("Submissions")
struct SubmissionTests {
  static let july = Month(year: 2021, month: 7)!
  static let header = "编号,日期,单位,类型,主题,学时,参加人数\n"

  func submit(_ t: TestStore, _ unit: String, _ name: String, _ rows: String, month: Month = july) throws -> ImportResult {
    let request = ImportRequest(
      submission: SubmissionScope(unit: unit, month: month), author: "测试", today: Day(year: 2021, month: 8, day: 3)!)
    return try t.store.importFile(try t.directory.write(name, Self.header + rows), request: request)
  }

  func branchStudy(_ t: TestStore) throws -> (kind: Totals, units: [String: Int], total: Int, average: String?) {
    let s = try t.store.snapshot { try Statistics.compute(period: Self.july.days, from: $0) }
    let units = Dictionary(uniqueKeysWithValues: s.units.map { ($0.unit.id, $0.branchStudy.period) })
    return (s.kind("branch_study")!.totals.period, units, s.branchStudyTotal.period, s.branchStudyAverage.period?.fixed(1))
  }

  @Test("two branches that number their rows 1, 2, 3 keep their own records")
  func ownNumbering() throws {
    let t = try TestStore.tiny()
    let d1 = try submit(t, "D1", "d1.csv", "1,2021-07-05,D1,branch_study,学习一,2,10\n2,2021-07-20,D1,branch_study,学习二,1,5\n")
    let s = d1.summaries[0]
    #expect((s.added, s.updated, s.removed, s.unchanged) == (2, 0, 3, 0))
    // A5, A10 and A11 came from the tiny fixture's activities import, the third batch.
    #expect(s.removedFrom == [3: 3])
    let d2 = try submit(
      t, "D2", "d2.csv",
      "1,2021-07-02,D2,branch_study,学习一,1,8\n2,2021-07-09,D2,branch_study,学习二,1,8\n3,2021-07-16,D2,branch_study,学习三,1,8\n")
    #expect((d2.summaries[0].added, d2.summaries[0].removed) == (3, 0))
    #expect(d2.batch == d1.batch + 1)
    // By hand: G1 3 (A2–A4), D1 2, D2 3, R 1 (A6), the committee's A8 1: 10 sessions;
    // hours 1.5+2+1 + 2+1 + 1+1+1 + 1 + 1 = 12.5; participants 40 + 15 + 24 + 30 + 5 = 114.
    let b = try branchStudy(t)
    #expect(b.kind == Totals(count: 10, hours: Hours(hundredths: 1250), participants: 114))
    #expect(b.units == ["G1": 3, "D1": 2, "D2": 3, "R": 1])
    #expect(b.total == 9)
    #expect(b.average == "2.7")  // (3 + 2 + 3) ÷ 3 counted units
    // The same file again changes nothing.
    let again = try submit(t, "D1", "d1.csv", "1,2021-07-05,D1,branch_study,学习一,2,10\n2,2021-07-20,D1,branch_study,学习二,1,5\n")
    #expect(
      (again.summaries[0].added, again.summaries[0].updated, again.summaries[0].removed, again.summaries[0].unchanged) == (0, 0, 0, 2))
    #expect(try branchStudy(t).units == ["G1": 3, "D1": 2, "D2": 3, "R": 1])
  }

  @Test("a corrected resubmission replaces the earlier one instead of adding to it, and undo brings it back")
  func correction() throws {
    let t = try TestStore.tiny()
    let first = try submit(
      t, "D2", "d2.csv",
      "1,2021-07-02,D2,branch_study,学习一,2,45\n2,2021-07-09,D2,branch_study,学习二,1.5,30\n3,2021-07-16,D2,branch_study,学习三,2,40\n")
    let beforeCorrection = try t.dump(batches: false)
    let statsBefore = try branchStudy(t)
    // Row 1's participants 45 → 48, row 2 deleted, row 4 added.
    let fixed = try submit(
      t, "D2", "d2-fixed.csv",
      "1,2021-07-02,D2,branch_study,学习一,2,48\n3,2021-07-16,D2,branch_study,学习三,2,40\n4,2021-07-23,D2,branch_study,学习四,1,20\n")
    let s = fixed.summaries[0]
    #expect((s.added, s.updated, s.removed, s.unchanged) == (1, 1, 1, 1))
    #expect(s.removedFrom == [first.batch: 1])
    // By hand: G1 3 sessions, 4.5 h, 40; D1's A5 2, 2 h, 6; D2 3, 2+2+1 = 5 h, 48+40+20 = 108;
    // R 1, 1 h, 30; C 1, 1 h, 5: 10 sessions, 13.5 h, 189.
    let b = try branchStudy(t)
    #expect(b.kind == Totals(count: 10, hours: Hours(hundredths: 1350), participants: 189))
    #expect(b.units["D2"] == 3)
    #expect(b.average == "2.7")  // (3 + 2 + 3) ÷ 3

    // The first submission cannot be undone while the correction stands.
    #expect(undoError(t, first.batch) == .laterSubmission(batch: first.batch, later: fixed.batch))
    let undo = try t.store.undo(batch: fixed.batch, author: "测试", today: Day(year: 2021, month: 8, day: 4)!)
    #expect((undo.added, undo.updated, undo.removed) == (1, 1, 1))
    #expect(try t.dump(batches: false) == beforeCorrection)
    #expect(try branchStudy(t) == statsBefore)
    #expect(try t.store.history().first { $0.batch == fixed.batch }?.undoneBy == undo.batch)
    // Now the first submission can go too, and the store is the fixture's again.
    _ = try t.store.undo(batch: first.batch, author: "测试", today: Day(year: 2021, month: 8, day: 4)!)
    let fresh = try TestStore.tiny()
    #expect(try t.dump(batches: false) == fresh.dump(batches: false))
  }

  /// The reason an undo was refused, or nil when it was done.
  func undoError(_ t: TestStore, _ batch: Int) -> BatchError? {
    let result = Result { () throws(StoreError) -> BatchRecord in
      try t.store.undo(batch: batch, author: "测试", today: Day(year: 2021, month: 8, day: 4)!)
    }
    guard case .failure(let e) = result else { return nil }
    guard case .batch(let b) = e else { return nil }
    return b
  }

  @Test("a row of another month or another unit is refused with its line, and nothing is written, the history included")
  func outsideScope() throws {
    let t = try TestStore.tiny()
    let before = try t.dump()
    do {
      _ = try submit(
        t, "G1", "g1.csv",
        "1,2021-07-05,G1a,branch_study,学习,2,10\n2,2021-08-01,G1a,branch_study,八月,1,5\n3,2021-07-06,D1,branch_study,别的单位,1,5\n")
      Issue.record("the file was imported")
    } catch StoreError.badData(_, let issues, _) {
      #expect(issues.map(\.line) == [3, 4])
      #expect(issues.map(\.problem) == [.outsideMonth(Self.july), .outsideRoot(root: "G1")])
    }
    #expect(try t.dump() == before)
  }

  @Test("an empty submission means the unit reported and held nothing")
  func empty() throws {
    let t = try TestStore.tiny()
    let r = try submit(t, "D1", "d1.csv", "")
    #expect((r.summaries[0].rows, r.summaries[0].removed) == (0, 3))
    let status = try t.store.snapshot { try SubmissionStatus.compute(month: Self.july, from: $0) }
    let d1 = status.units.first { $0.unit.id == "D1" }!
    #expect(d1.state == .reported)
    #expect(d1.reportedEmpty)
    #expect(status.units.filter { $0.state == .missing }.map(\.unit.id) == ["G1", "D2", "R"])
  }

  @Test("a submission adds and updates matters but never removes one, and cannot touch another unit's")
  func matters() throws {
    let t = try TestStore.tiny()
    let header = "id,title,unit,raised,owner,claimed,due,status,resolved\n"
    let request = ImportRequest(
      submission: SubmissionScope(unit: "G1", month: Self.july), author: "测试", today: Day(year: 2021, month: 8, day: 3)!)
    let ok = try t.store.importFile(
      try t.directory.write(
        "m.csv", header + "M5,事项五,G1,2021-05-01,赵主任,2021-05-02,2021-07-31,resolved,2021-07-28\nM6,事项六,G1b,2021-07-02,,,2021-09-30,open,\n"),
      request: request)
    #expect((ok.summaries[0].added, ok.summaries[0].updated, ok.summaries[0].removed) == (1, 1, 0))
    #expect(try t.store.matterIDs() == ["M1", "M2", "M3", "M4", "M5", "M6"])
    do {
      _ = try t.store.importFile(try t.directory.write("m2.csv", header + "M2,改别人的事项,G1a,2021-07-05,,,,open,\n"), request: request)
      Issue.record("another unit's matter was changed")
    } catch StoreError.badData(_, let issues, _) {
      #expect(issues.map(\.problem) == [.belongsElsewhere(organization: "D1", root: "G1")])
    }
  }

  @Test("a sub-branch's submission counts for its unit, and replaces only its own records")
  func subBranch() throws {
    let t = try TestStore.tiny()
    let r = try submit(t, "G1a", "g1a.csv", "1,2021-07-03,G1a,branch_study,七月学习一,1.5,12\n2,2021-07-24,G1a,branch_study,七月学习四,1,9\n")
    // A2 (G1a, July) is replaced by the two rows; G1b's A3 and the general branch's own A4 stay.
    #expect((r.summaries[0].added, r.summaries[0].removed) == (2, 1))
    #expect(try branchStudy(t).units["G1"] == 4)
    let status = try t.store.snapshot { try SubmissionStatus.compute(month: Self.july, from: $0) }
    #expect(status.units.first { $0.unit.id == "G1" }?.state == .reported)
    #expect(status.units.first { $0.unit.id == "G1" }?.rows == 2)
  }

  @Test("return and resubmission: 已退回 with the reason until the unit submits again; undo takes a return back")
  func returned() throws {
    let t = try TestStore.tiny()
    let day = Day(year: 2021, month: 8, day: 4)!
    let refused = Result { () throws(StoreError) in
      try t.store.returnSubmission(SubmissionScope(unit: "D1", month: Self.july), reason: "参加人数有误", author: "办公室", today: day)
    }
    guard case .failure(.batch(let e)) = refused else { Issue.record("a unit without a submission was returned"); return }
    #expect(e == .nothingToReturn(SubmissionScope(unit: "D1", month: Self.july)))
    _ = try submit(t, "D1", "d1.csv", "1,2021-07-05,D1,branch_study,学习一,2,10\n")
    let ret = try t.store.returnSubmission(SubmissionScope(unit: "D1", month: Self.july), reason: "参加人数有误", author: "办公室", today: day)
    func d1() throws -> UnitSubmission {
      try t.store.snapshot { try SubmissionStatus.compute(month: Self.july, from: $0) }.units.first { $0.unit.id == "D1" }!
    }
    #expect(try d1().state == .returned)
    #expect(try d1().reason == "参加人数有误")
    // The returned rows still count until the correction replaces them.
    #expect(try branchStudy(t).units["D1"] == 1)
    _ = try t.store.undo(batch: ret.batch, author: "办公室", today: day)
    #expect(try d1().state == .reported)
    _ = try t.store.returnSubmission(SubmissionScope(unit: "D1", month: Self.july), reason: "请补充学时", author: "办公室", today: day)
    _ = try submit(t, "D1", "d1-fixed.csv", "1,2021-07-05,D1,branch_study,学习一,2,12\n")
    #expect(try d1().state == .reported)
    #expect(try d1().reason == nil)
  }

  @Test("a ledger with a title row and a 合计 row imports from its header row, noting both")
  func ledger() throws {
    let t = try TestStore.tiny()
    let text = "机关党总支2021年7月学习台账,,,\n,,,\n填报单位：机关党总支,,,\n日期,单位,类型,主题\n2021-07-21,G1a,seminar,研讨一\n2021-07-22,G1b,seminar,研讨二\n合 计,,,2\n"
    let s = try t.store.importOne(try t.directory.write("ledger.csv", text))
    #expect(s.type == .activities)
    #expect((s.rows, s.added, s.headerLine) == (2, 2, 4))
    #expect(s.notes.map(\.problem) == [.totalRow])
    #expect(s.notes.map(\.line) == [7])
  }

  @Test("dates before the campaign start or after the import day are warned about; a submission refuses them")
  func campaignDates() throws {
    let t = try TestStore.tiny()
    try t.store.setSetting("campaign_start", to: "2021-02-20")
    let request = ImportRequest(author: "测试", today: Day(year: 2021, month: 8, day: 3)!)
    let r = try t.store.importFile(
      try t.directory.write("a.csv", "date,unit,kind\n2012-05-01,D1,seminar\n2021-09-01,D1,seminar\n2021-07-01,D1,seminar\n"),
      request: request)
    #expect(r.summaries[0].added == 3)
    #expect(
      r.summaries[0].notes.map(\.problem) == [
        .beforeCampaign(Day(year: 2021, month: 2, day: 20)!), .afterToday(Day(year: 2021, month: 8, day: 3)!),
      ])
    #expect(r.summaries[0].notes.map(\.line) == [2, 3])
    do {
      _ = try submit(t, "D1", "feb.csv", "1,2021-02-10,D1,seminar,早于开始,1,1\n", month: Month(year: 2021, month: 2)!)
      Issue.record("a date before the campaign start was taken in a submission")
    } catch StoreError.badData(_, let issues, _) {
      #expect(issues.map(\.problem) == [.beforeCampaign(Day(year: 2021, month: 2, day: 20)!)])
    }
  }
}

/// What the store refuses so that submissions, returns and undos stay consistent.
@Suite("Submissions: what is refused")
struct SubmissionRefusalTests {
  let t: TestStore
  let day = Day(year: 2021, month: 8, day: 4)!

  init() throws { t = try TestStore.tiny() }

  func submit(_ unit: String, _ rows: String, name: String = "f.csv") -> Result<ImportResult, StoreError> {
    Result { () throws(StoreError) in
      let path: String
      do { path = try t.directory.write(name, SubmissionTests.header + rows) } catch { throw .missingFile(path: name) }
      return try t.store.importFile(
        path, request: ImportRequest(submission: SubmissionScope(unit: unit, month: SubmissionTests.july), author: "测试", today: day))
    }
  }

  func batchError<T>(_ r: Result<T, StoreError>) -> BatchError? {
    guard case .failure(.batch(let e)) = r else { return nil }
    return e
  }

  func undo(_ batch: Int) -> Result<BatchRecord, StoreError> {
    Result { () throws(StoreError) in try t.store.undo(batch: batch, author: "测试", today: day) }
  }

  @Test("a unit and its branch cannot both submit one month, and the top committee cannot submit")
  func overlap() throws {
    let g1a = try submit("G1a", "1,2021-07-03,G1a,branch_study,学习,1,5\n").get()
    let july = SubmissionTests.july
    #expect(
      batchError(submit("G1", "1,2021-07-03,G1,branch_study,学习,1,5\n"))
        == .overlappingSubmission(
          SubmissionScope(unit: "G1", month: july), standing: "G1a", batch: g1a.batch))
    // A sibling branch may.
    _ = try submit("G1b", "1,2021-07-10,G1b,branch_study,学习,1,5\n").get()
    #expect(batchError(submit("C", "")) == .submissionOfTop("C"))
    // Once the branch's submission is undone, the unit may submit.
    _ = try undo(g1a.batch).get()
    #expect(
      batchError(submit("G1", "1,2021-07-03,G1,branch_study,学习,1,5\n"))
        == .overlappingSubmission(
          SubmissionScope(unit: "G1", month: july), standing: "G1b", batch: g1a.batch + 1))
  }

  @Test("a submission is undone only after a later return of it, and a matter only while no later opinion names it")
  func undoOrder() throws {
    let s = try submit("D2", "1,2021-07-02,D2,branch_study,学习一,2,45\n").get()
    let r = try t.store.returnSubmission(SubmissionScope(unit: "D2", month: SubmissionTests.july), reason: "请核实", author: "办公室", today: day)
    #expect(batchError(undo(s.batch)) == .laterReturn(batch: s.batch, later: r.batch))
    _ = try undo(r.batch).get()
    #expect(try t.rowCount("activity") == 14)
    let opinion = try t.store.importFile(
      try t.directory.write("m.csv", "id,title,unit,raised,status\nM9,新事项,D2,2021-07-03,open\n"),
      request: ImportRequest(submission: SubmissionScope(unit: "D2", month: SubmissionTests.july), author: "测试", today: day))
    _ = try t.store.importFile(try t.directory.write("f.csv", "date,unit,content,matter\n2021-07-20,D1,意见,M9\n"))
    // Undoing the batch that added M9 would leave D1's opinion pointing at nothing.
    guard case .laterBatches(let b, let later)? = batchError(undo(opinion.batch)) else { Issue.record("the undo was done"); return }
    #expect(b == opinion.batch)
    #expect(later.count == 1)
  }

  @Test("on SQLite, a restored row whose rowid was given to a later row takes a new one")
  func rowidReused() throws {
    _ = try submit("D2", "1,2021-07-02,D2,branch_study,学习一,2,45\n2,2021-07-09,D2,branch_study,学习二,1,5\n").get()
    // The correction removes the newest row, whose rowid another unit's new row then takes.
    let fixed = try submit("D2", "1,2021-07-02,D2,branch_study,学习一,2,45\n").get()
    _ = try submit("R", "1,2021-07-08,R,branch_study,退休学习,1,30\n2,2021-07-09,R,branch_study,退休学习二,1,3\n").get()
    let before = try t.dump(batches: false)
    let undone = try undo(fixed.batch).get()
    #expect((undone.added, undone.removed) == (1, 0))
    #expect(try t.dump(batches: false) != before)
    // 13 in the fixture; D2 +2, −1; R's A6 replaced by 2; the undo brings D2's second back.
    #expect(try t.rowCount("activity") == 16)
  }
}
