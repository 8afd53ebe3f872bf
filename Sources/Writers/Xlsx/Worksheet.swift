import CXlsxWriter
import CampaignModel
import Foundation

/// A value to write into a cell.
public enum CellValue: Sendable {
  /// Text, always stored as a string: a title starting with `=` never becomes a formula.
  case text(String)
  case number(Double)
  case integer(Int)
  /// A real Excel date (a serial number; give the style a date format).
  case date(Day)
  /// A formula with the value it computes cached in the file, for readers that do not
  /// recalculate.
  case formula(String, cached: Double)
  /// A formula whose result is text (e.g. "—" for an undefined rate), with its cached value.
  case textFormula(String, cached: String)
  case blank
}

/// Page set-up for printing.
public struct PrintSetup: Sendable {
  public var landscape = true
  /// Fit the columns on one page wide (rows flow onto as many pages as needed).
  public var fitToWidth = true
  /// Also fit everything on one page tall (for a one-page form such as the overview).
  public var onePage = false
  /// Rows (0-based, inclusive) printed at the top of every page.
  public var repeatRows: ClosedRange<Int>? = nil
  /// Fit to this many pages tall as well (with `fitToWidth`); nil: as many as needed.
  public var pagesTall: Int? = nil
  /// Footer; `&P` is the page number, `&N` the number of pages.
  public var footer = "&C第 &P 页 共 &N 页"
  public var centerHorizontally = true

  public init() {}
}

/// One sheet of a workbook.
public final class Worksheet {
  let handle: UnsafeMutablePointer<lxw_worksheet>
  unowned let workbook: Workbook
  /// The sheet's name as written (cleaned to Excel's rules).
  public let name: String
  /// The last style written in each column and its format: a detail sheet writes one style per
  /// column for a hundred thousand rows, and comparing a style is cheaper than hashing it.
  private var columnFormats: [(style: CellStyle, format: UnsafeMutablePointer<lxw_format>?)?] = []

  init(handle: UnsafeMutablePointer<lxw_worksheet>, workbook: Workbook, name: String) {
    self.handle = handle
    self.workbook = workbook
    self.name = name
  }

  /// Writes a value with a style into the cell at a 0-based row and column.
  public func write(_ row: Int, _ col: Int, _ value: CellValue, _ style: CellStyle? = nil) throws(WriterError) {
    let r = lxw_row_t(row), c = lxw_col_t(col)
    let f = format(style, col)
    let code: lxw_error
    switch value {
    case .text(let s):
      code = s.isEmpty ? worksheet_write_blank(handle, r, c, f) : worksheet_write_string(handle, r, c, Self.escapedText(s), f)
    case .number(let d):
      guard d.isFinite else { throw .notANumber(sheet: name, cell: CellAddress.cell(row, col)) }
      code = worksheet_write_number(handle, r, c, d, f)
    case .integer(let i):
      code = worksheet_write_number(handle, r, c, Double(i), f)
    case .date(let day):
      var dt = lxw_datetime(year: Int32(day.year), month: Int32(day.month), day: Int32(day.day), hour: 0, min: 0, sec: 0)
      code = worksheet_write_datetime(handle, r, c, &dt, f)
    case .formula(let formula, let cached):
      guard cached.isFinite else { throw .notANumber(sheet: name, cell: CellAddress.cell(row, col)) }
      code = worksheet_write_formula_num(handle, r, c, formula, f, cached)
    case .textFormula(let formula, let cached):
      code = worksheet_write_formula_str(handle, r, c, formula, f, Self.escapedText(cached))
    case .blank:
      code = worksheet_write_blank(handle, r, c, f)
    }
    try WriterError.check(code, "\(name)!\(CellAddress.cell(row, col))")
  }

  /// Text as a workbook stores it: a literal `_xHHHH_` in the text would be read as the escaped
  /// character U+HHHH (the file format's escape for control characters), so its underscore is
  /// written as `_x005F_`, as Excel does. libxlsxwriter escapes only the control characters.
  static func escapedText(_ text: String) -> String {
    // Most text has no underscore at all: one pass over the bytes decides.
    guard text.utf8.contains(0x5F), text.contains("_x") else { return text }
    var out = ""
    var rest = Substring(text)
    while let r = rest.range(of: "_x") {
      out += rest[..<r.lowerBound]
      let tail = rest[r.upperBound...].utf8.prefix(5)
      let isEscape =
        tail.count == 5 && tail.last == 0x5F
        && tail.prefix(4).allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || ($0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x66) }
      out += isEscape ? "_x005F_x" : "_x"
      rest = rest[r.upperBound...]
    }
    return out + rest
  }

  private func format(_ style: CellStyle?, _ col: Int) -> UnsafeMutablePointer<lxw_format>? {
    guard let style else { return nil }
    if col < columnFormats.count, let last = columnFormats[col], last.style == style { return last.format }
    let f = workbook.format(style)
    if col >= columnFormats.count { columnFormats += Array(repeating: nil, count: col + 1 - columnFormats.count) }
    columnFormats[col] = (style, f)
    return f
  }

  /// Merges columns `firstCol...lastCol` of one row and writes text into them.
  public func merge(row: Int, columns: ClosedRange<Int>, _ text: String, _ style: CellStyle) throws(WriterError) {
    try WriterError.check(
      worksheet_merge_range(
        handle, lxw_row_t(row), lxw_col_t(columns.lowerBound), lxw_row_t(row), lxw_col_t(columns.upperBound), Self.escapedText(text),
        workbook.format(style)), "\(name): merging row \(row + 1)")
  }

  /// Sets a column's width in characters (Excel's unit).
  public func setColumn(_ col: Int, width: Double) throws(WriterError) {
    try WriterError.check(worksheet_set_column(handle, lxw_col_t(col), lxw_col_t(col), width, nil), "\(name): column width")
  }

  /// Sets a row's height in points.
  public func setRow(_ row: Int, height: Double) throws(WriterError) {
    try WriterError.check(worksheet_set_row(handle, lxw_row_t(row), height, nil), "\(name): row height")
  }

  /// Freezes the rows above `row` and the columns left of `col`.
  public func freezePanes(row: Int, col: Int) {
    worksheet_freeze_panes(handle, lxw_row_t(row), lxw_col_t(col))
  }

  /// Adds filter buttons to a header row over a range.
  public func autofilter(firstRow: Int, firstCol: Int, lastRow: Int, lastCol: Int) throws(WriterError) {
    try WriterError.check(
      worksheet_autofilter(handle, lxw_row_t(firstRow), lxw_col_t(firstCol), lxw_row_t(lastRow), lxw_col_t(lastCol)),
      "\(name): autofilter")
  }

  /// A4 page set-up: orientation, fit to one page wide, repeated header rows, footer.
  public func setupPrinting(_ setup: PrintSetup) throws(WriterError) {
    if setup.landscape { worksheet_set_landscape(handle) } else { worksheet_set_portrait(handle) }
    worksheet_set_paper(handle, 9)  // A4
    worksheet_set_margins(handle, 0.5, 0.5, 0.6, 0.7)
    if setup.fitToWidth { worksheet_fit_to_pages(handle, 1, setup.onePage ? 1 : UInt16(setup.pagesTall ?? 0)) }
    if let rows = setup.repeatRows {
      try WriterError.check(worksheet_repeat_rows(handle, lxw_row_t(rows.lowerBound), lxw_row_t(rows.upperBound)), "\(name): repeat rows")
    }
    if setup.centerHorizontally { worksheet_center_horizontally(handle) }
    try WriterError.check(worksheet_set_footer(handle, setup.footer), "\(name): footer")
    // Borders are drawn where they belong; screen gridlines stay, printed ones do not.
    worksheet_gridlines(handle, UInt8(LXW_SHOW_SCREEN_GRIDLINES.rawValue))
  }

  /// Applies `style` to the cells of a range where `formula` (relative to the range's first
  /// cell) is true.
  public func conditionalFormat(firstRow: Int, firstCol: Int, lastRow: Int, lastCol: Int, formula: String, style: CellStyle)
    throws(WriterError)
  {
    var cf = lxw_conditional_format()
    cf.type = UInt8(LXW_CONDITIONAL_TYPE_FORMULA.rawValue)
    cf.value_string = workbook.retain(formula)
    cf.format = workbook.format(style)
    try WriterError.check(
      worksheet_conditional_format_range(
        handle, lxw_row_t(firstRow), lxw_col_t(firstCol), lxw_row_t(lastRow), lxw_col_t(lastCol), &cf),
      "\(name): conditional format")
  }

  /// Places a chart with its top-left corner at a cell, scaled from the default 480×288 pixels.
  public func insertChart(_ chart: Chart, row: Int, col: Int, xScale: Double = 1, yScale: Double = 1) throws(WriterError) {
    var options = lxw_chart_options()
    options.x_scale = xScale
    options.y_scale = yScale
    options.x_offset = 4
    options.y_offset = 4
    try WriterError.check(
      worksheet_insert_chart_opt(handle, lxw_row_t(row), lxw_col_t(col), chart.handle, &options), "\(name): chart")
  }

  /// Makes this the sheet shown when the workbook opens.
  public func activate() { worksheet_activate(handle) }
}

/// A data-validation rule with the prompt shown on entry and the message shown on a wrong value.
public struct DataValidation: Sendable {
  /// What a cell may hold.
  public enum Rule: Sendable {
    /// One of the values in a range, e.g. `=选项!$A$2:$A$40` (a dropdown).
    case list(source: String)
    /// A whole number ≥ minimum.
    case wholeNumber(minimum: Int)
    /// A decimal ≥ minimum.
    case decimal(minimum: Double)
    /// A date between two days, both included.
    case date(from: Day, to: Day)
  }

  public var rule: Rule
  public var inputTitle: String
  public var inputMessage: String
  public var errorTitle: String
  public var errorMessage: String

  public init(_ rule: Rule, inputTitle: String, inputMessage: String, errorTitle: String, errorMessage: String) {
    self.rule = rule
    self.inputTitle = inputTitle
    self.inputMessage = inputMessage
    self.errorTitle = errorTitle
    self.errorMessage = errorMessage
  }
}

extension Worksheet {
  /// Applies a data validation to the cells of one column between two rows.
  public func validate(column: Int, firstRow: Int, lastRow: Int, _ v: DataValidation) throws(WriterError) {
    var dv = lxw_data_validation()
    switch v.rule {
    case .list(let source):
      dv.validate = UInt8(LXW_VALIDATION_TYPE_LIST_FORMULA.rawValue)
      dv.value_formula = workbook.retain(source)
    case .wholeNumber(let minimum):
      dv.validate = UInt8(LXW_VALIDATION_TYPE_INTEGER.rawValue)
      dv.criteria = UInt8(LXW_VALIDATION_CRITERIA_GREATER_THAN_OR_EQUAL_TO.rawValue)
      dv.value_number = Double(minimum)
    case .decimal(let minimum):
      dv.validate = UInt8(LXW_VALIDATION_TYPE_DECIMAL.rawValue)
      dv.criteria = UInt8(LXW_VALIDATION_CRITERIA_GREATER_THAN_OR_EQUAL_TO.rawValue)
      dv.value_number = minimum
    case .date(let from, let to):
      dv.validate = UInt8(LXW_VALIDATION_TYPE_DATE.rawValue)
      dv.criteria = UInt8(LXW_VALIDATION_CRITERIA_BETWEEN.rawValue)
      dv.minimum_datetime = lxw_datetime(year: Int32(from.year), month: Int32(from.month), day: Int32(from.day), hour: 0, min: 0, sec: 0)
      dv.maximum_datetime = lxw_datetime(year: Int32(to.year), month: Int32(to.month), day: Int32(to.day), hour: 0, min: 0, sec: 0)
    }
    dv.input_title = workbook.retain(String(v.inputTitle.prefix(32)))
    dv.input_message = workbook.retain(String(v.inputMessage.prefix(255)))
    dv.error_title = workbook.retain(String(v.errorTitle.prefix(32)))
    dv.error_message = workbook.retain(String(v.errorMessage.prefix(255)))
    try WriterError.check(
      worksheet_data_validation_range(handle, lxw_row_t(firstRow), lxw_col_t(column), lxw_row_t(lastRow), lxw_col_t(column), &dv),
      "\(name): data validation")
  }

  /// Protects the sheet: locked cells (the header) cannot be changed; unlocked cells can, and
  /// rows can still be formatted, inserted, sorted and filtered.
  public func protect() {
    var options = lxw_protection()
    options.format_columns = 1
    options.format_rows = 1
    options.insert_rows = 1
    options.delete_rows = 1
    options.sort = 1
    options.autofilter = 1
    worksheet_protect(handle, nil, &options)
  }

  /// Sets a column's width and the style of its empty cells (e.g. unlocked for entry).
  public func setColumn(_ col: Int, width: Double, style: CellStyle) throws(WriterError) {
    try WriterError.check(
      worksheet_set_column(handle, lxw_col_t(col), lxw_col_t(col), width, workbook.format(style)), "\(name): column width")
  }

  /// Hides the sheet (it still serves as the source of dropdown lists).
  public func hide() { worksheet_hide(handle) }
}
