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
  /// Rows a submission removed because its file no longer holds them.
  public var removed: Int = 0
  /// The removed rows by the batch that had written them (0: before batches existed).
  public var removedFrom: [Int: Int] = [:]
  /// Warnings about rows that were imported all the same (dates outside the campaign) and
  /// rows skipped (合计 rows).
  public var notes: [DataIssue] = []
  /// The row the sheet's header was found in (1 unless title rows stand above it).
  public var headerLine: Int = 1
  /// Header cells that are no contract column and were ignored.
  public var ignoredColumns: [String]
}

extension ImportSummary {
  mutating func count(_ outcome: RowOutcome) {
    switch outcome {
    case .added: added += 1
    case .updated: updated += 1
    case .unchanged: unchanged += 1
    case .removed(let batch):
      removed += 1
      removedFrom[batch, default: 0] += 1
    }
  }
}

/// What writing one row did.
enum RowOutcome: Equatable {
  case added, updated, unchanged
  /// A submission removed a row of its scope that the batch given had written.
  case removed(from: Int)
}

/// Turns validated rows of one record type into store writes.
protocol RowImporter {
  /// - Parameter context: the batch, and with `import --root` or a submission, the
  ///   organizations whose records the file may hold.
  init(db: any SQLDatabase, context: ImportContext) throws
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

/// What one import should be: its type, its scope and who makes it.
public struct ImportRequest: Sendable {
  /// The record type of every file; recognised from the header when nil.
  public var type: RecordType?
  /// `import --root`: every record must belong to this organization or one under it, and no
  /// record of another organization may be changed (a shared store's safeguard).
  public var root: String?
  /// A submission's unit and month; nil takes the scope a collection workbook is bound to, and
  /// for any other file imports without a scope (upsert).
  public var submission: SubmissionScope?
  /// Who imports (`--by`), recorded in the batch.
  public var author: String
  /// The day the file counts as received; dates after it are warned about (refused in a
  /// submission), and a submission received after the deadline is late.
  public var today: Day
  /// The campaign whose catalogue a kinds file updates (`--campaign`); nil: the one in force
  /// on `today`, else the latest started.
  public var campaign: String?

  public init(
    type: RecordType? = nil, root: String? = nil, submission: SubmissionScope? = nil, author: String, today: Day, campaign: String? = nil
  ) {
    self.type = type
    self.root = root
    self.submission = submission
    self.author = author
    self.today = today
    self.campaign = campaign
  }
}

/// What an import did: its batch and one summary per file or sheet.
public struct ImportResult: Sendable {
  /// The batch number it was recorded under.
  public var batch: Int
  /// The submission it was, if any.
  public var submission: SubmissionScope?
  public var summaries: [ImportSummary]
}

extension CampaignStore {
  /// Imports one file, CSV or .xlsx, as one transaction: any bad row means nothing from the file
  /// is written, and the error lists every problem with its line (or sheet and row) and column.
  /// A workbook yields one summary per sheet whose header row is a contract header.
  public func importFile(
    _ path: String, type: RecordType? = nil, root: String? = nil, progress: ((Int) -> Void)? = nil
  ) throws(StoreError) -> [ImportSummary] {
    let request = ImportRequest(type: type, root: root, author: SystemUser.name, today: Day.today())
    return try importFile(path, request: request, progress: progress).summaries
  }

  /// Imports one file as one recorded batch: an import, or a submission when the request or the
  /// workbook names a unit and a month. A submission's scope (the unit's subtree, that month,
  /// the record types the file carries) holds exactly the file's rows afterwards; matters are
  /// added or updated, never removed.
  ///
  /// - Parameter progress: called with the number of rows read so far, every few thousand rows.
  public func importFile(_ path: String, request: ImportRequest, progress: ((Int) -> Void)? = nil) throws(StoreError) -> ImportResult {
    try importFile(try ImportSource(path: path), request: request, progress: progress)
  }

  /// Imports one source (a file, a pipe's bytes, an upload) as one recorded batch; messages
  /// name it by `source.name`.
  public func importFile(_ input: ImportSource, request: ImportRequest, progress: ((Int) -> Void)? = nil) throws(StoreError) -> ImportResult
  {
    var request = request
    let sources: [any RecordSource]
    let path = input.name
    if XlsxReader.looksLikeWorkbook(input.path) {
      let reader = try XlsxReader(path: input.path, name: input.name)
      if let bound = try reader.binding() {
        if let asked = request.submission, asked != bound {
          throw .badData(
            file: path,
            issues: [
              DataIssue(file: path, line: 1, column: nil, header: nil, value: "", problem: .otherScope(bound: bound.description))
            ])
        }
        request.submission = bound
      }
      sources = try reader.sheets()
    } else {
      sources = [try CSVReader(path: input.path, name: input.name)]
    }
    // The file's fingerprint is computed on the other core while the rows are imported.
    let digest = FileDigest(path: input.path)
    var record = BatchStart(
      action: request.submission == nil ? .import : .submission, file: (path as NSString).lastPathComponent, sha256: nil,
      scope: request.submission, author: request.author, today: request.today)
    record.digest = digest
    return try importSources(
      sources, file: path, type: request.type, root: request.root, skipUnrecognised: sources.first is XlsxSheet, batch: record,
      campaign: .given(request.campaign, else: .current(request.today)), progress: progress)
  }

  /// Imports CSV text held in memory: the built-in demo, as a batch of its own, or the default
  /// catalogue seeded into a new store (`recorded: false`: kinds keep no history).
  func importText(
    _ text: String, named name: String, type: RecordType?, recorded: Bool = true, campaign: CampaignChoice = .current(Day.today()),
    prelude: ((any SQLDatabase) throws -> Void)? = nil
  ) throws(StoreError) -> ImportSummary {
    let reader = try CSVReader(text: Data(text.utf8), file: name)
    let record =
      recorded
      ? BatchStart(
        action: .import, file: name, sha256: SHA256.hex(of: Array(text.utf8)), scope: nil, author: SystemUser.name, today: Day.today())
      : nil
    return try importSources(
      [reader], file: name, type: type, skipUnrecognised: false, batch: record, campaign: campaign, prelude: prelude, progress: nil
    ).summaries[0]
  }

  /// Imports a campaign's catalogue from a kinds file, unrecorded, in one transaction with
  /// `prelude` (before) and `postlude` (after).
  func importKinds(
    _ reader: CSVReader, campaign: String, prelude: @escaping (any SQLDatabase) throws -> Void,
    postlude: @escaping (any SQLDatabase) throws -> Void
  ) throws(StoreError) -> ImportSummary {
    try importSources(
      [reader], file: reader.file, type: .kinds, skipUnrecognised: false, batch: nil, campaign: .code(campaign), prelude: prelude,
      postlude: postlude, progress: nil
    ).summaries[0]
  }

  /// The record types a file holds (one for a CSV file, one per data sheet of a workbook), for
  /// ordering several files.
  public static func recordTypes(ofFile path: String) throws(StoreError) -> [RecordType] {
    try recordTypes(of: try ImportSource(path: path))
  }

  /// The record types a source holds.
  public static func recordTypes(of input: ImportSource) throws(StoreError) -> [RecordType] {
    let path = input.name
    if XlsxReader.looksLikeWorkbook(input.path) {
      var types: [RecordType] = []
      for sheet in try XlsxReader(path: input.path, name: input.name).sheets() {
        if let t = try header(of: sheet, type: nil).type { types.append(t) }
      }
      guard !types.isEmpty else { throw .unrecognisedHeader(file: path, headers: []) }
      return types
    }
    let reader = try CSVReader(path: input.path, name: input.name)
    let found = try header(of: reader, type: nil)
    guard let t = found.type else { throw .unrecognisedHeader(file: path, headers: found.fields, line: found.line) }
    return [t]
  }

  /// How many non-blank rows at the top of a sheet are searched for its header: a ledger's
  /// title, its merged title cells and a unit line stand above the header.
  static let headerSearchRows = 10

  /// The header: the first of the first non-blank records that is a contract header (of
  /// `type`, when given: all its required columns present), with its line and type. When none
  /// is, the first non-blank record, with a nil type, for the message.
  private static func header(of source: any RecordSource, type given: RecordType?) throws(StoreError) -> (
    fields: [String], line: Int, type: RecordType?
  ) {
    var first: (fields: [String], line: Int)?
    var found: (fields: [String], line: Int, type: RecordType?)?
    var seen = 0
    struct Stop: Error {}
    do {
      try source.forEachRecord { rec in
        if rec.isBlank { return }
        // Past Excel's 16,384 columns the reader keeps no cells: a header that long would lose
        // columns silently.
        if rec.droppedText {
          throw StoreError.badData(
            file: source.name,
            issues: [
              DataIssue(
                file: source.name, line: rec.line, column: nil, header: nil, value: "",
                problem: .tooManyColumns(limit: CSVParser.maximumFields))
            ])
        }
        let fields = rec.fields.map { $0.hasPrefix("\u{FEFF}") ? String($0.dropFirst()) : $0 }
        if first == nil { first = (fields, rec.line) }
        let type =
          given.flatMap { HeaderMap(headers: fields, type: $0).missingRequired.isEmpty ? $0 : nil }
          ?? (given == nil ? RecordType.detect(headers: fields) : nil)
        if let type {
          found = (fields, rec.line, type)
          throw Stop()
        }
        seen += 1
        if seen >= headerSearchRows { throw Stop() }
      }
    } catch is Stop {
    } catch let e as CSVSyntaxError {
      throw .badData(
        file: source.name,
        issues: [
          DataIssue(file: source.name, line: e.line, column: e.column, header: nil, value: "", problem: .unclosedQuote)
        ])
    } catch let e as StoreError {
      throw e
    } catch {
      throw .unreadableFile(path: source.name, reason: "\(error)")
    }
    return found ?? (first?.fields ?? [], first?.line ?? 1, nil)
  }

  /// Imports sources of one file in dependency order inside one transaction.
  private func importSources(
    _ sources: [any RecordSource], file: String, type given: RecordType?, root: String? = nil, skipUnrecognised: Bool,
    batch record: BatchStart?, campaign: CampaignChoice, prelude: ((any SQLDatabase) throws -> Void)? = nil,
    postlude: ((any SQLDatabase) throws -> Void)? = nil, progress: ((Int) -> Void)?
  ) throws(StoreError) -> ImportResult {
    var candidates: [PreparedSource] = []
    for source in sources {
      let (headers, headerLine, detected) = try CampaignStore.header(of: source, type: given)
      guard let type = detected ?? given else {
        if skipUnrecognised { continue }
        throw .unrecognisedHeader(file: source.name, headers: headers, line: headerLine)
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
          DataIssue(
            file: p.source.name, line: p.headerLine, column: nil, header: nil, value: "",
            problem: .missingColumn("\(column.name) / \(column.alias)")))
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

    let scopeRoot = record?.scope?.unit ?? root
    if let submission = record?.scope, let structure = prepared.first(where: { $0.type.isCampaignData || $0.type == .organizations }) {
      throw .batch(.structureInSubmission(file: structure.source.name, scope: submission))
    }
    if let scopeRoot, let kinds = prepared.first(where: { $0.type.isCampaignData }) {
      throw .catalogueWithRoot(file: kinds.source.name, root: scopeRoot)
    }
    return try writeDB { db in
      try prelude?(db)
      let campaigns = try loadCampaigns(db)
      // Dates before every campaign's start are in no campaign (a campaign without a start
      // takes any date).
      let earliest = campaigns.contains { $0.start == nil } ? nil : campaigns.compactMap(\.start).min()
      var context = ImportContext(
        scope: nil, batch: nil, submission: record?.scope, campaignStart: earliest, today: record?.today ?? Day.today(),
        campaign: prepared.contains { $0.type.isCampaignData } ? try resolveCampaign(db, campaign).code : nil, campaigns: campaigns)
      if let scopeRoot {
        context.scope = try ImportScope(root: scopeRoot, db: db)
        if context.scope == nil { throw StoreError.unknownOrganization(id: scopeRoot) }
      }
      // A workbook bound to a unit, imported with --root: the unit must be under the root.
      if let root, let unit = record?.scope?.unit, root != unit {
        guard let rootScope = try ImportScope(root: root, db: db) else { throw StoreError.unknownOrganization(id: root) }
        if !rootScope.members.contains(unit) {
          throw StoreError.badData(
            file: file,
            issues: [
              DataIssue(file: file, line: 1, column: nil, header: nil, value: unit, problem: .outsideRoot(root: root))
            ])
        }
      }
      if let record {
        if let submission = record.scope, let scope = context.scope {
          try db.serialize(.submissions)
          try BatchLog.checkNoOverlap(submission, scope: scope, db: db)
        } else {
          try db.share(.submissions)
        }
        context.batch = try BatchLog.start(record, types: prepared.map(\.type.rawValue), db: db)
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
        var importer = try CampaignStore.makeImporter(type, db: db, context: context)
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
      try postlude?(db)
      if let batch = context.batch { try BatchLog.finish(batch, summaries: summaries, sha256: try record?.digest?.value(), db: db) }
      return ImportResult(batch: context.batch ?? 0, submission: record?.scope, summaries: summaries)
    }
  }

  /// The most problems one failed import lists; the rest are counted.
  static let maximumListedProblems = 1000

  private static func makeImporter(_ type: RecordType, db: any SQLDatabase, context: ImportContext) throws -> any RowImporter {
    switch type {
    case .organizations: try OrganizationImporter(db: db, context: context)
    case .kinds: try KindImporter(db: db, context: context)
    case .activities: try ActivityImporter(db: db, context: context)
    case .matters: try MatterImporter(db: db, context: context)
    case .feedback: try FeedbackImporter(db: db, context: context)
    case .requirements: try RequirementImporter(db: db, context: context)
    case .plans: try PlanImporter(db: db, context: context)
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
    s.headerLine = p.headerLine
    var sourceIssues: [DataIssue] = []
    let before = issues.isEmpty
    do {
      try p.source.forEachRecord { rec in
        if rec.isBlank || rec.line <= p.headerLine { return }
        var row = RowReader(file: name, record: rec, map: p.map)
        if rec.isTotalRow {
          if s.notes.count < CampaignStore.maximumListedProblems {
            s.notes.append(DataIssue(file: name, line: rec.line, column: nil, header: nil, value: "", problem: .totalRow))
          }
          return
        }
        s.rows += 1
        row.checkWidth()
        let outcomes = try importer.importRow(&row, db: db, write: before && sourceIssues.isEmpty && row.issues.isEmpty)
        // A file with a problem on every one of millions of rows lists the first ones only.
        if issues.count + sourceIssues.count < CampaignStore.maximumListedProblems {
          sourceIssues += row.issues
        } else {
          omitted += row.issues.count
        }
        if !row.notes.isEmpty && s.notes.count < CampaignStore.maximumListedProblems { s.notes += row.notes }
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
    if p.source.columnLetters { s.notes = s.notes.map { $0.withColumnLetters() } }
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
