/// Where a store's records live: a SQLite file or a PostgreSQL database. The importers and the
/// statistics queries run on either through `SQLDatabase`.
protocol StoreBackend: Sendable {
  /// Runs `body` in one read-only transaction that sees one consistent snapshot, even while
  /// imports write.
  func read<T>(_ body: (any SQLDatabase) throws -> T) throws -> T
  /// Runs `body` in one writing transaction: all of it is committed, or none of it.
  func write<T>(_ body: (any SQLDatabase) throws -> T) throws -> T
  /// A failure of this backend as a `StoreError` naming the store.
  func storeError(_ error: any Error) -> StoreError
  /// Whether an error came from the database (and not from the caller's own code).
  func isDatabaseError(_ error: any Error) -> Bool
}
