import CampaignModel
import Foundation
import GRDB
import TestSupport
import Testing

@testable import CampaignStore

/// The first load of an empty table drops its secondary indexes and builds them again after the
/// rows: the store must end up exactly as a row-by-row load leaves it.
@Suite("Bulk loading an empty table", .enabled(if: TestBackend.isSQLite))
struct BulkLoadTests {
  /// Name and SQL of every index and trigger of the record tables.
  func schema(_ path: String) throws -> [String] {
    try DatabaseQueue(path: path).read { db in
      try Row.fetchAll(db, sql: "SELECT type, name, sql FROM sqlite_master WHERE type IN ('index', 'trigger') ORDER BY name")
        .map { "\($0["type"] as String) \($0["name"] as String) \(($0["sql"] as String?) ?? "")" }
    }
  }

  @Test("a first load leaves the same indexes, and the same rows, as loading into a table that has rows")
  func sameIndexes() throws {
    let fresh = try TestStore()
    let before = try schema(fresh.store.path)
    #expect(before.contains { $0.hasPrefix("index activity_date CREATE INDEX activity_date ON activity(date, kind") })
    let bulk = try TestStore.tiny()  // every table empty before its file
    #expect(try schema(bulk.store.path) == before)
    let plans = try DatabaseQueue(path: bulk.store.path).read { db in
      try Row.fetchAll(
        db, sql: "EXPLAIN QUERY PLAN SELECT kind, SUM(count) FROM activity WHERE date BETWEEN '2021-07-01' AND '2021-07-31' GROUP BY kind"
      )
      .map { $0["detail"] as String }
    }
    #expect(plans.contains { $0.contains("COVERING INDEX activity_date") }, "\(plans)")
    #expect(try DatabaseQueue(path: bulk.store.path).read { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") } == "ok")

    // The same files with one activity and one opinion already in the store: the row-by-row path.
    let rowByRow = try TestStore()
    for f in ["organizations", "matters"] { try rowByRow.store.importOne(Fixtures.path("tiny/\(f).csv")) }
    for f in ["activities", "feedback"] {
      let head = try String(contentsOfFile: Fixtures.path("tiny/\(f).csv"), encoding: .utf8).split(separator: "\n").prefix(2)
      try rowByRow.store.importOne(try rowByRow.directory.write("first-\(f).csv", head.joined(separator: "\n") + "\n"))
      #expect(try rowByRow.rowCount(f == "activities" ? "activity" : "feedback") == 1)
      try rowByRow.store.importOne(Fixtures.path("tiny/\(f).csv"))
    }
    #expect(try bulk.dump(batches: false) == rowByRow.dump(batches: false))
    let sums = "SELECT * FROM activity_month ORDER BY month, unit, kind"
    let bulkSums = try DatabaseQueue(path: bulk.store.path).read { db in try Row.fetchAll(db, sql: sums).map(\.description) }
    let rowSums = try DatabaseQueue(path: rowByRow.store.path).read { db in try Row.fetchAll(db, sql: sums).map(\.description) }
    #expect(!bulkSums.isEmpty && bulkSums == rowSums)
  }

  @Test("a first load that fails keeps the indexes and writes nothing: a bad row, or an error that stops the rows")
  func failedLoad() throws {
    let t = try TestStore()
    try t.store.importOne(Fixtures.path("tiny/organizations.csv"))
    let before = try schema(t.store.path)
    // A bad row is listed after every row was read (the indexes are built again, then rolled back).
    let bad = try t.directory.write("bad.csv", "id,date,unit,kind\nB1,2021-07-01,G1a,branch_study\nB2,2021-13-01,G1a,branch_study\n")
    #expect(throws: StoreError.self) { try t.store.importOne(bad) }
    #expect(try schema(t.store.path) == before)
    #expect(try t.rowCount("activity") == 0)
    // A GB18030 file with a byte that is not GB18030 stops in the middle of the rows, while the
    // index is dropped: only the rollback brings it back.
    var bytes = Array("id,date,unit,kind,title\nB1,2021-07-01,G1a,branch_study,".utf8) + [0xB5, 0xB3]  // 党 in GB18030
    bytes += Array("\nB2,2021-07-02,G1a,branch_study,x\nB3,2021-07-03,G1a,branch_study,".utf8) + [0xFF, 0x0A]
    let broken = t.directory.path("broken.csv")
    try Data(bytes).write(to: URL(fileURLWithPath: broken))
    #expect {
      try t.store.importOne(broken)
    } throws: { error in
      guard case StoreError.badEncoding = error else { return false }
      return true
    }
    #expect(try schema(t.store.path) == before)
    #expect(try t.rowCount("activity") == 0)
  }
}
