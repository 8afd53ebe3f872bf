import Aggregation
import ArgumentParser
import CampaignModel
import CampaignStore
import Foundation
import Workflow
import Writers

/// `--by NAME`: who does it, for the history.
struct AuthorOption: ParsableArguments {
  @Option(
    name: .long,
    help: ArgumentHelp(tr("操作人，记入历史（默认为系统用户名）。", "Who does it, recorded in the history (default: the system user)."), valueName: "name"))
  var by: String?

  var name: String { by ?? SystemUser.name }
}

extension MonthSelection {
  /// The month asked for: `--month`, or the month before today's with `--previous`.
  var chosenMonth: Month { month ?? today.day.monthOfYear.previous }
}

extension Report {
  /// `report status --month M`: who has reported.
  struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "status",
      abstract: tr(
        "列出各单位某月的报送情况：已报送、逾期报送、未报送或已退回。",
        "List every unit's submission for a month: 已报送, 逾期报送, 未报送 or 已退回 (reported, late, missing, returned)."),
      discussion: tr(
        """
        按单位统计表的顺序列出各单位。加 --today 时，给出截至该日结束时的状态（与该日报出的报表一致）；否则为当前状态。
        """,
        """
        Units are listed in the by-unit sheet's order. With --today, the status as it stood at the \
        end of that day (as a report dated that day shows it); otherwise as it stands now.
        """))

    @OptionGroup var options: GlobalOptions
    @OptionGroup var selection: MonthSelection
    @OptionGroup var scope: RootOption

    @Flag(name: .long, help: ArgumentHelp(tr("输出 JSON（格式见 README），而不是表格。", "Print JSON (the documented shape) instead of a table.")))
    var json = false

    func run() throws {
      let month = selection.chosenMonth
      try RunLog.run(options, command: "status", period: month.iso) {
        let store = try options.openStore(.existing)
        let asOf = selection.today.today
        let status = try Console.guarded(options.language) {
          try Submissions.status(of: month, in: store, root: scope.root, asOf: asOf, campaign: scope.campaign)
        }
        print(
          json
            ? CollectionText.statusJSON(status, asOf: asOf).rendered()
            : CollectionText.statusTable(status, asOf: asOf, lang: options.language))
        return []
      }
    }
  }

  /// `report remind --month M`: the 催报 notice.
  struct RemindCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "remind",
      abstract: tr(
        "输出某月的催报通知，列出尚未报送的单位（全部报送时不输出）。", "Print a 催报 notice naming the units that have not reported for a month (nothing when all have)."),
      discussion: tr(
        """
        通知列出没有报送和报送被退回的单位，写明截止日期（设置 submission_deadline），落款为办公室（设置 office，否则为党委名称）。可直接粘贴到工作群或通知中。所有单位都已报送时不输出任何内容，退出码为 0。
        """,
        """
        The notice names the units without a submission and those whose submission was returned, \
        gives the deadline (setting submission_deadline) and is signed by the office (setting \
        office, else the top committee). Paste it into the work chat or a notice. It prints \
        nothing and exits 0 when every unit has reported.
        """))

    @OptionGroup var options: GlobalOptions
    @OptionGroup var selection: MonthSelection
    @OptionGroup var scope: RootOption

    func run() throws {
      let month = selection.chosenMonth
      try RunLog.run(options, command: "remind", period: month.iso) {
        let store = try options.openStore(.existing)
        let text = try Console.guarded(options.language) {
          try Submissions.reminder(
            for: month, in: store, root: scope.root, campaign: scope.campaign, today: selection.today.day, asOf: selection.today.today,
            lang: options.language)
        }
        if let text { print(text, terminator: "") }
        return []
      }
    }
  }

  /// `report return --unit ID --month M --reason TEXT`: 退回.
  struct ReturnCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "return",
      abstract: tr("退回某单位的报送，并写明退回意见。", "Return a unit's submission for correction (退回), with the office's opinion."),
      discussion: tr(
        """
        退回后，报送情况显示该单位“已退回”及退回意见，催报通知也会列出它，直到该单位重新报送。被退回的数据仍保留在数据库中并计入统计，直到更正后的报送替换它。report undo 可撤销退回。
        """,
        """
        Status then shows the unit as 已退回 with the reason, and reminders include it, until the \
        unit submits again. The returned records stay in the store and in the figures until the \
        correction replaces them. report undo takes a return back.
        """))

    @OptionGroup var options: GlobalOptions

    @Option(name: .long, help: ArgumentHelp(tr("被退回报送的单位编码。", "The unit whose submission is returned."), valueName: "id"))
    var unit: String

    @Option(name: .long, help: ArgumentHelp(tr("报送的月份。", "The month of the submission."), valueName: "YYYY-MM"))
    var month: Month

    @Option(name: .long, help: ArgumentHelp(tr("退回意见：需要更正的内容。", "The office's opinion: what to correct (退回意见)."), valueName: "text"))
    var reason: String

    @OptionGroup var author: AuthorOption
    @OptionGroup var today: TodayOption

    func run() throws {
      try RunLog.run(options, command: "return", period: month.iso) {
        let lang = options.language
        let lock = try options.lock(.writing)
        defer { withExtendedLifetime(lock) {} }
        let store = try options.openStore(.existing)
        let b = try Console.guarded(lang) {
          try Submissions.returnSubmission(
            SubmissionScope(unit: unit, month: month), in: store, reason: reason, author: author.name, today: today.day)
        }
        options.say(
          lang.pick(
            "第 \(b.batch) 批：已退回 \(unit) \(month.chinese)的报送。", "batch \(b.batch): returned the submission of \(unit) for \(month.iso)."))
        return []
      }
    }
  }

  /// `report history`: the batches.
  struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "history",
      abstract: tr("列出各批次：每次导入、报送、退回和撤销，以及各自改动的行数。", "List the batches: every import, submission, return and undo, with what each changed.")
    )

    @OptionGroup var options: GlobalOptions

    @Option(name: .long, help: ArgumentHelp(tr("只列该月的报送和退回。", "Only the submissions and returns of this month."), valueName: "YYYY-MM"))
    var month: Month?

    @Option(
      name: .long,
      help: ArgumentHelp(
        tr("只列该单位及其下级组织的报送和退回。", "Only the submissions and returns of this unit and the organizations under it."), valueName: "id"))
    var unit: String?

    @Flag(name: .long, help: ArgumentHelp(tr("输出 JSON（格式见 README），而不是表格。", "Print JSON (the documented shape) instead of a table.")))
    var json = false

    func run() throws {
      try RunLog.run(options, command: "history", period: month?.iso) {
        let store = try options.openStore(.existing)
        let batches = try Console.guarded(options.language) { try Submissions.history(in: store, month: month, unit: unit) }
        print(json ? CollectionText.historyJSON(batches).rendered() : CollectionText.historyTable(batches, lang: options.language))
        return []
      }
    }
  }

  /// `report undo BATCH`.
  struct UndoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "undo",
      abstract: tr("撤销一个批次：把它新增、修改或删除的记录全部恢复原样。", "Undo a batch: put every record it added, changed or removed back as it was before it."),
      discussion: tr(
        """
        如有更晚的批次修改了同一批记录，撤销会被拒绝（退出码 65），需先撤销那一批。撤销本身也是一个批次；被撤销的报送或退回不再计入报送情况。导入组织机构或活动类型的批次不能撤销。
        """,
        """
        Refused (exit 65) when a later batch changed the same records: undo that one first. An undo \
        is recorded as a batch of its own; an undone submission or return no longer counts in the \
        status. Batches that imported organizations or kinds cannot be undone.
        """))

    @OptionGroup var options: GlobalOptions

    @Argument(help: ArgumentHelp(tr("批次编号（见 report history）。", "The batch number (see report history)."), valueName: "batch"))
    var batch: Int

    @OptionGroup var author: AuthorOption
    @OptionGroup var today: TodayOption

    func run() throws {
      try RunLog.run(options, command: "undo") {
        let lang = options.language
        let lock = try options.lock(.writing)
        defer { withExtendedLifetime(lock) {} }
        let store = try options.openStore(.existing)
        let b = try Console.guarded(lang) { try Submissions.undo(batch: batch, in: store, author: author.name, today: today.day) }
        options.say(
          lang.pick(
            "第 \(b.batch) 批：已撤销第 \(batch) 批（删除 \(b.removed) 行，恢复 \(b.added + b.updated) 行）。",
            "batch \(b.batch): undid batch \(batch) (\(b.removed) rows removed, \(b.added + b.updated) restored)."))
        return []
      }
    }
  }
}
