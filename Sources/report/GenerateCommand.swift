import ArgumentParser
import Foundation
import Synthetic

extension Report {
  /// `report generate`: synthetic, contract-valid CSV files for benchmarks.
  struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "generate",
      abstract: "Write synthetic CSV files of an institution (for benchmarks); the same seed gives the same files.")

    @Option(name: .long, help: "Units directly under the committee (each general branch gets 1–5 branches).")
    var units = 100
    @Option(name: .long, help: "Activity rows over one year.")
    var activities = 100_000
    @Option(name: .long, help: "Matters in the ledger (opinions: 3.6 per matter).")
    var matters = 1_000
    @Option(name: .long, help: "Seed of the generator.")
    var seed: UInt64 = 1
    @Option(name: .long, help: "The year the records fall in.")
    var year = 2021
    @Option(name: .long, help: ArgumentHelp("The folder to write into.", valueName: "dir"))
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
