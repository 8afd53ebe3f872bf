import Aggregation
import CampaignModel
import Testing

/// The status definitions of docs/definitions.md, on batches made by hand: July 2021, deadline
/// 5 August, units G1 (with the sub-branch G1a), D1, D2, R.
@Suite("Submission status")
struct SubmissionStatusTests {
  static let july = Month(year: 2021, month: 7)!
  static let units = ["G1", "D1", "D2", "R"].map { Unit(id: $0, name: $0, kind: .directBranch, counted: $0 != "R") }
  static let unitOf = ["G1": "G1", "G1a": "G1", "G1b": "G1", "D1": "D1", "D2": "D2", "R": "R"]

  func day(_ d: Int, month: Int = 8) -> Day { Day(year: 2021, month: month, day: d)! }

  func status(_ batches: [BatchRecord], asOf: Day? = nil) -> [String: UnitSubmission] {
    let s = SubmissionStatus.compute(
      month: Self.july, units: Self.units, unitOf: Self.unitOf, batches: batches, deadline: day(5), asOf: asOf)
    #expect(s.units.map(\.unit.id) == ["G1", "D1", "D2", "R"])
    return Dictionary(uniqueKeysWithValues: s.units.map { ($0.unit.id, $0) })
  }

  let batches: [BatchRecord]

  init() {
    batches = [
      // G1a and G1b (branches of G1) each submit their part: rows add up per organization.
      BatchRecord.make(1, .submission, "G1a", day: Day(year: 2021, month: 8, day: 2)!, rows: 3),
      BatchRecord.make(2, .submission, "G1b", day: Day(year: 2021, month: 8, day: 7)!, rows: 2),
      // D1 late on 6 August, returned on 7 August, submitted again on 9 August.
      BatchRecord.make(3, .submission, "D1", day: Day(year: 2021, month: 8, day: 6)!, rows: 4),
      BatchRecord.make(4, .return, "D1", day: Day(year: 2021, month: 8, day: 7)!, reason: "学时有误"),
      BatchRecord.make(6, .submission, "D1", day: Day(year: 2021, month: 8, day: 9)!, rows: 5),
      // D2 on time, but undone on 8 August.
      BatchRecord.make(5, .submission, "D2", day: Day(year: 2021, month: 8, day: 1)!, rows: 1),
      BatchRecord.make(7, .undo, "D2", day: Day(year: 2021, month: 8, day: 8)!, undoes: 5),
    ]
  }

  @Test("now: G1 reported on time with 3 + 2 rows; D1 late after its resubmission; D2 missing (undone); R missing")
  func now() {
    let s = status(batches)
    #expect(s["G1"]!.state == .reported)
    #expect(s["G1"]!.rows == 5)
    #expect(s["G1"]!.batch == 2)
    #expect(s["D1"]!.state == .late)
    #expect(s["D1"]!.rows == 5)
    #expect(s["D1"]!.reason == nil)
    #expect(s["D2"]!.state == .missing)
    #expect(s["R"]!.state == .missing)
  }

  @Test("as of 7 August: D1 returned with the reason, D2 still standing (its undo came later), G1 with both submissions")
  func asOfSeventh() {
    let s = status(batches, asOf: day(7))
    #expect(s["D1"]!.state == .returned)
    #expect(s["D1"]!.reason == "学时有误")
    #expect(s["D2"]!.state == .reported)
    #expect(s["G1"]!.rows == 5)
  }

  @Test("as of 5 August, the deadline: G1 by its sub-branch alone, D2 on time, D1 missing")
  func asOfDeadline() {
    let s = status(batches, asOf: day(5))
    #expect(s["G1"]!.state == .reported)
    #expect(s["G1"]!.rows == 3)
    #expect(s["D2"]!.state == .reported)
    #expect(s["D1"]!.state == .missing)
  }

  @Test("a return of the unit applies to its branches' submissions before it; a later submission clears it for that branch only")
  func returnOfUnit() {
    var b = batches
    b.append(BatchRecord.make(8, .return, "G1", day: day(10), reason: "请核实"))
    #expect(status(b)["G1"]!.state == .returned)
    b.append(BatchRecord.make(9, .submission, "G1a", day: day(11), rows: 4))
    #expect(status(b)["G1"]!.state == .returned)  // G1b's part is still returned
    b.append(BatchRecord.make(10, .submission, "G1b", day: day(12), rows: 1))
    #expect(status(b)["G1"]!.state == .reported)
    #expect(status(b)["G1"]!.rows == 5)
  }

  @Test("late is judged by the earliest day received, whatever the batch order")
  func lateByDay() {
    // Recorded in batch 1 as received on 9 August; batch 2 typed in later, received on 3 August.
    let b = [
      BatchRecord.make(1, .submission, "G1a", day: day(9), rows: 1), BatchRecord.make(2, .submission, "G1b", day: day(3), rows: 1),
    ]
    #expect(status(b)["G1"]!.state == .reported)
  }

  @Test("the deadline is the setting's day of the following month")
  func deadline() {
    var settings = CampaignSettings(values: [:])
    #expect(settings.deadline(for: Self.july) == day(5))
    settings = CampaignSettings(values: ["submission_deadline": "10"])
    #expect(settings.deadline(for: Month(year: 2021, month: 12)!) == Day(year: 2022, month: 1, day: 10)!)
  }
}

extension BatchRecord {
  static func make(_ n: Int, _ action: BatchAction, _ org: String?, day: Day, rows: Int = 0, reason: String? = nil, undoes: Int? = nil)
    -> BatchRecord
  {
    BatchRecord(
      batch: n, at: "\(day.iso)T09:00:00+08:00", day: day, action: action, types: [], file: nil, sha256: nil,
      scope: org.map { SubmissionScope(unit: $0, month: Month(year: 2021, month: 7)!) }, author: "", rows: rows, added: 0, updated: 0,
      removed: 0, unchanged: 0, reason: reason, undoes: undoes, undoneBy: nil)
  }
}
