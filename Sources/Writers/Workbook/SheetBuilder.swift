import CampaignModel

/// Writes a sheet row by row (the order constant-memory mode requires) and sizes the columns
/// from what was written: East-Asian characters count two, widths are capped so long text
/// wraps instead of making a huge column.
final class SheetBuilder {
  let sheet: Worksheet
  /// The row being written (0-based).
  private(set) var row = -1
  private var widths: [Int: Double] = [:]
  private let fixed: [Int: Double]
  private let maxWidth: [Int: Double]
  private let minWidth: Double
  /// The current row's explicit height and the lines its wrapped cells need.
  private var rowHeight: Double?
  private var rowLines = 1

  /// - Parameters:
  ///   - fixed: columns with a set width; wrapped text in them makes its row taller.
  ///   - maxWidth: caps for measured columns (default 40).
  init(_ sheet: Worksheet, fixed: [Int: Double] = [:], maxWidth: [Int: Double] = [:], minWidth: Double = 6) {
    self.sheet = sheet
    self.fixed = fixed
    self.maxWidth = maxWidth
    self.minWidth = minWidth
  }

  var name: String { sheet.name }

  /// Starts the next row, with a height in points when given.
  @discardableResult
  func nextRow(height: Double? = nil) throws(WriterError) -> Int {
    try closeRow()
    row += 1
    rowHeight = height
    rowLines = 1
    if let height { try sheet.setRow(row, height: height) }
    return row
  }

  /// Gives the current row room for its wrapped lines (constant-memory mode can size a row
  /// only while it is current).
  private func closeRow() throws(WriterError) {
    guard row >= 0, rowLines > 1 else { return }
    let needed = Double(rowLines) * 14 + 2
    if needed > (rowHeight ?? 15) { try sheet.setRow(row, height: needed) }
  }

  /// Writes a cell of the current row and records its width.
  func put(_ col: Int, _ value: CellValue, _ style: CellStyle, measure: Bool = true) throws(WriterError) {
    try sheet.write(row, col, value, style)
    if let width = fixed[col] {
      if style.wrap, case .text(let text) = value {
        let perLine = max(width - 1.5, 1)
        let lines = TextWidth.lineWidths(text).reduce(0) { sum, cells in
          sum + max(1, Int((Double(cells) * style.size / 10.5 / perLine).rounded(.up)))
        }
        rowLines = max(rowLines, lines)
      }
    } else if measure {
      note(col, width: SheetBuilder.displayWidth(value, style))
    }
  }

  /// Writes a row of header cells from column 0.
  func header(_ labels: [String], style: CellStyle = ReportStyles.header) throws(WriterError) {
    for (i, l) in labels.enumerated() { try put(i, .text(l), style) }
  }

  /// Merges columns of the current row and writes text into them (not measured).
  func merged(_ columns: ClosedRange<Int>, _ text: String, _ style: CellStyle) throws(WriterError) {
    try sheet.merge(row: row, columns: columns, text, style)
  }

  /// Ends a table that starts with its header on `headerRow`: a filter over it, or a line saying
  /// it is empty.
  func endTable(headerRow: Int, lastColumn: Int, isEmpty: Bool, emptyText: String) throws(WriterError) {
    if isEmpty {
      try nextRow(height: 18)
      try merged(0...lastColumn, emptyText, ReportStyles.centered)
    } else {
      try sheet.autofilter(firstRow: headerRow, firstCol: 0, lastRow: row, lastCol: lastColumn)
    }
  }

  /// Records a width wish for a column.
  func note(_ col: Int, width: Double) {
    widths[col] = max(widths[col] ?? 0, width)
  }

  /// Sets every column's width.
  func finish() throws(WriterError) {
    try closeRow()
    for (col, w) in fixed { try sheet.setColumn(col, width: w) }
    for (col, w) in widths where fixed[col] == nil {
      let capped = min(max(w + 2, minWidth), maxWidth[col] ?? 40)
      try sheet.setColumn(col, width: capped)
    }
  }

  /// The width a value needs in Excel's character units.
  static func displayWidth(_ value: CellValue, _ style: CellStyle) -> Double {
    let scale = style.size / 10.5 * (style.bold ? 1.1 : 1)
    switch value {
    case .text(let s), .textFormula(_, let s): return Double(TextWidth.ofLongestLine(s)) * scale
    case .integer(let i): return Double(String(i).utf8.count + 1) * scale
    case .number, .formula: return 8 * scale
    case .date: return 11 * scale
    case .blank: return 0
    }
  }
}
