import Aggregation
import ArgumentParser
import CampaignModel
import CampaignStore
import Workflow
import Writers

extension Report {
  /// `report stats --month YYYY-MM [--json]`.
  struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "stats",
      abstract: tr("以表格或 JSON 输出某月统计数据。", "Print the statistics of a month, as a table or as JSON."))

    @OptionGroup var options: GlobalOptions

    @OptionGroup var selection: MonthSelection
    @OptionGroup var scope: RootOption

    @Flag(name: .long, help: ArgumentHelp(tr("输出 JSON（格式见 README），而不是表格。", "Print JSON (the documented shape) instead of a table.")))
    var json = false

    func run() throws {
      let period = selection.period
      try RunLog.run(options, command: "stats", period: period.description) {
        let store = try options.openStore(.existing)
        if json {
          let value = try Console.guarded(options.language) {
            try FiguresJSON.stats(period: period, store: store, root: scope.root, campaign: scope.campaign)
          }
          print(value.rendered())
        } else {
          let stats = try Console.guarded(options.language) {
            try store.snapshot(root: scope.root, campaign: .given(scope.campaign, else: .inForce(period.days.end))) { source in
              try Statistics.compute(period: period.days, from: source)
            }
          }
          print(StatisticsTable.render(stats, lang: options.language), terminator: "")
        }
        return []
      }
    }
  }
}
