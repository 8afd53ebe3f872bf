import CampaignModel
import Foundation

/// What one imported file (or one sheet of a workbook) did to the store.
public struct ImportSummary: Sendable, Equatable {
  /// The file, or `file[sheet]` for a sheet of a workbook.
  public var file: String
  public var type: RecordType
  public var format: SourceFormat
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
  /// - Parameter scope: with `import --root`, the organizations whose records the file may hold.
  init(db: any SQLDatabase, scope: ImportScope?) throws
  /// Validates one row (problems go to `row.issues`) and writes it when `write` is true;
  /// returns the outcomes of the rows written by now (writes may go in batches).
  mutating func importRow(_ row: inout RowReader, db: any SQLDatabase, write: Bool) throws -> [RowOutcome]
  /// Writes what is still queued; returns those rows' outcomes.
  mutating func flush() throws -> [RowOutcome]
  /// Whole-file checks and writes after the last row; returns the outcomes of rows written here.
  mutating func finish(db: any SQLDatabase, issues: inout [DataIssue], file: String) throws -> [RowOutcome]
}

extension RowImporter {
  mutating func flush() throws -> [RowOutcome] { [] }

  mutating func finish(db: any SQLDatabase, issues: inout [DataIssue], file: String) throws -> [RowOutcome] { [] }
}

/// A source with its header read and its type known.
private struct PreparedSource {
  var source: any RecordSource
  var type: RecordType
  var map: HeaderMap
  var headerLine: Int
}

extension CampaignStore {
  /// Imports one file, CSV or .xlsx, as one transaction: any bad row means nothing from the file
  /// is written, and the error lists every problem with its line (or sheet and row) and column.
  /// A workbook yields one summary per sheet whose header row is a contract header.
  ///
  /// - Parameters:
  ///   - type: the record type; recognised from the header when nil.
  ///   - progress: called with the number of rows read so far, every few thousand rows.
  ///   - root: `import --root`: every record must belong to this organization or one under it,
  ///     and no record of another organization may be changed (a shared store's safeguard).
  public func importFile(
    _ path: String, type: RecordType? = nil, root: String? = nil, progress: ((Int) -> Void)? = nil
  ) throws(StoreError) -> [ImportSummary] {
    if XlsxReader.looksLikeWorkbook(path) {
      let sheets = try XlsxReader(path: path).sheets()
      return try importSources(sheets, file: path, type: type, root: root, skipUnrecognised: true, progress: progress)
    }
    return try importSources([try CSVReader(path: path)], file: path, type: type, root: root, skipUnrecognised: false, progress: progress)
  }

  /// Imports CSV text held in memory (the built-in catalogue and demo).
  func importText(_ text: String, named name: String, type: RecordType?) throws(StoreError) -> ImportSummary {
    let reader = try CSVReader(text: Data(text.utf8), file: name)
    return try importSources([reader], file: name, type: type, skipUnrecognised: false, progress: nil)[0]
  }

  /// The record types a file holds (one for a CSV file, one per data sheet of a workbook), for
  /// ordering several files.
  public static func recordTypes(ofFile path: String) throws(StoreError) -> [RecordType] {
    if XlsxReader.looksLikeWorkbook(path) {
      var types: [RecordType] = []
      for sheet in try XlsxReader(path: path).sheets() {
        if let t = RecordType.detect(headers: try header(of: sheet).fields) { types.append(t) }
      }
      guard !types.isEmpty else { throw .unrecognisedHeader(file: path, headers: []) }
      return types
    }
    let reader = try CSVReader(path: path)
    let headers = try header(of: reader).fields
    guard let t = RecordType.detect(headers: headers) else { throw .unrecognisedHeader(file: path, headers: headers) }
    return [t]
  }

  /// The first non-blank record: the header and its line.
  private static func header(of source: any RecordSource) throws(StoreError) -> (fields: [String], line: Int) {
    var header: CSVRecord?
    struct Stop: Error {}
    do {
      try source.forEachRecord { rec in
        if rec.isBlank { return }
        header = rec
        throw Stop()
      }
    } catch is Stop {
    } catch let e as CSVSyntaxError {
      throw .badData(file: source.name, issues: [
        DataIssue(file: source.name, line: e.line, column: e.column, header: nil, value: "", problem: .unclosedQuote)
      ])
    } catch let e as StoreError {
      throw e
    } catch {
      throw .unreadableFile(path: source.name, reason: "\(error)")
    }
    return (header?.fields.map { $0.hasPrefix("\u{FEFF}") ? String($0.dropFirst()) : $0 } ?? [], header?.line ?? 1)
  }

  /// Imports sources of one file in dependency order inside one transaction.
  private func importSources(
    _ sources: [any RecordSource], file: String, type given: RecordType?, root: String? = nil, skipUnrecognised: Bool,
    progress: ((Int) -> Void)?
  ) throws(StoreError) -> [ImportSummary] {
    var candidates: [PreparedSource] = []
    for source in sources {
      let (headers, headerLine) = try CampaignStore.header(of: source)
      guard let type = given ?? RecordType.detect(headers: headers) else {
        if skipUnrecognised { continue }
        throw .unrecognisedHeader(file: source.name, headers: headers)
      }
      candidates.append(PreparedSource(source: source, type: type, map: HeaderMap(headers: headers, type: type), headerLine: headerLine))
    }
    // In a workbook, --type takes the sheets whose header fits it (not the instructions sheet);
    // when none fits, the first sheet is reported with the columns it lacks.
    var prepared = candidates
    if given != nil && skipUnrecognised {
      let fitting = candidates.filter { $0.map.missingRequired.isEmpty }
      prepared = fitting.isEmpty ? Array(candidates.prefix(1)) : fitting
    }
    var issues: [DataIssue] = []
    for p in prepared {
      for column in p.map.missingRequired {
        issues.append(
          DataIssue(file: p.source.name, line: p.headerLine, column: nil, header: nil, value: "", problem: .missingColumn("\(column.name) / \(column.alias)")))
      }
      for (pos, first) in p.map.duplicates {
        issues.append(
          DataIssue(
            file: p.source.name, line: p.headerLine, column: pos + 1, header: p.map.headers[pos], value: "",
            problem: .duplicateColumn(firstColumn: first + 1)))
      }
    }
    guard !prepared.isEmpty || !issues.isEmpty else { throw .unrecognisedHeader(file: file, headers: []) }
    if !issues.isEmpty { throw .badData(file: file, issues: issues.map { $0.lettered(sources) }) }
    prepared.sort { $0.type.dependencyOrder < $1.type.dependencyOrder }

    if let root, let kinds = prepared.first(where: { $0.type == .kinds }) {
      throw .catalogueWithRoot(file: kinds.source.name, root: root)
    }
    return try writeDB { db in
      var scope: ImportScope?
      if let root {
        scope = try ImportScope(root: root, db: db)
        if scope == nil { throw StoreError.unknownOrganization(id: root) }
      }
      var summaries: [ImportSummary] = []
      var issues: [DataIssue] = []
      var omitted = 0
      // Sheets of one type share one importer (one id set, one set of content keys), and a type
      // is finished before the next starts, so activities see the organizations just written.
      var i = 0
      while i < prepared.count {
        let type = prepared[i].type
        let bulk = try type.bulkTable.flatMap { try BulkLoad(table: $0, db: db) }
        var importer = try CampaignStore.makeImporter(type, db: db, scope: scope)
        let before = issues.isEmpty
        while i < prepared.count && prepared[i].type == type {
          summaries.append(try importRows(prepared[i], importer: &importer, db: db, issues: &issues, omitted: &omitted, progress: progress))
          i += 1
        }
        if before && issues.isEmpty {
          let outcomes = try importer.finish(db: db, issues: &issues, file: summaries[summaries.count - 1].file)
          for outcome in outcomes { summaries[summaries.count - 1].count(outcome) }
        }
        try bulk?.restore()
      }
      if !issues.isEmpty {
        let listed = Array(issues.prefix(CampaignStore.maximumListedProblems))
        throw StoreError.badData(file: file, issues: listed, omitted: omitted + issues.count - listed.count)
      }
      if prepared.contains(where: { $0.type == .organizations }) && summaries.contains(where: { $0.added + $0.updated > 0 }) {
        try ActivityMonths.markAll(db)  // units may have moved
      }
      try ActivityMonths.refresh(db)
      return summaries
    }
  }

  /// The most problems one failed import lists; the rest are counted.
  static let maximumListedProblems = 1000

  private static func makeImporter(_ type: RecordType, db: any SQLDatabase, scope: ImportScope?) throws -> any RowImporter {
    switch type {
    case .organizations: try OrganizationImporter(db: db, scope: scope)
    case .kinds: try KindImporter(db: db, scope: scope)
    case .activities: try ActivityImporter(db: db, scope: scope)
    case .matters: try MatterImporter(db: db, scope: scope)
    case .feedback: try FeedbackImporter(db: db, scope: scope)
    }
  }

  private func importRows(
    _ p: PreparedSource, importer: inout any RowImporter, db: any SQLDatabase, issues: inout [DataIssue], omitted: inout Int,
    progress: ((Int) -> Void)?
  ) throws -> ImportSummary {
    let name = p.source.name
    var s = ImportSummary(
      file: name, type: p.type, format: p.source.format, rows: 0, added: 0, updated: 0, unchanged: 0,
      ignoredColumns: p.map.unknown.map { p.map.headers[$0] })
    var sourceIssues: [DataIssue] = []
    var sawHeader = false
    let before = issues.isEmpty
    do {
      try p.source.forEachRecord { rec in
        if rec.isBlank { return }
        if !sawHeader { sawHeader = true; return }
        s.rows += 1
        var row = RowReader(file: name, record: rec, map: p.map)
        row.checkWidth()
        let outcomes = try importer.importRow(&row, db: db, write: before && sourceIssues.isEmpty && row.issues.isEmpty)
        // A file with a problem on every one of millions of rows lists the first ones only.
        if issues.count + sourceIssues.count < CampaignStore.maximumListedProblems {
          sourceIssues += row.issues
        } else {
          omitted += row.issues.count
        }
        for outcome in outcomes { s.count(outcome) }
        if let progress, s.rows % 5000 == 0 { progress(s.rows) }
      }
      // The rows still queued belong to this source's counts (and must be in the store before a
      // later sheet or record type reads it).
      for outcome in try importer.flush() { s.count(outcome) }
    } catch let e as CSVSyntaxError {
      sourceIssues.append(DataIssue(file: name, line: e.line, column: e.column, header: nil, value: "", problem: .unclosedQuote))
    } catch let e as OutOfScopeRecord {
      let column = p.map.position["id"]
      sourceIssues.append(
        DataIssue(
          file: name, line: e.line, column: column.map { $0 + 1 }, header: p.map.header("id"), value: "",
          problem: .belongsElsewhere(organization: e.organization, root: e.root)))
    }
    issues += sourceIssues.map { p.source.columnLetters ? $0.withColumnLetters() : $0 }
    return s
  }
}

extension DataIssue {
  /// The issue with its column named by letter when it comes from a workbook.
  fileprivate func lettered(_ sources: [any RecordSource]) -> DataIssue {
    sources.first { $0.name == file }?.columnLetters == true ? withColumnLetters() : self
  }
}

/// Loads the organization index for resolving unit cells.
func loadOrganizationIndex(_ db: any SQLDatabase) throws -> OrganizationIndex {
  var index = OrganizationIndex()
  try db.forEachRow("SELECT id, name FROM organization", []) { row in
    let id: String = try row.get(0)
    index.ids.insert(id)
    index.byName[try row.get(1), default: []].append(id)
  }
  return index
}
