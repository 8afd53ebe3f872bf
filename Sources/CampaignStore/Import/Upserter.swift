/// Writes rows keyed by one column: inserts new keys, updates rows whose values differ, and
/// leaves identical rows untouched, telling which of the three happened.
///
/// On SQLite each row is written at once (an insert, then an update when the key exists): the
/// library is in the process, so a row costs a function call. On PostgreSQL a row would cost a
/// round trip to the server, so rows are queued and written in batches, each one multi-row
/// `INSERT … ON CONFLICT DO UPDATE … WHERE (a value differs) RETURNING (xmax = 0)`: a returned
/// true is an added row, false an updated one, and a row not returned was unchanged. Rows keep
/// their order, so the insertion order (`seq`) is the file's, as SQLite's `rowid` is.
final class Upserter {
  private let db: any SQLDatabase
  private let table: String
  private let width: Int
  /// SQLite: the two statements of the row-by-row path.
  private var insert: (any SQLStatement)?
  private var update: (any SQLStatement)?
  private let updateArgumentOrder: [Int]
  /// PostgreSQL: the statement's text up to VALUES, and after the rows.
  private let batchHead: String
  private let batchTail: String
  private var full: (any SQLStatement)?
  private var queue: [SQLValue] = []
  private var queuedLines: [Int] = []
  private let key: String
  /// With `import --root`: the column that names a record's organization, and the scope whose
  /// records this import may change. A row whose key is a record outside it throws
  /// `OutOfScopeRecord`.
  var owner: (column: String, scope: ImportScope)?
  private var ownerQuery: (any SQLStatement)?
  /// Rows per batch: as many as fit PostgreSQL's 65,535 parameters, at most 1,000.
  let batchSize: Int

  /// - Parameters:
  ///   - insertOnly: columns set when a row is added and kept when it is updated.
  ///   - stamped: the rows' last value is the import's batch number, written to the `batch`
  ///     column of every row added or changed but never compared (a row identical but for its
  ///     batch is unchanged).
  init(db: any SQLDatabase, table: String, key: String, columns: [String], insertOnly: [String] = [], stamped: Bool = false) throws {
    self.db = db
    self.table = table
    self.key = key
    let stamp = stamped ? ["batch"] : []
    let all = [key] + columns + insertOnly + stamp
    width = all.count
    batchSize = min(1000, 65_535 / all.count)
    // SET values (and the batch), then the key, then the values again for the comparison.
    let values = Array(1...columns.count)
    updateArgumentOrder = values + (stamped ? [all.count - 1] : []) + [0] + values
    let differs = columns.map { "\(table).\($0) \(db.dialect.isDistinctFrom) excluded.\($0)" }.joined(separator: " OR ")
    batchHead = "INSERT INTO \(table) (\(all.joined(separator: ", "))) VALUES "
    batchTail = """
       ON CONFLICT (\(key)) DO UPDATE SET \((columns + stamp).map { "\($0) = excluded.\($0)" }.joined(separator: ", "))
       WHERE \(differs) RETURNING (xmax = 0)
      """
    if db.dialect == .sqlite {
      let placeholders = Array(repeating: "?", count: all.count).joined(separator: ", ")
      insert = try db.prepare("\(batchHead)(\(placeholders)) ON CONFLICT(\(key)) DO NOTHING")
      let sets = (columns + stamp).map { "\($0) = ?" }.joined(separator: ", ")
      let unequal = columns.map { "\($0) \(db.dialect.isDistinctFrom) ?" }.joined(separator: " OR ")
      update = try db.prepare("UPDATE \(table) SET \(sets) WHERE \(key) = ? AND (\(unequal))")
    }
  }

  /// Writes one row (`values`: the key, the columns, then the insert-only columns), or queues
  /// it for the next batch; returns the outcomes now known: this row's, a whole batch's, or
  /// none. `flush` writes the rest and returns theirs.
  func write(_ values: [SQLValue], line: Int) throws -> [RowOutcome] {
    if let insert, let update {
      if try insert.execute(values) == 1 { return [.added] }
      try checkOwners(keys: [values[0]], lines: [line])
      return [try update.execute(updateArgumentOrder.map { values[$0] }) == 1 ? .updated : .unchanged]
    }
    queue += values
    queuedLines.append(line)
    return queue.count >= batchSize * width ? try flush() : []
  }

  /// Throws `OutOfScopeRecord` for the first of these keys that is a record outside the scope.
  private func checkOwners(keys: [SQLValue], lines: [Int]) throws {
    guard let owner else { return }
    let found: [SQLRow]
    if keys.count == 1 {
      if ownerQuery == nil { ownerQuery = try db.prepare("SELECT \(key), \(owner.column) FROM \(table) WHERE \(key) = ?") }
      found = try ownerQuery!.fetchAll(keys)
    } else {
      found = try db.fetchAll(
        "SELECT \(key), \(owner.column) FROM \(table) WHERE \(key) IN (\(keys.map { _ in "?" }.joined(separator: ", ")))", keys)
    }
    var outside: [SQLValue: String] = [:]
    for r in found {
      let organization: String = try r.get(1)
      if !owner.scope.members.contains(organization) { outside[r.values[0]] = organization }
    }
    guard !outside.isEmpty else { return }
    for (key, line) in zip(keys, lines) {
      if let organization = outside[key] { throw OutOfScopeRecord(line: line, organization: organization, root: owner.scope.root) }
    }
  }

  /// Writes the queued rows; returns what happened to each (in no particular order).
  func flush() throws -> [RowOutcome] {
    var outcomes: [RowOutcome] = []
    while !queue.isEmpty {
      let take = min(queue.count, batchSize * width)
      let rows = take / width
      let batch = Array(queue[..<take])
      queue.removeFirst(take)
      try checkOwners(keys: stride(from: 0, to: take, by: width).map { batch[$0] }, lines: Array(queuedLines.prefix(rows)))
      queuedLines.removeFirst(rows)
      let returned: [SQLRow]
      if rows == batchSize {
        if full == nil { full = try db.prepare(statement(rows: rows)) }
        returned = try full!.fetchAll(batch)
      } else {
        returned = try db.fetchAll(statement(rows: rows), batch)
      }
      var added = 0
      for r in returned where try r.get(0, as: Bool.self) { added += 1 }
      outcomes +=
        Array(repeating: .added, count: added) + Array(repeating: .updated, count: returned.count - added)
        + Array(repeating: .unchanged, count: rows - returned.count)
    }
    return outcomes
  }

  private func statement(rows: Int) -> String {
    let row = "(" + Array(repeating: "?", count: width).joined(separator: ", ") + ")"
    return batchHead + Array(repeating: row, count: rows).joined(separator: ", ") + batchTail
  }
}
