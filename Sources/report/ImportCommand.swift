import ArgumentParser
import CampaignModel
import CampaignStore
import Foundation

extension Report {
  /// `report import FILE...`: one transaction per file, in dependency order.
  struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "import",
      abstract: "Import CSV files or .xlsx workbooks of organizations, activities, matters, feedback or kinds.",
      discussion: """
        CSV files are UTF-8 (with or without BOM) or GB18030; workbooks are .xlsx (every visible \
        sheet whose first row is a contract header). The type is recognised from the header. \
        Several files are imported in dependency order (organizations, kinds, matters, activities, \
        feedback), each as one transaction: a file with any bad row imports nothing, every problem \
        is listed, and the remaining files are not imported.
        """)

    @OptionGroup var options: GlobalOptions

    @Option(name: .long, help: "The record type of every file, when the header does not tell it.")
    var type: RecordType?

    @Option(
      name: .long,
      help: ArgumentHelp(
        "Import as this organization: every record must belong to it or an organization under it, and no other organization's record may be changed (for stores shared by several institutions).",
        valueName: "id"))
    var root: String?

    @Argument(help: ArgumentHelp("CSV files to import.", valueName: "file"))
    var files: [String]

    func run() throws {
      try RunLog.run(options, command: "import") {
        try importFiles()
        return files
      }
    }

    private func importFiles() throws {
      let lang = options.language
      // A file is ordered by the first record type it holds (a workbook may hold several).
      let ordered: [(file: String, order: Int)] = try Console.guarded(lang) {
        try files.map { f in (f, try type.map { [$0] } ?? CampaignStore.recordTypes(ofFile: f)) }
          .enumerated().map { (offset: $0.offset, file: $0.element.0, order: $0.element.1.map(\.dependencyOrder).min() ?? 0) }
          .sorted { ($0.order, $0.offset) < ($1.order, $1.offset) }
          .map { ($0.file, $0.order) }
      }
      let lock = try options.lock(.writing)
      defer { withExtendedLifetime(lock) {} }
      let store = try options.openStore(.createIfMissing)
      for (i, entry) in ordered.enumerated() {
        let file = entry.file
        let showProgress = Console.stderrIsTerminal && !options.quiet
        do {
          let summaries = try Console.guarded(lang) {
            try store.importFile(file, type: type, root: root, progress: showProgress ? { n in
              FileHandle.standardError.write(Data("\r\(file): \(n)…".utf8))
            } : nil)
          }
          if showProgress { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
          summaries.forEach(report)
        } catch {
          let rest = ordered[(i + 1)...].map(\.file)
          if !rest.isEmpty {
            Console.error(lang.pick("report: 未导入：\(rest.joined(separator: "、"))", "report: not imported: \(rest.joined(separator: ", "))"))
          }
          throw error
        }
      }
    }

    private func report(_ s: ImportSummary) {
      let lang = options.language
      for column in s.ignoredColumns {
        Console.error(lang.pick("\(s.file):1: 注意：列“\(column)”不在数据约定中，已忽略。", "\(s.file):1: note: column \"\(column)\" is not in the contract and was ignored."))
      }
      options.say(lang.pick(
        "\(s.file)（\(s.type.rawValue)，\(s.format.rawValue)）：\(s.rows) 行，新增 \(s.added)，更新 \(s.updated)，未变 \(s.unchanged)",
        "\(s.file) (\(s.type.rawValue), \(s.format.rawValue)): \(s.rows) rows, \(s.added) added, \(s.updated) updated, \(s.unchanged) unchanged"))
    }
  }
}
