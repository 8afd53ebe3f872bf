import CampaignModel

/// Answers the statistics engine's questions with SQL, inside one read transaction: the same
/// queries on SQLite and on PostgreSQL, over the whole tree or the subtree under one
/// organization.
///
/// Only primitive sums and counts are computed here; what they mean is decided in the
/// aggregation module. Dates are ISO text, so comparisons are string comparisons.
///
/// Every query reads the organizations through the relation `scope(id, unit)`: each
/// organization in the report with the unit it counts for (NULL for the report's top). For the
/// whole tree that is the stored `organization.unit`; for a subtree a recursive query finds it.
struct SQLStatisticsSource: StatisticsSource {
  /// Which organizations a report covers.
  enum Scope: Equatable {
    /// Every organization; the units are the top committee's children.
    case whole
    /// The organization with this id and everything under it; the units are its children.
    case subtree(String)
  }

  let db: any SQLDatabase
  var scope: Scope = .whole
  /// The campaign whose settings and catalogue the report uses: its figures count the records
  /// of its own kinds only.
  let campaign: Campaign
  /// The campaign's catalogue, read once.
  let campaignCatalogue: Catalogue

  /// Where the campaign's 办实事 ledger begins: its start, when an earlier campaign holds what
  /// came before; nil (everything) for the earliest campaign, so a store's first campaign keeps
  /// every matter and opinion, as before campaigns existed.
  let ledgerStart: Day?

  /// The campaign's kind codes as stored, for the per-row check of the sums.
  private let kindCodes: Set<String>

  /// - Parameter choice: the campaign, resolved among the store's campaigns read once.
  init(db: any SQLDatabase, scope: Scope, campaign choice: CampaignChoice) throws {
    self.db = db
    self.scope = scope
    let campaigns = try loadCampaigns(db)
    let campaign = try resolveCampaign(choice, among: campaigns)
    self.campaign = campaign
    campaignCatalogue = try loadCatalogue(db, campaign: campaign.code)
    kindCodes = Set(campaignCatalogue.kinds.map(\.code))
    let earlier = campaigns.contains { c in
      c.code != campaign.code && (c.start ?? .distantPast) < (campaign.start ?? .distantPast)
    }
    ledgerStart = earlier ? campaign.start : nil
  }

  /// Whether the campaign counts records of a kind code.
  private func counts(_ kind: String) -> Bool { kindCodes.contains(kind) || campaignCatalogue.counts(kind) }

  /// The `WITH` clause that defines `scope`, and its arguments.
  private var with: (String, [any SQLBindable]) {
    switch scope {
    case .whole:
      return ("WITH scope(id, unit) AS (SELECT id, unit FROM organization) ", [])
    case .subtree(let root):
      // NULLIF(id, id): a NULL of the id column's type and collation, as PostgreSQL's recursive
      // queries require of both terms.
      return (
        """
        WITH RECURSIVE scope(id, unit) AS (
          SELECT id, NULLIF(id, id) FROM organization WHERE id = ?
          UNION ALL
          SELECT o.id, COALESCE(s.unit, o.id) FROM organization o JOIN scope s ON o.parent = s.id) 
        """, [root]
      )
    }
  }

  /// A record table limited to the scope's organizations; the whole tree needs no join, since
  /// every record's organization exists (the importer checks it).
  private func records(_ table: String, _ alias: String) -> String {
    scope == .whole ? "\(table) \(alias)" : "\(table) \(alias) JOIN scope s ON s.id = \(alias).organization"
  }

  /// Runs a query that may read `scope`.
  private func scoped(_ sql: String, _ arguments: [any SQLBindable] = []) throws -> [SQLRow] {
    var rows: [SQLRow] = []
    try scoped(sql, arguments) { rows.append($0) }
    return rows
  }

  /// Streams the rows of a query that may read `scope`.
  private func scoped(_ sql: String, _ arguments: [any SQLBindable], _ body: (SQLRow) throws -> Void) throws {
    let (prefix, args) = with
    try db.forEachRow(prefix + sql, (args + arguments).map(\.sqlValue), body)
  }

  func settings() throws -> CampaignSettings {
    var values = try loadSettings(db, campaign: campaign)
    if case .subtree = scope {
      // The institution, office and issuer set for the whole store are not the subtree's: its
      // forms and briefing name the subtree's top organization, which issues its briefing.
      let name = try committeeName()
      values[SettingKey.institution.rawValue] = name
      values[SettingKey.office.rawValue] = nil
      values[SettingKey.briefingIssuer.rawValue] = name
    }
    var settings = CampaignSettings(values: values)
    settings.campaignCode = campaign.code
    return settings
  }

  func catalogue() throws -> Catalogue { campaignCatalogue }

  func submissionBatches(months: [Month]) throws -> [BatchRecord] {
    guard !months.isEmpty else { return [] }
    let placeholders = months.map { _ in "?" }.joined(separator: ", ")
    return try BatchLog.fetch(
      "(action IN ('submission', 'return') AND month IN (\(placeholders))) OR action = 'undo'", months.map(\.iso), db: db)
  }

  func hasSubmissions(asOf day: Day?) throws -> Bool {
    try db.fetchOne(
      "SELECT COUNT(*) FROM batch WHERE action = 'submission' AND day <= ?", [day?.iso ?? "9999-12-31"], as: Int.self) ?? 0 > 0
  }

  func unitOfOrganization() throws -> [String: String] {
    var result: [String: String] = [:]
    try scoped("SELECT id, unit FROM scope WHERE unit IS NOT NULL", []) { r in result[try r.get(0)] = try r.get(1) }
    return result
  }

  func targets() throws -> Targets {
    let requirements = try db.fetchAll(
      "SELECT kind, minimum, per, applies_to, exempt, from_day, to_day FROM requirement WHERE campaign = ? ORDER BY position",
      [campaign.code]
    ).map { r in
      let applies: String = try r.get(3)
      let exempt: String = try r.get(4)
      let from: String? = try r.get(5)
      let to: String? = try r.get(6)
      return Requirement(
        kind: try r.get(0), minimum: try r.get(1), per: TargetCycle(rawValue: try r.get(2)) ?? .month,
        appliesTo: applies == "all" ? .all : OrganizationKind(rawValue: applies).map { .kind($0) } ?? .unit(applies),
        exempt: exempt.split(separator: ";").map(String.init), from: from.flatMap { Day(parsing: $0) },
        to: to.flatMap { Day(parsing: $0) })
    }
    let top: String? =
      switch scope {
      case .whole: try db.fetchOne("SELECT id FROM organization WHERE parent IS NULL")
      case .subtree(let root): root
      }
    let unitIDs = Set(try units().map(\.id))
    let plans = try db.fetchAll(
      """
      SELECT p.id, p.organization, o.name, p.kind, p.target, p.from_day, p.to_day
      FROM plan p JOIN organization o ON o.id = p.organization WHERE p.campaign = ? ORDER BY p.position
      """, [campaign.code]
    ).compactMap { r -> Plan? in
      let org: String = try r.get(1)
      guard org == top || unitIDs.contains(org), let from = Day(parsing: try r.get(5) as String),
        let to = Day(parsing: try r.get(6) as String), let span = DayRange(from, to)
      else { return nil }
      let id: String = try r.get(0)
      return Plan(
        id: id.hasPrefix("#") ? "" : id, organization: org, unit: org == top ? nil : org, unitName: try r.get(2), kind: try r.get(3),
        target: try r.get(4),
        span: span)
    }
    return Targets(requirements: requirements, plans: plans)
  }

  func committeeName() throws -> String? {
    switch scope {
    case .whole: try db.fetchOne("SELECT name FROM organization WHERE parent IS NULL")
    case .subtree(let root): try db.fetchOne("SELECT name FROM organization WHERE id = ?", [root])
    }
  }

  func units() throws -> [Unit] {
    let rows =
      switch scope {
      case .whole: try db.fetchAll("SELECT id, name, kind, counted FROM organization WHERE unit = id ORDER BY position, id")
      case .subtree(let root):
        try db.fetchAll("SELECT id, name, kind, counted FROM organization WHERE parent = ? ORDER BY position, id", [root])
      }
    return try rows.map { r in
      Unit(id: try r.get(0), name: try r.get(1), kind: OrganizationKind(rawValue: try r.get(2)) ?? .branch, counted: try r.get(3))
    }
  }

  func activityTotals(dated window: DateWindow) throws -> [String: Totals] {
    var result: [String: Totals] = [:]
    for (kind, _, totals) in try monthAware(window, byUnit: false) where counts(kind) {
      result[kind, default: .zero] = result[kind, default: .zero] + totals
    }
    return result
  }

  func activityTotalsByUnit(dated window: DateWindow) throws -> [String: [String: Totals]] {
    var result: [String: [String: Totals]] = [:]
    for (kind, unit, totals) in try monthAware(window, byUnit: true) where counts(kind) {
      result[unit!, default: [:]][kind, default: .zero] = result[unit!, default: [:]][kind, default: .zero] + totals
    }
    return result
  }

  /// Where a window's sums come from: for the whole tree, its whole months from the monthly sums
  /// and the days before and after them from the records; for a subtree (the sums are per
  /// top-level unit) or an open window, all of it from the records.
  private func sources(of window: DateWindow) -> (months: (first: Month, last: Month)?, records: [DateWindow]) {
    guard scope == .whole, case .within(let range) = window else { return (nil, [window]) }
    let parts = ActivityMonths.split(range)
    return (parts.months, [parts.head, parts.tail].compactMap { $0 }.map { .within($0) })
  }

  /// Sums over a window, from the monthly sums where they serve and the records elsewhere.
  private func monthAware(_ window: DateWindow, byUnit: Bool) throws -> [(String, String?, Totals)] {
    let (wholeMonths, days) = sources(of: window)
    var rows: [(String, String?, Totals)] = []
    for part in days { rows += try fromRecords(part, byUnit: byUnit) }
    if let months = wholeMonths {
      let sql: String
      var args = [months.first.iso, months.last.iso]
      if !byUnit {
        sql =
          "SELECT kind, NULL, SUM(count), SUM(hours), SUM(participants) FROM activity_month_kind WHERE month BETWEEN ? AND ? GROUP BY kind"
      } else if months.first == months.last {
        // One month: its rows are already one per unit and kind.
        sql = "SELECT kind, unit, count, hours, participants FROM activity_month WHERE month = ? AND unit <> ''"
        args = [months.first.iso]
      } else {
        // Several months: the running totals at the last month less those before the first.
        // Every record counts at least 1, so a unit and kind with records in the window has a
        // count above zero; the others cancel out and are left out.
        sql = """
          SELECT kind, unit, SUM(count), SUM(hours), SUM(participants) FROM (
            SELECT kind, unit, count, hours, participants FROM activity_month_running
            WHERE month = (SELECT MAX(month) FROM activity_month_running WHERE month <= ?) AND unit <> ''
            UNION ALL
            SELECT kind, unit, -count, -hours, -participants FROM activity_month_running
            WHERE month = (SELECT MAX(month) FROM activity_month_running WHERE month < ?) AND unit <> ''
          ) AS running GROUP BY unit, kind HAVING SUM(count) <> 0
          """
        args = [months.last.iso, months.first.iso]
      }
      rows += try db.fetchAll(sql, args).map(Self.totalsRow)
    }
    return rows
  }

  /// Sums straight from the records (the covering date index).
  func fromRecords(_ window: DateWindow, byUnit: Bool) throws -> [(String, String?, Totals)] {
    let (condition, args) = Self.condition("a.date", window)
    if byUnit {
      return try scoped(
        """
        SELECT a.kind, s.unit, SUM(a.count), SUM(a.hours), SUM(a.participants)
        FROM activity a JOIN scope s ON s.id = a.organization
        WHERE \(condition) AND s.unit IS NOT NULL
        GROUP BY s.unit, a.kind
        """, args
      ).map(Self.totalsRow)
    }
    return try scoped(
      "SELECT a.kind, NULL, SUM(a.count), SUM(a.hours), SUM(a.participants) FROM \(records("activity", "a")) WHERE \(condition) GROUP BY a.kind",
      args
    ).map(Self.totalsRow)
  }

  /// A row of kind, unit, and the three sums.
  private static func totalsRow(_ r: SQLRow) throws -> (String, String?, Totals) {
    (try r.get(0), try r.get(1), Totals(count: try r.get(2), hours: Hours(hundredths: try r.get(3)), participants: try r.get(4)))
  }

  /// A campaign's ledger is its own: opinions collected and matters consolidated from
  /// `ledgerStart`.
  private func sinceCampaignStart(_ column: String) -> (String, [any SQLBindable]) {
    guard let start = ledgerStart else { return ("", []) }
    return (" AND \(column) >= ?", [start.iso])
  }

  func countFeedback(dated window: DateWindow) throws -> Int {
    let (condition, args) = Self.condition("f.date", window)
    let (since, sinceArgs) = sinceCampaignStart("f.date")
    return try scoped("SELECT COUNT(*) FROM \(records("feedback", "f")) WHERE \(condition)\(since)", args + sinceArgs)
      .first?.get(0) ?? 0
  }

  func countMatters(where conditions: [MatterCondition]) throws -> Int {
    var clauses: [String] = []
    var args: [any SQLBindable] = []
    for c in conditions {
      switch c {
      case .dated(let field, let window):
        let (sql, a) = Self.condition("m.\(field.rawValue)", window)
        clauses.append(sql)
        args += a
      case .datedBefore(let field, let day):
        clauses.append("m.\(field.rawValue) < ?")
        args += [day.iso]
      case .notDatedBy(let field, let day):
        clauses.append("(m.\(field.rawValue) IS NULL OR m.\(field.rawValue) > ?)")
        args += [day.iso]
      case .keyProject:
        clauses.append("m.key_project = 1")
      }
    }
    if let start = ledgerStart {
      clauses.append("m.raised >= ?")
      args.append(start.iso)
    }
    let whereClause = clauses.isEmpty ? "" : " WHERE " + clauses.joined(separator: " AND ")
    return try scoped("SELECT COUNT(*) FROM \(records("matter", "m"))" + whereClause, args).first?.get(0) ?? 0
  }

  func activityCountsByMonth(dated window: DateWindow) throws -> [String: [String: Int]] {
    var result: [String: [String: Int]] = [:]
    let (wholeMonths, days) = sources(of: window)
    if let months = wholeMonths {
      for r in try db.fetchAll(
        "SELECT month, kind, SUM(count) FROM activity_month_kind WHERE month BETWEEN ? AND ? GROUP BY month, kind",
        [months.first.iso, months.last.iso])
      {
        let kind: String = try r.get(1)
        if counts(kind) { result[try r.get(0), default: [:]][kind] = try r.get(2, as: Int.self) }
      }
    }
    for part in days {
      let (condition, args) = Self.condition("a.date", part)
      for r in try scoped(
        "SELECT substr(a.date, 1, 7), a.kind, SUM(a.count) FROM \(records("activity", "a")) WHERE \(condition) GROUP BY 1, 2", args)
      {
        let kind: String = try r.get(1)
        if counts(kind) { result[try r.get(0), default: [:]][kind, default: 0] += try r.get(2, as: Int.self) }
      }
    }
    return result
  }

  func countsByLevel(kind: String, dated window: DateWindow) throws -> [String?: Int] {
    guard counts(kind) else { return [:] }
    let (condition, args) = Self.condition("a.date", window)
    var result: [String?: Int] = [:]
    for r in try scoped(
      "SELECT a.level, SUM(a.count) FROM \(records("activity", "a")) WHERE a.kind = ? AND \(condition) GROUP BY a.level",
      [kind] + args)
    {
      result[try r.get(0, as: String?.self), default: 0] += try r.get(1, as: Int.self)
    }
    return result
  }

  func matters(raisedOnOrBefore day: Day) throws -> [MatterRecord] {
    try scoped(
      """
      SELECT m.id, m.title, m.organization, m.raised, m.owner, m.claimed, m.due, m.status, m.resolved, m.key_project,
             m.note, o.name, s.unit
      FROM matter m JOIN scope s ON s.id = m.organization JOIN organization o ON o.id = m.organization
      WHERE m.raised <= ?\(sinceCampaignStart("m.raised").0) ORDER BY m.raised, m.id
      """, [day.iso] + sinceCampaignStart("m.raised").1
    ).map { r in
      let matter = Matter(
        id: try r.get(0), title: try r.get(1), organization: try r.get(2), raised: try Self.day(r, 3), owner: try r.get(4),
        claimed: try Self.optionalDay(r, 5), due: try Self.optionalDay(r, 6),
        status: MatterStatus(rawValue: try r.get(7)) ?? .open, resolved: try Self.optionalDay(r, 8),
        keyProject: try r.get(9), note: try r.get(10))
      return MatterRecord(matter: matter, organizationName: try r.get(11), unitID: try r.get(12))
    }
  }

  func forEachActivity(dated window: DateWindow, kinds: [String]?, _ body: (ActivityRecord) throws -> Void) throws {
    var (condition, args) = Self.condition("a.date", window)
    let kinds = (kinds ?? campaignCatalogue.kinds.map(\.code)).filter(counts)
    guard !kinds.isEmpty else { return }
    do {
      condition += " AND a.kind IN (" + kinds.map { _ in "?" }.joined(separator: ", ") + ")"
      args += kinds as [any SQLBindable]
    }
    try scoped(
      """
      SELECT a.id, a.date, a.organization, a.kind, a.title, a.hours, a.participants, a.count, a.level, a.lead, a.note,
             o.name, u.name
      FROM activity a JOIN scope s ON s.id = a.organization JOIN organization o ON o.id = a.organization
        LEFT JOIN organization u ON u.id = s.unit
      WHERE \(condition) ORDER BY a.date, a.\(db.dialect.insertionOrder)
      """, args
    ) { r in
      let a = Activity(
        id: try r.get(0), date: try Self.day(r, 1), organization: try r.get(2), kind: try r.get(3), title: try r.get(4),
        hours: Hours(hundredths: try r.get(5)), participants: try r.get(6), count: try r.get(7),
        level: try r.get(8, as: String?.self), lead: try r.get(9), note: try r.get(10))
      try body(ActivityRecord(activity: a, organizationName: try r.get(11), unitName: try r.get(12)))
    }
  }

  /// A date column; the importer writes ISO dates only.
  private static func day(_ r: SQLRow, _ i: Int) throws -> Day {
    let text: String = try r.get(i)
    guard let day = Day(parsing: text) else { throw SQLValueError(value: .text(text), expected: "an ISO date") }
    return day
  }

  private static func optionalDay(_ r: SQLRow, _ i: Int) throws -> Day? {
    r.values[i] == .null ? nil : try day(r, i)
  }

  /// A date column's condition for a window; NULL dates never match.
  static func condition(_ column: String, _ window: DateWindow) -> (String, [any SQLBindable]) {
    switch window {
    case .onOrBefore(let day): ("\(column) <= ?", [day.iso])
    case .within(let range): ("\(column) BETWEEN ? AND ?", [range.start.iso, range.end.iso])
    }
  }
}
