import Aggregation
import CampaignModel

/// Sheet 2 (支部统计): one row per unit with its sessions, hours, participants, supervision
/// visits received and matters; a rank by cumulative branch sessions; units below the average
/// highlighted; totals and an average row as formulas; the units that recorded nothing this
/// month; a column chart of cumulative branch sessions.
struct UnitSheet {
  let ctx: WorkbookContext
  typealias S = ReportStyles

  // Columns: the layout's counted and branch columns are shared with the overview's formulas.
  let cIndex = 0, cName = 1, cCounted = UnitSheetLayout.countedColumn
  let cBranchMonth = UnitSheetLayout.branchPeriodColumn, cBranchCumulative = UnitSheetLayout.branchCumulativeColumn
  let cOtherMonth = 5, cOtherCumulative = 6, cHoursMonth = 7, cHoursCumulative = 8
  let cPeopleMonth = 9, cPeopleCumulative = 10, cSupervisionMonth = 11, cSupervisionCumulative = 12
  let cMattersOwned = 13, cMattersResolved = 14, cRank = 15
  var lastColumn: Int { cRank }

  func write(_ workbook: Workbook) throws(WriterError) {
    let sheet = try workbook.addSheet(ctx.unitsName)
    let b = SheetBuilder(sheet, maxWidth: [cName: 26], minWidth: 7)
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

    let values = unitValues()
    let ranks = UnitFigures.ranks(of: s.units)
    let unitRange = { (col: Int) in CellAddress.range(layout.firstUnitRow, col, layout.lastUnitRow, col, absolute: true) }
    let countedRange = unitRange(cCounted)
    let yes = ctx.t("是", "yes")
    for (i, u) in s.units.enumerated() {
      let r = try b.nextRow(height: 18)
      try b.put(cIndex, .integer(i + 1), S.centered)
      try b.put(cName, .text(u.unit.name), S.text)
      try b.put(cCounted, .text(u.unit.counted ? yes : ctx.t("否", "no")), S.centered)
      for col in cBranchMonth...cMattersResolved {
        let v = values[i][col] ?? 0
        if col == cHoursMonth || col == cHoursCumulative {
          try b.put(col, .number(v), S.oneDecimal)
        } else {
          try b.put(col, .integer(Int(v)), S.integer)
        }
      }
      let me = CellAddress.cell(r, cBranchCumulative), counted = CellAddress.cell(r, cCounted)
      let rankFormula =
        "=IF(\(counted)=\"\(yes)\",COUNTIFS(\(countedRange),\"\(yes)\",\(unitRange(cBranchCumulative)),\">\"&\(me))+1,\"—\")"
      if let rank = ranks[u.unit.id] {
        try b.put(cRank, .formula(rankFormula, cached: Double(rank)), S.integer.with { $0.align = .center })
      } else {
        try b.put(cRank, .textFormula(rankFormula, cached: "—"), S.centered)
      }
    }
    if s.units.isEmpty {
      try b.nextRow(height: 18)
      try b.merged(0...lastColumn, ctx.t("（尚未导入组织）", "(no organizations imported)"), S.centered)
    }
    try totals(b, layout: layout, countedRange: countedRange, yes: yes, values: values)
    try conditionalFormatting(sheet, layout: layout, yes: yes)
    try footnotes(b)
    try chart(workbook, sheet, b, layout: layout)
    try b.finish()
    try sheet.setupPrinting(ctx.printSetup.with { $0.repeatRows = 2...3 })
    sheet.freezePanes(row: 4, col: 2)
  }

  private func headers(_ b: SheetBuilder) throws(WriterError) {
    // Two header rows; cells that span both look merged (no line between them), because
    // constant-memory mode cannot merge across rows.
    let groups: [(ClosedRange<Int>, String)] = [
      (cBranchMonth...cBranchCumulative, ctx.t("集中学习（次）", "Branch study (sessions)")),
      (cOtherMonth...cOtherCumulative, ctx.t("其他学习宣讲活动（次）", "Other study and events")),
      (cHoursMonth...cHoursCumulative, ctx.t("学时", "Hours")),
      (cPeopleMonth...cPeopleCumulative, ctx.t("参加人次", "Participants")),
      (cSupervisionMonth...cSupervisionCumulative, ctx.t("接受督导（次）", "Supervision visits")),
      (cMattersOwned...cMattersResolved, ctx.t("办实事（项）", "Matters")),
    ]
    let single: [(Int, String)] = [
      (cIndex, ctx.t("序号", "No.")), (cName, ctx.t("单位", "Unit")), (cCounted, ctx.t("参与统计", "Counted")),
      (cRank, ctx.t("排名", "Rank")),
    ]
    let top = S.header.with { $0.bottom = .none }, bottom = S.header.with { $0.top = .none }
    try b.nextRow(height: 22)
    for (col, label) in single { try b.put(col, .text(label), top) }
    for (range, label) in groups { try b.merged(range, label, S.header) }
    try b.nextRow(height: 22)
    for (col, _) in single { try b.put(col, .blank, bottom) }
    for (range, _) in groups {
      let second =
        range.upperBound == cMattersResolved ? [ctx.t("责任", "Owned"), ctx.t("已解决", "Resolved")] : [ctx.thisHeader, ctx.t("累计", "Cumul.")]
      try b.put(range.lowerBound, .text(second[0]), S.header)
      try b.put(range.upperBound, .text(second[1]), S.header)
    }
  }

  private func totals(_ b: SheetBuilder, layout: UnitSheetLayout, countedRange: String, yes: String, values: [[Int: Double]])
    throws(WriterError)
  {
    let s = ctx.stats
    let bold = { (x: CellStyle) in x.with { $0.bold = true } }
    // 合计: SUM of every numeric column.
    try b.nextRow(height: 18)
    try b.put(cIndex, .blank, S.centered)
    try b.put(cName, .text(ctx.t("合计", "Total")), bold(S.centered))
    try b.put(cCounted, .blank, S.centered)
    let sumColumns = Array(cBranchMonth...cMattersResolved)
    for col in sumColumns {
      let cached = columnTotal(col, values: values)
      let formula = "=SUM(\(CellAddress.range(layout.firstUnitRow, col, layout.lastUnitRow, col)))"
      let style = col == cHoursMonth || col == cHoursCumulative ? S.oneDecimal : S.integer
      try b.put(col, .formula(formula, cached: cached), bold(style))
    }
    try b.put(cRank, .blank, S.centered)
    // 平均: over the counted units.
    try b.nextRow(height: 18)
    try b.put(cIndex, .blank, S.centered)
    try b.put(cName, .text(ctx.t("平均（参与统计单位）", "Average (counted units)")), S.highlighted(S.centered))
    try b.put(cCounted, .blank, S.centered)
    let countedUnits = s.units.filter(\.unit.counted)
    for col in sumColumns {
      let range = CellAddress.range(layout.firstUnitRow, col, layout.lastUnitRow, col, absolute: true)
      let formula =
        "=IF(COUNTIF(\(countedRange),\"\(yes)\")=0,\"—\",SUMIF(\(countedRange),\"\(yes)\",\(range))/COUNTIF(\(countedRange),\"\(yes)\"))"
      if countedUnits.isEmpty {
        try b.put(col, .textFormula(formula, cached: "—"), S.highlighted(S.oneDecimal.with { $0.align = .center }))
      } else {
        let cached: Double
        switch col {
        case cBranchMonth: cached = s.branchStudyAverage.period!.value
        case cBranchCumulative: cached = s.branchStudyAverage.cumulative!.value
        default: cached = columnTotal(col, values: values, countedOnly: true) / Double(countedUnits.count)
        }
        try b.put(col, .formula(formula, cached: cached), S.highlighted(S.oneDecimal))
      }
    }
    try b.put(cRank, .blank, S.centered)
  }

  /// Each unit's figures by column, computed once for its row and for the totals below.
  private func unitValues() -> [[Int: Double]] {
    let s = ctx.stats
    let matters = ctx.report.ledger.countsByUnit()
    let otherKinds = s.otherActivityKinds
    return s.units.map { u in
      let all = PeriodPair(
        period: u.kinds.period.values.reduce(Totals.zero, +), cumulative: u.kinds.cumulative.values.reduce(Totals.zero, +))
      let supervision = u.totals(of: s.settings.supervisionKind)
      let owned = matters[u.unit.id] ?? (0, 0)
      return [
        cBranchMonth: Double(u.branchStudy.period), cBranchCumulative: Double(u.branchStudy.cumulative),
        cOtherMonth: Double(otherKinds.reduce(0) { $0 + u.totals(of: $1).period.count }),
        cOtherCumulative: Double(otherKinds.reduce(0) { $0 + u.totals(of: $1).cumulative.count }),
        cHoursMonth: all.period.hours.value, cHoursCumulative: all.cumulative.hours.value,
        cPeopleMonth: Double(all.period.participants), cPeopleCumulative: Double(all.cumulative.participants),
        cSupervisionMonth: Double(supervision.period.count), cSupervisionCumulative: Double(supervision.cumulative.count),
        cMattersOwned: Double(owned.owned), cMattersResolved: Double(owned.resolved),
      ]
    }
  }

  /// The value of a column summed over the units (or the counted units), as the rows were written.
  private func columnTotal(_ col: Int, values: [[Int: Double]], countedOnly: Bool = false) -> Double {
    zip(ctx.stats.units, values).reduce(0) { sum, pair in
      !countedOnly || pair.0.unit.counted ? sum + (pair.1[col] ?? 0) : sum
    }
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
    try b.nextRow()
    try sheet.insertChart(chart, row: b.row + 1, col: 1, xScale: 2.2, yScale: 1.1)
  }
}
