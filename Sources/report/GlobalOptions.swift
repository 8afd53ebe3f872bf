import ArgumentParser
import CampaignModel
import CampaignStore
import Foundation
import Workflow

/// Options every command takes.
struct GlobalOptions: ParsableArguments {
  /// The store's path; the environment and the default apply when absent.
  @Option(
    name: .long,
    help: ArgumentHelp(
      tr(
        "数据库文件，或 PostgreSQL 数据库 postgresql://用户@主机:端口/库名（默认：$REPORT_DB，否则 ~/.local/share/campaign-report/campaign.sqlite）。",
        "The database file, or a PostgreSQL database as postgresql://user@host:port/dbname (default: $REPORT_DB, else ~/.local/share/campaign-report/campaign.sqlite)."
      ),
      valueName: "path|url"))
  var db: String?

  /// The language of messages and outputs.
  @Option(
    name: .long,
    help: ArgumentHelp(tr("输出和提示的语言：zh（默认，或 $REPORT_LANG）或 en。", "Language of output and messages: zh (default, or $REPORT_LANG) or en.")))
  var lang: Language?

  /// Silences everything but errors.
  @Flag(name: .long, help: ArgumentHelp(tr("只输出错误信息。", "Print nothing but errors.")))
  var quiet = false

  /// How long to wait for another run holding the database's lock.
  @Option(
    name: .long,
    help: ArgumentHelp(
      tr("等待其他任务释放数据库的秒数，超时以退出码 75 结束。", "Seconds to wait for another run using the database before giving up with exit 75."),
      valueName: "seconds"))
  var wait: Double = 30

  /// A file that gets one line per run.
  @Option(
    name: .long,
    help: ArgumentHelp(
      tr("每次运行在该文件末尾追加一行：时间、命令、统计期、文件、结果。", "Append one line per run to this file: time, command, period, files, outcome."),
      valueName: "file"))
  var log: String?

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
    try Console.guarded(language) { try CampaignStore(path: databasePath, mode: mode, wait: wait) }
  }

  /// Takes the lock beside a SQLite database for a kind of work, waiting at most `--wait`
  /// seconds. A PostgreSQL store needs none: the server keeps concurrent imports apart, and
  /// reports read snapshots.
  func lock(_ purpose: RunLock.Purpose) throws -> RunLock? {
    try Console.guarded(language) { try Submissions.lock(purpose, database: databasePath, wait: wait) }
  }

  /// Prints a line to stdout unless --quiet.
  func say(_ text: String) {
    if !quiet { print(text) }
  }
}

extension Language: ExpressibleByArgument {}

extension Month: ExpressibleByArgument {
  /// A month on the command line: `YYYY-MM`, within the supported span.
  public init?(argument: String) {
    guard let m = Month(parsing: argument), ReportPeriod.month(m).isSupported else { return nil }
    self = m
  }
}

extension RecordType: ExpressibleByArgument {}
