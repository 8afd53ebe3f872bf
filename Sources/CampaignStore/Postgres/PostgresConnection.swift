import CPostgres
import Foundation

/// One libpq connection, used by one thread at a time (the backend serialises its use). Values
/// go and come in PostgreSQL's text format; `?` placeholders become `$1`, `$2`, …
final class PostgresConnection: SQLDatabase {
  private let conn: OpaquePointer
  private var statementCount = 0
  var dialect: SQLDialect { .postgresql }

  /// Connects; libpq takes the password from the URL, `PGPASSWORD` or `~/.pgpass`, and the other
  /// `PG…` variables fill in what the URL leaves out.
  init(url: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws(PostgresError) {
    // Keywords processed later override earlier ones: the URL may set its own connect_timeout.
    var keys = ["fallback_application_name"]
    var values = ["report"]
    if environment["PGCONNECT_TIMEOUT"] == nil {
      keys.append("connect_timeout")
      values.append("10")
    }
    keys.append("dbname")
    values.append(url)
    let connection: OpaquePointer? = withCStrings(keys) { k in withCStrings(values) { v in PQconnectdbParams(k, v, 1) } }
    guard let connection else { throw PostgresError(sqlState: nil, message: "out of memory") }
    guard PQstatus(connection) == CONNECTION_OK else {
      let message = PostgresConnection.text(PQerrorMessage(connection))
      PQfinish(connection)
      throw PostgresError(sqlState: nil, message: message)
    }
    conn = connection
  }

  deinit { PQfinish(conn) }

  func prepare(_ sql: String) throws -> any SQLStatement {
    statementCount += 1
    let name = "report_\(statementCount)"
    let (text, count) = PostgresConnection.numbered(sql)
    let result = PQprepare(conn, name, text, Int32(count), nil)
    try check(result, sql: sql)
    PQclear(result)
    return PostgresStatement(connection: self, name: name, sql: sql)
  }

  func execute(_ sql: String, _ arguments: [SQLValue]) throws -> Int {
    if arguments.isEmpty && !sql.contains("?") {
      // Without parameters the simple protocol runs several statements at once (the schema).
      let result = PQexec(conn, sql)
      try check(result, sql: sql)
      defer { PQclear(result) }
      return Int(PostgresConnection.text(PQcmdTuples(result))) ?? 0
    }
    let (text, _) = PostgresConnection.numbered(sql)
    let result = withParameters(arguments) { n, p in PQexecParams(conn, text, n, nil, p, nil, nil, 0) }
    try check(result, sql: sql)
    defer { PQclear(result) }
    return Int(PostgresConnection.text(PQcmdTuples(result))) ?? 0
  }

  func forEachRow(_ sql: String, _ arguments: [SQLValue], _ body: (SQLRow) throws -> Void) throws {
    let (text, _) = PostgresConnection.numbered(sql)
    let sent = withParameters(arguments) { n, p in PQsendQueryParams(conn, text, n, nil, p, nil, nil, 0) }
    try stream(sent: sent, sql: sql, body)
  }

  func serialize(_ work: SerialWork) throws {
    try execute("SELECT pg_advisory_xact_lock(?)", [.int(work.rawValue)])
  }

  func share(_ work: SerialWork) throws {
    try execute("SELECT pg_advisory_xact_lock_shared(?)", [.int(work.rawValue)])
  }

  /// Runs a prepared statement and returns its result.
  fileprivate func executePrepared(_ name: String, _ arguments: [SQLValue], sql: String) throws -> OpaquePointer? {
    let result = withParameters(arguments) { n, p in PQexecPrepared(conn, name, n, p, nil, nil, 0) }
    try check(result, sql: sql)
    return result
  }

  /// Reads the rows of a query sent with `PQsend…`, one at a time (libpq's single-row mode).
  private func stream(sent: Int32, sql: String, _ body: (SQLRow) throws -> Void) throws {
    guard sent == 1 else { throw PostgresError(sqlState: nil, message: PostgresConnection.text(PQerrorMessage(conn))) }
    PQsetSingleRowMode(conn)
    var failure: (any Error)?
    while let result = PQgetResult(conn) {
      defer { PQclear(result) }
      if failure != nil { continue }  // drain the results after an error
      switch PQresultStatus(result) {
      case PGRES_SINGLE_TUPLE, PGRES_TUPLES_OK:
        for r in 0..<PQntuples(result) {
          do { try body(PostgresConnection.row(result, r)) } catch { failure = error; break }
        }
      default:
        failure = PostgresConnection.error(result, conn: conn, sql: sql)
      }
    }
    if let failure { throw failure }
  }

  /// The rows of a result.
  fileprivate static func rows(_ result: OpaquePointer?) -> [SQLRow] {
    (0..<PQntuples(result)).map { row(result, $0) }
  }

  private static func row(_ result: OpaquePointer?, _ r: Int32) -> SQLRow {
    SQLRow(
      values: (0..<PQnfields(result)).map { c in
        if PQgetisnull(result, r, c) == 1 { return .null }
        let length = Int(PQgetlength(result, r, c))
        let bytes = UnsafeRawPointer(PQgetvalue(result, r, c)!).assumingMemoryBound(to: UInt8.self)
        return .text(String(decoding: UnsafeBufferPointer(start: bytes, count: length), as: UTF8.self))
      })
  }

  private func check(_ result: OpaquePointer?, sql: String) throws {
    switch PQresultStatus(result) {
    case PGRES_COMMAND_OK, PGRES_TUPLES_OK: return
    default:
      let error = PostgresConnection.error(result, conn: conn, sql: sql)
      PQclear(result)
      throw error
    }
  }

  private static func error(_ result: OpaquePointer?, conn: OpaquePointer, sql: String) -> PostgresError {
    guard let result else { return PostgresError(sqlState: nil, message: text(PQerrorMessage(conn))) }
    let state = PQresultErrorField(result, Int32(UInt8(ascii: "C"))).map { String(cString: $0) }
    let primary = PQresultErrorField(result, Int32(UInt8(ascii: "M"))).map { String(cString: $0) }
    return PostgresError(sqlState: state, message: primary ?? text(PQresultErrorMessage(result)))
  }

  private static func text(_ pointer: UnsafePointer<CChar>?) -> String {
    pointer.map { String(cString: $0).trimmingCharacters(in: .whitespacesAndNewlines) } ?? ""
  }

  /// The statement with `?` placeholders numbered `$1`, `$2`, … (quoted text and identifiers
  /// left alone), and how many there are.
  static func numbered(_ sql: String) -> (String, Int) {
    var out = ""
    var n = 0
    var quote: Character?
    for ch in sql {
      if let q = quote {
        if ch == q { quote = nil }
        out.append(ch)
      } else if ch == "'" || ch == "\"" {
        quote = ch
        out.append(ch)
      } else if ch == "?" {
        n += 1
        out += "$\(n)"
      } else {
        out.append(ch)
      }
    }
    return (out, n)
  }

  /// Calls `body` with the arguments as C strings in text format (NULL for SQL NULL).
  private func withParameters<R>(_ arguments: [SQLValue], _ body: (Int32, UnsafePointer<UnsafePointer<CChar>?>?) -> R) -> R {
    let texts: [String?] = arguments.map { v in
      switch v {
      case .null: nil
      case .int(let i): String(i)
      case .text(let s): s
      }
    }
    var pointers: [UnsafeMutablePointer<CChar>?] = texts.map { $0.map { strdup($0) } ?? nil }
    defer { for p in pointers { free(p) } }
    return pointers.withUnsafeMutableBufferPointer { buffer in
      buffer.baseAddress!.withMemoryRebound(to: UnsafePointer<CChar>?.self, capacity: max(buffer.count, 1)) { p in
        body(Int32(arguments.count), arguments.isEmpty ? nil : UnsafePointer(p))
      }
    }
  }
}

/// A statement prepared on a connection (named `report_N` on the server).
final class PostgresStatement: SQLStatement {
  private let connection: PostgresConnection
  private let name: String
  private let sql: String

  fileprivate init(connection: PostgresConnection, name: String, sql: String) {
    self.connection = connection
    self.name = name
    self.sql = sql
  }

  func execute(_ arguments: [SQLValue]) throws -> Int {
    let result = try connection.executePrepared(name, arguments, sql: sql)
    defer { PQclear(result) }
    return Int(String(cString: PQcmdTuples(result))) ?? 0
  }

  func fetchAll(_ arguments: [SQLValue]) throws -> [SQLRow] {
    let result = try connection.executePrepared(name, arguments, sql: sql)
    defer { PQclear(result) }
    return PostgresConnection.rows(result)
  }
}

/// Calls `body` with an array of C strings that lives as long as the call, NULL-terminated.
private func withCStrings<R>(_ strings: [String], _ body: (UnsafePointer<UnsafePointer<CChar>?>) -> R) -> R {
  var pointers: [UnsafeMutablePointer<CChar>?] = strings.map { strdup($0) } + [nil]
  defer { for p in pointers { free(p) } }
  return pointers.withUnsafeMutableBufferPointer { buffer in
    buffer.baseAddress!.withMemoryRebound(to: UnsafePointer<CChar>?.self, capacity: buffer.count) { body($0) }
  }
}
