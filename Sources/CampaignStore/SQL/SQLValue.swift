/// A value bound to a statement or read from a row: the store's schema uses integers, text and
/// NULL only (dates are ISO text, hours are hundredths, flags are 0 or 1).
enum SQLValue: Hashable, Sendable {
  case null
  case int(Int64)
  case text(String)
}

/// Swift values that bind as a `SQLValue`.
protocol SQLBindable {
  var sqlValue: SQLValue { get }
}

extension String: SQLBindable { var sqlValue: SQLValue { .text(self) } }
extension Int: SQLBindable { var sqlValue: SQLValue { .int(Int64(self)) } }
extension Int64: SQLBindable { var sqlValue: SQLValue { .int(self) } }
extension Bool: SQLBindable { var sqlValue: SQLValue { .int(self ? 1 : 0) } }
extension Optional: SQLBindable where Wrapped: SQLBindable {
  var sqlValue: SQLValue { self?.sqlValue ?? .null }
}
extension SQLValue: SQLBindable { var sqlValue: SQLValue { self } }

/// Swift values read from a column.
protocol SQLReadable {
  init(column value: SQLValue) throws(SQLValueError)
}

/// A column held a value of another type than the code reads: the schema and the query disagree.
struct SQLValueError: Error, CustomStringConvertible {
  var value: SQLValue
  var expected: String
  var description: String { "a column holds \(value), where \(expected) was expected" }
}

extension String: SQLReadable {
  init(column value: SQLValue) throws(SQLValueError) {
    switch value {
    case .text(let s): self = s
    default: throw SQLValueError(value: value, expected: "text")
    }
  }
}

extension Int: SQLReadable {
  /// Integers come as integers from SQLite and as decimal text from PostgreSQL's text format.
  init(column value: SQLValue) throws(SQLValueError) {
    switch value {
    case .int(let i): self = Int(i)
    case .text(let s):
      guard let i = Int(s) else { throw SQLValueError(value: value, expected: "an integer") }
      self = i
    case .null: throw SQLValueError(value: value, expected: "an integer")
    }
  }
}

extension Bool: SQLReadable {
  /// Flags are stored as 0 or 1; PostgreSQL's own booleans come as `t` or `f`.
  init(column value: SQLValue) throws(SQLValueError) {
    switch value {
    case .text("t"): self = true
    case .text("f"): self = false
    default: self = try Int(column: value) != 0
    }
  }
}

extension Optional: SQLReadable where Wrapped: SQLReadable {
  init(column value: SQLValue) throws(SQLValueError) {
    self = value == .null ? nil : try Wrapped(column: value)
  }
}

/// One row of a result.
struct SQLRow {
  var values: [SQLValue]

  /// The column at `index` as `T`; throws when the stored type is not `T`.
  func get<T: SQLReadable>(_ index: Int, as type: T.Type = T.self) throws -> T {
    try T(column: values[index])
  }
}
