import Aggregation
import ArgumentParser
import CampaignModel
import CampaignStore
import Foundation
import Workflow
import Writers

/// Options of the commands that render the briefing.
struct BriefingOptions: ParsableArguments {
  /// A folder of the user's templates.
  @Option(
    name: .long,
    help: ArgumentHelp(
      tr(
        "自定义简报模板 briefing.zh.mustache / briefing.en.mustache 所在文件夹（否则用 templates_dir 设置，再否则用当前目录下含模板的 ./Templates，最后用内置模板）。",
        "A folder with your own briefing.zh.mustache / briefing.en.mustache (else the templates_dir setting, else ./Templates when it has them, else the built-in ones)."
      ), valueName: "dir"))
  var templates: String?
}

extension Report {
  /// `report brief --month YYYY-MM`: the month's briefing on stdout.
  struct BriefCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "brief",
      abstract: tr("按简报模板输出本月简报。", "Print the month's briefing (简报) from its template."))

    @OptionGroup var options: GlobalOptions
    @OptionGroup var briefing: BriefingOptions

    @OptionGroup var selection: MonthSelection
    @OptionGroup var scope: RootOption

    func run() throws {
      let lang = options.language, period = selection.period
      try RunLog.run(options, command: "brief", period: period.description) {
        let store = try options.openStore(.existing)
        var request = ReportRequest(
          period: period, reportDate: selection.today.day, lang: lang, root: scope.root, templates: briefing.templates,
          campaign: scope.campaign)
        request.choseByPrevious = selection.previous
        let (text, warnings) = try Console.guarded(lang) { try Reports.briefingAndWarnings(request, store: store) }
        warnings.forEach(Console.error)
        print(text, terminator: "")
        return []
      }
    }
  }
}
