import CampaignModel

/// Raw opinions: upserted by id (or by content when there is none); a merged opinion must name
/// a matter already in the ledger.
struct FeedbackImporter: RowImporter {
  private let organizations: OrganizationIndex
  private let matters: Set<String>
  private let ids: IdTracker
  private let contentKeys: ContentKeys
  private let upsert: Upserter
  private let scope: ImportScope?
  private let context: ImportContext
  private var replacement = SubmissionReplacement(table: BatchSchema.feedback)
  private static let columns = ["id", "date", "organization", "channel", "content", "matter"]

  init(db: any SQLDatabase, context: ImportContext) throws {
    let scope = context.scope
    ids = IdTracker(db: db, type: .feedback)
    contentKeys = ContentKeys(db: db, type: .feedback)
    organizations = try loadOrganizationIndex(db)
    matters = try Set(db.fetchColumn("SELECT id FROM matter", as: String.self))
    upsert = try Upserter(db: db, table: "feedback", key: "key", columns: Self.columns, stamped: true)
    upsert.owner = scope.map { ("organization", $0) }
    self.scope = scope
    self.context = context
  }

  mutating func finish(db: any SQLDatabase, issues: inout [DataIssue], file: String) throws -> [RowOutcome] {
    try replacement.removeOthers(db: db, context: context)
  }

  mutating func flush() throws -> [RowOutcome] { try upsert.flush() }

  mutating func importRow(_ row: inout RowReader, db: any SQLDatabase, write: Bool) throws -> [RowOutcome] {
    let id = try row.optionalId("id", seen: ids)
    let date = row.recordDay("date", context: context)
    let org = row.organization("unit", in: organizations)
    if let scope, let org, !scope.members.contains(org) { row.fail("unit", .outsideRoot(root: scope.root)) }
    let channel = row.text("channel")
    let content = row.required("content")
    let matter = row.optionalText("matter")
    if let matter, !matters.contains(matter) { row.fail("matter", .unknownMatter) }
    guard row.issues.isEmpty, write, let date, let org, let content else { return [] }
    var key = try id.map { "id:" + $0 } ?? contentKeys.key(for: [date.iso, org, channel, content, matter ?? ""])
    if context.submission != nil { key = context.keyPrefix + key }
    if context.submission != nil { replacement.wrote(key) }
    return try upsert.write(
      [
        .text(key), id.sqlValue, .text(date.iso), .text(org), .text(channel), .text(content), matter.sqlValue,
        .int(Int64(context.batch ?? 0)),
      ],
      line: row.line)
  }
}
