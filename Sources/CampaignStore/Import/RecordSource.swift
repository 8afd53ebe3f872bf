import Foundation

/// Rows to import: a CSV file, or one sheet of a workbook.
protocol RecordSource {
  /// The name problems are reported under: the file, or `file[sheet]`.
  var name: String { get }
  var format: SourceFormat { get }
  /// Whether problems name columns by letter (a workbook) or number (a CSV file).
  var columnLetters: Bool { get }
  /// Calls `body` for each record in order, the header included.
  func forEachRecord(_ body: (CSVRecord) throws -> Void) throws
}

extension CSVReader: RecordSource {
  var name: String { file }
  var columnLetters: Bool { false }
}
