import Aggregation
import CampaignModel

/// Sheet 1 (总览): every indicator of the catalogue grouped by category, the branch average,
/// the matters funnel with its rates, the definitions, the hand-off block and a funnel chart.
struct OverviewSheet {
  let ctx: WorkbookContext
  typealias S = ReportStyles

  // Columns.
  let cIndex = 0, cCategory = 1, cName = 2, cMeasure = 3, cMonth = 4, cPrevious = 5, cChange = 6, cCumulative = 7
  let cHoursMonth = 8, cHoursCumulative = 9
  var lastColumn: Int { cHoursCumulative }

  func write(_ workbook: Workbook) throws(WriterError) {
    let sheet = try workbook.addSheet(ctx.overviewName)
    let table = OverviewTable(ctx.report, lang: ctx.lang)
    // The indicator and category columns are as wide as their longest text, up to a cap: a longer
    // one wraps and its row grows (a set width is what lets the builder count the lines).
    func widest(_ texts: [(String, Bool)]) -> Double {
      texts.map { Double(TextWidth.of($0.0)) * ($0.1 ? 1.1 : 1) }.max() ?? 0
    }
    let nameWidth = min(
      ctx.lang == .zh ? 30 : 36, max(6, widest(table.rows.map { ($0.name, $0.highlighted) } + [(table.headers[cName], true)]) + 2))
    let categoryWidth = min(
      ctx.lang == .zh ? 10 : 14, max(6, widest(table.sections.map { ($0.name, false) } + [(table.headers[cCategory], true)]) + 2))
    let b = SheetBuilder(sheet, fixed: [cName: nameWidth, cCategory: categoryWidth])
    try b.nextRow(height: 30)
    try b.merged(0...lastColumn, ctx.title, S.title)
    try b.nextRow(height: 20)
    try b.merged(0...3, ctx.reportingUnitLine, S.subtitleLeft)
    try b.merged(4...7, ctx.t("统计时间：", "Period: ") + ctx.periodText, S.subtitleCenter)
    try b.merged(8...9, ctx.t("报出日期：", "Reported: ") + ctx.dateText(ctx.reportDate), S.subtitleRight)
    try b.nextRow(height: 30)
    try b.header(table.headers)
    var rowOf: [String: Int] = [:]
    for (r, row) in zip((b.row + 1)..., table.rows) { rowOf[row.key] = r }
    for section in table.sections {
      for (i, row) in section.rows.enumerated() {
        try write(row, b, category: i == 0 ? section.name : nil, last: i == section.rows.count - 1, rowOf: rowOf)
      }
    }
    try notes(b, table.notes)
    try handOff(b)
    try chart(workbook, sheet, b, funnelRow: rowOf["collected"]!)

    try b.finish()
    try sheet.setupPrinting(
      ctx.printSetup.with {
        $0.landscape = false; $0.onePage = true; $0.repeatRows = 2...2
      })
    sheet.freezePanes(row: 3, col: 0)
    sheet.activate()
  }

  /// Writes one row of the overview's description, its cells in column order.
  private func write(_ row: OverviewTable.Row, _ b: SheetBuilder, category: String?, last: Bool, rowOf: [String: Int])
    throws(WriterError)
  {
    let r = try b.nextRow(height: 18)
    func st(_ x: CellStyle) -> CellStyle { row.highlighted ? S.highlighted(x) : x }
    try b.put(cIndex, .integer(row.index), st(S.centered))
    if row.asOfEnd {
      try b.put(
        cCategory, .blank,
        S.centered.with {
          $0.top = .none; $0.bottom = last ? .thin : .none
        })
    } else {
      try categoryCell(b, category)
    }
    try b.put(cName, .text(row.name), st(S.text))
    try b.put(cMeasure, .text(row.measure), st(S.centered))
    for column in OverviewTable.Column.allCases where column.rawValue >= cMonth {
      let (value, style) = cellValue(row.cell(column), row: r, rowOf: rowOf)
      try b.put(column.rawValue, value, st(style))
      // A change in 个百分点 is wider than a number's usual width.
      b.note(column.rawValue, width: Double(TextWidth.of(row.cell(column).value.text(ctx.lang))) * (row.highlighted ? 1.1 : 1))
    }
  }

  /// A cell's value and style: a formula where the description says how the value follows.
  private func cellValue(_ cell: ReportCell, row r: Int, rowOf: [String: Int]) -> (CellValue, CellStyle) {
    let formula = cell.derivation.flatMap { formulaText($0, row: r, rowOf: rowOf) }
    let style: CellStyle
    let number: Double
    switch cell.value {
    case .blank: return (.blank, S.centered)
    case .undefined:
      guard let formula else { return (.text("—"), S.centered) }
      return (.textFormula(formula, cached: "—"), S.percent.with { $0.align = .center })
    case .count(let n):
      if formula == nil { return (.integer(n), S.integer) }
      (style, number) = (S.integer, Double(n))
    case .oneDecimal(let d): (style, number) = (S.oneDecimal, d)
    case .percent(let d): (style, number) = (S.percent, d)
    case .countChange(let n): (style, number) = (S.change, Double(n))
    case .oneDecimalChange(let t): (style, number) = (S.changeOneDecimal, Double(t) / 10)
    case .pointsChange(let t): (style, number) = (S.changePoints(ReportValue.points(ctx.lang)), Double(t) / 10)
    }
    guard let formula else { return (.number(number), style) }
    return (.formula(formula, cached: number), style)
  }

  /// The formula of a derivation, for a cell on row `r`.
  private func formulaText(_ d: ReportDerivation, row r: Int, rowOf: [String: Int]) -> String? {
    switch d {
    case .difference(let a, let b):
      return "=\(CellAddress.cell(r, a.rawValue))-\(CellAddress.cell(r, b.rawValue))"
    case .displayedDifference(let scale):
      // Each value rounded as displayed, and the difference rounded again so that the binary
      // result is the nearest double to the tenths written as its cached value.
      let factor = scale == 1 ? "" : "*\(scale)"
      let period = CellAddress.cell(r, OverviewTable.Column.period.rawValue)
      let previous = CellAddress.cell(r, OverviewTable.Column.previous.rawValue)
      return "=ROUND(ROUND(\(period)\(factor),1)-ROUND(\(previous)\(factor),1),1)"
    case .ratio(let numerator, let denominator, let column):
      let num = CellAddress.cell(rowOf[numerator]!, column.rawValue), den = CellAddress.cell(rowOf[denominator]!, column.rawValue)
      return "=IF(\(den)=0,\"—\",\(num)/\(den))"
    case .sameAs(let column):
      return "=\(CellAddress.cell(r, column.rawValue))"
    case .unitAverage(let cumulative):
      let col = cumulative ? UnitSheetLayout.branchCumulativeColumn : UnitSheetLayout.branchPeriodColumn
      return "=\(SheetName.quoted(ctx.unitsName))!\(CellAddress.cell(ctx.unitRows.averageRow, col, absolute: true))"
    case .columnTotal, .countedAverage, .rankAmongCounted:
      // The by-unit table's derivations; the overview has none.
      return nil
    }
  }

  /// The category column looks merged: the name on the block's first row, no line inside.
  private func categoryCell(_ b: SheetBuilder, _ name: String?) throws(WriterError) {
    let style = S.centered.with {
      $0.top = name == nil ? .none : .thin; $0.bottom = .thin; $0.wrap = true
    }
    try b.put(cCategory, name.map { .text($0) } ?? .blank, style)
  }

  private func notes(_ b: SheetBuilder, _ lines: [String]) throws(WriterError) {
    try b.nextRow()
    for line in lines {
      try b.nextRow(height: line.count > 60 ? 30 : 16)
      try b.merged(0...lastColumn, line, S.note)
    }
  }

  private func handOff(_ b: SheetBuilder) throws(WriterError) {
    try b.nextRow(height: 12)
    try b.nextRow(height: 22)
    try b.merged(0...2, ctx.t("填报单位（盖章）：", "Reporting unit (seal):"), S.handOff)
    try b.merged(3...5, ctx.t("单位负责人：", "Head of unit:"), S.handOff)
    try b.merged(6...7, ctx.t("填表人：", "Prepared by:"), S.handOff)
    try b.merged(8...9, ctx.t("报出日期：", "Date: ") + ctx.dateText(ctx.reportDate), S.handOff)
  }

  /// A bar chart of the funnel's four counts as of the period's end, from the rows written above.
  private func chart(_ workbook: Workbook, _ sheet: Worksheet, _ b: SheetBuilder, funnelRow first: Int) throws(WriterError) {
    let chart = workbook.addChart(.bar)
    chart.addSeries(
      name: ctx.t("截至" + ctx.words.end, "As of " + ctx.words.end), sheet: sheet.name,
      categories: (first, cName, first + 3), values: (first, cCumulative, first + 3), color: S.chartRed)
    chart.setTitle(ctx.t("“我为群众办实事”进展（截至\(ctx.words.end)）", "Practical matters, as of \(ctx.words.end)"))
    chart.hideLegend()
    chart.setAxisFonts()
    chart.reverseCategories()
    let m = ctx.report.current.matters.asOf
    chart.setIntegerValues(maximum: max(m.collected, m.consolidated, m.claimed, m.resolved))
    try b.nextRow(height: 12)
    try sheet.insertChart(chart, row: b.row + 1, col: 1, xScale: 1.5, yScale: 1.0)
  }
}

extension PrintSetup {
  func with(_ change: (inout PrintSetup) -> Void) -> PrintSetup {
    var s = self
    change(&s)
    return s
  }
}
