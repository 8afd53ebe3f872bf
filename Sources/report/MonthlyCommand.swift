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
      abstract: "Write the month's statistics workbook and briefing (monthly-YYYY-MM.xlsx and .txt).")

    @OptionGroup var options: GlobalOptions
    @OptionGroup var briefing: BriefingOptions

    @Option(name: .long, help: ArgumentHelp("The month to report.", valueName: "YYYY-MM"))
    var month: Month

    @Option(name: .long, help: ArgumentHelp("The folder to write into (created when missing).", valueName: "dir"))
    var out = "Output"

    @Option(name: .long, help: ArgumentHelp("The reporting date printed on the forms (default: today).", valueName: "YYYY-MM-DD"))
    var today: Day?

    func run() throws {
      let lang = options.language
      let store = try options.openStore(.existing)
      let folder = URL(fileURLWithPath: out)
      let workbook = folder.appendingPathComponent("monthly-\(month.iso).xlsx").path
      let text = folder.appendingPathComponent("monthly-\(month.iso).txt").path
      let reportDate = today ?? Day.today()
      try Console.guarded(lang) {
        try store.snapshot { source in
          let report = try PeriodReport.compute(month: month, from: source)
          // The briefing is rendered first: a template error must not leave a new workbook
          // beside an old briefing.
          let template = try Briefing.template(lang: lang, directory: briefing.directory(settings: report.current.settings, lang: lang))
          let briefingText = try Briefing.render(report, template: template, lang: lang, reportDate: reportDate)
          try OutputFile.write(workbook) { temp in
            try ReportWorkbook.write(report, source: source, to: temp, lang: lang, reportDate: reportDate)
          }
          try OutputFile.write(text, text: briefingText)
        }
      }
      options.say(workbook)
      options.say(text)
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
