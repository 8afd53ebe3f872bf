import ArgumentParser
import CampaignModel
import CampaignStore
import Foundation
import Workflow

extension Report {
  /// `report import FILE...`: one transaction per file, in dependency order.
  struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "import",
      abstract: tr(
        "导入组织机构、活动记录、办实事事项、意见建议或活动类型的 CSV 文件或 .xlsx 工作簿。",
        "Import CSV files or .xlsx workbooks of organizations, activities, matters, feedback or kinds."),
      discussion: tr(
        """
        CSV 文件为 UTF-8（可带 BOM）或 GB18030；工作簿为 .xlsx（导入每个表头符合数据约定的可见工作表）。数据类型由表头判断。多个文件按依赖顺序导入（组织机构、活动类型、办实事事项、活动记录、意见建议），每个文件为一个事务：有任何错误行则整个文件不导入，列出全部问题，其余文件也不再导入。每个文件记为一个批次（见 report history）。
        """,
        """
        CSV files are UTF-8 (with or without BOM) or GB18030; workbooks are .xlsx (every visible \
        sheet whose first row is a contract header). The type is recognised from the header. \
        Several files are imported in dependency order (organizations, kinds, matters, activities, \
        feedback), each as one transaction: a file with any bad row imports nothing, every problem \
        is listed, and the remaining files are not imported.
        """))

    @OptionGroup var options: GlobalOptions

    @Option(name: .long, help: ArgumentHelp(tr("表头无法判断时，指定所有文件的数据类型。", "The record type of every file, when the header does not tell it.")))
    var type: RecordType?

    @Option(
      name: .long,
      help: ArgumentHelp(
        tr(
          "以该组织身份导入：每条记录都须属于该组织或其下级，且不得修改其他组织的记录（用于多个单位共用的数据库）。",
          "Import as this organization: every record must belong to it or an organization under it, and no other organization's record may be changed (for stores shared by several institutions)."
        ),
        valueName: "id"))
    var root: String?

    @Option(
      name: .long,
      help: ArgumentHelp(
        tr(
          "与 --month 同用：把文件作为该单位当月的报送导入；导入后，数据库中该单位（含下属支部）当月的记录与文件完全一致。",
          "With --month: import the file as this unit's submission (报送) for the month: afterwards the store holds exactly the file's records of the unit (and its sub-branches) in that month."
        ),
        valueName: "id"))
    var unit: String?

    @Option(
      name: .long, help: ArgumentHelp(tr("与 --unit 同用：报送的月份。", "With --unit: the month the submission is for."), valueName: "YYYY-MM"))
    var month: Month?

    @Option(
      name: .long,
      help: ArgumentHelp(tr("导入人，记入历史（默认为系统用户名）。", "Who imports, recorded in the history (default: the system user)."), valueName: "name"))
    var by: String?

    @Option(
      name: .long,
      help: ArgumentHelp(
        tr(
          "收到文件的日期（默认今天）：晚于该日的记录会提示；截止日期后收到的报送为逾期报送。",
          "The day the file was received (default: today): later dates are warned about, and a submission received after the deadline is late."
        ),
        valueName: "YYYY-MM-DD"))
    var today: Day?

    @Option(
      name: .long,
      help: ArgumentHelp(
        tr(
          "活动类型文件（kinds）、考核要求（requirements）和计划（plans）写入该活动（编码，见 report campaign list；默认为今天所在的活动）。",
          "A kinds file updates this campaign's catalogue, and requirements and plans files are this campaign's (its code, see report campaign list; default: today's campaign)."
        ),
        valueName: "code"))
    var campaign: String?

    @Argument(help: ArgumentHelp(tr("要导入的 CSV 文件或 .xlsx 工作簿。", "CSV files or .xlsx workbooks to import."), valueName: "file"))
    var files: [String]

    func validate() throws {
      let lang = options.language
      if (unit == nil) != (month == nil) {
        throw ValidationError(
          lang.pick(
            "--unit 和 --month 须同时给出：报送属于一个单位的一个月。", "--unit and --month go together: a submission belongs to one unit and one month."))
      }
      if unit != nil && files.count != 1 {
        throw ValidationError(lang.pick("按 --unit/--month 报送时一次只能导入一个文件。", "a submission with --unit/--month imports exactly one file."))
      }
      if unit != nil && root != nil {
        throw ValidationError(
          lang.pick(
            "--root 不能与 --unit 同用：报送已限定在该单位及其下级。", "--root does not go with --unit: a submission is limited to the unit's subtree already.")
        )
      }
    }

    func run() throws {
      try RunLog.run(options, command: "import") {
        try importFiles()
        return files
      }
    }

    private func importFiles() throws {
      let lang = options.language
      // Each input is opened once (a pipe is read once), in dependency order.
      let ordered = try Console.guarded(lang) { try Submissions.importOrder(of: files, type: type) }
      let lock = try options.lock(.writing)
      defer { withExtendedLifetime(lock) {} }
      let store = try options.openStore(.createIfMissing)
      for (i, source) in ordered.enumerated() {
        let file = source.name
        let showProgress = Console.stderrIsTerminal && !options.quiet
        do {
          let request = ImportRequest(
            type: type, root: root, submission: unit.flatMap { u in month.map { SubmissionScope(unit: u, month: $0) } },
            author: by ?? SystemUser.name, today: today ?? Day.today(), campaign: campaign)
          let result = try Console.guarded(lang) {
            try Submissions.submit(
              source, to: store, request: request,
              progress: showProgress || InjectedPause.requested
                ? { n in
                  if showProgress { FileHandle.standardError.write(Data("\r\(file): \(n)…".utf8)) }
                  InjectedPause.reached(.midImport)
                } : nil)
          }
          InjectedPause.reached(.afterImport)
          if showProgress { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
          result.summaries.forEach(report)
          try reportBatch(result, store: store)
        } catch {
          let rest = ordered[(i + 1)...].map(\.name)
          if !rest.isEmpty {
            Console.error(lang.pick("report: 未导入：\(rest.joined(separator: "、"))", "report: not imported: \(rest.joined(separator: ", "))"))
          }
          throw error
        }
      }
    }

    private func report(_ s: ImportSummary) {
      let lang = options.language
      if s.headerLine > 1 {
        Console.error(
          lang.pick(
            "\(s.file):\(s.headerLine): 注意：以第 \(s.headerLine) 行为表头，其上的标题行已跳过。",
            "\(s.file):\(s.headerLine): note: row \(s.headerLine) is the header; the title rows above it were skipped."))
      }
      for column in s.ignoredColumns {
        Console.error(
          lang.pick(
            "\(s.file):\(s.headerLine): 注意：列“\(column)”不在数据约定中，已忽略。",
            "\(s.file):\(s.headerLine): note: column \"\(column)\" is not in the contract and was ignored."))
      }
      for note in s.notes { Console.error(lang.pick("注意：", "note: ") + note.message(in: lang)) }
      let removed = s.removed > 0 ? lang.pick("，删除 \(s.removed)", ", \(s.removed) removed") : ""
      options.say(
        lang.pick(
          "\(s.file)（\(s.type.rawValue)，\(s.format.rawValue)）：\(s.rows) 行，新增 \(s.added)，更新 \(s.updated)\(removed)，未变 \(s.unchanged)",
          "\(s.file) (\(s.type.rawValue), \(s.format.rawValue)): \(s.rows) rows, \(s.added) added, \(s.updated) updated\(removed), \(s.unchanged) unchanged"
        ))
    }

    /// The batch line: its number, the submission it was, and where removed rows came from.
    private func reportBatch(_ result: ImportResult, store: CampaignStore) throws {
      let lang = options.language
      var line = lang.pick("第 \(result.batch) 批", "batch \(result.batch)")
      if let s = result.submission {
        line += lang.pick("：\(s.unit) \(s.month.chinese)报送", ": submission of \(s.unit) for \(s.month.iso)")
      }
      var from: [Int: Int] = [:]
      for s in result.summaries { from.merge(s.removedFrom, uniquingKeysWith: +) }
      if !from.isEmpty {
        let batches = try Console.guarded(lang) { try store.history() }
        let parts = from.sorted { $0.key < $1.key }.map { batch, count -> String in
          if batch == 0 { return lang.pick("\(count) 行来自启用批次记录之前的导入", "\(count) from imports before batches were recorded") }
          let file = batches.first { $0.batch == batch }?.file ?? ""
          return lang.pick("\(count) 行来自第 \(batch) 批（\(file)）", "\(count) from batch \(batch) (\(file))")
        }
        line += lang.pick("；删除的记录：", "; removed: ") + parts.joined(separator: lang.pick("，", ", "))
      }
      options.say(line)
    }
  }
}
