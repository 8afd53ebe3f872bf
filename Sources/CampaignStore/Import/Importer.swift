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

/// What writing one row did.
enum RowOutcome { case added, updated, unchanged }

/// Turns validated rows of one record type into store writes.
protocol RowImporter {
  init(db: Database) throws
  /// Validates one row (problems go to `row.issues`) and writes it when `write` is true.
  mutating func importRow(_ row: inout RowReader, db: Database, write: Bool) throws -> RowOutcome?
  /// Whole-file checks and writes after the last row.
  mutating func finish(db: Database, issues: inout [DataIssue], file: String) throws
}

extension RowImporter {
  mutating func finish(db: Database, issues: inout [DataIssue], file: String) throws {}
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
    let headers = try header(of: reader)
    guard let t = RecordType.detect(headers: headers) else {
      throw .unrecognisedHeader(file: path, headers: headers)
    }
    return t
  }

  private static func header(of reader: CSVReader) throws(StoreError) -> [String] {
    var headers: [String]?
    struct Stop: Error {}
    do {
      try reader.forEachRecord { rec in
        if rec.isBlank { return }
        headers = rec.fields
        throw Stop()
      }
    } catch is Stop {
    } catch let e as StoreError {
      throw e
    } catch {
      throw .unreadableFile(path: reader.file, reason: "\(error)")
    }
    return headers ?? []
  }

  private func importRecords(_ reader: CSVReader, type given: RecordType?, progress: ((Int) -> Void)?) throws(StoreError) -> ImportSummary {
    let file = reader.file
    let headers = try CampaignStore.header(of: reader)
    guard let type = given ?? RecordType.detect(headers: headers) else {
      throw .unrecognisedHeader(file: file, headers: headers)
    }
    let map = HeaderMap(headers: headers, type: type)
    var headerIssues: [DataIssue] = map.missingRequired.map {
      DataIssue(file: file, line: 1, column: nil, header: nil, value: "", problem: .missingColumn("\($0.name) / \($0.alias)"))
    }
    for (pos, first) in map.duplicates {
      headerIssues.append(DataIssue(file: file, line: 1, column: pos + 1, header: headers[pos], value: "", problem: .duplicateColumn(firstColumn: first + 1)))
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
      try reader.forEachRecord { rec in
        if rec.isBlank { return }
        if !sawHeader { sawHeader = true; return }
        s.rows += 1
        var row = RowReader(file: file, record: rec, map: map)
        row.checkWidth()
        let outcome = try importer.importRow(&row, db: db, write: issues.isEmpty && row.issues.isEmpty)
        issues += row.issues
        switch outcome {
        case .added: s.added += 1
        case .updated: s.updated += 1
        case .unchanged: s.unchanged += 1
        case nil: break
        }
        if let progress, s.rows % 5000 == 0 { progress(s.rows) }
      }
      if issues.isEmpty {
        try importer.finish(db: db, issues: &issues, file: file)
      }
      if !issues.isEmpty { throw StoreError.badData(file: file, issues: issues) }
      return s
    }
    return summary
  }
}

/// Runs an upsert and tells whether it added, updated or left the row unchanged.
///
/// The statement must be `INSERT … ON CONFLICT … DO UPDATE … WHERE <something differs>` on a
/// rowid table: an insert moves the last rowid, an update changes one row, otherwise nothing.
func runUpsert(_ statement: Statement, _ arguments: StatementArguments, db: Database) throws -> RowOutcome {
  let before = db.lastInsertedRowID
  try statement.execute(arguments: arguments)
  if db.changesCount == 0 { return .unchanged }
  return db.lastInsertedRowID != before ? .added : .updated
}

/// SQL for an upsert of `columns` into `table` keyed by `key` that leaves identical rows untouched.
func upsertSQL(table: String, key: String, columns: [String]) -> String {
  let all = [key] + columns
  let placeholders = Array(repeating: "?", count: all.count).joined(separator: ", ")
  let sets = columns.map { "\($0) = excluded.\($0)" }.joined(separator: ", ")
  let differs = columns.map { "\(table).\($0) IS NOT excluded.\($0)" }.joined(separator: " OR ")
  return "INSERT INTO \(table) (\(all.joined(separator: ", "))) VALUES (\(placeholders)) ON CONFLICT(\(key)) DO UPDATE SET \(sets) WHERE \(differs)"
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
