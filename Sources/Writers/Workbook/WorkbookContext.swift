import Aggregation
import CampaignModel

/// What every sheet of a report workbook needs: the figures, the language, the reporting date,
/// the sheet names, and where the by-unit table's rows are (the overview refers to them).
struct WorkbookContext {
  let report: MonthlyReport
  let lang: Language
  /// 报出日期.
  let reportDate: Day

  var stats: Statistics { report.current }
  func t(_ zh: String, _ en: String) -> String { lang.pick(zh, en) }

  var overviewName: String { SheetName.clean(t("总览", "Overview")) }
  var unitsName: String { SheetName.clean(t("支部统计", "By unit")) }
  var activitiesName: String { SheetName.clean(t("学习活动明细", "Activities")) }
  var supervisionName: String { SheetName.clean(t("督查督导", "Supervision")) }
  var ledgerName: String { SheetName.clean(t("办实事台账", "Matters ledger")) }
  var publicityName: String { SheetName.clean(t("宣传报道", "Publicity")) }

  /// The period as forms write it: 2021年7月1日—7月31日.
  var periodText: String {
    let p = stats.windows.period
    return lang == .zh
      ? "\(p.start.chinese)—\(p.end.year == p.start.year ? "\(p.end.month)月\(p.end.day)日" : p.end.chinese)"
      : "\(p.start.iso) to \(p.end.iso)"
  }

  /// Page set-up with the footer in the report's language.
  var printSetup: PrintSetup {
    var p = PrintSetup()
    p.footer = t("&C第 &P 页 共 &N 页", "&CPage &P of &N")
    return p
  }

  func dateText(_ d: Day) -> String { lang == .zh ? d.chinese : d.iso }

  /// The report's title.
  var title: String {
    let name = stats.settings.institution + stats.settings.campaign
    return lang == .zh
      ? "\(name)统计月报（\(report.month.year)年\(report.month.month)月）"
      : "\(stats.settings.institution) \(stats.settings.campaign): monthly statistics, \(englishMonth(report.month))"
  }

  func englishMonth(_ m: Month) -> String {
    let names = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
    return "\(names[m.month - 1]) \(m.year)"
  }

  /// Row layout of the by-unit sheet, shared with the overview's formulas.
  var unitRows: UnitSheetLayout { UnitSheetLayout(unitCount: stats.units.count) }
}

/// Where the by-unit table's parts are (0-based rows and columns).
struct UnitSheetLayout {
  let unitCount: Int
  let firstUnitRow = 4
  var lastUnitRow: Int { firstUnitRow + max(unitCount, 1) - 1 }
  var totalRow: Int { lastUnitRow + 1 }
  var averageRow: Int { lastUnitRow + 2 }
  static let countedColumn = 2
  static let branchPeriodColumn = 3
  static let branchCumulativeColumn = 4
}
