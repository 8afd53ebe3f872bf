import Aggregation
import CampaignModel
import Foundation

/// The statistics workbook of a period (统计月报, 季报, 年报): print-ready sheets whose figures are
/// the statistics engine's, written in constant memory. A period of several months gets a sheet
/// of month-by-month counts with a trend chart.
public enum ReportWorkbook {
  /// Writes the workbook of `report` to `path`. `source` streams the month's detail rows; call
  /// this inside the snapshot the report was computed from so both agree. A detail sheet holds
  /// at most `detailRowsPerSheet` rows (Excel's limit) and goes on in continuation sheets.
  public static func write(
    _ report: PeriodReport, source: any StatisticsSource, to path: String, lang: Language, reportDate: Day,
    temporaryDirectory: String? = nil, detailRowsPerSheet: Int = 1_048_576
  ) throws {
    let ctx = WorkbookContext(report: report, lang: lang, reportDate: reportDate)
    let workbook = try Workbook(path: path, constantMemory: true, temporaryDirectory: temporaryDirectory)
    try workbook.setProperties(
      title: ctx.title, subject: ctx.words.reportName + " " + report.period.description,
      author: report.current.reportingUnit, company: report.current.settings.institution, created: report.period.days.end)
    try OverviewSheet(ctx: ctx).write(workbook)
    if !report.trend.isEmpty { try TrendSheet(ctx: ctx).write(workbook) }
    try UnitSheet(ctx: ctx).write(workbook)
    if !report.current.targets.isEmpty { try TargetSheet(ctx: ctx).write(workbook) }
    try DetailSheet(ctx: ctx, kind: .activities, rowsPerSheet: detailRowsPerSheet).write(workbook, source: source)
    try DetailSheet(ctx: ctx, kind: .supervision, rowsPerSheet: detailRowsPerSheet).write(workbook, source: source)
    try LedgerSheet(ctx: ctx).write(workbook)
    try PublicitySheet(ctx: ctx).write(workbook)
    try workbook.close()
  }
}
