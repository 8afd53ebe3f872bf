import ArgumentParser
import CampaignModel
import CampaignStore
import Foundation

/// Options every command takes.
struct GlobalOptions: ParsableArguments {
  /// The store's path; the environment and the default apply when absent.
  @Option(name: .long, help: ArgumentHelp("The database file (default: $REPORT_DB, else ~/.local/share/campaign-report/campaign.sqlite).", valueName: "path"))
  var db: String?

  /// The language of messages and outputs.
  @Option(name: .long, help: "Language of output and messages: zh (default, or $REPORT_LANG) or en.")
  var lang: Language?

  /// Silences everything but errors.
  @Flag(name: .long, help: "Print nothing but errors.")
  var quiet = false

  /// The database path to use.
  var databasePath: String {
    if let db { return db }
    let env = ProcessInfo.processInfo.environment
    if let path = env["REPORT_DB"], !path.isEmpty { return path }
    return CampaignStore.defaultPath()
  }

  /// The language to use.
  var language: Language {
    if let lang { return lang }
    if let env = ProcessInfo.processInfo.environment["REPORT_LANG"], let l = Language(rawValue: env) { return l }
    return .zh
  }

  /// Opens the store, mapping failures to exit codes.
  func openStore(_ mode: CampaignStore.OpenMode) throws -> CampaignStore {
    try Console.guarded(language) { try CampaignStore(path: databasePath, mode: mode) }
  }

  /// Prints a line to stdout unless --quiet.
  func say(_ text: String) {
    if !quiet { print(text) }
  }
}

extension Language: ExpressibleByArgument {}

extension Month: ExpressibleByArgument {
  public init?(argument: String) { self.init(parsing: argument) }
}

extension RecordType: ExpressibleByArgument {}
