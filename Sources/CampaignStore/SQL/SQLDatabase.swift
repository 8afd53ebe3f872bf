/// One connection to the store's database, inside a transaction the backend opened: the
/// importers and the statistics queries are written once against this, for SQLite and
/// PostgreSQL alike. Statements use `?` placeholders; the PostgreSQL side numbers them.
protocol SQLDatabase: AnyObject {
  /// Which SQL the database speaks, for the few places where the two differ.
  var dialect: SQLDialect { get }
  /// Prepares a statement to run many times.
  func prepare(_ sql: String) throws -> any SQLStatement
  /// Runs one statement (or, without arguments, several separated by `;`); returns the number
  /// of rows it changed.
  @discardableResult func execute(_ sql: String, _ arguments: [SQLValue]) throws -> Int
  /// Calls `body` for each row of a query, as the rows arrive: any number of rows takes
  /// constant memory.
  /// `body` must not query the connection itself.
  func forEachRow(_ sql: String, _ arguments: [SQLValue], _ body: (SQLRow) throws -> Void) throws
  /// Waits until no other transaction does `work`, and keeps others from it until this
  /// transaction ends. SQLite has one writer at a time anyway; PostgreSQL takes an advisory lock.
  func serialize(_ work: SerialWork) throws
  /// Waits while a transaction does `work` exclusively (`serialize`), and keeps it from starting
  /// until this one ends; any number of transactions may hold it shared together.
  func share(_ work: SerialWork) throws
}

/// A prepared statement of one connection.
protocol SQLStatement: AnyObject {
  /// Runs the statement; returns the number of rows it changed.
  @discardableResult func execute(_ arguments: [SQLValue]) throws -> Int
  /// Runs a query (or a statement with `RETURNING`) and returns its rows.
  func fetchAll(_ arguments: [SQLValue]) throws -> [SQLRow]
}

extension SQLDatabase {
  @discardableResult func execute(_ sql: String, _ arguments: [any SQLBindable] = []) throws -> Int {
    try execute(sql, arguments.map(\.sqlValue))
  }

  /// Every row of a query.
  func fetchAll(_ sql: String, _ arguments: [any SQLBindable] = []) throws -> [SQLRow] {
    var rows: [SQLRow] = []
    try forEachRow(sql, arguments.map(\.sqlValue)) { rows.append($0) }
    return rows
  }

  /// The first column of every row.
  func fetchColumn<T: SQLReadable>(_ sql: String, _ arguments: [any SQLBindable] = [], as type: T.Type = T.self) throws -> [T] {
    try fetchAll(sql, arguments).map { try $0.get(0) }
  }

  /// The first column of the first row, or nil when there is no row.
  func fetchOne<T: SQLReadable>(_ sql: String, _ arguments: [any SQLBindable] = [], as type: T.Type = T.self) throws -> T? {
    guard let row = try fetchAll(sql, arguments).first else { return nil }
    return try row.get(0, as: T?.self)
  }
}

extension SQLStatement {
  @discardableResult func execute(_ arguments: [any SQLBindable]) throws -> Int {
    try execute(arguments.map(\.sqlValue))
  }
}

/// The differences between the SQL of SQLite and of PostgreSQL that the shared queries meet.
enum SQLDialect: Sendable {
  case sqlite, postgresql

  /// "differs from, NULL included": SQLite's `IS NOT` (any version), PostgreSQL's `IS DISTINCT FROM`.
  var isDistinctFrom: String {
    switch self {
    case .sqlite: "IS NOT"
    case .postgresql: "IS DISTINCT FROM"
    }
  }

  /// The column that orders rows of a table as they were first inserted.
  var insertionOrder: String {
    switch self {
    case .sqlite: "rowid"
    case .postgresql: "seq"
    }
  }

  /// The suffix of a table keyed by its primary key alone.
  var keyedTable: String {
    switch self {
    case .sqlite: " WITHOUT ROWID"
    case .postgresql: ""
    }
  }
}

/// Work that writers must do one at a time even on a server that lets them write together.
enum SerialWork: Int64, Sendable {
  /// Changing the organization tree, and recomputing the monthly sums from the records.
  case treeAndSums = 0x5245_504F_5254_0001
  /// Migrating the schema.
  case migration = 0x5245_504F_5254_0002
  /// The batches: submissions, returns and undos take it exclusively (each reads what the
  /// batches before it left, so two at the same moment land one after the other and the later
  /// wins); imports without a scope take it shared, so they run together but never during a
  /// submission or an undo, and batch numbers follow commit order wherever it matters.
  case submissions = 0x5245_504F_5254_0003
}
