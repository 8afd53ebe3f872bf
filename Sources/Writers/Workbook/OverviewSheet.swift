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
    let b = SheetBuilder(sheet, maxWidth: [cName: 30, cCategory: 10])
    let s = ctx.stats, prev = ctx.report.previous

    try b.nextRow(height: 30)
    try b.merged(0...lastColumn, ctx.title, S.title)
    try b.nextRow(height: 20)
    try b.merged(0...3, ctx.reportingUnitLine, S.subtitleLeft)
    try b.merged(4...7, ctx.t("统计时间：", "Period: ") + ctx.periodText, S.subtitleCenter)
    try b.merged(8...9, ctx.t("报出日期：", "Reported: ") + ctx.dateText(ctx.reportDate), S.subtitleRight)
    try b.nextRow(height: 30)
    try b.header([
      ctx.t("序号", "No."), ctx.t("类别", "Category"), ctx.t("指标", "Indicator"), ctx.t("计量单位", "Unit"),
      ctx.thisHeader, ctx.previousHeader, ctx.t("较" + ctx.previousHeader, "Change"), ctx.t("累计", "Cumulative"),
      ctx.t(ctx.words.this + "学时", "Hours " + ctx.words.this), ctx.t("累计学时", "Hours cumulative"),
    ])

    var index = 0
    for category in s.categories {
      for (i, k) in category.kinds.enumerated() {
        index += 1
        let previous = prev.map { $0.kind(k.kind.code)?.totals.period.count ?? 0 }
        let key = k.kind.code == s.settings.supervisionKind
        try kindRow(b, index: index, category: i == 0 ? category.name(in: ctx.lang) : nil, k: k, previous: previous, highlight: key)
        if k.kind.code == s.settings.branchStudyKind {
          index += 1
          try averageRow(b, index: index, previous: prev?.branchStudyAverage.period)
        }
      }
    }
    let funnelRow = try mattersBlock(b, startIndex: index)
    try notes(b)
    try handOff(b)
    try chart(workbook, sheet, b, funnelRow: funnelRow)

    try b.finish()
    try sheet.setupPrinting(
      ctx.printSetup.with {
        $0.landscape = false; $0.onePage = true; $0.repeatRows = 2...2
      })
    sheet.freezePanes(row: 3, col: 0)
    sheet.activate()
  }

  private func kindRow(_ b: SheetBuilder, index: Int, category: String?, k: KindFigures, previous: Int?, highlight: Bool)
    throws(WriterError)
  {
    let r = try b.nextRow(height: 18)
    func st(_ x: CellStyle) -> CellStyle { highlight ? S.highlighted(x) : x }
    try b.put(cIndex, .integer(index), st(S.centered))
    try categoryCell(b, category)
    try b.put(cName, .text(k.kind.name(in: ctx.lang)), st(S.text))
    try b.put(cMeasure, .text(k.kind.measure(in: ctx.lang)), st(S.centered))
    try b.put(cMonth, .integer(k.totals.period.count), st(S.integer))
    try previousAndChange(b, row: r, current: k.totals.period.count, previous: previous, style: st)
    try b.put(cCumulative, .integer(k.totals.cumulative.count), st(S.integer))
    try b.put(cHoursMonth, .number(k.totals.period.hours.value), st(S.oneDecimal))
    try b.put(cHoursCumulative, .number(k.totals.cumulative.hours.value), st(S.oneDecimal))
  }

  /// The category column looks merged: the name on the block's first row, no line inside.
  private func categoryCell(_ b: SheetBuilder, _ name: String?) throws(WriterError) {
    let style = S.centered.with {
      $0.top = name == nil ? .none : .thin; $0.bottom = .thin; $0.wrap = true
    }
    try b.put(cCategory, name.map { .text($0) } ?? .blank, style)
  }

  private func averageRow(_ b: SheetBuilder, index: Int, previous: Ratio?) throws(WriterError) {
    let r = try b.nextRow(height: 18)
    let s = ctx.stats, layout = ctx.unitRows
    let hl = S.highlighted
    try b.put(cIndex, .integer(index), hl(S.centered))
    try categoryCell(b, nil)
    try b.put(cName, .text(ctx.t("基层党组织平均集中学习次数", "Average branch sessions per unit")), hl(S.text))
    try b.put(cMeasure, .text(ctx.t("次/单位", "per unit")), hl(S.centered))
    let units = SheetName.quoted(ctx.unitsName)
    func ref(_ col: Int) -> String { "=\(units)!\(CellAddress.cell(layout.averageRow, col, absolute: true))" }
    if let avg = s.branchStudyAverage.period {
      try b.put(cMonth, .formula(ref(UnitSheetLayout.branchPeriodColumn), cached: avg.value), hl(S.oneDecimal))
    } else {
      try b.put(cMonth, .text("—"), hl(S.centered))
    }
    if let p = previous {
      try b.put(cPrevious, .number(p.value), hl(S.oneDecimal))
    } else {
      try b.put(cPrevious, .text("—"), hl(S.centered))
    }
    if let avg = s.branchStudyAverage.period, let p = previous {
      try b.put(
        cChange, .formula("=\(CellAddress.cell(r, cMonth))-\(CellAddress.cell(r, cPrevious))", cached: avg.value - p.value),
        hl(S.changeOneDecimal))
    } else {
      try b.put(cChange, .text("—"), hl(S.centered))
    }
    if let avg = s.branchStudyAverage.cumulative {
      try b.put(cCumulative, .formula(ref(UnitSheetLayout.branchCumulativeColumn), cached: avg.value), hl(S.oneDecimal))
    } else {
      try b.put(cCumulative, .text("—"), hl(S.centered))
    }
    try b.put(cHoursMonth, .blank, hl(S.centered))
    try b.put(cHoursCumulative, .blank, hl(S.centered))
  }

  /// Rows of the funnel; the cumulative column holds figures as of the month's last day.
  /// Writes the matters block and returns the row of its first step (collected), for the chart.
  private func mattersBlock(_ b: SheetBuilder, startIndex: Int) throws(WriterError) -> Int {
    let m = ctx.report.current.matters, p = ctx.report.previous?.matters
    var index = startIndex
    var rowOf: [String: Int] = [:]
    let steps: [(String, String, String, String, Int, Int?, Int)] = [
      ("collected", "收集意见建议", "Opinions collected", ctx.t("条", "items"), m.period.collected, p?.period.collected, m.asOf.collected),
      (
        "consolidated", "梳理汇总事项", "Matters consolidated", ctx.t("项", "matters"), m.period.consolidated, p?.period.consolidated,
        m.asOf.consolidated
      ),
      ("claimed", "领导认领事项", "Claimed by leaders", ctx.t("项", "matters"), m.period.claimed, p?.period.claimed, m.asOf.claimed),
      ("resolved", "已解决事项", "Resolved", ctx.t("项", "matters"), m.period.resolved, p?.period.resolved, m.asOf.resolved),
    ]
    let category = ctx.t("办实事", "Matters")
    for (i, step) in steps.enumerated() {
      index += 1
      let r = try b.nextRow(height: 18)
      rowOf[step.0] = r
      let hl = S.highlighted
      try b.put(cIndex, .integer(index), hl(S.centered))
      try categoryCell(b, i == 0 ? category : nil)
      try b.put(cName, .text(ctx.t(step.1, step.2)), hl(S.text))
      try b.put(cMeasure, .text(step.3), hl(S.centered))
      try b.put(cMonth, .integer(step.4), hl(S.integer))
      try previousAndChange(b, row: r, current: step.4, previous: step.5, style: hl)
      try b.put(cCumulative, .integer(step.6), hl(S.integer))
      try b.put(cHoursMonth, .blank, hl(S.centered))
      try b.put(cHoursCumulative, .blank, hl(S.centered))
    }
    // Claimed and resolved, as of the month's end: the claimed rate's numerator.
    index += 1
    let cr = try b.nextRow(height: 18)
    rowOf["claimedAndResolved"] = cr
    // Only the cumulative column: beside in-month counts, an as-of figure would read as a subset.
    let hl = S.highlighted
    try b.put(cIndex, .integer(index), hl(S.centered))
    try categoryCell(b, nil)
    try b.put(cName, .text(ctx.t("其中：已认领事项已解决", "of which claimed and resolved")), hl(S.text))
    try b.put(cMeasure, .text(ctx.t("项", "matters")), hl(S.centered))
    for col in [cMonth, cPrevious, cChange, cHoursMonth, cHoursCumulative] { try b.put(col, .blank, hl(S.centered)) }
    try b.put(cCumulative, .integer(m.claimedAndResolved), hl(S.integer))
    // Rates as of the month's end (本月末) against last month's end (上月末).
    let rates: [(String, String, String, Ratio?, Ratio?)] = [
      ("resolved", "consolidated", ctx.t("解决率", "Resolution rate"), m.resolutionRate, p?.resolutionRate),
      ("claimedAndResolved", "claimed", ctx.t("认领事项解决率", "Claimed resolution rate"), m.claimedResolutionRate, p?.claimedResolutionRate),
    ]
    for rate in rates {
      index += 1
      let r = try b.nextRow(height: 18)
      let hl = S.highlighted
      try b.put(cIndex, .integer(index), hl(S.centered))
      try categoryCell(b, nil)
      try b.put(cName, .text(rate.2), hl(S.text))
      try b.put(cMeasure, .text("%"), hl(S.centered))
      let num = CellAddress.cell(rowOf[rate.0]!, cCumulative), den = CellAddress.cell(rowOf[rate.1]!, cCumulative)
      let formula = "=IF(\(den)=0,\"—\",\(num)/\(den))"
      if let v = rate.3 {
        try b.put(cMonth, .formula(formula, cached: v.value), hl(S.percent))
      } else {
        try b.put(cMonth, .textFormula(formula, cached: "—"), hl(S.percent.with { $0.align = .center }))
      }
      if let pv = rate.4 {
        try b.put(cPrevious, .number(pv.value), hl(S.percent))
      } else {
        try b.put(cPrevious, .text("—"), hl(S.centered))
      }
      if let v = rate.3, let pv = rate.4 {
        try b.put(
          cChange, .formula("=\(CellAddress.cell(r, cMonth))-\(CellAddress.cell(r, cPrevious))", cached: v.value - pv.value),
          hl(S.changePercent))
      } else {
        try b.put(cChange, .text("—"), hl(S.centered))
      }
      if let v = rate.3 {
        try b.put(cCumulative, .formula("=\(CellAddress.cell(r, cMonth))", cached: v.value), hl(S.percent))
      } else {
        try b.put(cCumulative, .textFormula("=\(CellAddress.cell(r, cMonth))", cached: "—"), hl(S.percent.with { $0.align = .center }))
      }
      try b.put(cHoursMonth, .blank, hl(S.centered))
      try b.put(cHoursCumulative, .blank, hl(S.centered))
    }
    let asOf: [(String, String, Int, Int?)] = [
      (ctx.t("逾期未解决事项", "Overdue matters"), ctx.t("项", "matters"), m.overdue, p?.overdue),
      (ctx.t("重点民生项目", "Key projects"), ctx.t("项", "matters"), m.keyProjects, p?.keyProjects),
    ]
    for (i, row) in asOf.enumerated() {
      index += 1
      try b.nextRow(height: 18)
      try asOfRow(b, index: index, name: row.0, measure: row.1, value: row.2, previous: row.3, highlight: false, last: i == asOf.count - 1)
    }
    return rowOf["collected"]!
  }

  /// A figure as of the month's end: this month and cumulative both show it; last month shows
  /// it as of last month's end.
  private func asOfRow(
    _ b: SheetBuilder, index: Int, name: String, measure: String, value: Int, previous: Int?, highlight: Bool, last: Bool
  ) throws(WriterError) {
    let r = b.row
    func st(_ x: CellStyle) -> CellStyle { highlight ? S.highlighted(x) : x }
    try b.put(cIndex, .integer(index), st(S.centered))
    try b.put(
      cCategory, .blank,
      S.centered.with {
        $0.top = .none; $0.bottom = last ? .thin : .none
      })
    try b.put(cName, .text(name), st(S.text))
    try b.put(cMeasure, .text(measure), st(S.centered))
    try b.put(cMonth, .integer(value), st(S.integer))
    try previousAndChange(b, row: r, current: value, previous: previous, style: st)
    try b.put(cCumulative, .integer(value), st(S.integer))
  }

  /// The previous period's count and the change as a formula; dashes when there is no
  /// previous period (a range of days).
  private func previousAndChange(_ b: SheetBuilder, row r: Int, current: Int, previous: Int?, style st: (CellStyle) -> CellStyle)
    throws(WriterError)
  {
    guard let previous else {
      try b.put(cPrevious, .text("—"), st(S.centered))
      try b.put(cChange, .text("—"), st(S.centered))
      return
    }
    try b.put(cPrevious, .integer(previous), st(S.integer))
    try b.put(
      cChange, .formula("=\(CellAddress.cell(r, cMonth))-\(CellAddress.cell(r, cPrevious))", cached: Double(current - previous)),
      st(S.change))
    try b.put(cHoursMonth, .blank, st(S.centered))
    try b.put(cHoursCumulative, .blank, st(S.centered))
  }

  private func notes(_ b: SheetBuilder) throws(WriterError) {
    let s = ctx.stats
    let excluded = s.units.filter { !$0.unit.counted }.map(\.unit.name)
    let excludedText =
      excluded.isEmpty
      ? ""
      : ctx.t("\(excluded.joined(separator: "、"))不参与平均数和排名。", " \(excluded.joined(separator: ", ")) not counted in averages and rankings.")
    let divisor = s.matters.headlineDivisor == .claimed ? ctx.t("认领事项", "claimed matters") : ctx.t("汇总事项", "consolidated matters")
    let lines = [
      ctx.t("说明：", "Notes:"),
      ctx.t(
        "1. 累计自\(ctx.dateText(s.windows.cumulative.start))起至\(ctx.words.end)；办实事各项“累计”为截至\(ctx.words.end)的数，“\(ctx.words.this)”为\(ctx.words.this)内新增数。",
        "1. Cumulative runs from \(ctx.dateText(s.windows.cumulative.start)) to \(ctx.words.end); for matters, cumulative means as of \(ctx.words.end), \(ctx.words.this) means within the period."
      ),
      ctx.t(
        "2. 基层党组织平均集中学习次数 = 参与统计的党总支（直属党支部）集中学习次数之和 ÷ 参与统计单位数，未开展学习的单位计为0次。下属党支部的学习计入所属单位，党委本级学习不计入。" + excludedText,
        "2. Average branch sessions = branch sessions of the counted units ÷ number of counted units; units with none count as 0. Sub-branch sessions count for their unit; the committee's own do not."
          + excludedText),
      ctx.t(
        "3. 解决率 = 截至\(ctx.words.end)已解决事项 ÷ 截至\(ctx.words.end)梳理汇总事项；认领事项解决率 = 已认领事项中已解决的 ÷ 领导认领事项；主要口径按\(divisor)计。比率按日期计算，不随之后录入的数据改变。",
        "3. Resolution rate = matters resolved ÷ matters consolidated, as of \(ctx.words.end); claimed resolution rate = claimed matters resolved ÷ matters claimed. The headline rate uses \(divisor). Rates come from dates and do not change when later data is loaded."
      ),
      ctx.t(
        "4. 逾期未解决 = 截至\(ctx.words.end)已汇总、计划完成日期早于\(ctx.words.end)且尚未解决的事项。",
        "4. Overdue = matters consolidated by \(ctx.words.end), due before it and not resolved by it."),
    ]
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
