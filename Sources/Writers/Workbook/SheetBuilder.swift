import CampaignModel

/// Writes a sheet row by row (the order constant-memory mode requires) and sizes the columns
/// from what was written: East-Asian characters count two, widths are capped so long text
/// wraps instead of making a huge column.
final class SheetBuilder {
  let sheet: Worksheet
  /// The row being written (0-based).
  private(set) var row = -1
  private var widths: [Int: Double] = [:]
  private let maxWidth: [Int: Double]
  private let minWidth: Double

  init(_ sheet: Worksheet, maxWidth: [Int: Double] = [:], minWidth: Double = 6) {
    self.sheet = sheet
    self.maxWidth = maxWidth
    self.minWidth = minWidth
  }

  var name: String { sheet.name }

  /// Starts the next row, with a height in points when given.
  @discardableResult
  func nextRow(height: Double? = nil) throws(XlsxError) -> Int {
    row += 1
    if let height { try sheet.setRow(row, height: height) }
    return row
  }

  /// Writes a cell of the current row and records its width.
  func put(_ col: Int, _ value: CellValue, _ style: CellStyle, measure: Bool = true) throws(XlsxError) {
    try sheet.write(row, col, value, style)
    if measure { note(col, width: SheetBuilder.displayWidth(value, style)) }
  }

  /// Writes a row of header cells from column 0.
  func header(_ labels: [String], style: CellStyle = ReportStyles.header) throws(XlsxError) {
    for (i, l) in labels.enumerated() { try put(i, .text(l), style) }
  }

  /// Merges columns of the current row and writes text into them (not measured).
  func merged(_ columns: ClosedRange<Int>, _ text: String, _ style: CellStyle) throws(XlsxError) {
    try sheet.merge(row: row, columns: columns, text, style)
  }

  /// Records a width wish for a column.
  func note(_ col: Int, width: Double) {
    widths[col] = max(widths[col] ?? 0, width)
  }

  /// Sets every measured column's width.
  func finish() throws(XlsxError) {
    for (col, w) in widths {
      let capped = min(max(w + 2, minWidth), maxWidth[col] ?? 40)
      try sheet.setColumn(col, width: capped)
    }
  }

  /// The width a value needs in Excel's character units.
  static func displayWidth(_ value: CellValue, _ style: CellStyle) -> Double {
    let scale = style.size / 10.5 * (style.bold ? 1.1 : 1)
    switch value {
    case .text(let s), .textFormula(_, let s): return Double(longestLine(s)) * scale
    case .integer(let i): return Double(String(i).count + 1) * scale
    case .number, .formula: return 8 * scale
    case .date: return 11 * scale
    case .blank: return 0
    }
  }

  private static func longestLine(_ s: String) -> Int {
    s.split(separator: "\n").map { TextWidth.of(String($0)) }.max() ?? 0
  }
}
