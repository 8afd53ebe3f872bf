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
    /// The campaign whose kinds and levels the form lists (nil: the one in force at the month's
    /// end, or today).
    public var campaign: String?

    public init(
      unit: String?, month: Month?, sheet: CollectionTemplate.Sheet? = nil, today: Day, lang: Language, campaign: String? = nil
    ) {
      self.unit = unit
      self.month = month
      self.sheet = sheet
      self.today = today
      self.lang = lang
      self.campaign = campaign
    }

    /// The file's name: `template-JD01-2021-07.xlsx`.
    public var fileName: String { OutputFile.safeFileName(joining: ["template", unit, month?.iso, sheet?.rawValue]) + ".xlsx" }
  }

  /// Writes the workbook to `path` (through a temporary file renamed into place). Its kinds,
  /// levels, dates, requirements and plans are those of the campaign given, else of the one in
  /// force at the form's month's end (today for a form without a month).
  public static func write(_ request: Request, store: CampaignStore, to path: String) throws {
    let choice = CampaignChoice.given(request.campaign, else: .current(request.month?.last ?? request.today))
    let settings = try store.settings(campaign: choice)
    let all = try store.organizations()
    var organizations = all
    var binding: (scope: SubmissionScope, unitName: String)?
    if let unit = request.unit {
      guard let subtree = organizations.subtree(of: unit) else { throw StoreError.unknownOrganization(id: unit) }
      organizations = subtree
      if let month = request.month {
        binding = (SubmissionScope(unit: unit, month: month), subtree.first { $0.id == unit }?.name ?? unit)
      }
    }
    // The campaign's requirements and plans, for the instruction sheet: with a unit, those that
    // concern the unit the organization counts for.
    var (targets, units, unitOf) = try store.snapshot(campaign: choice) { s in
      (try s.targets(), try s.units(), try s.unitOfOrganization())
    }
    if let id = request.unit, let unit = unitOf[id].flatMap({ u in units.first { $0.id == u } }) {
      targets.requirements = targets.requirements.filter { $0.applies(to: unit) }
      targets.plans = targets.plans.filter { $0.organization == unit.id }
    }
    var contents = CollectionTemplate.Contents(
      catalogue: try store.catalogue(campaign: choice), organizations: organizations, matterIDs: try store.matterIDs(),
      dates: CollectionTemplate.dates(month: request.month, campaignStart: settings.campaignStart, today: request.today),
      matterDates: CollectionTemplate.dates(month: nil, campaignStart: settings.campaignStart, today: request.today),
      sheets: request.sheet.map { [$0] } ?? CollectionTemplate.Sheet.records, campaign: settings.campaign, binding: binding)
    contents.targets = targets
    contents.targetNames = Dictionary(all.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
    try OutputFile.write(path) { temp in try CollectionTemplate.write(contents, to: temp, lang: request.lang, created: request.today) }
  }
}

/// The figures as JSON, as `report stats --json` prints them.
public enum FiguresJSON {
  /// The statistics of a period with the by-unit figures, from one snapshot.
  ///
  /// - Parameter campaign: the campaign (nil: the one in force on the period's last day).
  public static func stats(period: ReportPeriod, store: CampaignStore, root: String? = nil, campaign: String? = nil) throws -> JSONValue {
    let (stats, units) = try store.snapshot(root: root, campaign: .given(campaign, else: .inForce(period.days.end))) { source in
      let stats = try Statistics.compute(period: period.days, from: source)
      return (stats, try UnitTable.compute(stats, from: source))
    }
    return StatisticsJSON.value(stats, units: units)
  }
}
