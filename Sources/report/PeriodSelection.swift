import ArgumentParser
import CampaignModel
import Foundation

/// `--today`: the day a run takes as today, for `--previous` and the reporting date.
struct TodayOption: ParsableArguments {
  @Option(
    name: .long,
    help: ArgumentHelp(
      tr(
        "把该日当作今天：用于 --previous 和报表上的报出日期（默认系统日期）。",
        "Take this day as today: for --previous and the reporting date on the forms (default: the system date)."), valueName: "YYYY-MM-DD"))
  var today: Day?

  /// The day to use as today: `--today`, else the system date in the local time zone.
  var day: Day { today ?? Day.today() }
}

/// `--month YYYY-MM` or `--previous` (the last complete month before today).
struct MonthSelection: ParsableArguments {
  @Option(name: .long, help: ArgumentHelp(tr("统计月份。", "The month to report."), valueName: "YYYY-MM"))
  var month: Month?

  @Flag(name: .long, help: ArgumentHelp(tr("统计今天之前最近一个完整的月。", "Report the last complete month before today.")))
  var previous = false

  @OptionGroup var today: TodayOption

  func validate() throws {
    if (month == nil) == !previous {
      throw ValidationError(Console.usage("请给出 --month YYYY-MM 或 --previous 之一。", "Give either --month YYYY-MM or --previous."))
    }
    try checkSupported(period)
  }

  var period: ReportPeriod { month.map { .month($0) } ?? .previousMonth(before: today.day) }
}

/// `--quarter 2021Q3` or `--previous`.
struct QuarterSelection: ParsableArguments {
  @Option(
    name: .long, help: ArgumentHelp(tr("统计季度，如 2021Q3。", "The quarter to report, e.g. 2021Q3."), valueName: "YYYYQn"),
    transform: { text in
      guard let q = ReportPeriod.quarter(parsing: text) else {
        throw ValidationError(Console.usage("“\(text)”不是季度，请写成 2021Q3。", "'\(text)' is not a quarter; write it as 2021Q3."))
      }
      return q
    })
  var quarter: ReportPeriod?

  @Flag(name: .long, help: ArgumentHelp(tr("统计今天之前最近一个完整的季度。", "Report the last complete quarter before today.")))
  var previous = false

  @OptionGroup var today: TodayOption

  func validate() throws {
    if (quarter == nil) == !previous {
      throw ValidationError(Console.usage("请给出 --quarter YYYYQn 或 --previous 之一。", "Give either --quarter YYYYQn or --previous."))
    }
    try checkSupported(period)
  }

  var period: ReportPeriod { quarter ?? .previousQuarter(before: today.day) }
}

/// `--year 2021` or `--previous`.
struct YearSelection: ParsableArguments {
  @Option(
    name: .long, help: ArgumentHelp(tr("统计年份。", "The year to report."), valueName: "YYYY"),
    transform: { text in
      guard let y = ReportPeriod.year(parsing: text) else {
        throw ValidationError(Console.usage("“\(text)”不是年份，请写成 2021。", "'\(text)' is not a year; write it as 2021."))
      }
      return y
    })
  var year: ReportPeriod?

  @Flag(name: .long, help: ArgumentHelp(tr("统计今天之前最近一个完整的年度。", "Report the last complete year before today.")))
  var previous = false

  @OptionGroup var today: TodayOption

  func validate() throws {
    if (year == nil) == !previous {
      throw ValidationError(Console.usage("请给出 --year YYYY 或 --previous 之一。", "Give either --year YYYY or --previous."))
    }
    try checkSupported(period)
  }

  var period: ReportPeriod { year ?? .previousYear(before: today.day) }
}

/// `--from DATE --to DATE`: any range of days, both included.
struct RangeSelection: ParsableArguments {
  @Option(name: .long, help: ArgumentHelp(tr("起始日期。", "The first day."), valueName: "YYYY-MM-DD"))
  var from: Day

  @Option(name: .long, help: ArgumentHelp(tr("截止日期（含）。", "The last day (included)."), valueName: "YYYY-MM-DD"))
  var to: Day

  @OptionGroup var today: TodayOption

  func validate() throws {
    if to < from {
      throw ValidationError(Console.usage("--to \(to.iso) 早于 --from \(from.iso)。", "--to \(to.iso) is before --from \(from.iso)."))
    }
    try checkSupported(period)
  }

  var period: ReportPeriod { .range(DayRange(from, to)!) }
}

/// Refuses a period outside `ReportPeriod.supported` (exit 64), so every command takes the same
/// range of periods.
func checkSupported(_ period: ReportPeriod) throws {
  guard period.isSupported else {
    throw ValidationError(
      Console.usage(
        "统计期 \(period) 超出支持的范围（1900年1月1日至9998年12月31日）。", "the period \(period) is outside the supported span (1900-01-01 to 9998-12-31)."))
  }
}

/// `--root ORG`: report on one organization's subtree instead of the whole tree.
struct RootOption: ParsableArguments {
  @Option(
    name: .long,
    help: ArgumentHelp(
      tr(
        "只统计该组织及其下级；其直接下级为统计单位（默认全校）。",
        "Report on this organization and everything under it; its direct children are the units (default: the whole tree)."),
      valueName: "id"))
  var root: String?

  @OptionGroup var campaignOption: CampaignOption
  var campaign: String? { campaignOption.campaign }
}

/// `--campaign CODE`: which campaign a command works on.
struct CampaignOption: ParsableArguments {
  @Option(
    name: .long,
    help: ArgumentHelp(
      tr(
        "活动编码（见 report campaign list）。默认：报表取统计期最后一天所在的活动，其他命令取今天所在的活动；有多个时取开始最晚的。",
        "The campaign's code (see report campaign list). Default: for a report, the campaign in force on the period's last day; for other commands, today's; the latest started when several are."
      ),
      valueName: "code"))
  var campaign: String?
}
