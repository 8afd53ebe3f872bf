import Foundation

/// A store in an existing PostgreSQL database. Many imports may write at once (each file is one
/// transaction; the organization tree and the monthly sums are changed one writer at a time);
/// reports read one snapshot (`REPEATABLE READ`).
final class PostgresBackend: StoreBackend, @unchecked Sendable {
  private let url: PostgresURL
  private let connection: PostgresConnection
  /// libpq connections are not for concurrent use: one transaction at a time.
  private let lock = NSLock()

  /// Connects and migrates an older schema; the database itself must exist.
  init(url: PostgresURL, lockTimeout: Double, mode: CampaignStore.OpenMode = .createIfMissing) throws(StoreError) {
    self.url = url
    do {
      connection = try PostgresConnection(url: url.forLibpq)
    } catch {
      throw PostgresBackend.connectionError(error, url: url)
    }
    do {
      try connection.execute("SET client_min_messages = warning")
      // Waiting longer than the caller's --wait for another transaction's lock is "busy".
      try connection.execute("SET lock_timeout = \(Int((max(0, lockTimeout) * 1000).rounded()))")
      if mode == .existing { try checkIsStore() }
      try migrate()
      try connection.execute(PostgresSchema.sessionTables)
    } catch {
      throw storeError(error)
    }
  }

  /// Refuses a database that holds no store of this tool, without writing to it: an empty one
  /// (`report init` makes the store), or one with other tables.
  private func checkIsStore() throws {
    try transaction("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY") { db in
      let ours = try db.fetchOne("SELECT to_regclass('schema_migration') IS NOT NULL", as: Bool.self) ?? false
      if ours, try db.fetchOne("SELECT COUNT(*) FROM schema_migration WHERE name = 'v1-records'", as: Int.self) ?? 0 > 0 { return }
      let tables =
        try db.fetchOne(
          "SELECT COUNT(*) FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')", as: Int.self) ?? 0
      throw tables == 0 ? StoreError.emptyDatabase(path: url.redacted) : StoreError.notADatabase(path: url.redacted)
    }
  }

  private func migrate() throws {
    try transaction("BEGIN") { db in
      try db.serialize(.migration)
      try db.execute("CREATE TABLE IF NOT EXISTS schema_migration (name TEXT COLLATE \"C\" PRIMARY KEY)")
      let applied = Set(try db.fetchColumn("SELECT name FROM schema_migration", as: String.self))
      let known = Set(PostgresSchema.migrations.map(\.name))
      guard applied.isSubset(of: known) else { throw StoreError.newerSchema(path: url.redacted) }
      for m in PostgresSchema.migrations where !applied.contains(m.name) {
        try db.execute(m.sql)
        try db.execute("INSERT INTO schema_migration (name) VALUES (?)", [m.name])
        // A store with records gets its running totals at once.
        if m.name == "v2-activity-month-running" { try ActivityMonths.refreshRunning(db, from: "") }
      }
    }
  }

  func read<T>(_ body: (any SQLDatabase) throws -> T) throws -> T {
    try transaction("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", body)
  }

  func write<T>(_ body: (any SQLDatabase) throws -> T) throws -> T {
    try transaction("BEGIN", body)
  }

  private func transaction<T>(_ begin: String, _ body: (any SQLDatabase) throws -> T) throws -> T {
    lock.lock()
    defer { lock.unlock() }
    try connection.execute(begin)
    do {
      let value = try body(connection)
      try connection.execute("COMMIT")
      return value
    } catch {
      _ = try? connection.execute("ROLLBACK")
      throw error
    }
  }

  func storeError(_ error: any Error) -> StoreError {
    switch error {
    case let e as StoreError: return e
    case let e as PostgresError where e.isConflict: return .busy(path: url.redacted)
    case let e as PostgresError where e.sqlState == "42501" || e.sqlState == "25006": return .readOnly(path: url.redacted)
    case let e as PostgresError where e.sqlState == "53100": return .diskFull(path: url.redacted)
    case let e as PostgresError where e.sqlState == "58030": return .ioError(path: url.redacted, message: url.redacting(e.description))
    case let e as PostgresError where e.sqlState == nil: return PostgresBackend.connectionError(e, url: url)
    case let e as PostgresError: return .database(path: url.redacted, message: url.redacting(e.description))
    default: return .database(path: url.redacted, message: "\(error)")
    }
  }

  func isDatabaseError(_ error: any Error) -> Bool { error is PostgresError }

  /// A failure to connect, told apart by libpq's message (it sends no SQLSTATE for these).
  /// libpq quotes the whole URL in some of its messages about a malformed one: the quote loses
  /// its password too.
  static func connectionError(_ error: PostgresError, url: PostgresURL) -> StoreError {
    let target = url.redacted
    let m = url.redacting(
      error.message.replacingOccurrences(of: url.url, with: target).replacingOccurrences(of: url.forLibpq, with: target))
    if m.contains("password authentication failed") || m.contains("no password supplied")
      || m.contains("authentication failed") || m.contains("role \"") && m.contains("does not exist")
    {
      return .serverRefused(target: target, reason: m)
    }
    if m.contains("URI") || m.contains("invalid connection option") || m.contains("invalid integer value")
      || m.contains("invalid sslmode value")
    {
      return .badServerURL(target: target, reason: m)
    }
    if m.contains("database \"") && m.contains("does not exist") {
      return .missingDatabase(path: target)
    }
    return .serverUnreachable(target: target, reason: m)
  }
}
