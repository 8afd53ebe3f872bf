import CampaignModel

/// A requirement judged in a report's period (docs/definitions.md, "Requirements"):
/// 应开展单位数, 已开展单位数, 开展率 and the units that missed it.
public struct RequirementFigures: Sendable, Equatable {
  public var requirement: Requirement
  /// The windows it is judged over: each cycle (month, quarter or year) that meets the period
  /// and the requirement's dates, cut to those dates and ended at the period's last day at the
  /// latest. A unit must reach the minimum in every one.
  public var windows: [DayRange]
  /// 应开展单位: the counted units it applies to, less those exempted, in unit order.
  public var required: [Unit]
  /// 已开展单位: the required units that reached the minimum in every window (a sub-branch's
  /// records count for its unit).
  public var met: [Unit]
  /// The required units that did not.
  public var missed: [Unit]

  /// 开展率 = 已开展单位数 ÷ 应开展单位数; nil when no unit is required.
  public var rate: Ratio? { Ratio(met.count, required.count) }

  /// The requirement judged over a period, or nil when its dates do not meet the period.
  ///
  /// - Parameter counts: the sum of `count` of the requirement's kind per unit id, for a window.
  public static func compute(
    _ requirement: Requirement, period: DayRange, units: [Unit], counts: (DayRange) throws -> [String: Int]
  ) rethrows -> RequirementFigures? {
    let windows = windows(of: requirement, in: period)
    guard !windows.isEmpty else { return nil }
    // A report on a subtree (`--root`) leaves out a requirement of a unit outside it.
    if case .unit(let id) = requirement.appliesTo, !units.contains(where: { $0.id == id }) { return nil }
    let required = units.filter(requirement.applies(to:))
    var met = required
    for w in windows {
      let n = try counts(w)
      met.removeAll { (n[$0.id] ?? 0) < requirement.minimum }
    }
    let metIDs = Set(met.map(\.id))
    return RequirementFigures(
      requirement: requirement, windows: windows, required: required, met: met, missed: required.filter { !metIDs.contains($0.id) })
  }

  /// A requirement judged over nothing, for a template checker's sample item.
  public static let sample = RequirementFigures(
    requirement: Requirement(kind: "", per: .month, appliesTo: .all), windows: [], required: [], met: [], missed: [])

  /// The windows of a requirement in a period: the cycles of its `per` holding a day of the
  /// period within its dates, each cut to its dates and to the period's last day.
  public static func windows(of r: Requirement, in period: DayRange) -> [DayRange] {
    let start = max(period.start, r.from ?? period.start)
    let end = min(period.end, r.to ?? period.end)
    guard start <= end else { return [] }
    var result: [DayRange] = []
    var day = start
    while day <= end {
      let cycle = r.per.cycle(of: day)
      result.append(DayRange(max(cycle.start, r.from ?? cycle.start), min(cycle.end, r.to ?? cycle.end, period.end))!)
      day = cycle.end.adding(days: 1)
    }
    return result
  }
}

/// The progress of a plan (计划) as of a day E (docs/definitions.md, "Plans").
public struct PlanFigures: Sendable, Equatable {
  /// 进度状态.
  public enum Status: String, Sendable {
    /// 已完成: 完成数 ≥ 目标数.
    case done
    /// 超序时: not done, and 完成数 ≥ 序时应完成 (the completion rate is at least the elapsed
    /// fraction).
    case ahead
    /// 滞后: 完成数 < 序时应完成.
    case behind

    public var chineseName: String {
      switch self {
      case .done: "已完成"
      case .ahead: "超序时"
      case .behind: "滞后"
      }
    }
  }

  public var plan: Plan
  /// The day E the progress is taken on: the period's last day.
  public var asOf: Day
  /// 完成数: the sum of `count` of the plan's kind by its organization (a unit with its
  /// sub-branches; the institution: every organization) dated in the span up to E.
  public var done: Int
  /// Days of the span up to E (0 before the span, all of them after it).
  public var elapsedDays: Int

  public init(plan: Plan, asOf: Day, done: Int) {
    self.plan = plan
    self.asOf = asOf
    self.done = done
    elapsedDays = Self.elapsedDays(of: plan.span, asOf: asOf)
  }

  /// A plan of one record, for a template checker's sample item.
  public static let sample = PlanFigures(
    plan: Plan(
      id: "", organization: "", unit: nil, unitName: "", kind: "", target: 1,
      span: DayRange(Day(year: 2000, month: 1, day: 1)!, Day(year: 2000, month: 1, day: 1)!)!),
    asOf: Day(year: 2000, month: 1, day: 1)!, done: 0)

  /// Days of a span on or before a day: none before it starts, all once it has ended.
  public static func elapsedDays(of span: DayRange, asOf day: Day) -> Int {
    if day < span.start { return 0 }
    return min(day, span.end).daysSinceEpoch - span.start.daysSinceEpoch + 1
  }

  /// The days of the span counted so far: from its start to E, or to its end once it has ended.
  public var counted: DayRange? { elapsedDays == 0 ? nil : DayRange(plan.span.start, plan.span.start.adding(days: elapsedDays - 1)) }

  /// 完成率 = 完成数 ÷ 目标数 (may exceed 1).
  public var completion: Ratio { Ratio(done, plan.target)! }
  /// 序时进度 = elapsed days ÷ days of the span.
  public var elapsed: Ratio { Ratio(elapsedDays, plan.span.dayCount)! }
  /// 序时应完成 = 目标数 × 序时进度, exact; shown to one decimal, half up.
  public var expected: Ratio { Ratio(plan.target * elapsedDays, plan.span.dayCount)! }
  /// 差额 = 完成数 − 序时应完成, exact; negative when behind. Shown to one decimal, half up.
  public var gap: Ratio { Ratio(done * plan.span.dayCount - plan.target * elapsedDays, plan.span.dayCount)! }
  /// 完成率 − 序时进度, in fractions (×100: percentage points, 超/落后序时进度 … 个百分点).
  public var lead: Ratio {
    Ratio(done * plan.span.dayCount - plan.target * elapsedDays, plan.target * plan.span.dayCount)!
  }

  /// 进度状态, compared exactly.
  public var status: Status {
    if done >= plan.target { return .done }
    return done * plan.span.dayCount >= plan.target * elapsedDays ? .ahead : .behind
  }

  /// The plans of a period: those whose span has begun by the period's last day (E), each with
  /// its progress as of E.
  ///
  /// - Parameters:
  ///   - byUnit: the sums of `count` per unit id and kind code in a window;
  ///   - overall: the sums per kind code over every organization in a window.
  public static func compute(
    _ plans: [Plan], asOf e: Day, byUnit: (DayRange) throws -> [String: [String: Int]], overall: (DayRange) throws -> [String: Int]
  ) rethrows -> [PlanFigures] {
    var unitCache: [DayRange: [String: [String: Int]]] = [:]
    var overallCache: [DayRange: [String: Int]] = [:]
    var result: [PlanFigures] = []
    for plan in plans where plan.span.start <= e {
      var figures = PlanFigures(plan: plan, asOf: e, done: 0)
      let window = figures.counted!
      if let unit = plan.unit {
        if unitCache[window] == nil { unitCache[window] = try byUnit(window) }
        figures.done = unitCache[window]?[unit]?[plan.kind] ?? 0
      } else {
        if overallCache[window] == nil { overallCache[window] = try overall(window) }
        figures.done = overallCache[window]?[plan.kind] ?? 0
      }
      result.append(figures)
    }
    return result
  }
}

/// The requirements and plans of a report's period.
public struct TargetFigures: Sendable, Equatable {
  /// Each requirement in force in the period, in the file's order.
  public var requirements: [RequirementFigures]
  /// Each plan begun by the period's last day, in the file's order.
  public var plans: [PlanFigures]

  public init(requirements: [RequirementFigures] = [], plans: [PlanFigures] = []) {
    self.requirements = requirements
    self.plans = plans
  }

  /// Whether there is nothing to show.
  public var isEmpty: Bool { requirements.isEmpty && plans.isEmpty }

  /// The plans behind time-proportional progress (滞后).
  public var lagging: [PlanFigures] { plans.filter { $0.status == .behind } }

  /// Computes the figures of `period` from the report's campaign's requirements and plans.
  public static func compute(period: DayRange, units: [Unit], from source: any StatisticsSource) throws -> TargetFigures {
    let targets = try source.targets()
    guard !(targets.requirements.isEmpty && targets.plans.isEmpty) else { return TargetFigures() }
    var byUnit: [DayRange: [String: [String: Totals]]] = [:]
    func unitTotals(_ w: DayRange) throws -> [String: [String: Totals]] {
      if let t = byUnit[w] { return t }
      let t = try source.activityTotalsByUnit(dated: .within(w))
      byUnit[w] = t
      return t
    }
    let requirements = try targets.requirements.compactMap { r in
      try RequirementFigures.compute(r, period: period, units: units) { w in
        try unitTotals(w).compactMapValues { $0[r.kind]?.count }
      }
    }
    let plans = try PlanFigures.compute(
      targets.plans, asOf: period.end, byUnit: { w in try unitTotals(w).mapValues { $0.mapValues(\.count) } },
      overall: { w in try source.activityTotals(dated: .within(w)).mapValues(\.count) })
    return TargetFigures(requirements: requirements, plans: plans)
  }
}
