import Aggregation
import CampaignModel

/// The sheet of a period of several months (逐月统计): every kind's count month by month with a
/// total, and a chart of branch sessions and supervision visits over the months.
struct TrendSheet {
  let ctx: WorkbookContext
  typealias S = ReportStyles

  func write(_ workbook: Workbook) throws(WriterError) {
    let s = ctx.stats, trend = ctx.report.trend
    let sheet = try workbook.addSheet(SheetName.clean(ctx.t("逐月统计", "By month")))
    let b = SheetBuilder(sheet, maxWidth: [1: 30], minWidth: 7)
    let firstMonthColumn = 3
    let totalColumn = firstMonthColumn + trend.count
    try b.nextRow(height: 26)
    try b.merged(0...totalColumn, ctx.t("逐月统计（\(ctx.periodText)）", "By month (\(ctx.periodText))"), S.title.with { $0.size = 14 })
    try b.nextRow(height: 18)
    try b.merged(0...totalColumn, ctx.reportingUnitLine, S.subtitleLeft)
    try b.nextRow(height: 22)
    let sameYear = Set(trend.map(\.month.year)).count == 1
    let monthLabels = trend.map { t in
      sameYear ? ctx.t("\(t.month.month)月", Phrases.englishMonthName(t.month.month).prefix(3) + "") : Phrases.month(t.month, lang: ctx.lang)
    }
    try b.header([ctx.t("序号", "No."), ctx.t("指标", "Indicator"), ctx.t("计量单位", "Unit")] + monthLabels + [ctx.t("合计", "Total")])
    var rowOf: [String: Int] = [:]
    for (i, k) in s.kinds.enumerated() {
      let r = try b.nextRow(height: 18)
      rowOf[k.kind.code] = r
      try b.put(0, .integer(i + 1), S.centered)
      try b.put(1, .text(k.kind.name(in: ctx.lang)), S.text)
      try b.put(2, .text(k.kind.measure(in: ctx.lang)), S.centered)
      var total = 0
      for (j, month) in trend.enumerated() {
        let n = month.kinds[k.kind.code] ?? 0
        total += n
        try b.put(firstMonthColumn + j, .integer(n), S.integer)
      }
      let range = CellAddress.range(r, firstMonthColumn, r, totalColumn - 1)
      try b.put(totalColumn, .formula("=SUM(\(range))", cached: Double(total)), S.integer.with { $0.bold = true })
    }
    try b.nextRow()
    try b.nextRow(height: 30)
    try b.merged(
      0...totalColumn,
      ctx.t(
        "注：各月为该月落在统计期内的天数的记录；合计等于总览中的“\(ctx.words.this)”数。",
        "Note: each month counts its days inside the period; the totals equal the overview's \(ctx.words.this) column."), S.note)

    let chart = workbook.addChart(.line)
    for (code, color) in [(s.settings.branchStudyKind, S.chartBlue), (s.settings.supervisionKind, S.chartRed)] {
      guard let r = rowOf[code], let kind = s.kind(code)?.kind else { continue }
      chart.addLineSeries(
        name: kind.name(in: ctx.lang), sheet: sheet.name, categoriesRow: 2, valuesRow: r,
        columns: firstMonthColumn...(totalColumn - 1), color: color)
    }
    chart.setTitle(ctx.t("逐月趋势", "Month by month"))
    chart.setAxisFonts()
    let charted = [s.settings.branchStudyKind, s.settings.supervisionKind]
    chart.setIntegerValues(maximum: trend.flatMap { m in charted.map { m.kinds[$0] ?? 0 } }.max() ?? 0)
    try b.nextRow()
    try sheet.insertChart(chart, row: b.row + 1, col: 1, xScale: 1.6, yScale: 1.0)
    try b.finish()
    try sheet.setupPrinting(
      ctx.printSetup.with {
        $0.onePage = true; $0.repeatRows = 2...2
      })
    sheet.freezePanes(row: 3, col: 2)
  }
}
