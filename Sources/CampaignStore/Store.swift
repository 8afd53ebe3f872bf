import CampaignModel
import Foundation
import GRDB

/// The campaign's record store: one SQLite database (WAL mode) holding settings, the kind
/// catalogue, the organization tree and the records.
public final class CampaignStore: Sendable {
  /// How to open a store.
  public enum OpenMode: Sendable {
    /// The database must exist (reports): a missing file is `StoreError.missingDatabase`.
    case existing
    /// Create the database when missing (init, import, demo).
    case createIfMissing
  }

  /// The database file's path.
  public let path: String
  let pool: DatabasePool

  /// The default database path: `$XDG_DATA_HOME/campaign-report/campaign.sqlite`, or
  /// `~/.local/share/campaign-report/campaign.sqlite`.
  public static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
    let base: String
    if let xdg = environment["XDG_DATA_HOME"], !xdg.isEmpty {
      base = xdg
    } else {
      let home = environment["HOME"] ?? NSHomeDirectory()
      base = (home as NSString).appendingPathComponent(".local/share")
    }
    return (base as NSString).appendingPathComponent("campaign-report/campaign.sqlite")
  }

  /// Opens (and when allowed creates) the store, migrating an older schema and seeding the
  /// default kind catalogue into an empty one.
  public init(path: String, mode: OpenMode) throws(StoreError) {
    self.path = path
    let fm = FileManager.default
    if !fm.fileExists(atPath: path) {
      guard mode == .createIfMissing else { throw .missingDatabase(path: path) }
      let dir = (path as NSString).deletingLastPathComponent
      if !dir.isEmpty {
        do {
          // Folders made here are the owner's alone; existing ones are left as they are.
          try fm.createDirectory(atPath: dir, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
          throw .database(path: path, message: "cannot create the folder \(dir): \(error.localizedDescription)")
        }
      }
      // The records name people: the file is readable by its owner only, and SQLite gives its
      // -wal and -shm files the same permissions. An empty file is a new database to SQLite.
      let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
      if fd < 0 && (errno == EACCES || errno == EROFS) { throw .readOnly(path: path) }
      if fd < 0 && errno != EEXIST {
        throw .database(path: path, message: "cannot create the file: \(String(cString: strerror(errno)))")
      }
      if fd >= 0 { close(fd) }
    }
    var config = Configuration()
    config.busyMode = .timeout(10)
    config.prepareDatabase { db in
      // 64 MiB of page cache for the writer: large imports insert into indexes in key order,
      // not file order. Readers stream and keep SQLite's small default, so reports stay lean.
      // The keys an import has seen go to a temporary table on disk (16 MiB of its pages cached),
      // whatever SQLite was compiled to prefer: a file of any length imports in flat memory.
      if !db.configuration.readonly {
        try db.execute(sql: "PRAGMA cache_size = -65536; PRAGMA temp_store = FILE; PRAGMA temp.cache_size = -16384")
      }
    }
    do {
      pool = try DatabasePool(path: path, configuration: config)
    } catch {
      throw CampaignStore.storeError(error, path: path)
    }
    try migrate()
  }

  private func migrate() throws(StoreError) {
    let migrator = Migrations.migrator
    do {
      let superseded = try pool.read { db in try migrator.hasBeenSuperseded(db) }
      if superseded { throw StoreError.newerSchema(path: path) }
      try migrator.migrate(pool)
      let empty = try pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM kind") == 0 }
      if empty {
        _ = try importText(BundledFiles.defaultKinds, named: "kinds.csv (built-in)", type: .kinds)
      }
    } catch {
      throw CampaignStore.storeError(error, path: path)
    }
  }

  /// Runs `body` inside one read transaction: every query it makes sees one consistent snapshot,
  /// even while an import writes.
  public func snapshot<T>(_ body: (any StatisticsSource) throws -> T) throws -> T {
    do {
      return try pool.read { db in try body(SQLStatisticsSource(db: db)) }
    } catch let e as DatabaseError {
      throw CampaignStore.storeError(e, path: path)
    }
  }

  // MARK: Settings

  /// Every setting with its stored value, or its default when unset.
  public func settingValues() throws(StoreError) -> [(key: SettingKey, value: String, isDefault: Bool)] {
    let stored = try readDB { db in
      try Dictionary(uniqueKeysWithValues: Row.fetchAll(db, sql: "SELECT key, value FROM setting").map { ($0[0] as String, $0[1] as String) })
    }
    return SettingKey.allCases.map { k in
      if let v = stored[k.rawValue] { (k, v, false) } else { (k, k.defaultValue, true) }
    }
  }

  /// Sets a setting after checking its value; returns the value as stored.
  @discardableResult
  public func setSetting(_ key: String, to value: String) throws(StoreError) -> String {
    guard let k = SettingKey(rawValue: key) else { throw .setting(.unknownSetting(key: key)) }
    var v: String
    do { v = try k.validate(value) } catch { throw .setting(error) }
    if k == .branchStudyKind || k == .supervisionKind {
      // Stored as the catalogue spells it: the figures look codes up exactly.
      let code = try readDB { db in try String.fetchOne(db, sql: "SELECT code FROM kind WHERE code = ?", arguments: [v]) }
      guard let code else {
        throw .setting(.invalidSetting(key: key, value: value, expected: "a kind code of the catalogue (see `report kinds`)"))
      }
      v = code
    }
    try writeDB { db in
      try db.execute(sql: "INSERT INTO setting(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value", arguments: [k.rawValue, v])
    }
    return v
  }

  // MARK: Helpers

  func readDB<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
    do { return try pool.read(body) } catch { throw CampaignStore.storeError(error, path: path) }
  }

  func writeDB<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
    do {
      return try pool.write(body)
    } catch {
      throw CampaignStore.storeError(error, path: path)
    }
  }

  /// Any error of a store operation as a `StoreError`: ours pass through, SQLite's busy code
  /// becomes `.busy`, other database errors keep SQLite's message.
  static func storeError(_ error: any Error, path: String) -> StoreError {
    switch error {
    case let e as StoreError:
      return e
    case let e as DatabaseError where e.resultCode == .SQLITE_BUSY || e.resultCode == .SQLITE_LOCKED:
      return .busy(path: path)
    case let e as DatabaseError where e.resultCode == .SQLITE_READONLY:
      return .readOnly(path: path)
    case let e as DatabaseError where e.resultCode == .SQLITE_CANTOPEN && FileManager.default.fileExists(atPath: path)
      && !FileManager.default.isWritableFile(atPath: path):
      return .readOnly(path: path)
    case let e as DatabaseError where e.resultCode == .SQLITE_NOTADB || e.resultCode == .SQLITE_CORRUPT:
      return .notADatabase(path: path)
    case let e as DatabaseError:
      return .database(path: path, message: "\(e.message ?? "SQLite error") (SQLite code \(e.resultCode.rawValue))")
    default:
      return .database(path: path, message: "\(error)")
    }
  }
}
