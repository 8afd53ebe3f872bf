import Aggregation
import CampaignModel
import Foundation

/// The monthly statistics workbook (统计月报): six print-ready sheets whose figures are the
/// statistics engine's, written in constant memory.
public enum MonthlyWorkbook {
  /// Writes the workbook of `report` to `path`. `source` streams the month's detail rows; call
  /// this inside the snapshot the report was computed from so both agree.
  public static func write(
    _ report: MonthlyReport, source: any StatisticsSource, to path: String, lang: Language, reportDate: Day,
    temporaryDirectory: String? = nil
  ) throws {
    let ctx = WorkbookContext(report: report, lang: lang, reportDate: reportDate)
    let workbook = try Workbook(path: path, constantMemory: true, temporaryDirectory: temporaryDirectory)
    try workbook.setProperties(
      title: ctx.title, subject: ctx.t("统计月报", "Monthly statistics") + " " + report.month.iso,
      author: report.current.reportingUnit, company: report.current.settings.institution, created: report.month.last)
    try OverviewSheet(ctx: ctx).write(workbook)
    try UnitSheet(ctx: ctx).write(workbook)
    try DetailSheet(ctx: ctx, kind: .activities).write(workbook, source: source)
    try DetailSheet(ctx: ctx, kind: .supervision).write(workbook, source: source)
    try LedgerSheet(ctx: ctx).write(workbook)
    try PublicitySheet(ctx: ctx).write(workbook)
    try workbook.close()
  }
}
