import ArgumentParser
import Foundation

@main
struct Report: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "report",
    abstract: tr("活动记录导入，统计数据、报表和简报输出（学习教育统计）。", "Campaign records in, statistics, workbooks and briefings out (党史学习教育统计)."),
    discussion: tr(
      """
      数据库为 SQLite 文件（--db 路径或 REPORT_DB，默认 ~/.local/share/campaign-report/campaign.sqlite）\
      或 PostgreSQL 数据库（postgresql://用户@主机:端口/库名）。默认输出中文，--lang en 输出英文。

      每月报送流程：template --unit --month、import（报送）、status、remind、return、history、undo。
      选项可写在子命令之前或之后（report --db X stats 与 report stats --db X 相同）。
      Shell 补全：report --generate-completion-script bash（或 zsh），见 README。

      退出码：
        0   成功
        64  用法错误（未知选项、月份格式错误、统计期超出1900—9998年、设置无效、未知单位或批次）
        65  数据错误：文件有错误行（整个文件未导入，列出全部问题）、简报模板有误，
            或撤销被更晚的批次阻止
        66  输入文件、模板或数据库不存在
        69  无法连接 PostgreSQL 服务器
        70  内部错误
        73  无法创建输出文件
        74  写入数据库时磁盘已满或磁盘故障
        75  忙：数据库正被其他任务使用
        77  无权限：当前用户不能写数据库或其所在文件夹
      """,
      """
      The store is a SQLite file (--db PATH or REPORT_DB, default \
      ~/.local/share/campaign-report/campaign.sqlite) or a PostgreSQL database \
      (postgresql://user@host:port/dbname). Output is in Chinese unless --lang en.

      The monthly collection: template --unit --month, import (a submission), status, remind, \
      return, history, undo. Options may come before the subcommand too (report --db X stats is \
      report stats --db X). Shell completion: report --generate-completion-script bash (or zsh); \
      see the README.

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
      """),
    subcommands: [
      InitCommand.self, ImportCommand.self, StatsCommand.self, MonthlyCommand.self, QuarterlyCommand.self, AnnualCommand.self,
      RangeCommand.self, BriefCommand.self, TemplateCommand.self, ScheduleCommand.self, GenerateCommand.self, DemoCommand.self,
      ConfigCommand.self, CampaignCommand.self,
      KindsCommand.self, StatusCommand.self, RemindCommand.self, ReturnCommand.self, HistoryCommand.self, UndoCommand.self,
      ServeCommand.self, UserCommand.self, LinksCommand.self, TokenCommand.self,
    ]
  )

  /// Runs the command; a usage error (exit 64) also gets its line in `--log FILE`.
  static func main() {
    // Past a file-size limit (`ulimit -f`) a write fails with EFBIG and the run exits 73 with
    // the previous files intact, instead of the process being killed midway by SIGXFSZ.
    signal(SIGXFSZ, SIG_IGN)
    let arguments = CommandLineShape.subcommandFirst(Array(CommandLine.arguments.dropFirst()))
    if let typo = CommandLineShape.unknownSubcommand(arguments) {
      Console.error("report: " + typo)
      RunLog.usageError(arguments: arguments, status: Exit.usage.rawValue, message: typo)
      Foundation.exit(Exit.usage.rawValue)
    }
    do {
      var command = try parseAsRoot(arguments)
      try command.run()
    } catch {
      let status = exitCode(for: error).rawValue
      guard status == Exit.usage.rawValue, Console.argumentLanguage == .zh else {
        if status == Exit.usage.rawValue {
          RunLog.usageError(
            arguments: arguments, status: status, message: fullMessage(for: error).split(separator: "\n").first.map(String.init) ?? "")
        }
        exit(withError: error)
      }
      // ArgumentParser's own messages, in Chinese where they are known.
      let message = CommandLineShape.chinese(fullMessage(for: error))
      RunLog.usageError(arguments: arguments, status: status, message: message.split(separator: "\n").first.map(String.init) ?? "")
      if message.isEmpty {
        exit(withError: error)
      }
      Console.error(message)
      Foundation.exit(status)
    }
  }
}

/// How the command line is read before ArgumentParser sees it.
enum CommandLineShape {
  /// The options every command takes, and whether each takes a value.
  static let globalOptions: [String: Bool] = ["--db": true, "--lang": true, "--quiet": false, "--wait": true, "--log": true]

  static var subcommandNames: [String] { Report.configuration.subcommands.compactMap { $0.configuration.commandName } }

  /// `report --db X stats …` as `report stats --db X …`: global options given before the
  /// subcommand are moved after it.
  static func subcommandFirst(_ arguments: [String]) -> [String] {
    var moved: [String] = []
    var i = 0
    while i < arguments.count {
      let a = arguments[i]
      let name = a.split(separator: "=", maxSplits: 1).first.map(String.init) ?? a
      guard let takesValue = globalOptions[name] else { break }
      moved.append(a)
      if takesValue && !a.contains("=") && i + 1 < arguments.count {
        moved.append(arguments[i + 1])
        i += 1
      }
      i += 1
    }
    guard !moved.isEmpty, i < arguments.count else { return arguments }
    return [arguments[i]] + moved + arguments[(i + 1)...]
  }

  /// A message for a first word that is no subcommand, with the nearest one (`montly` →
  /// `monthly`); nil when the word is a subcommand, an option or absent.
  static func unknownSubcommand(_ arguments: [String]) -> String? {
    guard let first = arguments.first, !first.hasPrefix("-"), !subcommandNames.contains(first), first != "help" else { return nil }
    let nearest = subcommandNames.map { ($0, distance(first, $0)) }.min { $0.1 < $1.1 }
    let hint = nearest.flatMap { $0.1 <= 2 ? $0.0 : nil }
    return tr(
      "没有子命令“\(first)”。" + (hint.map { "您要用的是不是 report \($0)？" } ?? "") + "子命令列表见 report --help。",
      "there is no subcommand '\(first)'." + (hint.map { " Did you mean 'report \($0)'?" } ?? "") + " See report --help for the list.")
  }

  /// Edit distance between two words.
  static func distance(_ a: String, _ b: String) -> Int {
    let a = Array(a), b = Array(b)
    var row = Array(0...b.count)
    for i in 1...max(a.count, 1) where !a.isEmpty {
      var previous = row[0]
      row[0] = i
      for j in 1...max(b.count, 1) where !b.isEmpty {
        let saved = row[j]
        row[j] = min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] == b[j - 1] ? 0 : 1))
        previous = saved
      }
    }
    return row[b.count]
  }

  /// ArgumentParser's usual usage errors in Chinese; other text is kept as it is.
  static func chinese(_ message: String) -> String {
    var lines = message.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let patterns: [(Regex<(Substring, Substring, Substring)>, (String, String) -> String)] = [
      (/Error: The value '(.*)' is invalid for '(.*)'/, { v, o in "错误：“\(v)”不是 \(o) 的有效值。" }),
      (/Error: Missing value for '(.*)'()/, { o, _ in "错误：选项 \(o) 缺少值。" }),
      (/Error: Unknown option '(.*)'()/, { o, _ in "错误：未知选项 \(o)。" }),
      (/Error: Missing expected argument '(.*)'()/, { o, _ in "错误：缺少必需的参数 \(o)。" }),
      (/Error: Unexpected argument '(.*)'()/, { o, _ in "错误：多余的参数“\(o)”。" }),
      (/Error: (.*)()/, { m, _ in "错误：\(m)" }),
    ]
    for (i, line) in lines.enumerated() {
      for (regex, make) in patterns {
        if let m = try? regex.wholeMatch(in: line) {
          lines[i] = make(String(m.output.1), String(m.output.2))
          break
        }
      }
      if line.hasPrefix("Help:") { lines[i] = "说明：" + line.dropFirst(5) }
      if line.hasPrefix("Usage:") { lines[i] = "用法：" + line.dropFirst(6) }
      if line.hasPrefix("  See '") {
        lines[i] = line.replacingOccurrences(of: "  See '", with: "  详见 '").replacingOccurrences(of: "' for more information.", with: "'。")
      }
    }
    return lines.joined(separator: "\n")
  }
}
