import CampaignModel
import Foundation
import GRDB

/// What one imported file did to the store.
public struct ImportSummary: Sendable, Equatable {
  public var file: String
  public var type: RecordType
  public var encoding: TextEncoding
  /// Data rows read (blank rows skipped).
  public var rows: Int
  public var added: Int
  public var updated: Int
  public var unchanged: Int
  /// Header cells that are no contract column and were ignored.
  public var ignoredColumns: [String]
}

extension ImportSummary {
  mutating func count(_ outcome: RowOutcome) {
    switch outcome {
    case .added: added += 1
    case .updated: updated += 1
    case .unchanged: unchanged += 1
    }
  }
}

/// What writing one row did.
enum RowOutcome { case added, updated, unchanged }

/// Turns validated rows of one record type into store writes.
protocol RowImporter {
  init(db: Database) throws
  /// Validates one row (problems go to `row.issues`) and writes it when `write` is true.
  mutating func importRow(_ row: inout RowReader, db: Database, write: Bool) throws -> RowOutcome?
  /// Whole-file checks and writes after the last row; returns the outcomes of rows written here.
  mutating func finish(db: Database, issues: inout [DataIssue], file: String) throws -> [RowOutcome]
}

extension RowImporter {
  mutating func finish(db: Database, issues: inout [DataIssue], file: String) throws -> [RowOutcome] { [] }
}

extension CampaignStore {
  /// Imports one CSV file as one transaction: any bad row means nothing from the file is written,
  /// and the error lists every problem with its line and column.
  ///
  /// - Parameters:
  ///   - type: the record type; recognised from the header when nil.
  ///   - progress: called with the number of rows read so far, every few thousand rows.
  public func importFile(_ path: String, type: RecordType? = nil, progress: ((Int) -> Void)? = nil) throws(StoreError) -> ImportSummary {
    let reader = try CSVReader(path: path)
    return try importRecords(reader, type: type, progress: progress)
  }

  /// Imports CSV text held in memory (the built-in catalogue and demo).
  func importText(_ text: String, named name: String, type: RecordType?) throws(StoreError) -> ImportSummary {
    let reader = try CSVReader(text: Data(text.utf8), file: name)
    return try importRecords(reader, type: type, progress: nil)
  }

  /// Peeks at a file's header and returns its record type, for ordering several files.
  public static func recordType(ofFile path: String) throws(StoreError) -> RecordType {
    let reader = try CSVReader(path: path)
    let headers = try header(of: reader).fields
    guard let t = RecordType.detect(headers: headers) else {
      throw .unrecognisedHeader(file: path, headers: headers)
    }
    return t
  }

  /// The first non-blank record: the header and its line.
  private static func header(of reader: CSVReader) throws(StoreError) -> (fields: [String], line: Int) {
    var header: CSVRecord?
    struct Stop: Error {}
    do {
      try reader.forEachRecord { rec in
        if rec.isBlank { return }
        header = rec
        throw Stop()
      }
    } catch is Stop {
    } catch let e as CSVSyntaxError {
      throw .badData(file: reader.file, issues: [
        DataIssue(file: reader.file, line: e.line, column: e.column, header: nil, value: "", problem: .unclosedQuote)
      ])
    } catch {
      throw .unreadableFile(path: reader.file, reason: "\(error)")
    }
    return (header?.fields.map { $0.hasPrefix("\u{FEFF}") ? String($0.dropFirst()) : $0 } ?? [], header?.line ?? 1)
  }

  private func importRecords(_ reader: CSVReader, type given: RecordType?, progress: ((Int) -> Void)?) throws(StoreError) -> ImportSummary {
    let file = reader.file
    let (headers, headerLine) = try CampaignStore.header(of: reader)
    guard let type = given ?? RecordType.detect(headers: headers) else {
      throw .unrecognisedHeader(file: file, headers: headers)
    }
    let map = HeaderMap(headers: headers, type: type)
    var headerIssues: [DataIssue] = map.missingRequired.map {
      DataIssue(file: file, line: headerLine, column: nil, header: nil, value: "", problem: .missingColumn("\($0.name) / \($0.alias)"))
    }
    for (pos, first) in map.duplicates {
      headerIssues.append(DataIssue(file: file, line: headerLine, column: pos + 1, header: headers[pos], value: "", problem: .duplicateColumn(firstColumn: first + 1)))
    }
    if !headerIssues.isEmpty { throw .badData(file: file, issues: headerIssues) }

    var summary = ImportSummary(
      file: file, type: type, encoding: reader.encoding, rows: 0, added: 0, updated: 0, unchanged: 0,
      ignoredColumns: map.unknown.map { headers[$0] })
    summary = try writeDB { db in
      var importer: any RowImporter
      switch type {
      case .organizations: importer = try OrganizationImporter(db: db)
      case .kinds: importer = try KindImporter(db: db)
      case .activities: importer = try ActivityImporter(db: db)
      case .matters: importer = try MatterImporter(db: db)
      case .feedback: importer = try FeedbackImporter(db: db)
      }
      var issues: [DataIssue] = []
      var s = summary
      var sawHeader = false
      do {
        try reader.forEachRecord { rec in
        if rec.isBlank { return }
        if !sawHeader { sawHeader = true; return }
        s.rows += 1
        var row = RowReader(file: file, record: rec, map: map)
        row.checkWidth()
        let outcome = try importer.importRow(&row, db: db, write: issues.isEmpty && row.issues.isEmpty)
        issues += row.issues
        if let outcome { s.count(outcome) }
        if let progress, s.rows % 5000 == 0 { progress(s.rows) }
        }
      } catch let e as CSVSyntaxError {
        issues.append(DataIssue(file: file, line: e.line, column: e.column, header: nil, value: "", problem: .unclosedQuote))
      }
      if issues.isEmpty {
        for outcome in try importer.finish(db: db, issues: &issues, file: file) { s.count(outcome) }
      }
      if !issues.isEmpty { throw StoreError.badData(file: file, issues: issues) }
      return s
    }
    return summary
  }
}

/// Writes rows keyed by one column: inserts new keys, updates rows whose values differ, and
/// leaves identical rows untouched, telling which of the three happened.
struct Upserter {
  private let insert: Statement
  private let update: Statement
  private let updateArgumentOrder: [Int]

  /// - Parameter insertOnly: columns set when a row is added and kept when it is updated.
  init(db: Database, table: String, key: String, columns: [String], insertOnly: [String] = []) throws {
    let all = [key] + columns + insertOnly
    let placeholders = Array(repeating: "?", count: all.count).joined(separator: ", ")
    insert = try db.makeStatement(
      sql: "INSERT INTO \(table) (\(all.joined(separator: ", "))) VALUES (\(placeholders)) ON CONFLICT(\(key)) DO NOTHING")
    let sets = columns.map { "\($0) = ?" }.joined(separator: ", ")
    let differs = columns.map { "\($0) IS NOT ?" }.joined(separator: " OR ")
    update = try db.makeStatement(sql: "UPDATE \(table) SET \(sets) WHERE \(key) = ? AND (\(differs))")
    // SET values, then the key, then the values again for the comparison.
    let values = Array(1...columns.count)
    updateArgumentOrder = values + [0] + values
  }

  /// Writes one row; `values` are the key, the columns, then the insert-only columns.
  func write(_ values: [(any DatabaseValueConvertible)?], db: Database) throws -> RowOutcome {
    let dbValues = values.map { $0?.databaseValue ?? .null }
    try insert.execute(arguments: StatementArguments(dbValues))
    if db.changesCount == 1 { return .added }
    try update.execute(arguments: StatementArguments(updateArgumentOrder.map { dbValues[$0] }))
    return db.changesCount == 1 ? .updated : .unchanged
  }
}

/// Loads the organization index for resolving unit cells.
func loadOrganizationIndex(_ db: Database) throws -> OrganizationIndex {
  var index = OrganizationIndex()
  for row in try Row.fetchAll(db, sql: "SELECT id, name FROM organization") {
    let id: String = row[0]
    index.ids.insert(id)
    index.byName[row[1], default: []].append(id)
  }
  return index
}
