import Aggregation
import ArgumentParser
import CampaignModel
import CampaignStore
import Foundation
import Workflow
import Writers

/// Options of the commands that write a period's workbook and briefing.
struct OutputOptions: ParsableArguments {
  @Option(name: .long, help: ArgumentHelp(tr("输出文件夹（不存在时自动创建）。", "The folder to write into (created when missing)."), valueName: "dir"))
  var out = "Output"

  @Flag(
    name: .long,
    help: ArgumentHelp(
      tr("以 JSON 输出统计数据（同 report stats --json）和写出的文件。", "Print the figures (as report stats --json) and the files written, as JSON.")))
  var json = false

  @Flag(
    name: .long,
    help: ArgumentHelp(
      tr(
        "另将工作簿和简报 .docx 转换为 PDF（需要 LibreOffice；未安装时以状态 69 退出，其他文件照常写出）。",
        "Also convert the workbook and the briefing's .docx to PDF (needs LibreOffice; without it, exit 69 after writing the other files).")
    ))
  var pdf = false
}

/// Writes a period's workbook and briefing through `Reports.produce`: one report run at a time
/// (a lock beside the database), from one snapshot of the store, both files renamed into place
/// only when both are complete.
enum ReportProduction {
  static func produce(
    _ command: String, period: ReportPeriod, reportDate: Day, options: GlobalOptions, briefing: BriefingOptions, output: OutputOptions,
    scope: RootOption, choseByPrevious: Bool = false
  ) throws {
    try RunLog.run(options, command: command, period: period.description) {
      let lang = options.language
      let store = try options.openStore(.existing)
      let lock = try options.lock(.reports)
      defer { withExtendedLifetime(lock) {} }
      var request = ReportRequest(
        period: period, reportDate: reportDate, lang: lang, root: scope.root, templates: briefing.templates,
        campaign: scope.campaign)
      request.choseByPrevious = choseByPrevious
      let produced = try Console.guarded(lang) {
        try Reports.produce(request, store: store, folder: output.out) { try InjectedFailure.check(.afterWorkbook) }
      }
      for warning in produced.warnings { Console.error(warning) }
      var files = [produced.workbook, produced.briefing, produced.document]
      if output.pdf {
        // The xlsx, txt and docx are in place whatever happens here.
        files += try Console.guarded(lang) { try PDFExport.convert([produced.workbook, produced.document]) }
      }
      if output.json {
        guard case .object(let pairs) = StatisticsJSON.value(produced.statistics, units: produced.units) else { return files }
        print(JSONValue.object(pairs + [("files", .array(files.map { .string($0) }))]).rendered())
      } else {
        files.forEach(options.say)
      }
      return files
    }
  }
}

/// A pause injected by the fault tests through `REPORT_INJECT_PAUSE=POINT:FILE`: at the point,
/// the run creates FILE and sleeps, so the test kills it exactly there (in the middle of an
/// import's rows, or after its commit). Unset in normal runs.
enum InjectedPause: String {
  case midImport = "mid-import"
  case afterImport = "after-import"

  static func reached(_ point: InjectedPause) {
    guard let spec = ProcessInfo.processInfo.environment["REPORT_INJECT_PAUSE"], spec.hasPrefix(point.rawValue + ":") else { return }
    FileManager.default.createFile(atPath: String(spec.dropFirst(point.rawValue.count + 1)), contents: Data())
    sleep(3600)
  }

  /// Whether any pause is asked for (the importer then reports its progress).
  static var requested: Bool { ProcessInfo.processInfo.environment["REPORT_INJECT_PAUSE"] != nil }
}

/// A failure injected by the tests through `REPORT_INJECT_FAILURE`, to prove that a run which
/// fails midway leaves neither partial nor temporary files. Unset in normal runs.
struct InjectedFailure: Error, CustomStringConvertible {
  enum Point: String { case afterWorkbook = "after-workbook" }
  let point: Point

  static func check(_ point: Point) throws {
    if ProcessInfo.processInfo.environment["REPORT_INJECT_FAILURE"] == point.rawValue { throw InjectedFailure(point: point) }
  }

  var description: String { "injected failure \(point.rawValue) (REPORT_INJECT_FAILURE)" }
}
