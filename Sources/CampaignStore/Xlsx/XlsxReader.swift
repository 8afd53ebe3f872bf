import CampaignModel
import Foundation

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// Reads .xlsx workbooks for import: the visible sheets, each as rows of text cells the way the
/// CSV reader gives them (shared and inline strings, numbers, booleans, dates from serial
/// numbers in either date system, cached values of formulas), numbered as Excel shows them.
struct XlsxReader {
  /// The name problems are reported under (the file as the user named it).
  let path: String
  private let package: Package

  /// Where the parts come from: the file's zip archive, or memory (the fuzz target).
  private enum Package {
    case archive(ZipPackage)
    case memory([String: Data])
  }

  /// Whether a file is a workbook: an .xlsx name, or the zip signature.
  static func looksLikeWorkbook(_ path: String) -> Bool {
    let ext = (path as NSString).pathExtension.lowercased()
    if ext == "xlsx" || ext == "xlsm" { return true }
    guard let h = FileHandle(forReadingAtPath: path) else { return false }
    defer { try? h.close() }
    return (try? h.read(upToCount: 4)) == Data([0x50, 0x4B, 0x03, 0x04])
  }

  /// Opens the workbook at `path`; messages name it `name` (the path by default).
  init(path: String, name: String? = nil) throws(StoreError) {
    let name = name ?? path
    guard FileManager.default.fileExists(atPath: path) else { throw .missingFile(path: name) }
    self.path = name
    package = .archive(try ZipPackage(path: path, name: name))
  }

  /// A workbook from its parts held in memory, by name (`xl/workbook.xml`): the fuzz target
  /// reaches the XML parsers this way without packing a zip for every input.
  init(parts: [String: Data], name: String) {
    path = name
    package = .memory(parts)
  }

  private func has(_ part: String) -> Bool {
    switch package {
    case .archive(let zip): zip.entries[part] != nil
    case .memory(let parts): parts[part] != nil
    }
  }

  /// The visible sheets in workbook order.
  func sheets() throws(StoreError) -> [XlsxSheet] {
    let workbook = try parse("xl/workbook.xml", required: true, WorkbookParser())
    let rels = try parse("xl/_rels/workbook.xml.rels", required: true, RelationshipsParser())
    let shared = try parse("xl/sharedStrings.xml", required: false, SharedStringsParser()).strings
    let styles = try parse("xl/styles.xml", required: false, StylesParser())
    return try workbook.sheets.filter { $0.visible }.map { sheet throws(StoreError) in
      guard let target = rels.targets[sheet.relationship] else {
        throw StoreError.badWorkbook(file: path, reason: "sheet \(sheet.name) has no part")
      }
      let part = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
      guard has(part) else { throw StoreError.badWorkbook(file: path, reason: "\(part) is missing") }
      return XlsxSheet(
        name: "\(path)[\(sheet.name)]", reader: self, part: part, shared: shared, dateStyles: styles.dateStyles,
        date1904: workbook.date1904)
    }
  }

  /// The submission scope a collection workbook is bound to: the rows `unit` and `month` of its
  /// binding sheet (hidden or not). Nil when the workbook has no such sheet.
  func binding() throws(StoreError) -> SubmissionScope? {
    let workbook = try parse("xl/workbook.xml", required: true, WorkbookParser())
    guard let sheet = workbook.sheets.first(where: { $0.name == SubmissionScope.bindingSheet }) else { return nil }
    let rels = try parse("xl/_rels/workbook.xml.rels", required: true, RelationshipsParser())
    guard let target = rels.targets[sheet.relationship] else { return nil }
    let part = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
    let shared = try parse("xl/sharedStrings.xml", required: false, SharedStringsParser()).strings
    let source = XlsxSheet(
      name: "\(path)[\(sheet.name)]", reader: self, part: part, shared: shared, dateStyles: [], date1904: workbook.date1904)
    var values: [String: String] = [:]
    do {
      try source.forEachRecord { rec in
        guard rec.count >= 2 else { return }
        values[rec.trimmedField(0)] = rec.trimmedField(1)
      }
    } catch let e as StoreError {
      throw e
    } catch {
      throw .badWorkbook(file: path, reason: "the sheet \(SubmissionScope.bindingSheet) cannot be read")
    }
    guard let unit = values["unit"], !unit.isEmpty, let monthText = values["month"], let month = Month(parsing: monthText) else {
      throw .badWorkbook(
        file: path,
        reason:
          "its sheet \(SubmissionScope.bindingSheet) does not name a unit and a month; write a new template with report template --unit ID --month YYYY-MM"
      )
    }
    return SubmissionScope(unit: unit, month: month)
  }

  /// The unpacked bytes of a part of the package.
  func data(_ part: String, required: Bool) throws(StoreError) -> Data? {
    let out: Data
    switch package {
    case .archive(let zip):
      guard zip.entries[part] != nil else {
        if required { throw .badWorkbook(file: path, reason: "\(part) is missing") }
        return nil
      }
      out = try zip.contents(of: part, limit: Self.maximumPartSize)
    case .memory(let parts):
      guard let bytes = parts[part] else {
        if required { throw .badWorkbook(file: path, reason: "\(part) is missing") }
        return nil
      }
      out = bytes
    }
    // Foundation's XMLParser traps on names that are not UTF-8 (it force-unwraps them), and a
    // NUL byte is never XML: refuse such a part before parsing it.
    if EncodingDetector.firstInvalidUTF8(out) != nil || out.contains(0) {
      throw .badWorkbook(file: path, reason: "\(part) is not UTF-8 text; open the file in Excel or WPS and save it again as .xlsx")
    }
    // It also crashes on a processing instruction without data (`<?x?>`: it takes libxml2's NULL
    // for a string), and its DTD callbacks do the same with absent values. Spreadsheet programs
    // write neither (only the XML declaration), so such parts are refused before parsing; with
    // no DTD there are no entities either (no external ones, no expansion bombs).
    if let markup = Self.unsupportedMarkup(out) {
      throw .badWorkbook(
        file: path,
        reason: "\(part) holds \(markup), which spreadsheet programs do not write; open the file in Excel or WPS and save it again as .xlsx"
      )
    }
    return out
  }

  /// What a part holds that spreadsheet programs never write: a processing instruction (`<?`
  /// anywhere but the XML declaration at the start) or a DTD declaration (`<!` that opens
  /// neither a comment nor CDATA). Nil when it holds neither.
  static func unsupportedMarkup(_ xml: Data) -> String? {
    let instruction = "an XML processing instruction", dtd = "a DTD (<!DOCTYPE, <!ENTITY …)"
    return xml.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> String? in
      let p = raw.bindMemory(to: UInt8.self)
      var i = 0
      if p.starts(with: [0xEF, 0xBB, 0xBF]) { i = 3 }
      while i < p.count, p[i] == 0x20 || p[i] == 0x09 || p[i] == 0x0A || p[i] == 0x0D { i += 1 }
      if p[i...].starts(with: Array("<?xml".utf8)), i + 5 < p.count, [0x20, 0x09, 0x0A, 0x0D].contains(p[i + 5]) {
        // Skip the declaration: to its first `>`, which must close it as `?>` with no `<` before
        // (its quoted values hold neither); anything else is refused, not guessed at.
        i += 5
        let start = i
        while i < p.count, p[i] != 0x3E {
          // A declaration is a line; one that runs on is refused (as the streaming check does).
          if p[i] == 0x3C || i - start >= PartChecker.declarationLimit { return instruction }
          i += 1
        }
        if i >= p.count || p[i - 1] != 0x3F { return instruction }
        i += 1
      }
      let comment = Array("!--".utf8), cdata = Array("![CDATA[".utf8)
      while i + 1 < p.count {
        if p[i] == 0x3C {
          if p[i + 1] == 0x3F { return instruction }
          if p[i + 1] == 0x21 && !p[(i + 1)...].starts(with: comment) && !p[(i + 1)...].starts(with: cdata) { return dtd }
        }
        i += 1
      }
      return nil
    }
  }

  /// The largest part (unpacked) a workbook may hold: a sheet of Excel's full 1,048,576 rows of
  /// contract columns stays well under it.
  static let maximumPartSize = 768 << 20

  private func parse<P: XMLPartParser>(_ part: String, required: Bool, _ parser: P) throws(StoreError) -> P {
    guard let ok = try parsePart(part, required: required, with: parser) else { return parser }
    guard ok else { throw .badWorkbook(file: path, reason: "\(part) is not well-formed XML") }
    return parser
  }

  /// Parts up to this size (unpacked, as the archive declares it) are parsed from memory.
  static let inMemoryPartSize = 4 << 20

  /// Parses a part with a delegate; nil when an optional part is absent, false when the XML is
  /// not well-formed or the delegate stopped it. Small parts are unpacked into memory; larger
  /// ones stream through a temporary file (readable by the owner only, removed at once), so a
  /// sheet of Excel's million rows takes bounded memory, and XMLParser reads them in chunks
  /// (given a whole part over 10,000,000 bytes at once, its libxml2 refuses it). Both ways the
  /// part is checked for what XMLParser cannot take, before parsing.
  func parsePart(_ part: String, required: Bool, with delegate: any XMLParserDelegate) throws(StoreError) -> Bool? {
    guard case .archive(let zip) = package, let entry = zip.entries[part], entry.uncompressedSize > Self.inMemoryPartSize else {
      guard let bytes = try data(part, required: required) else { return nil }
      return StoppingAfterError.parse(bytes, with: delegate)
    }
    _ = entry
    let temp = FileManager.default.temporaryDirectory.appendingPathComponent("report-part-\(UUID().uuidString).xml").path
    let fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
    guard fd >= 0 else { throw .unreadableFile(path: path, reason: "cannot create a temporary file: \(String(cString: strerror(errno)))") }
    defer { unlink(temp) }
    let handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
    var checker = PartChecker()
    let refuse = { (problem: String) in
      StoreError.badWorkbook(
        file: path,
        reason: "\(part) \(problem), which spreadsheet programs do not write; open the file in Excel or WPS and save it again as .xlsx")
    }
    do {
      try zip.stream(of: part, limit: Self.maximumPartSize) { chunk in
        if let problem = checker.feed(chunk) { throw refuse(problem) }
        try handle.write(contentsOf: chunk)
      }
      if let problem = checker.finish() { throw refuse(problem) }
      try handle.close()
    } catch let e as StoreError {
      throw e
    } catch {
      throw .unreadableFile(path: temp, reason: "cannot write a temporary file: \(error.localizedDescription)")
    }
    guard let stream = InputStream(fileAtPath: temp) else { throw .unreadableFile(path: temp, reason: "cannot read a temporary file") }
    return StoppingAfterError.parse(stream, with: delegate)
  }
}

/// One sheet of a workbook, as a source of records. Its XML is unpacked when it is read, so
/// looking at every sheet's header costs only the first rows' parsing.
struct XlsxSheet: RecordSource {
  let name: String
  let reader: XlsxReader
  let part: String
  let shared: [String]
  let dateStyles: Set<Int>
  let date1904: Bool

  var format: SourceFormat { .xlsx }

  /// Starts the text of an error cell (`#DIV/0!`), so the importer can name it as a problem.
  static let errorMarker = "\u{0}error:"
  var columnLetters: Bool { true }

  func forEachRecord(_ body: (CSVRecord) throws -> Void) throws {
    try withoutActuallyEscaping(body) { body in
      let parser = SheetParser(sheet: self, body: body)
      let ok = try reader.parsePart(part, required: true, with: parser) ?? false
      // Foundation keeps the parser (and so its delegate) alive after some malformed XML;
      // dropping the closure here keeps it from escaping, which would trap.
      parser.body = nil
      if let error = parser.error { throw error }
      if !ok { throw StoreError.badWorkbook(file: name, reason: "the sheet is not well-formed XML") }
    }
  }

  /// The text of a numeric cell: a date (ISO) when its style is a date format, else the number
  /// without a trailing `.0`.
  func numberText(_ raw: String, style: Int) -> String {
    // Only a plain decimal is a number (as spreadsheets write them): Swift's Double() would also
    // read hex (0x10), "nan" and "inf", which the CSV reader refuses; such text stays text.
    guard Self.isDecimalNumber(raw), let value = Double(raw), value.isFinite else { return raw }
    if dateStyles.contains(style) { return Self.day(fromSerial: value, date1904: date1904)?.iso ?? raw }
    if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
    return "\(value)"
  }

  /// Whether text is a decimal number as the file format writes one: an optional sign, digits
  /// with an optional fraction, and an optional exponent (`-1.5`, `2E-3`).
  static func isDecimalNumber(_ text: String) -> Bool {
    var u = Substring(text).utf8[...]
    func digits() -> Int {
      var n = 0
      while let b = u.first, b >= 0x30 && b <= 0x39 { u = u.dropFirst(); n += 1 }
      return n
    }
    if let b = u.first, b == 0x2B || b == 0x2D { u = u.dropFirst() }
    var mantissa = digits()
    if u.first == 0x2E {
      u = u.dropFirst()
      mantissa += digits()
    }
    guard mantissa > 0 else { return false }
    if let b = u.first, b == 0x45 || b == 0x65 {
      u = u.dropFirst()
      if let s = u.first, s == 0x2B || s == 0x2D { u = u.dropFirst() }
      guard digits() > 0 else { return false }
    }
    return u.isEmpty
  }

  /// The 1-based column of a reference such as `AB12`.
  /// Nil past Excel's last column (XFD, 16,384).
  static func column(of reference: String) -> Int? {
    var n = 0
    for ch in reference {
      guard let a = ch.asciiValue, ch.isLetter else { break }
      n = n * 26 + Int(a & 0xDF) - 64
      if n > maximumColumn { return nil }
    }
    return n > 0 ? n : nil
  }

  /// Excel's last column, XFD.
  static let maximumColumn = 16_384
  /// Excel's last row.
  static let maximumRow = 1_048_576

  /// The day of an Excel serial number (its time of day dropped). In the 1900 system Excel
  /// counts a 29 February 1900 that never was: serial 60.
  static func day(fromSerial serial: Double, date1904: Bool) -> Day? {
    // Checked as a Double first: a huge serial (1e300) does not fit an Int.
    guard serial.isFinite, serial >= 0, serial < 3_000_000 else { return nil }
    let whole = Int(serial.rounded(.down))
    if date1904 { return Day(year: 1904, month: 1, day: 1)!.adding(days: whole) }
    if whole == 0 || whole == 60 { return nil }
    return Day(year: 1899, month: 12, day: whole < 60 ? 31 : 30)!.adding(days: whole)
  }
}

/// A parser of one XML part of the package.
protocol XMLPartParser: XMLParserDelegate {}

/// Forwards a part's callbacks to its parser until libxml2 reports an error, and stops the parse
/// at the next callback. Without this, errors that libxml2 lets the parse go on after (an
/// undeclared namespace prefix on every element) are each reported, and Foundation leaks every
/// report (about 150 bytes): a hostile part of a few hundred megabytes could take gigabytes
/// (found by fuzzing). Stopping inside the error callback itself crashes libxml2 (an unknown
/// encoding, also found by fuzzing), so the stop waits for the next callback. Excel, WPS,
/// LibreOffice and openpyxl write parts without any error.
final class StoppingAfterError: NSObject, XMLParserDelegate {
  private let inner: any XMLParserDelegate
  private var failed = false

  init(_ inner: any XMLParserDelegate) { self.inner = inner }

  /// Parses `data` with `delegate`; false when the XML is not well-formed or a callback stopped it.
  static func parse(_ data: Data, with delegate: any XMLParserDelegate) -> Bool {
    parse(XMLParser(data: data), with: delegate)
  }

  /// Parses a stream with `delegate`, reading it in chunks.
  static func parse(_ stream: InputStream, with delegate: any XMLParserDelegate) -> Bool {
    parse(XMLParser(stream: stream), with: delegate)
  }

  private static func parse(_ xml: XMLParser, with delegate: any XMLParserDelegate) -> Bool {
    let guarded = StoppingAfterError(delegate)
    xml.delegate = guarded  // weak: `guarded` lives until the parse returns
    return withExtendedLifetime(guarded) { xml.parse() && !guarded.failed }
  }

  func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) { failed = true }

  private func stopped(_ parser: XMLParser) -> Bool {
    if failed { parser.abortParsing() }
    return failed
  }

  func parser(
    _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String]
  ) {
    if !stopped(parser) {
      inner.parser(parser, didStartElement: name, namespaceURI: namespaceURI, qualifiedName: qualifiedName, attributes: attributes)
    }
  }

  func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
    if !stopped(parser) { inner.parser(parser, didEndElement: name, namespaceURI: namespaceURI, qualifiedName: qualifiedName) }
  }

  func parser(_ parser: XMLParser, foundCharacters string: String) {
    if !stopped(parser) { inner.parser(parser, foundCharacters: string) }
  }
}

private final class WorkbookParser: NSObject, XMLPartParser {
  struct Sheet { var name: String; var relationship: String; var visible: Bool }
  var sheets: [Sheet] = []
  var date1904 = false

  func parser(
    _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String]
  ) {
    switch local(name) {
    case "workbookPr":
      let v = attributes["date1904"]?.lowercased()
      date1904 = v == "1" || v == "true"
    case "sheet":
      let rel = attributes.first { $0.key == "r:id" || $0.key.hasSuffix(":id") }?.value ?? ""
      let state = attributes["state"] ?? "visible"
      sheets.append(Sheet(name: attributes["name"] ?? "", relationship: rel, visible: state == "visible"))
    default: break
    }
  }
}

private final class RelationshipsParser: NSObject, XMLPartParser {
  var targets: [String: String] = [:]

  func parser(
    _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String]
  ) {
    if local(name) == "Relationship", let id = attributes["Id"], let target = attributes["Target"] { targets[id] = target }
  }
}

private final class SharedStringsParser: NSObject, XMLPartParser {
  var strings: [String] = []
  private var current = ""
  private var inText = false
  private var phonetic = 0

  func parser(
    _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String]
  ) {
    switch local(name) {
    case "si": current = ""
    case "rPh": phonetic += 1
    case "t": inText = phonetic == 0
    default: break
    }
  }

  func parser(_ parser: XMLParser, foundCharacters string: String) { if inText { current += string } }

  func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
    switch local(name) {
    case "si": strings.append(unescapeXlsx(current))
    case "rPh": phonetic -= 1
    case "t": inText = false
    default: break
    }
  }
}

private final class StylesParser: NSObject, XMLPartParser {
  /// Indexes of cell formats that show dates.
  var dateStyles: Set<Int> = []
  private var customDates: Set<Int> = []
  private var inCellXfs = false
  private var xfIndex = 0

  static let builtInDates: Set<Int> = Set(14...22).union(27...36).union(45...47).union(50...58)

  func parser(
    _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String]
  ) {
    switch local(name) {
    case "numFmt":
      if let id = attributes["numFmtId"].flatMap(Int.init), let code = attributes["formatCode"], Self.isDateFormat(code) {
        customDates.insert(id)
      }
    case "cellXfs": inCellXfs = true
    case "xf" where inCellXfs:
      let id = attributes["numFmtId"].flatMap(Int.init) ?? 0
      if Self.builtInDates.contains(id) || customDates.contains(id) { dateStyles.insert(xfIndex) }
      xfIndex += 1
    default: break
    }
  }

  func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
    if local(name) == "cellXfs" { inCellXfs = false }
  }

  /// Whether a number format shows a date: y or d outside quotes, escapes and brackets.
  static func isDateFormat(_ code: String) -> Bool {
    var plain = ""
    var inQuote = false, inBracket = false, escaped = false
    for ch in code {
      if escaped { escaped = false; continue }
      switch ch {
      case "\\": escaped = true
      case "\"": inQuote.toggle()
      case "[" where !inQuote: inBracket = true
      case "]" where !inQuote: inBracket = false
      default: if !inQuote && !inBracket { plain.append(ch) }
      }
    }
    let p = plain.lowercased()
    return p.contains("y") || p.contains("d") || (p.contains("m") && !p.contains("h") && !p.contains("s"))
  }
}

/// Streams a sheet's rows to the importer as they end.
private final class SheetParser: NSObject, XMLParserDelegate {
  let sheet: XlsxSheet
  var body: ((CSVRecord) throws -> Void)?
  var error: (any Error)?
  private var rowNumber = 0
  private var cells: [Int: String] = [:]
  private var column = 0
  private var type = ""
  private var style = 0
  private var text = ""
  private var capture = false
  private var inInline = false
  private var value: String?

  init(sheet: XlsxSheet, body: @escaping (CSVRecord) throws -> Void) {
    self.sheet = sheet
    self.body = body
  }

  func parser(
    _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String]
  ) {
    switch local(name) {
    case "row":
      // Only named in problems; clamped so that a hostile number cannot overflow the next one.
      rowNumber = min(max(attributes["r"].flatMap(Int.init) ?? rowNumber + 1, 1), XlsxSheet.maximumRow)
      cells = [:]
      column = 0
    case "c":
      column = attributes["r"].flatMap(XlsxSheet.column(of:)) ?? column + 1
      type = attributes["t"] ?? "n"
      style = attributes["s"].flatMap(Int.init) ?? 0
      value = nil
      inInline = false
    case "v":
      text = ""
      capture = true
    case "is":
      inInline = true
      text = ""
    case "t" where inInline:
      capture = true
    default: break
    }
  }

  func parser(_ parser: XMLParser, foundCharacters string: String) { if capture { text += string } }

  func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
    switch local(name) {
    case "v":
      capture = false
      value = text
    case "t" where inInline:
      capture = false
    case "is":
      value = unescapeXlsx(text)
    case "c":
      guard let raw = value, column >= 1 else { return }
      if type == "s" && !(Int(raw).map { $0 >= 0 && $0 < sheet.shared.count } ?? false) {
        error = StoreError.badWorkbook(
          file: sheet.name, reason: "row \(rowNumber) refers to shared text number \(raw.prefix(20)), which the workbook does not have")
        parser.abortParsing()
        return
      }
      cells[column] = cellText(raw)
    case "row":
      // Malformed XML (a row inside a cell) can leave no cell in a column of its own.
      guard let last = cells.keys.max(), last >= 1 else { return }
      let fields = (1...last).map { cells[$0] ?? "" }
      do {
        try body?(CSVRecord(line: rowNumber, fields: fields))
      } catch {
        self.error = error
        parser.abortParsing()
      }
    default: break
    }
  }

  private func cellText(_ raw: String) -> String {
    switch type {
    case "s": return sheet.shared[Int(raw)!]  // checked when the cell ended
    case "b": return raw == "1" ? "1" : "0"
    case "str": return unescapeXlsx(raw)
    case "inlineStr": return raw
    case "e": return XlsxSheet.errorMarker + raw  // the importer reports it: a formula failed
    case "d": return String(raw.prefix(10))  // an ISO date cell: 2021-07-03T00:00:00
    default: return sheet.numberText(raw, style: style)
    }
  }
}

/// Text with OOXML's `_xHHHH_` escapes decoded (Excel writes a carriage return as `_x000D_`);
/// `_x005F_` escapes a literal underscore.
func unescapeXlsx(_ text: String) -> String {
  guard text.contains("_x") else { return text }
  var out = ""
  var rest = Substring(text)
  while let r = rest.range(of: "_x") {
    out += rest[..<r.lowerBound]
    let hex = rest[r.upperBound...].prefix(5)
    if hex.count == 5, hex.last == "_", hex.prefix(4).allSatisfy(\.isHexDigit), let v = UInt32(hex.prefix(4), radix: 16),
      let scalar = Unicode.Scalar(v)
    {
      out.unicodeScalars.append(scalar)
      rest = rest[rest.index(r.upperBound, offsetBy: 5)...]
    } else {
      out += "_x"
      rest = rest[r.upperBound...]
    }
  }
  return out + rest
}

/// An element's name without its namespace prefix.
private func local(_ name: String) -> String {
  name.firstIndex(of: ":").map { String(name[name.index(after: $0)...]) } ?? name
}
