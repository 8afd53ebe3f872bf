import Foundation
import GRDB

/// A store in one SQLite file (WAL mode): one writer at a time, readers on snapshots.
final class SQLiteBackend: StoreBackend {
  let path: String
  let pool: DatabasePool

  /// Opens (and when allowed creates) the file and migrates an older schema.
  init(path: String, mode: CampaignStore.OpenMode) throws(StoreError) {
    self.path = path
    let fm = FileManager.default
    var isFolder: ObjCBool = false
    if fm.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue { throw .databaseIsFolder(path: path) }
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
    // A report opens an existing file: it must be a store of this tool, checked read-only
    // before anything (even the switch to WAL mode) writes to it.
    if mode == .existing { try SQLiteBackend.checkIsStore(path) }
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
      let migrator = Migrations.migrator
      if try pool.read({ db in try migrator.hasBeenSuperseded(db) }) { throw StoreError.newerSchema(path: path) }
      try migrator.migrate(pool)
      // Months an older store's records fill, marked by the migrations.
      if try pool.read({ db in try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM activity_month_dirty)") ?? false }) {
        try pool.write { db in try ActivityMonths.refresh(SQLiteDatabase(db)) }
      }
    } catch {
      throw SQLiteBackend.storeError(error, path: path)
    }
  }

  /// Refuses a file that is not a store of this tool (an empty file, another program's
  /// database) without writing to it.
  static func checkIsStore(_ path: String) throws(StoreError) {
    var config = Configuration()
    config.readonly = true
    config.busyMode = .timeout(10)
    do {
      let isStore = try DatabaseQueue(path: path, configuration: config).read { db in
        guard try db.tableExists("grdb_migrations") else { return false }
        return try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM grdb_migrations WHERE identifier = 'v1-records')") ?? false
      }
      if !isStore { throw StoreError.notADatabase(path: path) }
    } catch {
      throw storeError(error, path: path)
    }
  }

  func read<T>(_ body: (any SQLDatabase) throws -> T) throws -> T {
    try pool.read { db in try body(SQLiteDatabase(db)) }
  }

  func write<T>(_ body: (any SQLDatabase) throws -> T) throws -> T {
    try pool.write { db in try body(SQLiteDatabase(db)) }
  }

  func storeError(_ error: any Error) -> StoreError { SQLiteBackend.storeError(error, path: path) }

  func isDatabaseError(_ error: any Error) -> Bool { error is DatabaseError }

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
    case let e as DatabaseError
    where e.resultCode == .SQLITE_CANTOPEN && FileManager.default.fileExists(atPath: path)
      && !FileManager.default.isWritableFile(atPath: path):
      return .readOnly(path: path)
    case let e as DatabaseError where e.resultCode == .SQLITE_NOTADB || e.resultCode == .SQLITE_CORRUPT:
      return .notADatabase(path: path)
    case let e as DatabaseError where e.resultCode == .SQLITE_FULL:
      return .diskFull(path: path)
    case let e as DatabaseError where e.resultCode == .SQLITE_IOERR:
      // SQLite reports a write past the file-size limit or a full disk as an I/O error at times.
      if e.extendedResultCode == .SQLITE_IOERR_WRITE || e.extendedResultCode == .SQLITE_IOERR_FSYNC { return .diskFull(path: path) }
      return .ioError(path: path, message: e.message ?? "SQLite I/O error")
    case let e as DatabaseError:
      return .database(path: path, message: "\(e.message ?? "SQLite error") (SQLite code \(e.resultCode.rawValue))")
    default:
      return .database(path: path, message: "\(error)")
    }
  }
}
