import Aggregation
import CampaignModel
import CampaignStore
import Foundation
import Writers

/// A period's report as a front end asks for it.
public struct ReportRequest: Sendable {
  public var period: ReportPeriod
  /// The reporting date on the forms and the briefing; the submission status is as of its end.
  public var reportDate: Day
  public var lang: Language
  /// An organization whose subtree the report covers (nil: the whole tree).
  public var root: String?
  /// A folder of the office's own briefing templates given for this run (`--templates`).
  public var templates: String?
  /// The campaign reported on (`--campaign`); nil: the one in force on the period's last day.
  public var campaign: String?
  /// Whether the period was chosen as "the previous one" from today (`--previous`): a store
  /// whose records stop long before it then gets a warning.
  public var choseByPrevious = false

  public init(
    period: ReportPeriod, reportDate: Day, lang: Language, root: String? = nil, templates: String? = nil, campaign: String? = nil
  ) {
    self.period = period
    self.reportDate = reportDate
    self.lang = lang
    self.root = root
    self.templates = templates
    self.campaign = campaign
  }

  /// The campaign choice: the one named, else the one in force on the period's last day.
  var campaignChoice: CampaignChoice { .given(campaign, else: .inForce(period.days.end)) }
}

/// What producing a report wrote, and its figures.
public struct ProducedReport: Sendable {
  public var workbook: String
  public var briefing: String
  /// The briefing as a Word document, beside the text.
  public var document: String
  /// What the user should know about the period (no data reported, not ended yet), in the
  /// request's language, for stderr.
  public var warnings: [String]
  public var statistics: Statistics
  public var units: UnitTable
}

/// Producing reports, as the command line (and later the web workbench) does: one snapshot of
/// the store, the workbook and the briefing written under temporary names and renamed into
/// place only when both are complete. The caller holds the reports' lock (`RunLock`) on SQLite.
public enum Reports {
  /// The folder of the briefing templates: the one given, else the `templates_dir` setting,
  /// else `./Templates` when it holds the language's template, else nil (the built-in ones).
  public static func templatesFolder(given: String?, settings: CampaignSettings, lang: Language) -> String? {
    if let given { return given }
    if !settings.templatesDir.isEmpty { return settings.templatesDir }
    let local = URL(fileURLWithPath: "Templates").appendingPathComponent(Briefing.fileName(lang)).path
    return FileManager.default.fileExists(atPath: local) ? "Templates" : nil
  }

  /// The file names of a report in a folder: `monthly-2021-07.xlsx`, `.txt` and `.docx`, with
  /// the subtree's id as a suffix (`monthly-2021-07-G1.xlsx`).
  public static func files(of request: ReportRequest, in folder: String) -> (workbook: String, briefing: String, document: String) {
    let stem = OutputFile.safeFileName(joining: [request.period.fileStem, request.root])
    let url = URL(fileURLWithPath: folder)
    return (
      url.appendingPathComponent(stem + ".xlsx").path, url.appendingPathComponent(stem + ".txt").path,
      url.appendingPathComponent(stem + ".docx").path
    )
  }

  /// The briefing's text.
  public static func briefing(_ request: ReportRequest, store: CampaignStore) throws -> String {
    try briefingAndWarnings(request, store: store).text
  }

  /// The briefing's text, and the warnings a report of the period would give.
  public static func briefingAndWarnings(_ request: ReportRequest, store: CampaignStore) throws -> (text: String, warnings: [String]) {
    try store.snapshot(root: request.root, campaign: request.campaignChoice) { source in
      let report = try PeriodReport.compute(period: request.period, from: source, reportDate: request.reportDate)
      let stale = try staleStoreWarning(request, source: source).map { [$0] } ?? []
      return (try render(report, request).text, warnings(report, request) + stale)
    }
  }

  /// Writes the workbook and the briefing into a folder.
  ///
  /// - Parameter afterWorkbook: called once the workbook is written, before the briefing (the
  ///   fault tests inject a failure there).
  public static func produce(
    _ request: ReportRequest, store: CampaignStore, folder: String, afterWorkbook: (() throws -> Void)? = nil
  ) throws -> ProducedReport {
    let (workbook, text, docx) = files(of: request, in: folder)
    return try store.snapshot(root: request.root, campaign: request.campaignChoice) { source in
      let report = try PeriodReport.compute(period: request.period, from: source, reportDate: request.reportDate)
      let document = try render(report, request)
      let settings = report.current.settings
      let reference = settings.briefingReference.isEmpty ? nil : settings.briefingReference
      // The .docx is made in memory first, so a bad reference document stops before any file.
      let docxBytes = try BriefingDocx.data(document, reference: reference)
      try OutputFile.writeAll([
        (
          workbook,
          { temp in
            try ReportWorkbook.write(report, source: source, to: temp, lang: request.lang, reportDate: request.reportDate)
            try afterWorkbook?()
          }
        ),
        (text, { temp in try OutputFile.writeText(document.text, to: temp) }),
        (docx, { temp in try OutputFile.writeData(docxBytes, to: temp) }),
      ])
      return ProducedReport(
        workbook: workbook, briefing: text, document: docx,
        warnings: warnings(report, request) + (try staleStoreWarning(request, source: source).map { [$0] } ?? []),
        statistics: report.current,
        units: report.unitTable)
    }
  }

  private static func render(_ report: PeriodReport, _ request: ReportRequest) throws -> BriefingDocument {
    let folder = templatesFolder(given: request.templates, settings: report.current.settings, lang: request.lang)
    let template = try Briefing.template(lang: request.lang, directory: folder)
    return try Briefing.document(report, template: template, lang: request.lang, reportDate: request.reportDate)
  }

  /// For a period chosen by `--previous`: a warning when neither it nor the period before it
  /// holds any activity, so the store's last record is far older than the period (a store
  /// left behind, or a `--today` forgotten).
  static func staleStoreWarning(_ request: ReportRequest, source: any StatisticsSource) throws -> String? {
    guard request.choseByPrevious, let before = request.period.previous,
      let span = DayRange(before.days.start, request.period.days.end)
    else { return nil }
    guard try source.activityCountsByMonth(dated: .within(span)).isEmpty else { return nil }
    let name = PeriodText(request.period, lang: request.lang).name
    return request.lang.pick(
      "注意：--previous 选择了\(name)，但库中该期和上一期都没有任何活动记录，最后的记录远早于该期。请确认数据库，或用 --today / --month 指定统计期。",
      "warning: --previous chose \(name), but the store holds no activity in it or the period before: its last record is far older. Check the database, or name the period with --today or --month."
    )
  }

  /// The warnings of a report: a period with no records at all, and a period that has not
  /// ended by the reporting date. The report is still written.
  public static func warnings(_ report: PeriodReport, _ request: ReportRequest) -> [String] {
    let lang = request.lang
    let s = report.current
    var out: [String] = []
    let name = PeriodText(report.period, lang: lang).name
    if report.recordsNothing {
      out.append(
        lang.pick(
          "注意：\(name)没有任何记录，简报写明“未报送数据”。请确认统计期是否正确，或先导入各单位的记录。",
          "warning: \(name) has no records at all; the briefing says no data were reported. Check the period, or import the units' records first."
        ))
    }
    if s.windows.period.end >= request.reportDate {
      out.append(
        lang.pick(
          "注意：\(name)截至报告日期\(request.reportDate.iso)尚未结束，数字是阶段性的。",
          "warning: \(name) has not ended by the reporting date \(request.reportDate.iso); the figures are partial."))
    }
    return out
  }

  /// A period's figures as a page shows them, from one snapshot: the overview and by-unit
  /// tables the workbook renders (the same rows, labels and values), and the report they
  /// come from (its lists: units below the average, overdue matters).
  public static func figures(_ request: ReportRequest, store: CampaignStore) throws -> ReportFigures {
    try store.snapshot(root: request.root, campaign: request.campaignChoice) { source in
      let report = try PeriodReport.compute(period: request.period, from: source, reportDate: request.reportDate)
      return ReportFigures(
        report: report, overview: OverviewTable(report, lang: request.lang), units: ByUnitTable(report, lang: request.lang))
    }
  }
}

/// The figures of a period for a page (`Reports.figures`).
public struct ReportFigures: Sendable {
  public var report: PeriodReport
  public var overview: OverviewTable
  public var units: ByUnitTable
}
