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
  case briefingDistribute = "briefing_distribute"
  case briefingCopies = "briefing_copies"
  case briefingReference = "briefing_reference"
  case mattersName = "matters_name"
  case sectionStudy = "section_study"
  case sectionSupervision = "section_supervision"
  case sectionMatters = "section_matters"
  case sectionNext = "section_next"
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
    case .briefingDistribute, .briefingCopies, .briefingReference, .sectionMatters: ""
    case .mattersName: "我为群众办实事"
    case .sectionStudy: "学习教育开展情况"
    case .sectionSupervision: "督导检查情况"
    case .sectionNext: "存在的不足和下一步打算"
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
    case .briefingIssuer: "issuing office on the masthead (编印单位); empty = the campaign name + 领导小组办公室"
    case .briefingFirstMonth: "month of briefing issue 1 (第1期), YYYY-MM; empty = the campaign start's month"
    case .briefingTo: "报: the superiors the briefing is reported to (报尾)"
    case .briefingCc: "送: the peers the briefing is sent to (报尾)"
    case .briefingDistribute: "发: the subordinates the briefing is issued to (报尾)"
    case .briefingCopies: "共印X份: the number of printed copies (报尾); empty = not stated"
    case .briefingReference: "a reference .docx whose styles and page setup the briefing's .docx uses; empty = built in"
    case .mattersName: "name of the matters programme in the briefing (办实事名称)"
    case .sectionStudy: "briefing section title: activities by category"
    case .sectionSupervision: "briefing section title: supervision"
    case .sectionMatters: "briefing section title: matters; empty = “matters_name”进展"
    case .sectionNext: "briefing section title: shortcomings and next steps"
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
    case .briefingIssuer: "简报编印单位；空为活动名称加“领导小组办公室”"
    case .briefingFirstMonth: "简报第1期的月份，YYYY-MM；空为活动开始月份"
    case .briefingTo: "简报报尾“报：”（上级机关）"
    case .briefingCc: "简报报尾“送：”（平级单位）"
    case .briefingDistribute: "简报报尾“发：”（下级单位）"
    case .briefingCopies: "简报报尾“共印X份”的份数；空为不写"
    case .briefingReference: "参考 .docx 文件：简报 .docx 使用其样式和页面设置；空为内置格式"
    case .mattersName: "办实事工作的名称，用于简报"
    case .sectionStudy: "简报标题：学习教育开展情况"
    case .sectionSupervision: "简报标题：督导检查情况"
    case .sectionMatters: "简报标题：办实事进展；空为“办实事名称”进展"
    case .sectionNext: "简报标题：存在的不足和下一步打算"
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
    case .briefingCopies: "正整数或空"
    default: "文本"
    }
  }

  /// Checks a value and returns it normalised (dates in ISO form), or throws with a fix.
  public func validate(_ value: String) throws(CampaignModelError) -> String {
    let v = String(value.trimmingWhitespace())
    switch self {
    case .institution, .office, .campaign, .briefingTitle, .briefingIssuer, .briefingTo, .briefingCc, .templatesDir,
      .briefingDistribute, .briefingReference, .mattersName, .sectionStudy, .sectionSupervision, .sectionMatters, .sectionNext:
      return v
    case .briefingCopies:
      if v.isEmpty { return v }
      guard let n = Int(v), n > 0 else {
        throw .invalidSetting(key: rawValue, value: value, expected: "a positive number of copies, or empty")
      }
      return String(n)
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
  /// 发: the subordinates the briefing is issued to.
  public var briefingDistribute: String
  /// 共印X份: the number of printed copies; empty for not stated.
  public var briefingCopies: String
  /// A reference .docx whose styles and page setup the briefing's .docx uses; empty for none.
  public var briefingReference: String
  /// The matters programme's name (我为群众办实事).
  public var mattersName: String
  /// The briefing's section titles.
  public var sectionStudy: String
  public var sectionSupervision: String
  /// Empty means “matters_name”进展.
  public var sectionMatters: String
  public var sectionNext: String
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
    briefingDistribute = value(.briefingDistribute)
    briefingCopies = value(.briefingCopies)
    briefingReference = value(.briefingReference)
    mattersName = value(.mattersName)
    sectionStudy = value(.sectionStudy)
    sectionSupervision = value(.sectionSupervision)
    sectionMatters = value(.sectionMatters)
    sectionNext = value(.sectionNext)
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

  /// The briefing's issue number of a period, in its series: monthly briefings count months,
  /// quarterly ones quarters and annual ones years, each from 1 at the series' first period
  /// (the one holding `briefing_first_month`, else the campaign start's month, else January of
  /// the period's year). A range of days has no number (nil): it is a 专刊 (special issue).
  public func briefingIssue(for period: ReportPeriod) -> Int? {
    let last = period.lastMonth
    var first = briefingFirstMonth ?? campaignStart?.monthOfYear ?? Month(year: last.year, month: 1)!
    if last < first { first = Month(year: last.year, month: 1)! }
    switch period {
    case .month(let m): return briefingIssue(for: m)
    case .quarter(let y, let q): return (y - first.year) * 4 + (q - 1) - (first.month - 1) / 3 + 1
    case .year(let y): return y - first.year + 1
    case .range: return nil
    }
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
