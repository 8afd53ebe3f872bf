/// Which divisor the headline resolution rate uses.
public enum RateDivisor: String, CaseIterable, Sendable {
  /// resolved ÷ consolidated matters (the default; 受理口径).
  case consolidated
  /// resolved ÷ claimed matters (认领口径).
  case claimed
}

/// A campaign setting that `report config` shows and sets. Settings live in the store, so a
/// run from any directory finds them.
public enum SettingKey: String, CaseIterable, Sendable {
  case institution
  case office
  case campaign
  case campaignStart = "campaign_start"
  case rateDivisor = "rate_divisor"
  case branchStudyKind = "branch_study_kind"
  case supervisionKind = "supervision_kind"

  /// The value used when the store holds none.
  public var defaultValue: String {
    switch self {
    case .institution: ""
    case .office: ""
    case .campaign: "党史学习教育"
    case .campaignStart: ""
    case .rateDivisor: RateDivisor.consolidated.rawValue
    case .branchStudyKind: "branch_study"
    case .supervisionKind: "supervision"
    }
  }

  /// One line for `report config`.
  public var summary: String {
    switch self {
    case .institution: "institution name (学校/单位名称), used in titles"
    case .office: "reporting unit / issuing office (填报单位); empty = the top committee's name"
    case .campaign: "campaign name (活动名称)"
    case .campaignStart:
      "first day counted as cumulative (累计起始日期), YYYY-MM-DD; empty = 1 January of the period's year"
    case .rateDivisor: "headline resolution rate divides by: consolidated (受理) or claimed (认领)"
    case .branchStudyKind: "catalogue code whose sessions make the branch-session average"
    case .supervisionKind: "catalogue code of supervision visits"
    }
  }

  /// Checks a value and returns it normalised (dates in ISO form), or throws with a fix.
  public func validate(_ value: String) throws(CampaignModelError) -> String {
    let v = String(value.trimmingWhitespace())
    switch self {
    case .institution, .office, .campaign:
      return v
    case .campaignStart:
      if v.isEmpty { return v }
      guard let d = Day(parsing: v) else {
        throw .invalidSetting(key: rawValue, value: value, expected: "a date such as 2021-02-20, or empty")
      }
      return d.iso
    case .rateDivisor:
      guard let d = RateDivisor(rawValue: v.lowercased()) else {
        throw .invalidSetting(key: rawValue, value: value, expected: "consolidated or claimed")
      }
      return d.rawValue
    case .branchStudyKind, .supervisionKind:
      guard !v.isEmpty else {
        throw .invalidSetting(key: rawValue, value: value, expected: "a kind code of the catalogue")
      }
      return v
    }
  }
}

/// The campaign's settings, read from the store.
public struct CampaignSettings: Sendable, Equatable {
  public var institution: String
  /// The reporting unit (填报单位); empty means the top committee's name.
  public var office: String
  public var campaign: String
  /// First day of "cumulative"; nil means 1 January of the period's year.
  public var campaignStart: Day?
  public var rateDivisor: RateDivisor
  public var branchStudyKind: String
  public var supervisionKind: String

  /// Builds settings from stored key/values, using defaults for missing keys.
  public init(values: [String: String]) {
    func value(_ k: SettingKey) -> String { values[k.rawValue] ?? k.defaultValue }
    institution = value(.institution)
    office = value(.office)
    campaign = value(.campaign)
    campaignStart = Day(parsing: value(.campaignStart))
    rateDivisor = RateDivisor(rawValue: value(.rateDivisor)) ?? .consolidated
    branchStudyKind = value(.branchStudyKind)
    supervisionKind = value(.supervisionKind)
  }

  /// The first day that "cumulative" counts from for a period: the campaign start (1 January
  /// of the period's last year when unset), or the period's own first day when the period
  /// begins before it, so cumulative always covers the period.
  public func cumulativeStart(for period: DayRange) -> Day {
    let start = campaignStart ?? Day(year: period.end.year, month: 1, day: 1)!
    return min(start, period.start)
  }
}
