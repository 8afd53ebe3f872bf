import GRDB
import GRDBSQLite

/// `SQLDatabase` on a GRDB connection, binding and reading values with SQLite's C API directly:
/// no boxing per value on the importers' path.
final class SQLiteDatabase: SQLDatabase {
  let db: Database
  var dialect: SQLDialect { .sqlite }

  init(_ db: Database) { self.db = db }

  func prepare(_ sql: String) throws -> any SQLStatement {
    SQLiteStatement(try db.makeStatement(sql: sql), connection: db.sqliteConnection)
  }

  func execute(_ sql: String, _ arguments: [SQLValue]) throws -> Int {
    if arguments.isEmpty {
      try db.execute(sql: sql)
      return db.changesCount
    }
    return try prepare(sql).execute(arguments)
  }

  func serialize(_ work: SerialWork) throws {}
  func share(_ work: SerialWork) throws {}

  func forEachRow(_ sql: String, _ arguments: [SQLValue], _ body: (SQLRow) throws -> Void) throws {
    let statement = SQLiteStatement(try db.makeStatement(sql: sql), connection: db.sqliteConnection)
    try statement.forEachRow(arguments, body)
  }
}

/// A GRDB statement run through SQLite's C API.
final class SQLiteStatement: SQLStatement {
  private let statement: Statement
  private let connection: SQLiteConnection?

  init(_ statement: Statement, connection: SQLiteConnection?) {
    self.statement = statement
    self.connection = connection
  }

  func execute(_ arguments: [SQLValue]) throws -> Int {
    try forEachRow(arguments) { _ in }
    return Int(sqlite3_changes(connection))
  }

  func fetchAll(_ arguments: [SQLValue]) throws -> [SQLRow] {
    var rows: [SQLRow] = []
    try forEachRow(arguments) { rows.append($0) }
    return rows
  }

  func forEachRow(_ arguments: [SQLValue], _ body: (SQLRow) throws -> Void) throws {
    let handle = statement.sqliteStatement
    sqlite3_reset(handle)
    if arguments.count < sqlite3_bind_parameter_count(handle) { sqlite3_clear_bindings(handle) }
    defer { sqlite3_reset(handle) }
    for (i, value) in arguments.enumerated() {
      let index = Int32(i + 1)
      let code: Int32
      switch value {
      case .null: code = sqlite3_bind_null(handle, index)
      case .int(let n): code = sqlite3_bind_int64(handle, index, n)
      case .text(var s):
        // The bytes in place (a small string's on the stack), not a C string made for the call.
        code = s.withUTF8 { utf8 in
          guard let base = utf8.baseAddress else { return sqlite3_bind_text(handle, index, "", 0, SQLiteStatement.transient) }
          return UnsafeRawPointer(base).withMemoryRebound(to: CChar.self, capacity: utf8.count) {
            sqlite3_bind_text(handle, index, $0, Int32(utf8.count), SQLiteStatement.transient)
          }
        }
      }
      guard code == SQLITE_OK else { throw error(code) }
    }
    let columns = sqlite3_column_count(handle)
    while true {
      let code = sqlite3_step(handle)
      if code == SQLITE_DONE { return }
      guard code == SQLITE_ROW else { throw error(code) }
      var values: [SQLValue] = []
      values.reserveCapacity(Int(columns))
      for c in 0..<columns {
        switch sqlite3_column_type(handle, c) {
        case SQLITE_NULL: values.append(.null)
        case SQLITE_INTEGER: values.append(.int(sqlite3_column_int64(handle, c)))
        default:
          let bytes = Int(sqlite3_column_bytes(handle, c))
          let text = sqlite3_column_text(handle, c).map { String(decoding: UnsafeBufferPointer(start: $0, count: bytes), as: UTF8.self) }
          values.append(.text(text ?? ""))
        }
      }
      try body(SQLRow(values: values))
    }
  }

  /// The error as GRDB reports it, so the store maps it to one `StoreError` for both paths.
  private func error(_ code: Int32) -> DatabaseError {
    let message = connection.flatMap { sqlite3_errmsg($0) }.map { String(cString: $0) }
    return DatabaseError(resultCode: ResultCode(rawValue: code), message: message, sql: statement.sql)
  }

  /// SQLite copies bound text (`SQLITE_TRANSIENT`).
  private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
}
