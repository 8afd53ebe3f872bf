import CampaignStore
import Foundation
import GRDB

/// The queries of a dump: every record table's rows (without the bookkeeping `batch` column,
/// which numbers the imports that wrote them), then, with `batches`, the batch log and the
/// history, so a refused import is seen to have recorded nothing either.
func dumpQueries(batches: Bool) -> [(String, String)] {
  let records = [
    ("setting", "key, value"), ("campaign", "*"), ("campaign_kind", "*"), ("campaign_level", "*"), ("campaign_setting", "*"),
    ("organization", "*"),
    ("activity", "key, id, date, organization, kind, title, hours, participants, count, level, lead, note"),
    ("matter", "id, title, organization, raised, owner, claimed, due, status, resolved, key_project, note"),
    ("feedback", "key, id, date, organization, channel, content, matter"),
  ].map { ($0.0, "SELECT \($0.1) FROM \($0.0)") }
  guard batches else { return records }
  return records + [
    (
      "batch",
      "SELECT batch, action, types, file, sha256, unit, month, author, rows, added, updated, removed, unchanged, reason, undoes, undone_by FROM batch"
    ),
    ("activity batches", "SELECT key, batch FROM activity"), ("matter batches", "SELECT id, batch FROM matter"),
    ("feedback batches", "SELECT key, batch FROM feedback"),
    ("activity_history", "SELECT * FROM activity_history"), ("matter_history", "SELECT * FROM matter_history"),
    ("feedback_history", "SELECT * FROM feedback_history"),
  ]
}

/// Every row of every record table of a database file as text, to prove a store unchanged.
public func dumpTables(atPath path: String, batches: Bool = true) throws -> String {
  let queue = try DatabaseQueue(path: path)
  return try queue.read { db in
    var out: [String] = []
    for (table, sql) in dumpQueries(batches: batches) {
      let rows = try Row.fetchAll(db, sql: sql)
      out.append("[\(table)] \(rows.count)")
      out += rows.map { $0.description }.sorted()
    }
    return out.joined(separator: "\n")
  }
}

/// The number of rows of a table.
public func rowCount(_ table: String, atPath path: String) throws -> Int {
  try DatabaseQueue(path: path).read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table)") ?? 0 }
}

/// The record tables (and the number of rows of a table) of a test's store, on either backend.
extension TestStore {
  /// Every row of every record table, to prove the store unchanged; with `batches`, the batch
  /// log and the history too.
  public func dump(batches: Bool = true) throws -> String {
    guard let server = serverDatabase else { return try dumpTables(atPath: store.path, batches: batches) }
    var out: [String] = []
    for (table, sql) in dumpQueries(batches: batches) {
      let rows = try server.rows(sql)
      out.append("[\(table)] \(rows.count)")
      out += rows.sorted()
    }
    return out.joined(separator: "\n")
  }

  /// The number of rows of a table.
  public func rowCount(_ table: String) throws -> Int {
    guard let server = serverDatabase else { return try TestSupport.rowCount(table, atPath: store.path) }
    return Int(try server.rows("SELECT COUNT(*) FROM \(table)").first ?? "") ?? -1
  }
}

/// Writes a SQLite database at `path` from a SQL dump (`sqlite3 FILE .dump`): a store as an
/// older version of the program left it, for the migration tests.
public func makeDatabase(atPath path: String, fromDump dumpPath: String) throws {
  let sql = try String(contentsOfFile: dumpPath, encoding: .utf8)
  let queue = try DatabaseQueue(path: path)
  try queue.writeWithoutTransaction { db in try db.execute(sql: sql) }
  try queue.close()
}
