import CampaignStore
import Foundation
import GRDB

/// Every row of every record table of a database file as text, to prove a store unchanged.
public func dumpTables(atPath path: String) throws -> String {
  let queue = try DatabaseQueue(path: path)
  return try queue.read { db in
    var out: [String] = []
    for table in ["setting", "kind", "organization", "activity", "matter", "feedback"] {
      let rows = try Row.fetchAll(db, sql: "SELECT * FROM \(table)")
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
  /// Every row of every record table, to prove the store unchanged.
  public func dump() throws -> String {
    guard let server = serverDatabase else { return try dumpTables(atPath: store.path) }
    var out: [String] = []
    for table in ["setting", "kind", "organization", "activity", "matter", "feedback"] {
      let rows = try server.rows("SELECT * FROM \(table)")
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
