/// The first load of a large table: its secondary indexes are dropped before the rows go in and
/// built again after them, in the same transaction.
///
/// SQLite builds an index from sorted keys several times faster than it inserts the same keys one
/// by one in the file's order (a million activities: 1.5 s to build the date index afterwards,
/// 2.7 s to keep it up to date row by row). Only an empty table qualifies: rebuilding the index
/// of a large store for a few new rows would cost far more than it saves. Unique indexes stay,
/// since the importer's upsert relies on them. If the import fails, the rollback restores the
/// indexes with everything else. PostgreSQL is left as it is.
struct BulkLoad {
  private let indexes: [String]
  private let db: any SQLDatabase

  /// Drops `table`'s secondary indexes when it is empty on SQLite; nil otherwise.
  init?(table: String, db: any SQLDatabase) throws {
    guard db.dialect == .sqlite, try db.fetchOne("SELECT NOT EXISTS (SELECT 1 FROM \(table))", as: Bool.self) == true else {
      return nil
    }
    // Indexes made by CREATE INDEX that are not unique: an upsert's ON CONFLICT may rely on a
    // unique one, and the automatic ones behind UNIQUE constraints cannot be dropped.
    let found = try db.fetchAll(
      """
      SELECT m.name, m.sql FROM pragma_index_list(?) AS i JOIN sqlite_master AS m ON m.name = i.name AND m.type = 'index'
      WHERE i.origin = 'c' AND i."unique" = 0 AND m.sql IS NOT NULL ORDER BY m.name
      """, [table])
    guard !found.isEmpty else { return nil }
    for index in found {
      let name: String = try index.get(0)
      try db.execute("DROP INDEX \"\(name.replacingOccurrences(of: "\"", with: "\"\""))\"")
    }
    indexes = try found.map { try $0.get(1) }
    self.db = db
  }

  /// Builds the dropped indexes again, from their original definitions.
  func restore() throws {
    for sql in indexes { try db.execute(sql) }
  }
}
