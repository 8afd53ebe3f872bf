import Aggregation
import CampaignModel

/// Sheet 2 (支部统计): one row per unit with its sessions, hours, participants, supervision
/// visits received and matters; a rank by cumulative branch sessions; units below the average
/// highlighted; totals and an average row as formulas; the units that recorded nothing this
/// month; a column chart of cumulative branch sessions.
struct UnitSheet {
  let ctx: WorkbookContext
  typealias S = ReportStyles
  /// The figures, from Aggregation.
  let table: UnitTable
  /// What the sheet shows: the format-neutral description of the table.
  let rows: ByUnitTable

  init(ctx: WorkbookContext) {
    self.ctx = ctx
    table = ctx.report.unitTable
    rows = ByUnitTable(ctx.report, lang: ctx.lang)
  }

  // Columns: the layout's counted and branch columns are shared with the overview's formulas.
  let cIndex = 0, cName = 1, cCounted = UnitSheetLayout.countedColumn
  let cBranchMonth = UnitSheetLayout.branchPeriodColumn, cBranchCumulative = UnitSheetLayout.branchCumulativeColumn
  let cOtherMonth = 5, cOtherCumulative = 6, cHoursMonth = 7, cHoursCumulative = 8
  let cPeopleMonth = 9, cPeopleCumulative = 10, cSupervisionMonth = 11, cSupervisionCumulative = 12
  let cMattersOwned = 13, cMattersResolved = 14, cRank = 15
  var lastColumn: Int { cRank }

  func write(_ workbook: Workbook) throws(WriterError) {
    let sheet = try workbook.addSheet(ctx.unitsName)
    // The name column is as wide as the longest name, up to 26: a longer name wraps and its row
    // grows to fit (a set width is what lets the builder count the wrapped lines).
    let longest = ctx.stats.units.map { TextWidth.of($0.unit.name) }.max() ?? 0
    let b = SheetBuilder(sheet, fixed: [cName: min(26, max(10, Double(longest) + 2))], minWidth: 7)
    let s = ctx.stats, layout = ctx.unitRows
    try b.nextRow(height: 30)
    let name = ctx.stats.settings.institution + ctx.stats.settings.campaign
    try b.merged(
      0...lastColumn,
      ctx.t(
        "\(name)基层党组织统计表（\(ctx.words.name)）",
        "\(ctx.stats.settings.institution) \(ctx.stats.settings.campaign): statistics by unit, \(ctx.words.name)"),
      S.title)
    try b.nextRow(height: 20)
    try b.merged(0...5, ctx.reportingUnitLine, S.subtitleLeft)
    try b.merged(6...11, ctx.t("统计时间：", "Period: ") + ctx.periodText, S.subtitleCenter)
    try b.merged(12...15, ctx.t("单位：次、学时、人次、项", "Units: sessions, hours, people, matters"), S.subtitleRight)
    try headers(b)

    let unitRange = { (col: Int) in CellAddress.range(layout.firstUnitRow, col, layout.lastUnitRow, col, absolute: true) }
    let countedRange = unitRange(cCounted)
    let yes = rows.countedYes
    for (i, u) in rows.rows.enumerated() {
      let r = try b.nextRow(height: 18)
      try b.put(cIndex, .integer(i + 1), S.centered)
      try b.put(cName, .text(u.name), S.text)
      try b.put(cCounted, .text(u.counted ? yes : rows.countedNo), S.centered)
      for column in ByUnitTable.Column.figures {
        switch u.cell(column).value {
        case .oneDecimal(let v): try b.put(column.rawValue, .number(v), S.oneDecimal)
        case let value: try b.put(column.rawValue, .integer(Int(value.number ?? 0)), S.integer)
        }
      }
      let me = CellAddress.cell(r, cBranchCumulative), counted = CellAddress.cell(r, cCounted)
      let rankFormula =
        "=IF(\(counted)=\"\(yes)\",COUNTIFS(\(countedRange),\"\(yes)\",\(unitRange(cBranchCumulative)),\">\"&\(me))+1,\"—\")"
      if case .count(let rank) = u.cell(.rank).value {
        try b.put(cRank, .formula(rankFormula, cached: Double(rank)), S.integer.with { $0.align = .center })
      } else {
        try b.put(cRank, .textFormula(rankFormula, cached: "—"), S.centered)
      }
    }
    if s.units.isEmpty {
      try b.nextRow(height: 18)
      try b.merged(0...lastColumn, ctx.t("（尚未导入组织）", "(no organizations imported)"), S.centered)
    }
    try totals(b, layout: layout, countedRange: countedRange, yes: yes)
    try conditionalFormatting(sheet, layout: layout, yes: yes)
    try footnotes(b)
    try chart(workbook, sheet, b, layout: layout)
    try b.finish()
    try sheet.setupPrinting(b.avoidingOrphans(ctx.printSetup.with { $0.repeatRows = 2...3 }))
    sheet.freezePanes(row: 4, col: 2)
  }

  private func headers(_ b: SheetBuilder) throws(WriterError) {
    // Two header rows; cells that span both look merged (no line between them), because
    // constant-memory mode cannot merge across rows.
    let groups: [(ClosedRange<Int>, String)] = rows.groups.map { g in
      (g.columns.first!.rawValue...g.columns.last!.rawValue, g.label)
    }
    let single: [(Int, String)] = [ByUnitTable.Column.index, .name, .counted, .rank].map { ($0.rawValue, rows.headers[$0] ?? "") }
    let top = S.header.with { $0.bottom = .none }, bottom = S.header.with { $0.top = .none }
    // A group's header spans two columns: too wide for them, it breaks before its bracket
    // (其他学习宣讲活动|（次）) and the columns widen to hold its longest line.
    let broken = groups.map { (range, label) in
      let head = TextWidth.of(String(label.prefix { $0 != "（" }))
      return (range, ctx.lang == .zh ? TextWidth.breakingLines(label, width: max(head, 2 * 7 - 3)) : label)
    }
    let twoLines = broken.contains { $0.1.contains("\n") }
    try b.nextRow(height: twoLines ? 30 : 22)
    for (col, label) in single { try b.put(col, .text(label), top) }
    for (range, label) in broken {
      try b.merged(range, label, S.header)
      let half = (Double(TextWidth.ofLongestLine(label)) * 1.1 + 3) / 2
      for col in range { b.note(col, width: half - 2) }
    }
    try b.nextRow(height: 22)
    for (col, _) in single { try b.put(col, .blank, bottom) }
    for group in rows.groups {
      for (column, label) in zip(group.columns, group.labels) { try b.put(column.rawValue, .text(label), S.header) }
    }
  }

  private func totals(_ b: SheetBuilder, layout: UnitSheetLayout, countedRange: String, yes: String)
    throws(WriterError)
  {
    let bold = { (x: CellStyle) in x.with { $0.bold = true } }
    // 合计: SUM of every numeric column.
    try b.nextRow(height: 18)
    try b.put(cIndex, .blank, S.centered)
    try b.put(cName, .text(rows.totalLabel), bold(S.centered))
    try b.put(cCounted, .blank, S.centered)
    for column in ByUnitTable.Column.figures {
      let col = column.rawValue, value = rows.total[column]?.value ?? .blank
      let formula = "=SUM(\(CellAddress.range(layout.firstUnitRow, col, layout.lastUnitRow, col)))"
      let style: CellStyle = if case .oneDecimal = value { S.oneDecimal } else { S.integer }
      try b.put(col, .formula(formula, cached: value.number ?? 0), bold(style))
    }
    try b.put(cRank, .blank, S.centered)
    // 平均: over the counted units.
    try b.nextRow(height: 18)
    try b.put(cIndex, .blank, S.centered)
    try b.put(cName, .text(rows.averageLabel), S.highlighted(S.centered))
    try b.put(cCounted, .blank, S.centered)
    for column in ByUnitTable.Column.figures {
      let col = column.rawValue
      let range = CellAddress.range(layout.firstUnitRow, col, layout.lastUnitRow, col, absolute: true)
      let formula =
        "=IF(COUNTIF(\(countedRange),\"\(yes)\")=0,\"—\",SUMIF(\(countedRange),\"\(yes)\",\(range))/COUNTIF(\(countedRange),\"\(yes)\"))"
      if let cached = rows.average[column]?.value.number {
        try b.put(col, .formula(formula, cached: cached), S.highlighted(S.oneDecimal))
      } else {
        try b.put(col, .textFormula(formula, cached: "—"), S.highlighted(S.oneDecimal.with { $0.align = .center }))
      }
    }
    try b.put(cRank, .blank, S.centered)
  }

  private func conditionalFormatting(_ sheet: Worksheet, layout: UnitSheetLayout, yes: String) throws(WriterError) {
    guard !ctx.stats.units.isEmpty else { return }
    let first = layout.firstUnitRow
    let counted = "$\(CellAddress.column(cCounted))\(first + 1)"
    let mine = "$\(CellAddress.column(cBranchCumulative))\(first + 1)"
    let average = CellAddress.cell(layout.averageRow, cBranchCumulative, absolute: true)
    try sheet.conditionalFormat(
      firstRow: first, firstCol: 0, lastRow: layout.lastUnitRow, lastCol: lastColumn,
      formula: "AND(\(counted)=\"\(yes)\",ISNUMBER(\(average)),\(mine)<\(average))", style: S.warned())
  }

  private func footnotes(_ b: SheetBuilder) throws(WriterError) {
    let r = ctx.report
    let below = r.unitsBelowAverage.map(\.name)
    let none = ctx.t("无", "none")
    let lines = [
      SubmissionPhrases.unreportedLine(r, this: ctx.words.this, lang: ctx.lang),
      ctx.t("累计集中学习低于平均数的单位（红色标出）：", "Units below the cumulative average (in red): ")
        + (below.isEmpty ? none : Phrases.joined(below, limit: 30, measure: ctx.t("个单位", ""), lang: ctx.lang)),
      ctx.t(
        "注：排名按累计集中学习次数，只在参与统计的单位间排列；“其他学习宣讲活动”含专题研讨、讲座、党课、青马班、主题活动、志愿服务等（不含集中学习、督导和宣传）；学时、人次含各类活动。",
        "Note: rank by cumulative branch sessions among counted units; other study and events exclude branch study, supervision and publicity; hours and participants cover every kind."
      ),
    ]
    try b.nextRow()
    for line in lines {
      try b.nextRow(height: TextWidth.of(line) > 150 ? 30 : 18)
      try b.merged(0...lastColumn, line, S.note)
    }
  }

  private func chart(_ workbook: Workbook, _ sheet: Worksheet, _ b: SheetBuilder, layout: UnitSheetLayout) throws(WriterError) {
    guard !ctx.stats.units.isEmpty else { return }
    let chart = workbook.addChart(.column)
    chart.addSeries(
      name: ctx.t("累计集中学习次数", "Cumulative branch sessions"), sheet: sheet.name,
      categories: (layout.firstUnitRow, cName, layout.lastUnitRow), values: (layout.firstUnitRow, cBranchCumulative, layout.lastUnitRow),
      color: S.chartBlue)
    chart.setTitle(ctx.t("各单位累计集中学习次数", "Cumulative branch sessions by unit"))
    chart.hideLegend()
    chart.setAxisFonts()
    chart.setIntegerValues(maximum: table.rows.map(\.branchStudy.cumulative).max() ?? 0)
    try b.nextRow()
    b.reserve(points: Chart.height(yScale: 1.1) + SheetBuilder.defaultRowHeight)
    try sheet.insertChart(chart, row: b.row + 1, col: 1, xScale: 2.2, yScale: 1.1)
  }
}
