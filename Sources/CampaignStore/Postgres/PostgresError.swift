/// An error reported by libpq or the server, with the server's SQLSTATE code when it sent one.
struct PostgresError: Error, CustomStringConvertible {
  /// The five-character SQLSTATE, or nil for errors of the connection itself.
  var sqlState: String?
  var message: String
  var description: String { sqlState.map { "\(message) (SQLSTATE \($0))" } ?? message }

  /// A conflict that a later run resolves: serialization failure, deadlock, lock not available.
  var isConflict: Bool { ["40001", "40P01", "55P03"].contains(sqlState ?? "") }
}
