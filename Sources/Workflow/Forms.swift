import Aggregation
import CampaignModel
import CampaignStore
import Foundation
import Writers

/// The collection workbook branches fill in (`report template`), as the command line and the
/// web workbench's unit page both write it.
public enum Forms {
  /// What to put in a collection workbook.
  public struct Request: Sendable {
    /// The organization whose subtree the unit lists hold (nil: the whole tree).
    public var unit: String?
    /// With `unit`: the month the form is bound to (a submission form, 报送表).
    public var month: Month?
    /// Only this sheet (nil: all three).
    public var sheet: CollectionTemplate.Sheet?
    public var today: Day
    public var lang: Language

    public init(unit: String?, month: Month?, sheet: CollectionTemplate.Sheet? = nil, today: Day, lang: Language) {
      self.unit = unit
      self.month = month
      self.sheet = sheet
      self.today = today
      self.lang = lang
    }

    /// The file's name: `template-JD01-2021-07.xlsx`.
    public var fileName: String { OutputFile.safeFileName(joining: ["template", unit, month?.iso, sheet?.rawValue]) + ".xlsx" }
  }

  /// Writes the workbook to `path` (through a temporary file renamed into place).
  public static func write(_ request: Request, store: CampaignStore, to path: String) throws {
    let settings = try store.settings()
    var organizations = try store.organizations()
    var binding: (scope: SubmissionScope, unitName: String)?
    if let unit = request.unit {
      guard let subtree = organizations.subtree(of: unit) else { throw StoreError.unknownOrganization(id: unit) }
      organizations = subtree
      if let month = request.month {
        binding = (SubmissionScope(unit: unit, month: month), subtree.first { $0.id == unit }?.name ?? unit)
      }
    }
    let contents = CollectionTemplate.Contents(
      catalogue: try store.catalogue(), organizations: organizations, matterIDs: try store.matterIDs(),
      dates: CollectionTemplate.dates(month: request.month, campaignStart: settings.campaignStart, today: request.today),
      matterDates: CollectionTemplate.dates(month: nil, campaignStart: settings.campaignStart, today: request.today),
      sheets: request.sheet.map { [$0] } ?? CollectionTemplate.Sheet.allCases, campaign: settings.campaign, binding: binding)
    try OutputFile.write(path) { temp in try CollectionTemplate.write(contents, to: temp, lang: request.lang, created: request.today) }
  }
}

/// The figures as JSON, as `report stats --json` prints them.
public enum FiguresJSON {
  /// The statistics of a period with the by-unit figures, from one snapshot.
  public static func stats(period: ReportPeriod, store: CampaignStore, root: String? = nil) throws -> JSONValue {
    let (stats, units) = try store.snapshot(root: root) { source in
      let stats = try Statistics.compute(period: period.days, from: source)
      return (stats, try UnitTable.compute(stats, from: source))
    }
    return StatisticsJSON.value(stats, units: units)
  }
}
