import Foundation
import TestSupport
import Testing

@testable import CampaignStore

/// The keys an import has seen answer the same whether they are held in memory or have moved
/// to the temporary table, and an import gives the same store either way.
@Suite("Keys seen by an import")
struct SeenKeysTests {
  @Test("memory and the temporary table give the same first lines and counts")
  func spill() throws {
    let t = try TestStore()
    defer { t.directory.remove() }
    let keys: [UInt128] = [5, 9, 5, 1 << 100, 9, 9, 7, (1 << 127) | 3, 5, 1 << 100, 11, 12, 13, 5]
    func answers(_ limit: Int) throws -> [String] {
      try t.store.backend.write { db in
        let seen = SeenKeys(db: db, space: .ids(.activities), memoryLimit: limit)
        return try keys.enumerated().map { i, k in
          let (first, count) = try seen.see(k, line: i + 2)
          return "\(first)/\(count)"
        }
      }
    }
    let inMemory = try answers(1000)
    #expect(inMemory == ["2/1", "3/1", "2/2", "5/1", "3/2", "3/3", "8/1", "9/1", "2/3", "5/2", "12/1", "13/1", "14/1", "2/4"])
    for limit in [0, 1, 3, 6] { #expect(try answers(limit) == inMemory, "limit \(limit)") }
  }

  @Test("the in-memory table grows through many keys, also keys that share their low or high half, and counts each")
  func keyTableGrowth() {
    var table = KeyTable()
    // Keys alike in one half (and the hashes of ids), through several doublings of the table.
    let keys: [UInt128] =
      (0..<20_000).map { UInt128($0) } + (1..<20_000).map { UInt128($0) << 64 }
      + (0..<20_000).map { ContentKeys.fnv1a128("A\($0)") }
    for (i, k) in keys.enumerated() { #expect(table.see(k, line: i, adding: true)! == (i, 1)) }
    #expect(table.count == keys.count)
    var wrong = 0
    for (i, k) in keys.enumerated() where table.see(k, line: -1, adding: true)! != (i, 2) { wrong += 1 }
    #expect(wrong == 0)
    #expect(table.see(UInt128.max, line: 1, adding: false) == nil)
    #expect(table.count == keys.count)
    #expect(Set(table.entries.map { UInt128($0.hi) << 64 | UInt128($0.lo) }) == Set(keys))
  }

  @Test("an import whose keys move to the temporary table gives the same store and the same problems")
  func importWithSpill() throws {
    func run(_ env: [String: String]) throws -> (String, String) {
      let dir = try TemporaryDirectory()
      defer { dir.remove() }
      let db = dir.path("c.sqlite")
      let files = ["organizations", "matters", "activities", "feedback"].map { Fixtures.path("tiny/\($0).csv") }
      #expect(try runReport(["import", "--quiet", "--db", db] + files, environment: env).status == 0)
      // Identical rows without ids, and a duplicate id: counted and reported the same way.
      let extra = try dir.write("extra.csv", "id,date,unit,kind,title\n,2021-07-09,D1,seminar,同一行\n,2021-07-09,D1,seminar,同一行\n")
      #expect(try runReport(["import", "--quiet", "--db", db, extra], environment: env).status == 0)
      let bad = try runReport(["import", "--db", db, Fixtures.path("bad/duplicate-ids.csv")], environment: env)
      return (try dumpTables(atPath: db), bad.stderr.replacingOccurrences(of: dir.url.path, with: ""))
    }
    let normal = try run([:])
    let spilled = try run(["REPORT_SEEN_KEYS_IN_MEMORY": "1"])
    #expect(spilled.0 == normal.0)
    #expect(spilled.1 == normal.1)
    #expect(normal.1.contains("与第 2 行重复"))
  }
}
