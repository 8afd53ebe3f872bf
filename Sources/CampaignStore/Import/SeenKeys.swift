import Foundation

/// The keys one import has seen (ids, and the content hashes of rows without one), with the line
/// each was first seen on and how often.
///
/// The first `memoryLimit` keys are kept in memory (about 40 bytes each). Past that, all of them
/// move to a temporary table, which the database keeps in its cache and spills to a temporary
/// file: an ordinary file imports at full speed, and a file of any length in bounded memory. The
/// table belongs to the writer's connection and takes part in the file's transaction.
final class SeenKeys {
  /// Which keys: a record type's ids, or its content hashes (sheets of one type share one).
  struct Space: RawRepresentable, Hashable {
    var rawValue: Int
    static func ids(_ type: RecordType) -> Space { Space(rawValue: type.dependencyOrder * 2) }
    static func content(_ type: RecordType) -> Space { Space(rawValue: type.dependencyOrder * 2 + 1) }
  }

  /// Keys held in memory before they move to the temporary table (`REPORT_SEEN_KEYS_IN_MEMORY`
  /// sets another number, for tests of the spill).
  static let memoryLimit = Int(ProcessInfo.processInfo.environment["REPORT_SEEN_KEYS_IN_MEMORY"] ?? "") ?? 2_000_000

  private let db: any SQLDatabase
  private let space: Space
  private let limit: Int
  private var memory = KeyTable()
  private var record: (any SQLStatement)?

  init(db: any SQLDatabase, space: Space, memoryLimit: Int = SeenKeys.memoryLimit) {
    self.db = db
    self.space = space
    self.limit = memoryLimit
  }

  /// Records a key seen on `line`: the line it was first seen on, and how often it has been seen
  /// now (1 the first time).
  func see(_ key: UInt128, line: Int) throws -> (firstLine: Int, count: Int) {
    if let record { return try see(key, line: line, in: record) }
    if let seen = memory.see(key, line: line, adding: memory.count < limit) { return seen }
    let statement = try spill()
    return try see(key, line: line, in: statement)
  }

  /// Moves the keys in memory to the temporary table, which takes every key from now on.
  private func spill() throws -> any SQLStatement {
    // Unqualified, the name finds the temporary table first in both SQLite and PostgreSQL.
    try db.execute(
      """
      CREATE TEMP TABLE IF NOT EXISTS import_seen (
        space INTEGER NOT NULL, hi BIGINT NOT NULL, lo BIGINT NOT NULL, line INTEGER NOT NULL, n INTEGER NOT NULL,
        PRIMARY KEY (space, hi, lo))\(db.dialect.keyedTable)
      """)
    try db.execute("DELETE FROM import_seen WHERE space = ?", [space.rawValue])
    let insert = try db.prepare("INSERT INTO import_seen (space, hi, lo, line, n) VALUES (?, ?, ?, ?, ?)")
    for e in memory.entries.sorted(by: { ($0.hi, $0.lo) < ($1.hi, $1.lo) }) {
      try insert.execute([space.rawValue, Int64(bitPattern: e.hi), Int64(bitPattern: e.lo), Int(e.line), Int(e.count)])
    }
    memory = KeyTable()
    let statement = try db.prepare(
      """
      INSERT INTO import_seen (space, hi, lo, line, n) VALUES (?, ?, ?, ?, 1)
      ON CONFLICT (space, hi, lo) DO UPDATE SET n = import_seen.n + 1 RETURNING line, n
      """)
    record = statement
    return statement
  }

  private func see(_ key: UInt128, line: Int, in statement: any SQLStatement) throws -> (firstLine: Int, count: Int) {
    let (hi, lo) = Self.halves(key)
    guard let row = try statement.fetchAll([.int(Int64(space.rawValue)), .int(hi), .int(lo), .int(Int64(line))]).first else {
      return (line, 1)
    }
    return (try row.get(0), try row.get(1))
  }

  private static func halves(_ key: UInt128) -> (Int64, Int64) {
    (Int64(bitPattern: UInt64(truncatingIfNeeded: key >> 64)), Int64(bitPattern: UInt64(truncatingIfNeeded: key)))
  }
}

/// The ids of one import, each with the line it first appeared on: a second row with the same id
/// is a mistake in the file. Ids are kept as 128-bit hashes (two different ids sharing one would
/// be reported as a duplicate, never merged; at 128 bits that does not happen).
struct IdTracker {
  private let seen: SeenKeys

  init(db: any SQLDatabase, type: RecordType, memoryLimit: Int = SeenKeys.memoryLimit) {
    seen = SeenKeys(db: db, space: .ids(type), memoryLimit: memoryLimit)
  }

  /// Records an id; returns the earlier line when it was seen before.
  func see(_ id: String, line: Int) throws -> Int? {
    let (first, count) = try seen.see(ContentKeys.fnv1a128(id), line: line)
    return count > 1 ? first : nil
  }
}

/// The keys held in memory: open addressing with linear probing in one flat array.
///
/// The keys are hashes already, so their own bits (mixed with a number drawn per process, so a
/// file cannot be made to pile its keys into one run of slots) choose the slot: no hashing again,
/// and one cache line per lookup. Faster than `Dictionary` for the millions of keys of a large
/// import (about 5% of its time went to the dictionary).
struct KeyTable {
  struct Entry {
    var hi: UInt64
    var lo: UInt64
    var line: Int32
    /// How often the key was seen; 0 marks an empty slot.
    var count: Int32
  }

  private var slots = [Entry](repeating: Entry(hi: 0, lo: 0, line: 0, count: 0), count: 1024)
  private var shift: UInt64 = 64 - 10
  private(set) var count = 0
  private let seed = UInt64.random(in: .min ... .max)

  /// Counts one more sighting of a key and returns its first line and count; a new key is added
  /// only when `adding` is true (nil otherwise).
  mutating func see(_ key: UInt128, line: Int, adding: Bool) -> (firstLine: Int, count: Int)? {
    let hi = UInt64(truncatingIfNeeded: key >> 64), lo = UInt64(truncatingIfNeeded: key)
    var i = slot(hi, lo)
    while slots[i].count != 0 {
      if slots[i].hi == hi && slots[i].lo == lo {
        slots[i].count &+= 1
        return (Int(slots[i].line), Int(slots[i].count))
      }
      i = (i + 1) & (slots.count - 1)
    }
    guard adding else { return nil }
    slots[i] = Entry(hi: hi, lo: lo, line: Int32(clamping: line), count: 1)
    count += 1
    if count * 4 > slots.count * 3 { grow() }
    return (line, 1)
  }

  /// The keys held, in no particular order.
  var entries: [Entry] { slots.filter { $0.count != 0 } }

  private func slot(_ hi: UInt64, _ lo: UInt64) -> Int {
    Int(truncatingIfNeeded: ((lo ^ seed) &* 0x9E37_79B9_7F4A_7C15 ^ hi &* 0xC2B2_AE3D_27D4_EB4F) >> shift)
  }

  private mutating func grow() {
    let old = slots
    slots = [Entry](repeating: Entry(hi: 0, lo: 0, line: 0, count: 0), count: old.count * 2)
    shift -= 1
    for e in old where e.count != 0 {
      var i = slot(e.hi, e.lo)
      while slots[i].count != 0 { i = (i + 1) & (slots.count - 1) }
      slots[i] = e
    }
  }
}
