import CampaignModel

/// Activities: each row is checked against the catalogue and the organization tree, then
/// upserted by its id, or by its content when it has none.
struct ActivityImporter: RowImporter {
  private let organizations: OrganizationIndex
  /// The kinds of every campaign.
  private let catalogue: Catalogue
  /// Each campaign's media levels by its code.
  private let levelsByCampaign: [String: [MediaLevel]]
  private let ids: IdTracker
  private let contentKeys: ContentKeys
  private let upsert: Upserter
  private let scope: ImportScope?
  private let context: ImportContext
  private let keyPrefix: String
  /// The batch stamped on every row written.
  private let batch: SQLValue
  private var replacement = SubmissionReplacement(table: BatchSchema.activity)
  /// SQLite: the months of the rows added, for `ActivityMonths.refresh` (its insert trigger is
  /// gone, see migration v5). PostgreSQL's statement-level trigger marks them itself.
  private var addedMonths: Set<Month> = []
  private let marksAddedMonths: Bool
  private static let columns = ["id", "date", "organization", "kind", "title", "hours", "participants", "count", "level", "lead", "note"]

  init(db: any SQLDatabase, context: ImportContext) throws {
    let scope = context.scope
    ids = IdTracker(db: db, type: .activities)
    contentKeys = ContentKeys(db: db, type: .activities)
    organizations = try loadOrganizationIndex(db)
    catalogue = try loadImportCatalogue(db)
    var levels: [String: [MediaLevel]] = [:]
    for c in context.campaigns { levels[c.code] = try loadCatalogue(db, campaign: c.code).levels }
    levelsByCampaign = levels
    upsert = try Upserter(db: db, table: "activity", key: "key", columns: Self.columns, stamped: true)
    upsert.owner = scope.map { ("organization", $0) }
    self.scope = scope
    self.context = context
    keyPrefix = context.keyPrefix
    batch = .int(Int64(context.batch ?? 0))
    marksAddedMonths = db.dialect == .sqlite
  }

  mutating func flush() throws -> [RowOutcome] { try upsert.flush() }

  mutating func finish(db: any SQLDatabase, issues: inout [DataIssue], file: String) throws -> [RowOutcome] {
    let mark = try db.prepare("INSERT INTO activity_month_dirty (month) VALUES (?) ON CONFLICT DO NOTHING")
    for month in addedMonths { try mark.execute([.text(month.iso)]) }
    addedMonths = []
    return try replacement.removeOthers(db: db, context: context)
  }

  mutating func importRow(_ row: inout RowReader, db: any SQLDatabase, write: Bool) throws -> [RowOutcome] {
    let id = try row.optionalId("id", seen: ids)
    let date = row.recordDay("date", context: context)
    let org = row.organization("unit", in: organizations)
    if let scope, let org, !scope.members.contains(org) { row.fail("unit", .outsideRoot(root: scope.root)) }
    var kind: ActivityKind?
    if let k = row.required("kind") {
      kind = catalogue.kind(matching: k)
      if kind == nil { row.fail("kind", .unknownKind) }
    }
    let hours = row.hours("hours")
    let participants = row.wholeNumber("participants", empty: 0)
    let count = row.wholeNumber("count", empty: 1, problem: .badCount, minimum: 1)
    // The levels in force on the date are looked up only for a row that gives a level.
    let level = row.choice("level", allowed: MediaLevel.allowedText(levels(on: date))) { MediaLevel.matching($0, in: levels(on: date)) }?
      .code
    let title = row.text("title"), lead = row.text("lead"), note = row.text("note")
    guard row.issues.isEmpty, write, let date, let org, let kind else { return [] }

    let iso = date.iso
    var key =
      try id.map { "id:" + $0 }
      ?? contentKeys.key(for: [
        iso, org, kind.code, title, String(hours.hundredths), String(participants), String(count), level ?? "", lead, note,
      ])
    if !keyPrefix.isEmpty { key = keyPrefix + key }
    if context.submission != nil { replacement.wrote(key) }
    let outcomes = try upsert.write(
      [
        .text(key), id.sqlValue, .text(iso), .text(org), .text(kind.code), .text(title), hours.hundredths.sqlValue,
        participants.sqlValue, count.sqlValue, level.sqlValue, .text(lead), .text(note), batch,
      ], line: row.line)
    // Row by row (SQLite), the outcome is this row's.
    if marksAddedMonths, outcomes.first == .added { addedMonths.insert(date.monthOfYear) }
    return outcomes
  }
}

extension ActivityImporter {
  /// The media levels a record dated on a day may have: those of the campaign in force on the
  /// day; of every campaign when no campaign is, or the date is unreadable.
  private func levels(on day: Day?) -> [MediaLevel] {
    if let day, let c = Campaign.inForce(on: day, among: context.campaigns), let levels = levelsByCampaign[c.code] { return levels }
    var all: [MediaLevel] = []
    for c in context.campaigns.reversed() {
      for l in levelsByCampaign[c.code] ?? [] where !all.contains(where: { $0.code == l.code }) { all.append(l) }
    }
    return all
  }
}

extension MediaLevel {
  /// The allowed spellings, for messages.
  static func allowedText(_ levels: [MediaLevel]) -> String {
    levels.map { "\($0.code)/\($0.name)" }.joined(separator: ", ")
  }
}
