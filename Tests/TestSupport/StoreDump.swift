import Foundation
import GRDB

@testable import CampaignStore

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

/// Every row of every record table of a store, on either backend, to prove it unchanged.
public func dumpTables(_ store: CampaignStore) throws -> String {
  try store.backend.read { db in
    var out: [String] = []
    for table in ["setting", "kind", "organization", "activity", "matter", "feedback"] {
      let rows = try db.fetchAll("SELECT * FROM \(table)")
      out.append("[\(table)] \(rows.count)")
      out += rows.map { "\($0.values)" }.sorted()
    }
    return out.joined(separator: "\n")
  }
}

/// The number of rows of a table of a store, on either backend.
public func rowCount(_ table: String, in store: CampaignStore) throws -> Int {
  try store.backend.read { db in try db.fetchOne("SELECT COUNT(*) FROM \(table)", as: Int.self) ?? 0 }
}
