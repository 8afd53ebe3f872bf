import CampaignModel

/// The four steps of the matters funnel: opinions collected, merged into matters, claimed by a
/// leader, resolved.
public struct MatterFunnel: Sendable, Equatable {
  /// Opinions (feedback rows) dated in the window.
  public var collected: Int
  /// Matters raised (consolidated) in the window.
  public var consolidated: Int
  /// Matters claimed in the window.
  public var claimed: Int
  /// Matters resolved in the window.
  public var resolved: Int

  public init(collected: Int, consolidated: Int, claimed: Int, resolved: Int) {
    self.collected = collected
    self.consolidated = consolidated
    self.claimed = claimed
    self.resolved = resolved
  }

  static func count(_ window: DateWindow, in source: any StatisticsSource) throws -> MatterFunnel {
    MatterFunnel(
      collected: try source.countFeedback(dated: window),
      consolidated: try source.countMatters(where: [.dated(.raised, window)]),
      claimed: try source.countMatters(where: [.dated(.claimed, window)]),
      resolved: try source.countMatters(where: [.dated(.resolved, window)]))
  }
}

/// The matters ledger as of a day E (the period's last day). Every figure comes from dates,
/// never from the status column, so a past month's report does not change when later data arrives.
public struct MatterFigures: Sendable, Equatable {
  /// The funnel within the period.
  public var period: MatterFunnel
  /// The funnel as of E: everything dated on or before E.
  public var asOf: MatterFunnel
  /// resolved ÷ consolidated as of E; nil when nothing is consolidated.
  public var resolutionRate: Ratio?
  /// Claimed matters resolved by E ÷ matters claimed by E; nil when nothing is claimed.
  /// (A matter resolved without a claim is not in the numerator, so the rate stays ≤ 100%.)
  public var claimedResolutionRate: Ratio?
  /// Matters claimed by E and resolved by E: the claimed resolution rate's numerator.
  public var claimedAndResolved: Int
  /// Matters raised ≤ E whose due day is before E and that are not resolved by E.
  public var overdue: Int
  /// Matters raised ≤ E marked as key projects.
  public var keyProjects: Int
  /// The rate the settings choose as the headline.
  public var headlineDivisor: RateDivisor

  /// The headline resolution rate, by the configured divisor.
  public var headlineRate: Ratio? {
    headlineDivisor == .claimed ? claimedResolutionRate : resolutionRate
  }

  static func compute(source: any StatisticsSource, period: DayRange, divisor: RateDivisor) throws -> MatterFigures {
    let e = period.end
    let asOf = try MatterFunnel.count(.onOrBefore(e), in: source)
    let claimedAndResolved = try source.countMatters(where: [.dated(.claimed, .onOrBefore(e)), .dated(.resolved, .onOrBefore(e))])
    return MatterFigures(
      period: try MatterFunnel.count(.within(period), in: source),
      asOf: asOf,
      resolutionRate: Ratio(asOf.resolved, asOf.consolidated),
      claimedResolutionRate: Ratio(claimedAndResolved, asOf.claimed),
      claimedAndResolved: claimedAndResolved,
      overdue: try source.countMatters(where: [.dated(.raised, .onOrBefore(e)), .datedBefore(.due, e), .notDatedBy(.resolved, e)]),
      keyProjects: try source.countMatters(where: [.dated(.raised, .onOrBefore(e)), .keyProject]),
      headlineDivisor: divisor)
  }
}
