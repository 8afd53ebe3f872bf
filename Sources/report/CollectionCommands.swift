import Aggregation
import ArgumentParser
import CampaignModel
import CampaignStore
import Foundation
import Workflow
import Writers

/// `--by NAME`: who does it, for the history.
struct AuthorOption: ParsableArguments {
  @Option(name: .long, help: ArgumentHelp("Who does it, recorded in the history (default: the system user).", valueName: "name"))
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
      abstract: "List every unit's submission for a month: 已报送, 逾期报送, 未报送 or 已退回 (reported, late, missing, returned).",
      discussion: """
        Units are listed in the by-unit sheet's order. With --today, the status as it stood at the \
        end of that day (as a report dated that day shows it); otherwise as it stands now.
        """)

    @OptionGroup var options: GlobalOptions
    @OptionGroup var selection: MonthSelection
    @OptionGroup var scope: RootOption

    @Flag(name: .long, help: "Print JSON (the documented shape) instead of a table.")
    var json = false

    func run() throws {
      let month = selection.chosenMonth
      try RunLog.run(options, command: "status", period: month.iso) {
        let store = try options.openStore(.existing)
        let asOf = selection.today.today
        let status = try Console.guarded(options.language) { try Collection.status(of: month, in: store, root: scope.root, asOf: asOf) }
        print(json ? CollectionText.statusJSON(status, asOf: asOf).rendered() : CollectionText.statusTable(status, asOf: asOf, lang: options.language))
        return []
      }
    }
  }

  /// `report remind --month M`: the 催报 notice.
  struct RemindCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "remind",
      abstract: "Print a 催报 notice naming the units that have not reported for a month (nothing when all have).",
      discussion: """
        The notice names the units without a submission and those whose submission was returned, \
        gives the deadline (setting submission_deadline) and is signed by the office (setting \
        office, else the top committee). Paste it into the work chat or a notice. It prints \
        nothing and exits 0 when every unit has reported.
        """)

    @OptionGroup var options: GlobalOptions
    @OptionGroup var selection: MonthSelection
    @OptionGroup var scope: RootOption

    func run() throws {
      let month = selection.chosenMonth
      try RunLog.run(options, command: "remind", period: month.iso) {
        let store = try options.openStore(.existing)
        let text = try Console.guarded(options.language) {
          try Collection.reminder(
            for: month, in: store, root: scope.root, today: selection.today.day, asOf: selection.today.today, lang: options.language)
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
      abstract: "Return a unit's submission for correction (退回), with the office's opinion.",
      discussion: """
        Status then shows the unit as 已退回 with the reason, and reminders include it, until the \
        unit submits again. The returned records stay in the store and in the figures until the \
        correction replaces them. report undo takes a return back.
        """)

    @OptionGroup var options: GlobalOptions

    @Option(name: .long, help: ArgumentHelp("The unit whose submission is returned.", valueName: "id"))
    var unit: String

    @Option(name: .long, help: ArgumentHelp("The month of the submission.", valueName: "YYYY-MM"))
    var month: Month

    @Option(name: .long, help: ArgumentHelp("The office's opinion: what to correct (退回意见).", valueName: "text"))
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
          try Collection.returnSubmission(SubmissionScope(unit: unit, month: month), in: store, reason: reason, author: author.name, today: today.day)
        }
        options.say(lang.pick("第 \(b.batch) 批：已退回 \(unit) \(month.chinese)的报送。", "batch \(b.batch): returned the submission of \(unit) for \(month.iso)."))
        return []
      }
    }
  }

  /// `report history`: the batches.
  struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "history",
      abstract: "List the batches: every import, submission, return and undo, with what each changed.")

    @OptionGroup var options: GlobalOptions

    @Option(name: .long, help: ArgumentHelp("Only the submissions and returns of this month.", valueName: "YYYY-MM"))
    var month: Month?

    @Option(name: .long, help: ArgumentHelp("Only the submissions and returns of this unit and the organizations under it.", valueName: "id"))
    var unit: String?

    @Flag(name: .long, help: "Print JSON (the documented shape) instead of a table.")
    var json = false

    func run() throws {
      try RunLog.run(options, command: "history", period: month?.iso) {
        let store = try options.openStore(.existing)
        let batches = try Console.guarded(options.language) { try Collection.history(in: store, month: month, unit: unit) }
        print(json ? CollectionText.historyJSON(batches).rendered() : CollectionText.historyTable(batches, lang: options.language))
        return []
      }
    }
  }

  /// `report undo BATCH`.
  struct UndoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "undo",
      abstract: "Undo a batch: put every record it added, changed or removed back as it was before it.",
      discussion: """
        Refused (exit 65) when a later batch changed the same records: undo that one first. An undo \
        is recorded as a batch of its own; an undone submission or return no longer counts in the \
        status. Batches that imported organizations or kinds cannot be undone.
        """)

    @OptionGroup var options: GlobalOptions

    @Argument(help: ArgumentHelp("The batch number (see report history).", valueName: "batch"))
    var batch: Int

    @OptionGroup var author: AuthorOption
    @OptionGroup var today: TodayOption

    func run() throws {
      try RunLog.run(options, command: "undo") {
        let lang = options.language
        let lock = try options.lock(.writing)
        defer { withExtendedLifetime(lock) {} }
        let store = try options.openStore(.existing)
        let b = try Console.guarded(lang) { try Collection.undo(batch: batch, in: store, author: author.name, today: today.day) }
        options.say(lang.pick(
          "第 \(b.batch) 批：已撤销第 \(batch) 批（删除 \(b.removed) 行，恢复 \(b.added + b.updated) 行）。",
          "batch \(b.batch): undid batch \(batch) (\(b.removed) rows removed, \(b.added + b.updated) restored)."))
        return []
      }
    }
  }
}
