import CampaignModel

/// What every row importer of one import needs to know beyond the row.
struct ImportContext {
  /// With `import --root` or a submission: the organizations whose records the file may hold.
  var scope: ImportScope?
  /// The batch stamped on the rows written; nil for the built-in catalogue and demo.
  var batch: Int?
  /// The submission's unit and month, when the import is one.
  var submission: SubmissionScope?
  /// The earliest campaign's start: dates before it are warned about (refused in a
  /// submission).
  var campaignStart: Day?
  /// The day of the import: later dates are warned about (refused in a submission).
  var today: Day
  /// The campaign whose catalogue a kinds file updates.
  var campaign: String?
  /// Every campaign of the store, for the media levels in force on a record's date.
  var campaigns: [Campaign] = []

  /// The prefix of the stored key of a submission's rows: a branch's own ids and row numbers
  /// are local to its unit and month, so they never meet another unit's records.
  var keyPrefix: String {
    guard let s = submission else { return "" }
    return "s:\(s.unit):\(s.month.iso):"
  }
}

/// The rows of one record table that a submission replaces: those of the submitting
/// organization's subtree dated in its month. After the file's rows are written, the rows of
/// that scope the file did not hold are removed, each kept in the history first so an undo can
/// bring it back.
struct SubmissionReplacement {
  let table: BatchSchema.RecordTable
  private(set) var written: Set<String> = []

  init(table: BatchSchema.RecordTable) { self.table = table }

  mutating func wrote(_ key: String) { written.insert(key) }

  /// Removes the scope's rows that this submission did not write; returns one outcome per
  /// removed row, naming the batch that had written it (0: before batches existed).
  func removeOthers(db: any SQLDatabase, context: ImportContext) throws -> [RowOutcome] {
    guard let submission = context.submission, let scope = context.scope, let batch = context.batch else { return [] }
    let members = scope.members.sorted()
    let placeholders = members.map { _ in "?" }.joined(separator: ", ")
    var arguments: [SQLValue] = [.text(submission.month.first.iso), .text(submission.month.last.iso)]
    arguments += members.map { .text($0) }
    let stale = try db.fetchAll(
      "SELECT \(table.key), batch FROM \(table.name) WHERE date >= ? AND date <= ? AND organization IN (\(placeholders))", arguments
    ).compactMap { r -> (String, Int)? in
      let key: String = try r.get(0)
      return written.contains(key) ? nil : (key, try r.get(1))
    }
    guard !stale.isEmpty else { return [] }
    let seq = db.dialect == .sqlite ? "rowid" : (table.postgresSeq ? "seq" : "NULL")
    let columns = table.columns.joined(separator: ", ")
    let keep = try db.prepare(
      "INSERT INTO \(table.history) (batch, op, seq, \(columns), prior) SELECT ?, 'removed', \(seq), \(columns), batch FROM \(table.name) WHERE \(table.key) = ?"
    )
    let delete = try db.prepare("DELETE FROM \(table.name) WHERE \(table.key) = ?")
    for (key, _) in stale {
      try keep.execute([.int(Int64(batch)), .text(key)])
      try delete.execute([.text(key)])
    }
    return stale.map { .removed(from: $0.1) }
  }
}
