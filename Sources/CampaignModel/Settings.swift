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
  case campaignEnd = "campaign_end"
  case rateDivisor = "rate_divisor"
  case branchStudyKind = "branch_study_kind"
  case supervisionKind = "supervision_kind"
  case mediaKind = "media_kind"
  case briefingTitle = "briefing_title"
  case briefingIssuer = "briefing_issuer"
  case briefingFirstMonth = "briefing_first_month"
  case briefingTo = "briefing_to"
  case briefingCc = "briefing_cc"
  case templatesDir = "templates_dir"
  case submissionDeadline = "submission_deadline"
  case sheetOverview = "sheet_overview"
  case sheetUnits = "sheet_units"
  case sheetActivities = "sheet_activities"
  case sheetSupervision = "sheet_supervision"
  case sheetLedger = "sheet_ledger"
  case sheetPublicity = "sheet_publicity"

  /// The settings that name a sheet of the period workbooks.
  public static let sheetKeys: [SettingKey] = [
    .sheetOverview, .sheetUnits, .sheetActivities, .sheetSupervision, .sheetLedger, .sheetPublicity,
  ]

  /// Whether the setting belongs to a campaign (each campaign has its own value) rather than
  /// to the store: all but the institution and the reporting unit. `campaign`,
  /// `campaign_start` and `campaign_end` are the campaign's name and span.
  public var isCampaignSetting: Bool { self != .institution && self != .office }

  /// The value used when the store holds none.
  public var defaultValue: String {
    switch self {
    case .institution: ""
    case .office: ""
    case .campaign: "党史学习教育"
    case .campaignStart, .campaignEnd: ""
    case .rateDivisor: RateDivisor.consolidated.rawValue
    case .branchStudyKind: "branch_study"
    case .supervisionKind: "supervision"
    case .mediaKind: "media_report"
    case .briefingTitle, .briefingIssuer, .briefingFirstMonth, .briefingTo, .briefingCc, .templatesDir: ""
    case .submissionDeadline: "5"
    case .sheetOverview: "总览"
    case .sheetUnits: "支部统计"
    case .sheetActivities: "学习活动明细"
    case .sheetSupervision: "督查督导"
    case .sheetLedger: "办实事台账"
    case .sheetPublicity: "宣传报道"
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
    case .campaignEnd: "last day of the campaign (活动结束日期), YYYY-MM-DD; empty = still open"
    case .rateDivisor: "headline resolution rate divides by: consolidated (受理) or claimed (认领)"
    case .branchStudyKind: "catalogue code whose sessions make the branch-session average"
    case .supervisionKind: "catalogue code of supervision visits"
    case .mediaKind: "catalogue code of media reports, whose rows carry a media level"
    case .briefingTitle: "the briefing's masthead (简报名称); empty = the campaign name + 简报"
    case .briefingIssuer: "issuing office on the masthead (编印单位); empty = the reporting unit"
    case .briefingFirstMonth: "month of briefing issue 1 (第1期), YYYY-MM; empty = the campaign start's month"
    case .briefingTo: "主送 line of the briefing"
    case .briefingCc: "抄送 line of the briefing"
    case .templatesDir: "folder with your own briefing templates (briefing.zh.mustache, briefing.en.mustache)"
    case .submissionDeadline: "day of the following month by which units submit a month's records (报送截止日), 1-28"
    case .sheetOverview, .sheetUnits, .sheetActivities, .sheetSupervision, .sheetLedger, .sheetPublicity:
      "the Chinese name of a sheet of the period workbooks (at most 31 characters; English workbooks keep theirs)"
    }
  }

  /// `summary` in Chinese, for `report config --help`.
  public var summaryZh: String {
    switch self {
    case .institution: "学校/单位名称，用于标题"
    case .office: "填报单位（编印单位）；空为党委名称"
    case .campaign: "活动名称"
    case .campaignStart: "累计起始日期，YYYY-MM-DD；空为统计期所在年份1月1日"
    case .campaignEnd: "活动结束日期，YYYY-MM-DD；空为尚未结束"
    case .rateDivisor: "标题解决率的分母：consolidated（受理，汇总事项）或 claimed（认领）"
    case .branchStudyKind: "计算各单位平均学习次数所用的活动类型编码"
    case .supervisionKind: "督查督导的活动类型编码"
    case .mediaKind: "媒体刊发的活动类型编码（其记录注明媒体级别）"
    case .briefingTitle: "简报名称；空为活动名称加“简报”"
    case .briefingIssuer: "简报编印单位；空为填报单位"
    case .briefingFirstMonth: "简报第1期的月份，YYYY-MM；空为活动开始月份"
    case .briefingTo: "简报主送"
    case .briefingCc: "简报抄送"
    case .templatesDir: "自定义简报模板所在文件夹（briefing.zh.mustache、briefing.en.mustache）"
    case .submissionDeadline: "报送截止日：次月的第几日（1—28）"
    case .sheetOverview: "工作簿“总览”工作表的名称"
    case .sheetUnits: "工作簿“支部统计”工作表的名称"
    case .sheetActivities: "工作簿“学习活动明细”工作表的名称"
    case .sheetSupervision: "工作簿“督查督导”工作表的名称"
    case .sheetLedger: "工作簿“办实事台账”工作表的名称"
    case .sheetPublicity: "工作簿“宣传报道”工作表的名称"
    }
  }

  /// What a valid value is, in Chinese, for messages.
  public var expectedZh: String {
    switch self {
    case .briefingFirstMonth: "月份（如 2021-03）或空"
    case .campaignStart, .campaignEnd: "日期（如 2021-02-20）或空"
    case .rateDivisor: "consolidated 或 claimed"
    case .branchStudyKind, .supervisionKind, .mediaKind: "活动类型目录中的编码（见 report kinds）"
    case .submissionDeadline: "1 到 28 之间的日数"
    case .sheetOverview, .sheetUnits, .sheetActivities, .sheetSupervision, .sheetLedger, .sheetPublicity:
      "不超过 31 个字符、不含 : \\ / ? * [ ]、且不与其他工作表重名的名称"
    default: "文本"
    }
  }

  /// Checks a value and returns it normalised (dates in ISO form), or throws with a fix.
  public func validate(_ value: String) throws(CampaignModelError) -> String {
    let v = String(value.trimmingWhitespace())
    switch self {
    case .institution, .office, .campaign, .briefingTitle, .briefingIssuer, .briefingTo, .briefingCc, .templatesDir:
      return v
    case .briefingFirstMonth:
      if v.isEmpty { return v }
      guard let m = Month(parsing: v) else {
        throw .invalidSetting(key: rawValue, value: value, expected: "a month such as 2021-03, or empty")
      }
      return m.iso
    case .campaignStart, .campaignEnd:
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
    case .sheetOverview, .sheetUnits, .sheetActivities, .sheetSupervision, .sheetLedger, .sheetPublicity:
      // Excel's rules for a sheet name; empty restores the default.
      guard v.count <= 31, !v.contains(where: { ":\\/?*[]".contains($0) }), !v.hasPrefix("'"), !v.hasSuffix("'") else {
        throw .invalidSetting(key: rawValue, value: value, expected: "a sheet name of at most 31 characters without : \\ / ? * [ ]")
      }
      return v
    case .submissionDeadline:
      guard let d = Int(v), (1...28).contains(d) else {
        throw .invalidSetting(key: rawValue, value: value, expected: "a day of the month from 1 to 28")
      }
      return String(d)
    case .branchStudyKind, .supervisionKind, .mediaKind:
      guard !v.isEmpty else {
        throw .invalidSetting(key: rawValue, value: value, expected: "a kind code of the catalogue")
      }
      return v
    }
  }
}

/// The campaign's settings, read from the store.
public struct CampaignSettings: Sendable, Equatable {
  /// The code of the campaign these settings are of (empty when built without a store).
  public var campaignCode: String = ""
  public var institution: String
  /// The reporting unit (填报单位); empty means the top committee's name.
  public var office: String
  public var campaign: String
  /// First day of "cumulative"; nil means 1 January of the period's year.
  public var campaignStart: Day?
  /// The campaign's last day; nil while it is open.
  public var campaignEnd: Day?
  public var rateDivisor: RateDivisor
  public var branchStudyKind: String
  public var supervisionKind: String
  /// The kind whose records carry a media level.
  public var mediaKind: String
  /// The briefing's masthead; empty means the campaign name + 简报.
  public var briefingTitle: String
  /// The issuing office on the masthead; empty means the reporting unit.
  public var briefingIssuer: String
  /// The month of issue 1; nil means the campaign start's month.
  public var briefingFirstMonth: Month?
  public var briefingTo: String
  public var briefingCc: String
  /// A folder of the user's own templates; empty for none.
  public var templatesDir: String
  /// The day of the following month by which a month's submissions are due (报送截止日).
  public var submissionDeadline: Int
  /// The Chinese names of the period workbooks' sheets, by setting.
  public var sheetNames: [SettingKey: String]

  /// Builds settings from stored key/values, using defaults for missing keys.
  public init(values: [String: String]) {
    func value(_ k: SettingKey) -> String { values[k.rawValue] ?? k.defaultValue }
    institution = value(.institution)
    office = value(.office)
    campaign = value(.campaign)
    campaignStart = Day(parsing: value(.campaignStart))
    campaignEnd = Day(parsing: value(.campaignEnd))
    rateDivisor = RateDivisor(rawValue: value(.rateDivisor)) ?? .consolidated
    branchStudyKind = value(.branchStudyKind)
    supervisionKind = value(.supervisionKind)
    mediaKind = value(.mediaKind)
    briefingTitle = value(.briefingTitle)
    briefingIssuer = value(.briefingIssuer)
    briefingFirstMonth = Month(parsing: value(.briefingFirstMonth))
    briefingTo = value(.briefingTo)
    briefingCc = value(.briefingCc)
    templatesDir = value(.templatesDir)
    submissionDeadline = Int(value(.submissionDeadline)) ?? Int(SettingKey.submissionDeadline.defaultValue)!
    var sheets: [SettingKey: String] = [:]
    for k in SettingKey.sheetKeys {
      let v = value(k)
      sheets[k] = v.isEmpty ? k.defaultValue : v
    }
    sheetNames = sheets
  }

  /// The last day on which a month's submission is on time: the `submission_deadline` day of
  /// the following month.
  public func deadline(for month: Month) -> Day {
    Day(year: month.next.year, month: month.next.month, day: submissionDeadline) ?? month.next.first
  }

  /// The briefing's issue number for a month: 1 for the first month (`briefing_first_month`,
  /// else the campaign start's month, else January of the month's year), counting on by month.
  /// A month before the first month counts from January of its own year.
  public func briefingIssue(for month: Month) -> Int {
    var first = briefingFirstMonth ?? campaignStart?.monthOfYear ?? Month(year: month.year, month: 1)!
    if month < first { first = Month(year: month.year, month: 1)! }
    return (month.year - first.year) * 12 + (month.month - first.month) + 1
  }

  /// The first day that "cumulative" counts from for a period: the campaign start (1 January
  /// of the period's last year when unset), or the period's own first day when the period
  /// begins before it, so cumulative always covers the period.
  public func cumulativeStart(for period: DayRange) -> Day {
    let start = campaignStart ?? Day(year: period.end.year, month: 1, day: 1)!
    return min(start, period.start)
  }
}
