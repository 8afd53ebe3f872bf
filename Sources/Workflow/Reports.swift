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

  /// The file names of a report in a folder: `monthly-2021-07.xlsx` and `.txt`, with the
  /// subtree's id as a suffix (`monthly-2021-07-G1.xlsx`).
  public static func files(of request: ReportRequest, in folder: String) -> (workbook: String, briefing: String) {
    let stem = OutputFile.safeFileName(joining: [request.period.fileStem, request.root])
    let url = URL(fileURLWithPath: folder)
    return (url.appendingPathComponent(stem + ".xlsx").path, url.appendingPathComponent(stem + ".txt").path)
  }

  /// The briefing's text.
  public static func briefing(_ request: ReportRequest, store: CampaignStore) throws -> String {
    try store.snapshot(root: request.root, campaign: request.campaignChoice) { source in
      let report = try PeriodReport.compute(period: request.period, from: source, reportDate: request.reportDate)
      return try render(report, request)
    }
  }

  /// Writes the workbook and the briefing into a folder.
  ///
  /// - Parameter afterWorkbook: called once the workbook is written, before the briefing (the
  ///   fault tests inject a failure there).
  public static func produce(
    _ request: ReportRequest, store: CampaignStore, folder: String, afterWorkbook: (() throws -> Void)? = nil
  ) throws -> ProducedReport {
    let (workbook, text) = files(of: request, in: folder)
    return try store.snapshot(root: request.root, campaign: request.campaignChoice) { source in
      let report = try PeriodReport.compute(period: request.period, from: source, reportDate: request.reportDate)
      let briefingText = try render(report, request)
      try OutputFile.writeAll([
        (
          workbook,
          { temp in
            try ReportWorkbook.write(report, source: source, to: temp, lang: request.lang, reportDate: request.reportDate)
            try afterWorkbook?()
          }
        ),
        (text, { temp in try OutputFile.writeText(briefingText, to: temp) }),
      ])
      return ProducedReport(workbook: workbook, briefing: text, statistics: report.current, units: report.unitTable)
    }
  }

  private static func render(_ report: PeriodReport, _ request: ReportRequest) throws -> String {
    let folder = templatesFolder(given: request.templates, settings: report.current.settings, lang: request.lang)
    let template = try Briefing.template(lang: request.lang, directory: folder)
    return try Briefing.render(report, template: template, lang: request.lang, reportDate: request.reportDate)
  }
}
