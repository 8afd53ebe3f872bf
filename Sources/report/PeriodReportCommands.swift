import ArgumentParser
import CampaignModel
import Foundation

/// A command that writes one period's workbook and briefing; only how the period is chosen
/// differs between them.
protocol PeriodReportCommand: ParsableCommand {
  associatedtype Selection: PeriodChoosing
  var options: GlobalOptions { get }
  var selection: Selection { get }
  var output: OutputOptions { get }
  var briefing: BriefingOptions { get }
  var scope: RootOption { get }
}

/// Options that choose a period and today.
protocol PeriodChoosing: ParsableArguments {
  var period: ReportPeriod { get }
  var today: TodayOption { get }
  /// Whether the period was chosen by `--previous` (from today) rather than named.
  var choseByPrevious: Bool { get }
}

extension MonthSelection: PeriodChoosing { var choseByPrevious: Bool { previous } }
extension QuarterSelection: PeriodChoosing { var choseByPrevious: Bool { previous } }
extension YearSelection: PeriodChoosing { var choseByPrevious: Bool { previous } }
extension RangeSelection: PeriodChoosing { var choseByPrevious: Bool { false } }

extension PeriodReportCommand {
  func run() throws {
    try ReportProduction.produce(
      Self.configuration.commandName ?? "report", period: selection.period, reportDate: selection.today.day, options: options,
      briefing: briefing, output: output, scope: scope, choseByPrevious: selection.choseByPrevious)
  }
}

extension Report {
  /// `report monthly --month YYYY-MM | --previous`.
  struct MonthlyCommand: PeriodReportCommand {
    static let configuration = CommandConfiguration(
      commandName: "monthly",
      abstract: tr(
        "生成月报工作簿和简报：monthly-YYYY-MM.xlsx、.txt 和 .docx。", "Write a month's workbook and briefing: monthly-YYYY-MM.xlsx, .txt and .docx."))
    @OptionGroup var options: GlobalOptions
    @OptionGroup var selection: MonthSelection
    @OptionGroup var output: OutputOptions
    @OptionGroup var briefing: BriefingOptions
    @OptionGroup var scope: RootOption
  }

  /// `report quarterly --quarter 2021Q3 | --previous`.
  struct QuarterlyCommand: PeriodReportCommand {
    static let configuration = CommandConfiguration(
      commandName: "quarterly",
      abstract: tr(
        "生成季报工作簿和简报：quarterly-YYYYQn.xlsx、.txt 和 .docx。", "Write a quarter's workbook and briefing: quarterly-YYYYQn.xlsx, .txt and .docx.")
    )
    @OptionGroup var options: GlobalOptions
    @OptionGroup var selection: QuarterSelection
    @OptionGroup var output: OutputOptions
    @OptionGroup var briefing: BriefingOptions
    @OptionGroup var scope: RootOption
  }

  /// `report annual --year 2021 | --previous`.
  struct AnnualCommand: PeriodReportCommand {
    static let configuration = CommandConfiguration(
      commandName: "annual",
      abstract: tr("生成年报工作簿和简报：annual-YYYY.xlsx、.txt 和 .docx。", "Write a year's workbook and briefing: annual-YYYY.xlsx, .txt and .docx."))
    @OptionGroup var options: GlobalOptions
    @OptionGroup var selection: YearSelection
    @OptionGroup var output: OutputOptions
    @OptionGroup var briefing: BriefingOptions
    @OptionGroup var scope: RootOption
  }

  /// `report range --from DATE --to DATE`: figures "to date" (截至目前) or for any span.
  struct RangeCommand: PeriodReportCommand {
    static let configuration = CommandConfiguration(
      commandName: "range",
      abstract: tr(
        "生成任意日期区间的工作簿和简报：range-起_止.xlsx、.txt 和 .docx。",
        "Write the workbook and briefing of any range of days: range-FROM_TO.xlsx, .txt and .docx."))
    @OptionGroup var options: GlobalOptions
    @OptionGroup var selection: RangeSelection
    @OptionGroup var output: OutputOptions
    @OptionGroup var briefing: BriefingOptions
    @OptionGroup var scope: RootOption
  }
}

extension Day: ExpressibleByArgument {
  /// A date on the command line: any of the import's spellings, within the supported span.
  public init?(argument: String) {
    guard let d = Day(parsing: argument), ReportPeriod.supported.contains(d) else { return nil }
    self = d
  }
}
