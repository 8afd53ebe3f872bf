/// A level of media report (国家级, 省级, …): campaign data, listed with the campaign's
/// catalogue (`Catalogue.levels`). Records store the level's code.
public struct MediaLevel: Hashable, Sendable {
  /// Stable code used in files and JSON, e.g. `national`.
  public var code: String
  /// Chinese name, e.g. `国家级`.
  public var name: String
  /// English name, e.g. `national`.
  public var nameEn: String

  public init(code: String, name: String, nameEn: String) {
    self.code = code
    self.name = name
    self.nameEn = nameEn
  }

  /// The name in a language.
  public func name(in lang: Language) -> String { lang.pick(name, nameEn) }

  /// The levels of a campaign that sets none: 国家级 / 区级 / 盟级 / 校级, the 2021 demo's.
  public static let defaults: [MediaLevel] = [
    MediaLevel(code: "national", name: "国家级", nameEn: "national"),
    MediaLevel(code: "regional", name: "区级", nameEn: "regional"),
    MediaLevel(code: "league", name: "盟级", nameEn: "league"),
    MediaLevel(code: "institution", name: "校级", nameEn: "institution"),
  ]

  /// The level among `levels` whose code (without regard to case) or Chinese name is the text.
  public static func matching(_ text: some StringProtocol, in levels: [MediaLevel]) -> MediaLevel? {
    let t = String(text.trimmingWhitespace())
    return levels.first { $0.code.lowercased() == t.lowercased() } ?? levels.first { $0.name == t }
  }
}

/// The status of a matter as the ledger records it today.
///
/// Reports never use it for a past period: they derive the status on a day from the dates.
public enum MatterStatus: String, CaseIterable, Sendable {
  case open
  case inProgress = "in_progress"
  case resolved

  /// 未启动 / 推进中 / 已解决.
  public var chineseName: String {
    switch self {
    case .open: "未启动"
    case .inProgress: "推进中"
    case .resolved: "已解决"
    }
  }

  /// Reads a status from its code or Chinese name (已办结 is also resolved).
  public init?(contractValue text: some StringProtocol) {
    let t = String(text.trimmingWhitespace()).lowercased()
    if let s = MatterStatus(rawValue: t) {
      self = s
    } else if let s = MatterStatus.allCases.first(where: { $0.chineseName == t }) {
      self = s
    } else if t == "已办结" || t == "办结" {
      self = .resolved
    } else {
      return nil
    }
  }
}

/// One row of the activity records: a session, a class, a visit, a batch of news posts.
public struct Activity: Hashable, Sendable {
  /// The user's id, when the file gave one (re-importing the same id updates the row).
  public var id: String?
  public var date: Day
  /// The organization that held it (any level of the tree).
  public var organization: String
  /// The catalogue code of its kind.
  public var kind: String
  public var title: String
  /// Total class hours of the row.
  public var hours: Hours
  /// Total participants of the row.
  public var participants: Int
  /// How many items the row stands for (a month's news posts in one row), at least 1.
  public var count: Int
  /// The code of its media level (`MediaLevel.code`), for media reports.
  public var level: String?
  /// Presenter, or the inspector of a supervision visit.
  public var lead: String
  public var note: String

  public init(
    id: String?, date: Day, organization: String, kind: String, title: String, hours: Hours,
    participants: Int, count: Int, level: String?, lead: String, note: String
  ) {
    self.id = id
    self.date = date
    self.organization = organization
    self.kind = kind
    self.title = title
    self.hours = hours
    self.participants = participants
    self.count = count
    self.level = level
    self.lead = lead
    self.note = note
  }
}

/// One consolidated item of the "practical matters for the masses" ledger (办实事台账).
public struct Matter: Hashable, Sendable {
  public var id: String
  public var title: String
  /// The responsible organization.
  public var organization: String
  /// The day the opinions were consolidated into this item (汇总日期).
  public var raised: Day
  /// The leader who claimed it; nil when unclaimed.
  public var owner: String?
  public var claimed: Day?
  public var due: Day?
  public var status: MatterStatus
  public var resolved: Day?
  public var keyProject: Bool
  public var note: String

  public init(
    id: String, title: String, organization: String, raised: Day, owner: String?, claimed: Day?,
    due: Day?, status: MatterStatus, resolved: Day?, keyProject: Bool, note: String
  ) {
    self.id = id
    self.title = title
    self.organization = organization
    self.raised = raised
    self.owner = owner
    self.claimed = claimed
    self.due = due
    self.status = status
    self.resolved = resolved
    self.keyProject = keyProject
    self.note = note
  }
}

/// One raw opinion (意见建议), possibly merged into a matter.
public struct Feedback: Hashable, Sendable {
  public var id: String?
  public var date: Day
  public var organization: String
  public var channel: String
  public var content: String
  /// The matter it was merged into; nil when not adopted.
  public var matter: String?

  public init(
    id: String?, date: Day, organization: String, channel: String, content: String, matter: String?
  ) {
    self.id = id
    self.date = date
    self.organization = organization
    self.channel = channel
    self.content = content
    self.matter = matter
  }
}
