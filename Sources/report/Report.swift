import ArgumentParser
import Foundation

@main
struct Report: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "report",
    abstract: "Campaign records in, statistics, workbooks and briefings out (党史学习教育统计).",
    discussion: """
      The store is a SQLite file (--db PATH or REPORT_DB, default \
      ~/.local/share/campaign-report/campaign.sqlite) or a PostgreSQL database \
      (postgresql://user@host:port/dbname). Output is in Chinese unless --lang en.

      The monthly collection: template --unit --month, import (a submission), status, remind, \
      return, history, undo.

      Exit codes:
        0   success
        64  bad usage (unknown option, malformed month, invalid setting, unknown unit or batch)
        65  bad data: a bad file (nothing of it was imported; every problem is listed),
            a briefing template with a mistake, or an undo that later batches block
        66  missing input file, template or database
        69  the PostgreSQL server cannot be reached
        70  internal error
        73  cannot create output
        74  the disk is full, or failed, while writing the store
        75  busy: the database is locked by another run
        77  no permission: this user cannot write the database or its folder
      """,
    subcommands: [
      InitCommand.self, ImportCommand.self, StatsCommand.self, MonthlyCommand.self, QuarterlyCommand.self, AnnualCommand.self,
      RangeCommand.self, BriefCommand.self, TemplateCommand.self, ScheduleCommand.self, GenerateCommand.self, DemoCommand.self, ConfigCommand.self,
      KindsCommand.self, StatusCommand.self, RemindCommand.self, ReturnCommand.self, HistoryCommand.self, UndoCommand.self,
    ]
  )

  /// Runs the command; a usage error (exit 64) also gets its line in `--log FILE`.
  static func main() {
    // Past a file-size limit (`ulimit -f`) a write fails with EFBIG and the run exits 73 with
    // the previous files intact, instead of the process being killed midway by SIGXFSZ.
    signal(SIGXFSZ, SIG_IGN)
    let arguments = Array(CommandLine.arguments.dropFirst())
    do {
      var command = try parseAsRoot(arguments)
      try command.run()
    } catch {
      let status = exitCode(for: error).rawValue
      if status == 64 {
        RunLog.usageError(arguments: arguments, status: status, message: fullMessage(for: error).split(separator: "\n").first.map(String.init) ?? "")
      }
      exit(withError: error)
    }
  }
}
