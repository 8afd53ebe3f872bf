import Aggregation
import CampaignModel

/// What every sheet of a report workbook needs: the figures, the language, the reporting date,
/// the sheet names, and where the by-unit table's rows are (the overview refers to them).
struct WorkbookContext {
  let report: PeriodReport
  let lang: Language
  /// The period's words: 本月 / 上月 / 本月末 and the like.
  var words: PeriodText { PeriodText(report.period, lang: lang) }
  /// 报出日期.
  let reportDate: Day

  var stats: Statistics { report.current }
  func t(_ zh: String, _ en: String) -> String { lang.pick(zh, en) }

  /// A sheet's name: the campaign's setting in Chinese, a fixed name in English.
  private func sheet(_ key: SettingKey, _ en: String) -> String {
    SheetName.clean(t(stats.settings.sheetNames[key] ?? key.defaultValue, en))
  }
  var overviewName: String { sheet(.sheetOverview, "Overview") }
  var unitsName: String { sheet(.sheetUnits, "By unit") }
  var activitiesName: String { sheet(.sheetActivities, "Activities") }
  var supervisionName: String { sheet(.sheetSupervision, "Supervision") }
  var ledgerName: String { sheet(.sheetLedger, "Matters ledger") }
  var publicityName: String { sheet(.sheetPublicity, "Publicity") }

  /// The period as forms write it: 2021年7月1日—7月31日.
  var periodText: String { words.dates }
  /// The line under every sheet's title: 填报单位：<the reporting unit>.
  var reportingUnitLine: String { t("填报单位：", "Reporting unit: ") + stats.reportingUnit }

  /// 本月 / This month: a column header.
  var thisHeader: String { lang == .zh ? words.this : words.this.prefix(1).uppercased() + words.this.dropFirst() }
  /// 上月 / Last month; 上期 / Previous for a range of days, which has none.
  var previousHeader: String {
    guard let p = words.previous else { return t("上期", "Previous") }
    return lang == .zh ? p : p.prefix(1).uppercased() + p.dropFirst()
  }

  /// Page set-up with the footer in the report's language.
  var printSetup: PrintSetup {
    var p = PrintSetup()
    p.footer = t("&C第 &P 页 共 &N 页", "&CPage &P of &N")
    return p
  }

  func dateText(_ d: Day) -> String { lang == .zh ? d.chinese : d.iso }

  /// The report's title: 北辰职业技术学院党史学习教育统计月报（2021年7月）.
  var title: String {
    let name = stats.settings.institution + stats.settings.campaign
    return lang == .zh
      ? "\(name)\(words.reportName)（\(words.name)）"
      : "\(stats.settings.institution) \(stats.settings.campaign): \(words.reportName), \(words.name)"
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
