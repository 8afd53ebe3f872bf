import CampaignModel

/// The largest values one row may hold. Every figure is a sum of rows, and these bounds keep
/// every sum (and a rate's numerator times 100 × 10^decimals) far inside 64 bits for any number
/// of rows a store can hold: 10^6 per row × 10^12 rows is 10^18 < 9.2 × 10^18.
enum Limits {
  /// `count` and `participants` of a row: a row stands for at most a million items or people.
  static let wholeNumber = 1_000_000
  /// `hours` of a row.
  static let hours = Hours(hundredths: 100_000 * 100)
  /// The earliest date a record may have.
  static let firstDay = Day(year: 1900, month: 1, day: 1)!
}

/// Reads the cells of one record by contract column, collecting every problem it finds.
struct RowReader {
  let file: String
  let record: CSVRecord
  let map: HeaderMap
  var issues: [DataIssue] = []
  /// Warnings: the row is imported, but the user should look at it.
  var notes: [DataIssue] = []

  var line: Int { record.line }

  /// The trimmed cell of a column; empty when the column or the cell is absent.
  func text(_ column: String) -> String {
    guard let i = map.position[column], i < record.count else { return "" }
    return record.trimmedField(i)
  }

  /// The trimmed cell, or nil when empty.
  func optionalText(_ column: String) -> String? {
    let t = text(column)
    return t.isEmpty ? nil : t
  }

  mutating func fail(_ column: String, _ problem: DataIssue.Problem, value: String? = nil) {
    let pos = map.position[column]
    issues.append(
      DataIssue(
        file: file, line: line, column: pos.map { $0 + 1 }, header: map.header(column), value: value ?? text(column), problem: problem))
  }

  /// A warning about a cell; the row is still imported.
  mutating func note(_ column: String, _ problem: DataIssue.Problem) {
    let pos = map.position[column]
    notes.append(
      DataIssue(file: file, line: line, column: pos.map { $0 + 1 }, header: map.header(column), value: text(column), problem: problem))
  }

  /// The date a record took place: required, and checked against the import's context. A
  /// submission refuses a date outside its month, before the campaign start or after the day
  /// it is received; an import without a scope takes the last two with a warning, since such a
  /// record appears in no report.
  mutating func recordDay(_ column: String, context: ImportContext) -> Day? {
    guard let d = day(column, required: true) else { return nil }
    if let month = context.submission?.month {
      if d.monthOfYear != month { fail(column, .outsideMonth(month)); return d }
      if let start = context.campaignStart, d < start { fail(column, .beforeCampaign(start)) }
      if d > context.today { fail(column, .afterToday(context.today)) }
    } else {
      if let start = context.campaignStart, d < start { note(column, .beforeCampaign(start)) }
      if d > context.today { note(column, .afterToday(context.today)) }
    }
    return d
  }

  /// A required non-empty cell.
  mutating func required(_ column: String) -> String? {
    let t = text(column)
    if t.isEmpty { fail(column, .required); return nil }
    return t
  }

  /// A date cell in any of the accepted spellings.
  mutating func day(_ column: String, required: Bool) -> Day? {
    let t = text(column)
    if t.isEmpty {
      if required { fail(column, .required) }
      return nil
    }
    guard let d = Day(parsing: t) else { fail(column, .badDate); return nil }
    // A workbook cannot show a day before 1900 (Excel's first date); no campaign has one.
    guard d >= Limits.firstDay else { fail(column, .dateTooEarly); return nil }
    return d
  }

  /// Hours ≥ 0 with at most two decimals; empty is 0.
  mutating func hours(_ column: String) -> Hours {
    let t = text(column)
    if t.isEmpty { return .zero }
    guard let h = Hours(parsing: t) else { fail(column, .badHours); return .zero }
    guard h <= Limits.hours else { fail(column, .tooLarge(maximum: Limits.hours.description)); return .zero }
    return h
  }

  /// A whole number ≥ 0 (a trailing `.0`, as Excel writes, is accepted); empty is `empty`.
  mutating func wholeNumber(
    _ column: String, empty: Int, problem: DataIssue.Problem = .badWholeNumber, minimum: Int = 0, maximum: Int = Limits.wholeNumber
  ) -> Int {
    let t = text(column)
    if t.isEmpty { return empty }
    var digits = Substring(t).utf8[...]
    if digits.count > 2 && digits.suffix(2).elementsEqual(".0".utf8) { digits = digits.dropLast(2) }
    var v = 0
    guard (1...12).contains(digits.count), digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else {
      fail(column, problem)
      return empty
    }
    for b in digits { v = v * 10 + Int(b - 0x30) }
    guard v >= minimum else {
      fail(column, problem)
      return empty
    }
    guard v <= maximum else {
      fail(column, .tooLarge(maximum: String(maximum)))
      return empty
    }
    return v
  }

  /// A value from a fixed list; empty gives nil without a problem unless required.
  mutating func choice<T>(_ column: String, required: Bool = false, allowed: @autoclosure () -> String, _ parse: (String) -> T?) -> T? {
    let t = text(column)
    if t.isEmpty {
      if required { fail(column, .required) }
      return nil
    }
    guard let v = parse(t) else { fail(column, .badChoice(allowed: allowed())); return nil }
    return v
  }

  /// An organization named by id or exact name.
  mutating func organization(_ column: String, in index: OrganizationIndex) -> String? {
    guard let t = required(column) else { return nil }
    switch index.resolve(t) {
    case .found(let id): return id
    case .unknown: fail(column, .unknownUnit); return nil
    case .ambiguous(let ids): fail(column, .ambiguousUnit(ids: ids)); return nil
    }
  }

  /// An optional id: not starting with `#` (reserved for content keys), unique in the file.
  mutating func optionalId(_ column: String, seen ids: IdTracker) throws -> String? {
    guard let id = optionalText(column) else { return nil }
    if id.hasPrefix("#") { fail(column, .idReserved) }
    if let first = try ids.see(id, line: line) { fail(column, .duplicateId(firstLine: first)) }
    return id
  }

  /// Excel's limit of characters in a cell: longer text could never reach a workbook.
  static let maxCellCharacters = 32_767

  /// The first invisible control character of a cell (C0 but tab and line breaks, DEL, C1): it
  /// would show as `_x0007_` in a workbook and vanish or garble a briefing.
  static func firstControlCharacter(_ text: some Sequence<UInt8>) -> UInt32? {
    var previous: UInt8 = 0
    for b in text {
      if (b < 0x20 && b != 0x09 && b != 0x0A && b != 0x0D) || b == 0x7F { return UInt32(b) }
      if previous == 0xC2 && (0x80...0x9F).contains(b) { return UInt32(b) }  // U+0080–U+009F
      previous = b
    }
    return nil
  }

  /// Checks that no cells lie beyond the header, that none is longer than Excel allows, and that
  /// no workbook cell holds a failed formula.
  mutating func checkWidth() {
    // A record whose bytes, all cells in a row, hold no control character (the workbook's error
    // marker starts with one; read across cells, the check can find more, never less) and fit
    // one cell needs no look at each cell.
    if record.bytes.count > Self.maxCellCharacters || Self.firstControlCharacter(record.bytes) != nil {
      checkCells()
    }
    guard record.count > map.headers.count else { return }
    if record.droppedText || (map.headers.count..<record.count).contains(where: { !record.trimmedField($0).isEmpty }) {
      issues.append(
        DataIssue(
          file: file, line: line, column: map.headers.count + 1, header: nil, value: "", problem: .tooManyCells(expected: map.headers.count)
        ))
    }
  }

  /// Failed formulas, cells longer than Excel allows and control characters, cell by cell.
  private mutating func checkCells() {
    let fields = record.fields
    for (i, field) in fields.enumerated() where field.hasPrefix(XlsxSheet.errorMarker) {
      issues.append(
        DataIssue(
          file: file, line: line, column: i + 1, header: i < map.headers.count ? map.headers[i] : nil,
          value: String(field.dropFirst(XlsxSheet.errorMarker.count)), problem: .formulaError))
    }
    // libxlsxwriter counts code points (Excel UTF-16 units); either over the limit fails a report.
    for (i, field) in fields.enumerated()
    where field.utf8.count > Self.maxCellCharacters
      && (field.unicodeScalars.count > Self.maxCellCharacters || field.utf16.count > Self.maxCellCharacters)
    {
      issues.append(
        DataIssue(
          file: file, line: line, column: i + 1, header: i < map.headers.count ? map.headers[i] : nil,
          value: String(field.prefix(20)) + "…",
          problem: .tooLong(limit: Self.maxCellCharacters)))
    }
    for (i, field) in fields.enumerated() where !field.hasPrefix(XlsxSheet.errorMarker) {
      if let control = Self.firstControlCharacter(field.utf8) {
        issues.append(
          DataIssue(
            file: file, line: line, column: i + 1, header: i < map.headers.count ? map.headers[i] : nil, value: "",
            problem: .controlCharacter(codePoint: control)))
      }
    }
  }
}

/// Finds organizations by id or by exact name.
struct OrganizationIndex {
  enum Resolution { case found(String), unknown, ambiguous([String]) }
  var ids: Set<String> = []
  var byName: [String: [String]] = [:]

  func resolve(_ text: String) -> Resolution {
    if ids.contains(text) { return .found(text) }
    guard let matches = byName[text] else { return .unknown }
    return matches.count == 1 ? .found(matches[0]) : .ambiguous(matches.sorted())
  }
}
