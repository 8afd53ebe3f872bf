/// The cycle of a requirement (周期): a calendar month, quarter or year.
public enum TargetCycle: String, CaseIterable, Sendable {
  case month, quarter, year

  /// The Chinese name used on forms: 月, 季度, 年.
  public var chineseName: String {
    switch self {
    case .month: "月"
    case .quarter: "季度"
    case .year: "年"
    }
  }

  /// Reads a cycle from its code or its Chinese name (每月 and 月度 are taken too).
  public init?(contractValue text: some StringProtocol) {
    let t = String(text.trimmingWhitespace()).lowercased()
    switch t {
    case "month", "monthly", "月", "每月", "月度": self = .month
    case "quarter", "quarterly", "季度", "季", "每季度": self = .quarter
    case "year", "yearly", "annual", "年", "每年", "年度": self = .year
    default: return nil
    }
  }

  /// The cycle that holds a day: its month, its quarter or its year.
  public func cycle(of day: Day) -> DayRange {
    switch self {
    case .month: return day.monthOfYear.days
    case .quarter:
      let first = Month(year: day.year, month: 3 * ((day.month - 1) / 3) + 1)!
      return DayRange(first.first, Month(year: day.year, month: first.month + 2)!.last)!
    case .year: return DayRange(Day(year: day.year, month: 1, day: 1)!, Day(year: day.year, month: 12, day: 31)!)!
    }
  }
}

/// The units a requirement applies to (适用单位).
public enum RequirementScope: Hashable, Sendable {
  /// Every counted unit (全部).
  case all
  /// Every counted unit of an organization kind.
  case kind(OrganizationKind)
  /// One unit, by id.
  case unit(String)

  /// The stored and exported spelling: `all`, a kind's code or a unit's id.
  public var code: String {
    switch self {
    case .all: "all"
    case .kind(let k): k.rawValue
    case .unit(let id): id
    }
  }
}

/// A requirement (考核要求): every unit it applies to holds at least `minimum` records of a
/// kind in every cycle (month, quarter or year), from `from` to `to` when given.
public struct Requirement: Hashable, Sendable {
  public var kind: String
  /// 最少次数: the least sum of `count` a unit must reach in a cycle.
  public var minimum: Int
  public var per: TargetCycle
  public var appliesTo: RequirementScope
  /// Units exempted by name or id (免于考核单位), as organization ids.
  public var exempt: [String]
  public var from: Day?
  public var to: Day?

  public init(
    kind: String, minimum: Int = 1, per: TargetCycle, appliesTo: RequirementScope, exempt: [String] = [], from: Day? = nil,
    to: Day? = nil
  ) {
    self.kind = kind
    self.minimum = minimum
    self.per = per
    self.appliesTo = appliesTo
    self.exempt = exempt
    self.from = from
    self.to = to
  }
}

/// A plan (计划): an organization, a unit or the institution itself, has a target of records of
/// a kind over a span of days.
public struct Plan: Hashable, Sendable {
  /// 编号: the file's id, else one made of the unit, kind and span.
  public var id: String
  /// The organization's id, as the file named it.
  public var organization: String
  /// The unit's id; nil for the report's top organization (the institution itself).
  public var unit: String?
  /// The organization's name, for listings.
  public var unitName: String
  public var kind: String
  /// 目标数: the sum of `count` aimed at over the span.
  public var target: Int
  public var span: DayRange

  public init(id: String, organization: String, unit: String?, unitName: String, kind: String, target: Int, span: DayRange) {
    self.id = id
    self.organization = organization
    self.unit = unit
    self.unitName = unitName
    self.kind = kind
    self.target = target
    self.span = span
  }
}

/// The requirements and plans of a report's campaign.
public struct Targets: Hashable, Sendable {
  public var requirements: [Requirement]
  public var plans: [Plan]

  public init(requirements: [Requirement] = [], plans: [Plan] = []) {
    self.requirements = requirements
    self.plans = plans
  }

  public static let none = Targets()
}

extension Requirement {
  /// Whether the requirement asks something of a unit (应开展): a counted unit, not exempted,
  /// within its scope.
  public func applies(to unit: Unit) -> Bool {
    guard unit.counted, !exempt.contains(unit.id) else { return false }
    switch appliesTo {
    case .all: return true
    case .kind(let k): return unit.kind == k
    case .unit(let id): return unit.id == id
    }
  }
}
