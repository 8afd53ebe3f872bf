import CXlsxWriter

/// A chart of a workbook, fed from ranges of its sheets.
public final class Chart {
  /// The chart types the reports use.
  public enum Kind: Sendable {
    case column, bar, line
    var code: UInt8 {
      switch self {
      case .column: UInt8(LXW_CHART_COLUMN.rawValue)
      case .bar: UInt8(LXW_CHART_BAR.rawValue)
      case .line: UInt8(LXW_CHART_LINE.rawValue)
      }
    }
  }

  let handle: UnsafeMutablePointer<lxw_chart>
  unowned let workbook: Workbook
  let kind: Kind

  init(handle: UnsafeMutablePointer<lxw_chart>, workbook: Workbook, kind: Kind) {
    self.handle = handle
    self.workbook = workbook
    self.kind = kind
  }

  /// Adds a series: category labels and values from one column (or row) range each of a sheet.
  public func addSeries(
    name: String, sheet: String, categories: (firstRow: Int, col: Int, lastRow: Int),
    values: (firstRow: Int, col: Int, lastRow: Int), color: UInt32, dataLabels: Bool = true
  ) {
    let s = chart_add_series(handle, nil, nil)!
    chart_series_set_categories(
      s, sheet, lxw_row_t(categories.firstRow), lxw_col_t(categories.col), lxw_row_t(categories.lastRow), lxw_col_t(categories.col))
    chart_series_set_values(
      s, sheet, lxw_row_t(values.firstRow), lxw_col_t(values.col), lxw_row_t(values.lastRow), lxw_col_t(values.col))
    chart_series_set_name(s, Chart.literal(name))
    var fill = lxw_chart_fill()
    fill.color = lxw_color_t(color)
    chart_series_set_fill(s, &fill)
    if dataLabels {
      chart_series_set_labels(s)
      var font = chartFont(size: 9)
      chart_series_set_labels_font(s, &font)
    }
  }

  /// A name libxlsxwriter takes literally: one starting with `=` would be read as a formula.
  static func literal(_ name: String) -> String {
    var n = Substring(name)
    while n.first == "=" { n = n.dropFirst() }
    return String(n)
  }

  /// Sets the title in the CJK font.
  public func setTitle(_ title: String) {
    chart_title_set_name(handle, Chart.literal(title))
    var font = chartFont(size: 12, bold: true)
    chart_title_set_name_font(handle, &font)
  }

  /// Hides the legend (one series needs none).
  public func hideLegend() { chart_legend_set_position(handle, UInt8(LXW_CHART_LEGEND_NONE.rawValue)) }

  /// Uses the CJK font for both axes' labels.
  public func setAxisFonts() {
    var font = chartFont(size: 9)
    chart_axis_set_num_font(handle.pointee.x_axis, &font)
    var font2 = chartFont(size: 9)
    chart_axis_set_num_font(handle.pointee.y_axis, &font2)
  }

  private func chartFont(size: Double, bold: Bool = false) -> lxw_chart_font {
    var f = lxw_chart_font()
    f.name = workbook.retain(CellStyle.cjkFont)
    f.size = size
    f.bold = bold ? 1 : 0
    return f
  }
}

extension Chart {
  /// The chart's height in points at a vertical scale (libxlsxwriter's default is 288 pixels).
  public static func height(yScale: Double) -> Double { 288 * yScale * 0.75 }

  /// Counts: the value axis starts at 0 and steps by a whole number (1, 2, 5, 10, 20, 50, …),
  /// about five steps up to `maximum`, labelled without decimals, so no tick reads 0.5.
  public func setIntegerValues(maximum: Int) {
    let axis = kind == .bar ? handle.pointee.x_axis : handle.pointee.y_axis
    chart_axis_set_min(axis, 0)
    chart_axis_set_major_unit(axis, Double(Chart.integerStep(maximum: maximum)))
    chart_axis_set_num_format(axis, "0")
  }

  /// The smallest of 1, 2, 5 × 10^k that divides 0...maximum into at most six steps.
  static func integerStep(maximum: Int) -> Int {
    var power = 1
    while true {
      for m in [1, 2, 5] where maximum <= 6 * m * power { return m * power }
      power *= 10
    }
  }

  /// Lists categories top to bottom in a bar chart (Excel draws them bottom-up by default; in
  /// a bar chart the category axis is the vertical one).
  public func reverseCategories() { chart_axis_set_reverse(handle.pointee.y_axis) }
}

extension Chart {
  /// Adds a line series whose categories and values run along rows of a sheet.
  public func addLineSeries(name: String, sheet: String, categoriesRow: Int, valuesRow: Int, columns: ClosedRange<Int>, color: UInt32) {
    let s = chart_add_series(handle, nil, nil)!
    chart_series_set_categories(
      s, sheet, lxw_row_t(categoriesRow), lxw_col_t(columns.lowerBound), lxw_row_t(categoriesRow), lxw_col_t(columns.upperBound))
    chart_series_set_values(
      s, sheet, lxw_row_t(valuesRow), lxw_col_t(columns.lowerBound), lxw_row_t(valuesRow), lxw_col_t(columns.upperBound))
    chart_series_set_name(s, Chart.literal(name))
    var line = lxw_chart_line()
    line.color = lxw_color_t(color)
    line.width = 2.25
    chart_series_set_line(s, &line)
    chart_series_set_marker_type(s, UInt8(LXW_CHART_MARKER_CIRCLE.rawValue))
    chart_series_set_labels(s)
  }
}
