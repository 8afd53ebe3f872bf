import ArgumentParser
import Foundation
import Synthetic

extension Report {
  /// `report generate`: synthetic, contract-valid CSV files for benchmarks.
  struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "generate",
      abstract: tr(
        "生成模拟单位的 CSV 文件（用于性能测试）；相同的种子生成相同的文件。",
        "Write synthetic CSV files of an institution (for benchmarks); the same seed gives the same files."))

    @Option(
      name: .long,
      help: ArgumentHelp(tr("党委直属单位数（每个党总支下设1至5个支部）。", "Units directly under the committee (each general branch gets 1–5 branches).")))
    var units = 100
    @Option(name: .long, help: ArgumentHelp(tr("一年的活动记录行数。", "Activity rows over one year.")))
    var activities = 100_000
    @Option(name: .long, help: ArgumentHelp(tr("办实事事项数（意见建议为事项数的3.6倍）。", "Matters in the ledger (opinions: 3.6 per matter).")))
    var matters = 1_000
    @Option(name: .long, help: ArgumentHelp(tr("随机数种子。", "Seed of the generator.")))
    var seed: UInt64 = 1
    @Option(name: .long, help: ArgumentHelp(tr("记录所在年份。", "The year the records fall in.")))
    var year = 2021
    @Option(name: .long, help: ArgumentHelp(tr("输出文件夹。", "The folder to write into."), valueName: "dir"))
    var out: String

    func validate() throws {
      if units < 1 || activities < 0 || matters < 0 { throw ValidationError("--units must be ≥ 1, --activities and --matters ≥ 0.") }
    }

    func run() throws {
      do {
        try SyntheticCampaign(units: units, activities: activities, matters: matters, seed: seed, year: year).write(to: out)
      } catch {
        Console.error("report: cannot write \(out): \(error)")
        throw ExitCode(Exit.cannotCreate.rawValue)
      }
      print(URL(fileURLWithPath: out).standardizedFileURL.path)
    }
  }
}
