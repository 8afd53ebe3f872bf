import CampaignModel
import GRDB

/// Answers the statistics engine's questions with SQL, inside one read transaction.
///
/// Only primitive sums and counts are computed here; what they mean is decided in the
/// aggregation module. Dates are ISO text, so comparisons are string comparisons.
struct SQLStatisticsSource: StatisticsSource {
  let db: Database

  func settings() throws -> CampaignSettings {
    let rows = try Row.fetchAll(db, sql: "SELECT key, value FROM setting")
    return CampaignSettings(values: Dictionary(uniqueKeysWithValues: rows.map { ($0[0] as String, $0[1] as String) }))
  }

  func catalogue() throws -> Catalogue { try loadCatalogue(db) }

  func committeeName() throws -> String? {
    try String.fetchOne(db, sql: "SELECT name FROM organization WHERE parent IS NULL")
  }

  func units() throws -> [Unit] {
    try Row.fetchAll(
      db, sql: "SELECT id, name, kind, counted FROM organization WHERE unit = id ORDER BY position, id"
    ).map { r in
      Unit(id: r[0], name: r[1], kind: OrganizationKind(rawValue: r[2]) ?? .branch, counted: r[3])
    }
  }

  func activityTotals(dated window: DateWindow) throws -> [String: Totals] {
    var result: [String: Totals] = [:]
    for (kind, _, totals) in try monthAware(window, byUnit: false) { result[kind, default: .zero] = result[kind, default: .zero] + totals }
    return result
  }

  func activityTotalsByUnit(dated window: DateWindow) throws -> [String: [String: Totals]] {
    var result: [String: [String: Totals]] = [:]
    for (kind, unit, totals) in try monthAware(window, byUnit: true) {
      result[unit!, default: [:]][kind, default: .zero] = result[unit!, default: [:]][kind, default: .zero] + totals
    }
    return result
  }

  /// Sums over a window: whole months from `activity_month`, the days before and after them
  /// from the records.
  private func monthAware(_ window: DateWindow, byUnit: Bool) throws -> [(String, String?, Totals)] {
    guard case .within(let range) = window else { return try fromRecords(window, byUnit: byUnit) }
    let parts = ActivityMonths.split(range)
    var rows: [(String, String?, Totals)] = []
    if let head = parts.head { rows += try fromRecords(.within(head), byUnit: byUnit) }
    if let months = parts.months {
      let sql = byUnit
        ? "SELECT kind, unit, SUM(count), SUM(hours), SUM(participants) FROM activity_month WHERE month BETWEEN ? AND ? AND unit <> '' GROUP BY unit, kind"
        : "SELECT kind, NULL, SUM(count), SUM(hours), SUM(participants) FROM activity_month_kind WHERE month BETWEEN ? AND ? GROUP BY kind"
      rows += try Row.fetchAll(db, sql: sql, arguments: [months.first.iso, months.last.iso]).map { r in
        (r[0], r[1], Totals(count: r[2], hours: Hours(hundredths: r[3]), participants: r[4]))
      }
    }
    if let tail = parts.tail { rows += try fromRecords(.within(tail), byUnit: byUnit) }
    return rows
  }

  /// Sums straight from the records (the covering date index).
  func fromRecords(_ window: DateWindow, byUnit: Bool) throws -> [(String, String?, Totals)] {
    let (condition, args) = Self.condition("a.date", window)
    let sql = byUnit
      ? """
        SELECT a.kind, o.unit, SUM(a.count), SUM(a.hours), SUM(a.participants)
        FROM activity a JOIN organization o ON o.id = a.organization
        WHERE \(condition) AND o.unit IS NOT NULL
        GROUP BY o.unit, a.kind
        """
      : "SELECT a.kind, NULL, SUM(a.count), SUM(a.hours), SUM(a.participants) FROM activity a WHERE \(condition) GROUP BY a.kind"
    return try Row.fetchAll(db, sql: sql, arguments: args).map { r in
      (r[0], r[1], Totals(count: r[2], hours: Hours(hundredths: r[3]), participants: r[4]))
    }
  }

  func countFeedback(dated window: DateWindow) throws -> Int {
    let (condition, args) = Self.condition("date", window)
    return try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM feedback WHERE \(condition)", arguments: args) ?? 0
  }

  func countMatters(where conditions: [MatterCondition]) throws -> Int {
    var clauses: [String] = []
    var args: StatementArguments = []
    for c in conditions {
      switch c {
      case .dated(let field, let window):
        let (sql, a) = Self.condition(field.rawValue, window)
        clauses.append(sql)
        args += a
      case .datedBefore(let field, let day):
        clauses.append("\(field.rawValue) < ?")
        args += [day.iso]
      case .notDatedBy(let field, let day):
        clauses.append("(\(field.rawValue) IS NULL OR \(field.rawValue) > ?)")
        args += [day.iso]
      case .keyProject:
        clauses.append("key_project = 1")
      }
    }
    let whereClause = clauses.isEmpty ? "" : " WHERE " + clauses.joined(separator: " AND ")
    return try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM matter" + whereClause, arguments: args) ?? 0
  }

  func activityCountsByMonth(dated window: DateWindow) throws -> [String: [String: Int]] {
    let (condition, args) = Self.condition("date", window)
    var result: [String: [String: Int]] = [:]
    for r in try Row.fetchAll(
      db, sql: "SELECT substr(date, 1, 7), kind, SUM(count) FROM activity WHERE \(condition) GROUP BY 1, 2", arguments: args)
    {
      result[r[0], default: [:]][r[1]] = r[2]
    }
    return result
  }

  func countsByLevel(kind: String, dated window: DateWindow) throws -> [MediaLevel?: Int] {
    let (condition, args) = Self.condition("date", window)
    var result: [MediaLevel?: Int] = [:]
    for r in try Row.fetchAll(
      db, sql: "SELECT level, SUM(count) FROM activity WHERE kind = ? AND \(condition) GROUP BY level",
      arguments: [kind] + args)
    {
      let level = (r[0] as String?).flatMap { MediaLevel(rawValue: $0) }
      result[level, default: 0] += r[1] as Int
    }
    return result
  }

  func matters(raisedOnOrBefore day: Day) throws -> [MatterRecord] {
    try Row.fetchAll(
      db,
      sql: """
        SELECT m.id, m.title, m.organization, m.raised, m.owner, m.claimed, m.due, m.status, m.resolved, m.key_project,
               m.note, o.name, o.unit
        FROM matter m JOIN organization o ON o.id = m.organization
        WHERE m.raised <= ? ORDER BY m.raised, m.id
        """, arguments: [day.iso]
    ).map { r in
      let matter = Matter(
        id: r[0], title: r[1], organization: r[2], raised: Day(parsing: r[3] as String)!, owner: r[4],
        claimed: (r[5] as String?).flatMap { Day(parsing: $0) }, due: (r[6] as String?).flatMap { Day(parsing: $0) },
        status: MatterStatus(rawValue: r[7]) ?? .open, resolved: (r[8] as String?).flatMap { Day(parsing: $0) },
        keyProject: r[9], note: r[10])
      return MatterRecord(matter: matter, organizationName: r[11], unitID: r[12])
    }
  }

  func forEachActivity(dated window: DateWindow, kinds: [String]?, _ body: (ActivityRecord) throws -> Void) throws {
    var (condition, args) = Self.condition("a.date", window)
    if let kinds {
      condition += " AND a.kind IN (" + kinds.map { _ in "?" }.joined(separator: ", ") + ")"
      args += StatementArguments(kinds)
    }
    let cursor = try Row.fetchCursor(
      db,
      sql: """
        SELECT a.id, a.date, a.organization, a.kind, a.title, a.hours, a.participants, a.count, a.level, a.lead, a.note,
               o.name, u.name
        FROM activity a JOIN organization o ON o.id = a.organization LEFT JOIN organization u ON u.id = o.unit
        WHERE \(condition) ORDER BY a.date, a.rowid
        """, arguments: args)
    while let r = try cursor.next() {
      let a = Activity(
        id: r[0], date: Day(parsing: r[1] as String)!, organization: r[2], kind: r[3], title: r[4],
        hours: Hours(hundredths: r[5]), participants: r[6], count: r[7], level: (r[8] as String?).flatMap { MediaLevel(rawValue: $0) },
        lead: r[9], note: r[10])
      try body(ActivityRecord(activity: a, organizationName: r[11], unitName: r[12]))
    }
  }

  /// A date column's condition for a window; NULL dates never match.
  static func condition(_ column: String, _ window: DateWindow) -> (String, StatementArguments) {
    switch window {
    case .onOrBefore(let day): ("\(column) <= ?", [day.iso])
    case .within(let range): ("\(column) BETWEEN ? AND ?", [range.start.iso, range.end.iso])
    }
  }
}
