import CampaignModel

/// The monthly sums of activities (`activity_month`, and `activity_month_kind` without the unit),
/// and their running totals (`activity_month_running`: for each month with records, the sums of
/// every month up to it): kept in step with the records inside every writing transaction, and
/// used for the whole months of a window. Sums over many months are then the difference of two
/// running totals: a few thousand rows, however long the window.
enum ActivityMonths {
  /// Recomputes the months the triggers marked, from the records.
  static func refresh(_ db: any SQLDatabase) throws {
    let dirty = try db.fetchColumn("SELECT month FROM activity_month_dirty ORDER BY month", as: String.self)
    guard !dirty.isEmpty else { return }
    // Writers that recompute one after another each see the others' committed records.
    try db.serialize(.treeAndSums)
    let delete = try db.prepare("DELETE FROM activity_month WHERE month = ?")
    let insert = try db.prepare(
      """
      INSERT INTO activity_month (month, unit, kind, count, hours, participants)
      SELECT CAST(? AS TEXT), COALESCE(o.unit, ''), a.kind, SUM(a.count), SUM(a.hours), SUM(a.participants)
      FROM activity a JOIN organization o ON o.id = a.organization
      WHERE a.date BETWEEN ? AND ?
      GROUP BY COALESCE(o.unit, ''), a.kind
      """)
    let deleteKinds = try db.prepare("DELETE FROM activity_month_kind WHERE month = ?")
    let insertKinds = try db.prepare(
      """
      INSERT INTO activity_month_kind (month, kind, count, hours, participants)
      SELECT month, kind, SUM(count), SUM(hours), SUM(participants) FROM activity_month WHERE month = ? GROUP BY month, kind
      """)
    for month in dirty {
      try delete.execute([month])
      // Rows whose text does not begin with a valid month cannot exist: the importer writes ISO dates.
      try insert.execute([month, month + "-01", month + "-31"])
      try deleteKinds.execute([month])
      try insertKinds.execute([month])
    }
    try db.execute("DELETE FROM activity_month_dirty")
    try refreshRunning(db, from: dirty[0])
  }

  /// Recomputes the running totals of every month from `first` on, each from the month before.
  static func refreshRunning(_ db: any SQLDatabase, from first: String) throws {
    try db.execute("DELETE FROM activity_month_running WHERE month >= ?", [first])
    var previous = try db.fetchOne("SELECT MAX(month) FROM activity_month_running", as: String?.self) ?? nil
    let insert = try db.prepare(
      """
      INSERT INTO activity_month_running (month, unit, kind, count, hours, participants)
      SELECT CAST(? AS TEXT), unit, kind, SUM(count), SUM(hours), SUM(participants) FROM (
        SELECT unit, kind, count, hours, participants FROM activity_month_running WHERE month = ?
        UNION ALL
        SELECT unit, kind, count, hours, participants FROM activity_month WHERE month = ?) AS sums
      GROUP BY unit, kind
      """)
    for month in try db.fetchColumn("SELECT DISTINCT month FROM activity_month WHERE month >= ? ORDER BY month", [first], as: String.self) {
      try insert.execute([.text(month), previous.map { .text($0) } ?? .null, .text(month)])
      previous = month
    }
  }

  /// Marks every month with records, e.g. after the organization tree changed.
  static func markAll(_ db: any SQLDatabase) throws {
    // `WHERE true` lets SQLite parse the upsert after a SELECT.
    try db.execute("INSERT INTO activity_month_dirty SELECT DISTINCT substr(date, 1, 7) FROM activity WHERE true ON CONFLICT DO NOTHING")
  }

  /// A window split into a head of days before its first whole month, the whole months, and a
  /// tail of days after them.
  struct Parts {
    var head: DayRange?
    var months: (first: Month, last: Month)?
    var tail: DayRange?
  }

  static func split(_ range: DayRange) -> Parts {
    let startMonth = range.start.monthOfYear, endMonth = range.end.monthOfYear
    let firstWhole = range.start.day == 1 ? startMonth : startMonth.next
    let lastWhole = range.end == endMonth.last ? endMonth : endMonth.previous
    guard firstWhole <= lastWhole else { return Parts(head: range, months: nil, tail: nil) }
    let head = firstWhole == startMonth ? nil : DayRange(range.start, startMonth.last)
    let tail = lastWhole == endMonth ? nil : DayRange(endMonth.first, range.end)
    return Parts(head: head, months: (firstWhole, lastWhole), tail: tail)
  }
}
