import CampaignModel

/// The matters ledger: each row is upserted by its id after its status is checked against its
/// dates.
struct MatterImporter: RowImporter {
  private let organizations: OrganizationIndex
  private let ids: IdTracker
  private let upsert: Upserter
  private let scope: ImportScope?
  private let context: ImportContext
  private static let columns = ["title", "organization", "raised", "owner", "claimed", "due", "status", "resolved", "key_project", "note"]

  init(db: any SQLDatabase, context: ImportContext) throws {
    let scope = context.scope
    ids = IdTracker(db: db, type: .matters)
    organizations = try loadOrganizationIndex(db)
    upsert = try Upserter(db: db, table: "matter", key: "id", columns: Self.columns, stamped: true)
    upsert.owner = scope.map { ("organization", $0) }
    self.scope = scope
    self.context = context
  }

  mutating func flush() throws -> [RowOutcome] { try upsert.flush() }

  mutating func importRow(_ row: inout RowReader, db: any SQLDatabase, write: Bool) throws -> [RowOutcome] {
    let id = row.required("id")
    if let id, let first = try ids.see(id, line: row.line) { row.fail("id", .duplicateId(firstLine: first)) }
    let title = row.required("title")
    let org = row.organization("unit", in: organizations)
    if let scope, let org, !scope.members.contains(org) { row.fail("unit", .outsideRoot(root: scope.root)) }
    let raised = row.day("raised", required: true)
    let owner = row.optionalText("owner")
    let claimed = row.day("claimed", required: false)
    let due = row.day("due", required: false)
    let status = row.choice("status", required: true, allowed: MatterStatus.allowedText) { MatterStatus(contractValue: $0) }
    let resolved = row.day("resolved", required: false)
    let keyProject = row.choice("key_project", allowed: "yes/no, 是/否") { parseYesNo($0) } ?? false
    let note = row.text("note")

    // The status must agree with the dates.
    if status == .resolved && row.text("resolved").isEmpty { row.fail("status", .resolvedWithoutDate) }
    if let status, status != .resolved, resolved != nil { row.fail("resolved", .resolvedDateWithoutStatus) }
    if claimed != nil && owner == nil { row.fail("claimed", .claimWithoutOwner) }
    if owner != nil && claimed == nil && row.text("claimed").isEmpty { row.fail("owner", .ownerWithoutClaim) }
    if let raised {
      for (column, date, which) in [("claimed", claimed, MatterDate.claimed), ("due", due, .due), ("resolved", resolved, .resolved)] {
        if let d = date, d < raised { row.fail(column, .dateBeforeRaised(which)) }
      }
    }
    if let c = claimed, let r = resolved, r < c, raised.map({ r >= $0 }) ?? true { row.fail("resolved", .resolvedBeforeClaimed) }
    guard row.issues.isEmpty, write, let id, let title, let org, let raised, let status else { return [] }
    let values: [any SQLBindable] = [
      id, title, org, raised.iso, owner, claimed?.iso, due?.iso, status.rawValue, resolved?.iso, keyProject, note,
    ]
    return try upsert.write(values.map(\.sqlValue) + [.int(Int64(context.batch ?? 0))], line: row.line)
  }
}

extension MatterStatus {
  /// The allowed spellings, for messages.
  static var allowedText: String {
    allCases.map { "\($0.rawValue)/\($0.chineseName)" }.joined(separator: ", ") + ", 已办结"
  }
}
