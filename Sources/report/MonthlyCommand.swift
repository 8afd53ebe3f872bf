import Foundation
import ArgumentParser
import CampaignModel

extension Report {
  /// `report monthly --month YYYY-MM | --previous`.
  struct MonthlyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "monthly",
      abstract: "Write a month's workbook and briefing: monthly-YYYY-MM.xlsx and .txt.")

    @OptionGroup var options: GlobalOptions
    @OptionGroup var selection: MonthSelection
    @OptionGroup var output: OutputOptions
    @OptionGroup var briefing: BriefingOptions

    func run() throws {
      try ReportProduction.produce(
        "monthly", period: selection.period, reportDate: selection.today.day, options: options, briefing: briefing, output: output)
    }
  }

  /// `report quarterly --quarter 2021Q3 | --previous`.
  struct QuarterlyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "quarterly",
      abstract: "Write a quarter's workbook and briefing: quarterly-YYYYQn.xlsx and .txt.")

    @OptionGroup var options: GlobalOptions
    @OptionGroup var selection: QuarterSelection
    @OptionGroup var output: OutputOptions
    @OptionGroup var briefing: BriefingOptions

    func run() throws {
      try ReportProduction.produce(
        "quarterly", period: selection.period, reportDate: selection.today.day, options: options, briefing: briefing, output: output)
    }
  }

  /// `report annual --year 2021 | --previous`.
  struct AnnualCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "annual",
      abstract: "Write a year's workbook and briefing: annual-YYYY.xlsx and .txt.")

    @OptionGroup var options: GlobalOptions
    @OptionGroup var selection: YearSelection
    @OptionGroup var output: OutputOptions
    @OptionGroup var briefing: BriefingOptions

    func run() throws {
      try ReportProduction.produce(
        "annual", period: selection.period, reportDate: selection.today.day, options: options, briefing: briefing, output: output)
    }
  }

  /// `report range --from DATE --to DATE`: figures "to date" (截至目前) or for any span.
  struct RangeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "range",
      abstract: "Write the workbook and briefing of any range of days: range-FROM_TO.xlsx and .txt.")

    @OptionGroup var options: GlobalOptions
    @OptionGroup var selection: RangeSelection
    @OptionGroup var output: OutputOptions
    @OptionGroup var briefing: BriefingOptions

    func run() throws {
      try ReportProduction.produce(
        "range", period: selection.period, reportDate: selection.today.day, options: options, briefing: briefing, output: output)
    }
  }
}

extension Day: ExpressibleByArgument {
  public init?(argument: String) { self.init(parsing: argument) }

  /// Today in the local time zone.
  static func today() -> Day {
    let c = Calendar.current.dateComponents([.year, .month, .day], from: Date())
    return Day(year: c.year!, month: c.month!, day: c.day!)!
  }
}
