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
  /// Every row's height in points as it will print, for estimating the pages.
  private var heights: [Float] = []
  /// Points below the last row taken by a chart.
  private var reserved = 0.0
  /// The widths set by `finish`, by column.
  private var finalWidths: [Int: Double] = [:]

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
    heights.append(Float(height ?? SheetBuilder.defaultRowHeight))
    if let height { try sheet.setRow(row, height: height) }
    return row
  }

  /// Excel's row height when none is set, in points.
  static let defaultRowHeight = 15.0

  /// Keeps `points` below the last row for a chart, in the page estimate.
  func reserve(points: Double) { reserved += points }

  /// Gives the current row room for its wrapped lines (constant-memory mode can size a row
  /// only while it is current).
  private func closeRow() throws(WriterError) {
    guard row >= 0, rowLines > 1 else { return }
    let needed = Double(rowLines) * 14 + 2
    if needed > (rowHeight ?? 15) {
      try sheet.setRow(row, height: needed)
      heights[row] = Float(needed)
    }
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

  /// Writes a row of header cells from column 0. In a column of set width, a header too wide for
  /// one line breaks at a sensible place (状态|（截至月末）, 计划完成|日期), not wherever the
  /// spreadsheet would wrap it, and its row grows to fit.
  func header(_ labels: [String], style: CellStyle = ReportStyles.header) throws(WriterError) {
    for (i, l) in labels.enumerated() {
      let text = fixed[i].map { TextWidth.breakingLines(l, width: SheetBuilder.cellsPerLine($0, style)) } ?? l
      try put(i, .text(text), style)
    }
  }

  /// How many cells of text fit on one line of a column `width` wide in `style`.
  static func cellsPerLine(_ width: Double, _ style: CellStyle) -> Int {
    max(2, Int((max(width - 1.5, 1) / (style.size / 10.5)).rounded(.down)))
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
    for (col, w) in fixed.sorted(by: { $0.key < $1.key }) {
      try sheet.setColumn(col, width: w)
      finalWidths[col] = w
    }
    for (col, w) in widths where fixed[col] == nil {
      let capped = min(max(w + 2, minWidth), maxWidth[col] ?? 40)
      try sheet.setColumn(col, width: capped)
      finalWidths[col] = capped
    }
  }

  /// The print set-up with no page that holds only a sheet's last few rows: when the last page
  /// would be less than 40% full and the rows fit on one page fewer at a scale at most 20%
  /// smaller, the sheet is fitted to that many pages tall. Excel and LibreOffice compute the
  /// scale themselves, so an estimate a little off still gives whole pages; the margin (40%, not
  /// a few rows) covers LibreOffice laying out a page somewhat differently from Excel, whose A4
  /// layout the estimate follows (the rows' heights and the columns' widths). Call after `finish`.
  func avoidingOrphans(_ setup: PrintSetup) -> PrintSetup {
    guard !setup.onePage, setup.fitToWidth, let estimate = pageEstimate(setup) else { return setup }
    var s = setup
    let pages = estimate.pageStarts.count
    if pages > 1 && estimate.lastPageFill < 0.4 && estimate.lastPageFill / Double(pages - 1) <= 0.2 {
      s.pagesTall = pages - 1
    }
    return s
  }

  /// Where pages begin (0-based rows) and how full the last one is (0...1), or nil for an empty sheet.
  func pageEstimate(_ setup: PrintSetup) -> (pageStarts: [Int], lastPageFill: Double)? {
    guard row >= 0 else { return nil }
    // A4 in points, less the margins Worksheet.setupPrinting sets (0.5" sides, 0.6" top, 0.7" bottom).
    let (paperWidth, paperHeight) = setup.landscape ? (842.0, 595.0) : (595.0, 842.0)
    let printableWidth = paperWidth - 72, printableHeight = paperHeight - 1.3 * 72
    let lastColumn = max(finalWidths.keys.max() ?? 0, widths.keys.max() ?? 0)
    let sheetWidth = (0...lastColumn).reduce(0.0) { sum, col in
      let w = finalWidths[col] ?? 8.43
      return sum + (w * 7 + 5).rounded(.down) * 0.75
    }
    // Excel scales by a whole percentage to fit the width.
    let scale = min(100, (printableWidth / sheetWidth * 100).rounded(.down)) / 100
    let pageHeight = printableHeight / scale
    let repeated = setup.repeatRows.map { r in r.reduce(0.0) { $0 + Double(heights[$1]) } } ?? 0
    let bodyStart = (setup.repeatRows?.upperBound ?? -1) + 1
    var starts = [0]
    var used = 0.0
    for (r, h) in heights.enumerated() {
      let h = Double(h)
      if used + h > pageHeight && used > 0 {
        starts.append(r)
        used = (r >= bodyStart ? repeated : 0)
      }
      used += h
    }
    if reserved > 0 {
      if used + reserved > pageHeight {
        starts.append(row + 1)
        used = reserved
      } else {
        used += reserved
      }
    }
    return (starts, used / pageHeight)
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
