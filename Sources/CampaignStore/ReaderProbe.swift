import CampaignModel
import Foundation

/// Entry points for robustness testing: the fuzz targets of `Fuzz/` call these with arbitrary
/// bytes. Each reads the bytes as an import would, without a store, and checks the readers'
/// own promises with preconditions (a failed one is a finding). The program never calls them.
public enum ReaderProbe {
  /// Reads bytes as a CSV file and parses every cell as the contract's values; checks that the
  /// byte-level trim equals the text trim, and that reading in small chunks (4 to 10 bytes, by
  /// the first byte) gives the same records.
  public static func csv(_ bytes: Data) {
    guard let reader = try? CSVReader(text: bytes, file: "fuzz.csv") else { return }
    var records = 0
    var whole: [String] = []
    do {
      try reader.forEachRecord { record in
        records += 1
        whole.append(describe(record))
        for field in record.fields {
          _ = Day(parsing: field)
          _ = Hours(parsing: field)
          _ = parseYesNo(field)
          _ = field.trimmingWhitespace()
        }
        _ = record.isTotalRow
        for i in 0..<record.count { precondition(record.trimmedField(i) == String(record.field(i).trimmingWhitespace())) }
        if records > 100_000 { throw CancellationError() }
      }
    } catch {
      whole.append("error \(error)")
    }
    guard records <= 100_000, let first = bytes.first,
      let chunked = try? CSVReader(text: bytes, file: "fuzz.csv", chunkSize: 4 + Int(first % 7))
    else { return }
    var pieces: [String] = []
    do {
      try chunked.forEachRecord { pieces.append(describe($0)) }
    } catch {
      pieces.append("error \(error)")
    }
    precondition(pieces == whole, "chunked reading differs")
  }

  /// Reads a workbook file as an import does (the binding sheet, then every visible sheet's
  /// records, parsing the cells as the contract's values).
  public static func workbook(path: String) {
    guard let reader = try? XlsxReader(path: path) else { return }
    read(reader)
  }

  /// Reads a workbook given as its parts (`xl/workbook.xml` …), held in memory.
  public static func workbook(parts: [String: Data]) {
    read(XlsxReader(parts: parts, name: "fuzz.xlsx"))
  }

  private static func read(_ reader: XlsxReader) {
    _ = try? reader.binding()
    guard let sheets = try? reader.sheets() else { return }
    for sheet in sheets {
      var records = 0
      try? sheet.forEachRecord { record in
        records += 1
        for field in record.fields {
          _ = Day(parsing: field)
          _ = Hours(parsing: field)
        }
        if records > 100_000 { throw CancellationError() }
      }
    }
  }

  /// Checks a part as it would stream in, whole and in chunks of every size the first byte
  /// picks, and requires both verdicts to agree with the whole-part check.
  public static func partCheck(_ bytes: Data) {
    guard let first = bytes.first else { return }
    let size = 1 + Int(first % 64)
    let whole = XlsxReader.unsupportedMarkup(bytes) == nil && !bytes.contains(0)
    var checker = PartChecker()
    var problem: String?
    var i = bytes.startIndex
    while i < bytes.endIndex, problem == nil {
      let end = min(bytes.endIndex, i + size)
      problem = checker.feed(bytes[i..<end])
      i = end
    }
    if problem == nil { problem = checker.finish() }
    let utf8 = EncodingDetector.firstInvalidUTF8(bytes) == nil
    precondition((problem == nil) == (whole && utf8), "the streaming check differs from the whole-part check")
  }

  private static func describe(_ record: CSVRecord) -> String {
    "\(record.line) \(record.droppedText) \(record.fields)"
  }
}
