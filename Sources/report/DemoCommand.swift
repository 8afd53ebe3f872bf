import Aggregation
import ArgumentParser
import CampaignModel
import CampaignStore
import Writers

extension Report {
  /// `report demo`: loads the built-in sample institution and shows its July figures.
  struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "demo",
      abstract: tr(
        "载入内置示例单位（2021年2月至8月），并输出7月统计。", "Load the built-in demo institution (February to August 2021) and print July's statistics."))

    @OptionGroup var options: GlobalOptions

    func run() throws {
      try RunLog.run(options, command: "demo") {
        try load()
        return [CampaignStore.redacted(options.databasePath)]
      }
    }

    private func load() throws {
      let lang = options.language
      let lock = try options.lock(.writing)
      defer { withExtendedLifetime(lock) {} }
      let store = try options.openStore(.createIfMissing)
      let summaries = try Console.guarded(lang) { try store.loadDemo() }
      let rows = summaries.reduce(0) { $0 + $1.rows }
      options.say(lang.pick("已载入示例数据（\(rows) 行）到 \(store.path)", "Loaded the demo data (\(rows) rows) into \(store.path)"))
      guard !options.quiet else { return }
      let july = Month(year: 2021, month: 7)!
      let stats = try Console.guarded(lang) {
        try store.snapshot(campaign: .inForce(july.days.end)) { try Statistics.compute(period: july.days, from: $0) }
      }
      print("")
      print(StatisticsTable.render(stats, lang: lang), terminator: "")
      print("")
      print(
        lang.pick(
          "下一步：report stats --month 2021-08 或 report stats --month 2021-07 --json",
          "Next: report stats --month 2021-08, or report stats --month 2021-07 --json"))
    }
  }
}
