import Aggregation
import ArgumentParser
import CampaignModel
import CampaignStore
import Foundation
import Writers

extension Report {
  /// `report monthly --month YYYY-MM`: the monthly statistics workbook.
  struct MonthlyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "monthly",
      abstract: "Write the month's statistics workbook (monthly-YYYY-MM.xlsx).")

    @OptionGroup var options: GlobalOptions

    @Option(name: .long, help: ArgumentHelp("The month to report.", valueName: "YYYY-MM"))
    var month: Month

    @Option(name: .long, help: ArgumentHelp("The folder to write into (created when missing).", valueName: "dir"))
    var out = "Output"

    @Option(name: .long, help: ArgumentHelp("The reporting date printed on the forms (default: today).", valueName: "YYYY-MM-DD"))
    var today: Day?

    func run() throws {
      let lang = options.language
      let store = try options.openStore(.existing)
      let path = URL(fileURLWithPath: out).appendingPathComponent("monthly-\(month.iso).xlsx").path
      let reportDate = today ?? Day.today()
      try Console.guarded(lang) {
        try OutputFile.write(path) { temp in
          try store.snapshot { source in
            let report = try MonthlyReport.compute(month: month, from: source)
            try MonthlyWorkbook.write(report, source: source, to: temp, lang: lang, reportDate: reportDate)
          }
        }
      }
      options.say(path)
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
