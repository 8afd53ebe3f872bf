import CampaignModel
import Foundation
import GRDB
import TestSupport
import Testing

@testable import CampaignStore

/// The monthly sums must always equal the records they summarise, whatever was written.
@Suite("Monthly sums of activities")
struct ActivityMonthsTests {
  func day(_ s: String) -> Day { Day(parsing: s)! }

  /// Every window's sums from the month-aware path equal the sums straight from the records.
  func expectConsistent(_ t: TestStore, _ note: Comment) throws {
    let windows: [DayRange] = [
      DayRange(day("2021-01-01"), day("2021-12-31"))!, DayRange(day("2021-07-01"), day("2021-07-31"))!,
      DayRange(day("2021-02-20"), day("2021-07-31"))!, DayRange(day("2021-06-15"), day("2021-08-02"))!,
      DayRange(day("2021-07-03"), day("2021-07-20"))!, DayRange(day("2021-06-01"), day("2021-08-31"))!,
    ]
    try t.store.snapshot { source in
      let sql = source as! SQLStatisticsSource
      for w in windows {
        func sums(_ rows: [(String, String?, Totals)]) -> [String: Totals] {
          rows.reduce(into: [:]) { $0["\($1.1 ?? "-")/\($1.0)", default: .zero] = $0["\($1.1 ?? "-")/\($1.0)", default: .zero] + $1.2 }
        }
        let raw = sums(try sql.fromRecords(.within(w), byUnit: false))
        let viaMonths = try sql.activityTotals(dated: .within(w)).reduce(into: [String: Totals]()) { $0["-/\($1.key)"] = $1.value }
        #expect(viaMonths == raw, "\(note) \(w)")
        let rawUnits = sums(try sql.fromRecords(.within(w), byUnit: true))
        var viaUnits: [String: Totals] = [:]
        for (unit, kinds) in try sql.activityTotalsByUnit(dated: .within(w)) { for (k, v) in kinds { viaUnits["\(unit)/\(k)"] = v } }
        #expect(viaUnits == rawUnits, "\(note) \(w)")
        // Month by month, too (the trend sheet's figures).
        var rawByMonth: [String: [String: Int]] = [:]
        for r in try sql.db.fetchAll(
          "SELECT substr(date, 1, 7), kind, SUM(count) FROM activity WHERE date BETWEEN ? AND ? GROUP BY 1, 2", [w.start.iso, w.end.iso])
        {
          rawByMonth[try r.get(0), default: [:]][try r.get(1)] = try r.get(2, as: Int.self)
        }
        #expect(try sql.activityCountsByMonth(dated: .within(w)) == rawByMonth, "\(note) \(w)")
      }
    }
  }

  @Test("after imports, an update that moves a row to another month, and a branch moved to another unit")
  func consistency() throws {
    let t = try TestStore.tiny()
    try expectConsistent(t, "after the tiny import")
    try t.store.importOne(
      try t.directory.write("move.csv", "id,date,unit,kind,title,hours,participants\nA2,2021-08-09,G1a,branch_study,改期,1.5,12\n"))
    try expectConsistent(t, "after moving A2 to August")
    try t.store.importOne(try t.directory.write("tree.csv", "id,name,kind,parent\nG1b,机关第二党支部,branch,D1\n"))
    try expectConsistent(t, "after moving G1b under D1")
    let july = try t.store.snapshot { try $0.activityTotalsByUnit(dated: .within(Month(year: 2021, month: 7)!.days)) }
    #expect(july["D1"]?["branch_study"]?.count == 3)  // A5 (2) + A3 (1), now under D1
  }

  @Test("a window splits into days before, whole months, and days after")
  func split() {
    let p = ActivityMonths.split(DayRange(day("2021-02-20"), day("2021-07-31"))!)
    #expect(p.head == DayRange(day("2021-02-20"), day("2021-02-28")))
    #expect(p.months?.first == Month(year: 2021, month: 3) && p.months?.last == Month(year: 2021, month: 7))
    #expect(p.tail == nil)
    let inside = ActivityMonths.split(DayRange(day("2021-07-03"), day("2021-07-20"))!)
    #expect(inside.head == DayRange(day("2021-07-03"), day("2021-07-20")) && inside.months == nil && inside.tail == nil)
    let tail = ActivityMonths.split(DayRange(day("2021-06-01"), day("2021-08-02"))!)
    #expect(tail.head == nil && tail.tail == DayRange(day("2021-08-01"), day("2021-08-02")))
  }

  @Test("one month's queries use the indexes: no full scan of the records", .enabled(if: TestBackend.isSQLite))
  func queryPlans() throws {
    let t = try TestStore.tiny()
    let queue = try DatabaseQueue(path: t.store.path)
    try queue.read { db in
      let plans = try [
        "SELECT a.kind, SUM(a.count) FROM activity a WHERE a.date BETWEEN '2021-07-03' AND '2021-07-20' GROUP BY a.kind",
        "SELECT a.kind, o.unit, SUM(a.count) FROM activity a JOIN organization o ON o.id = a.organization WHERE a.date BETWEEN '2021-07-03' AND '2021-07-20' AND o.unit IS NOT NULL GROUP BY o.unit, a.kind",
        "SELECT kind, SUM(count) FROM activity_month_kind WHERE month BETWEEN '2021-03' AND '2021-07' GROUP BY kind",
        "SELECT a.id FROM activity a WHERE a.date BETWEEN '2021-07-01' AND '2021-07-31' ORDER BY a.date",
      ].map { sql in try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + sql).map { $0["detail"] as String }.joined(separator: "; ") }
      #expect(plans[0].contains("SEARCH a USING COVERING INDEX activity_date"), "\(plans[0])")
      #expect(plans[1].contains("SEARCH a USING COVERING INDEX activity_date"), "\(plans[1])")
      #expect(plans[2].contains("SEARCH activity_month_kind USING PRIMARY KEY"), "\(plans[2])")
      #expect(plans[3].contains("SEARCH a USING INDEX activity_date"), "\(plans[3])")
      for plan in plans { #expect(!plan.contains("SCAN a") && !plan.contains("SCAN activity"), "\(plan)") }
    }
  }
}

/// A store made by the first version of the schema, with records, opens with its monthly sums
/// computed.
@Suite("Migrating an older store")
struct MigrationTests {
  @Test("a v1 store with activities gets its monthly sums on opening")
  func fromV1() throws {
    let dir = try TemporaryDirectory()
    defer { dir.remove() }
    let path = dir.path("old.sqlite")
    let queue = try DatabaseQueue(path: path)
    try Migrations.migrator.migrate(queue, upTo: "v1-records")
    try queue.write { db in
      try db.execute(
        sql: """
          INSERT INTO organization VALUES ('C', '党委', 'committee', NULL, 1, 0, NULL), ('U1', '一支部', 'branch', 'C', 1, 1, 'U1');
          INSERT INTO activity (key, id, date, organization, kind, title, hours, participants, count, level, lead, note) VALUES
            ('id:A1', 'A1', '2021-07-02', 'U1', 'branch_study', 't', 150, 10, 1, NULL, '', ''),
            ('id:A2', 'A2', '2021-07-20', 'U1', 'branch_study', 't', 200, 12, 2, NULL, '', ''),
            ('id:A3', 'A3', '2021-08-01', 'C', 'central_group_study', 't', 100, 30, 1, NULL, '', '');
          """)
    }
    try queue.close()
    let store = try CampaignStore(path: path, mode: .existing)
    let july = try store.snapshot { try $0.activityTotalsByUnit(dated: .within(Month(year: 2021, month: 7)!.days)) }
    #expect(july == ["U1": ["branch_study": Totals(count: 3, hours: Hours(hundredths: 350), participants: 22)]])
    let august = try store.snapshot { try $0.activityTotals(dated: .within(Month(year: 2021, month: 8)!.days)) }
    #expect(august == ["central_group_study": Totals(count: 1, hours: Hours(hundredths: 100), participants: 30)])
    #expect(try rowCount("activity_month_dirty", atPath: path) == 0)
    // Two whole months read the running totals, which the migrations filled.
    let summer = DayRange(Day(year: 2021, month: 7, day: 1)!, Day(year: 2021, month: 8, day: 31)!)!
    let both = try store.snapshot { try $0.activityTotalsByUnit(dated: .within(summer)) }
    #expect(both == ["U1": ["branch_study": Totals(count: 3, hours: Hours(hundredths: 350), participants: 22)]])
    #expect(try rowCount("activity_month_running", atPath: path) == 3)
  }
}
