import CampaignModel

/// Everything a report shows for a period: its figures, the previous period's for comparison,
/// the ledger as of the period's end, publicity by level, and for a period of several months the
/// counts month by month.
public struct PeriodReport: Sendable, Equatable {
  public var period: ReportPeriod
  public var current: Statistics
  /// The previous period's figures (month, quarter or year before); nil for a range of days.
  public var previous: Statistics?
  public var ledger: MatterLedger
  /// Media reports by level (of the kind coded `media_report`), in the period and cumulatively.
  public var mediaByLevel: PeriodPair<[MediaLevel?: Int]>
  /// For a period of more than one month: the counts of each month, in order.
  public var trend: [MonthCounts]

  /// The counts of one month of a longer period (the part of it inside the period).
  public struct MonthCounts: Sendable, Equatable {
    public var month: Month
    /// Sum of `count` per kind code.
    public var kinds: [String: Int]
  }

  /// Computes the report of `period` from one store snapshot.
  public static func compute(period: ReportPeriod, from source: any StatisticsSource) throws -> PeriodReport {
    let days = period.days
    let current = try Statistics.compute(period: days, from: source)
    let previous = try period.previous.map { try Statistics.compute(period: $0.days, from: source) }
    let w = current.windows
    var trend: [MonthCounts] = []
    if period.months.count > 1 {
      let byMonth = try source.activityCountsByMonth(dated: .within(days))
      trend = period.months.map { MonthCounts(month: $0, kinds: byMonth[$0.iso] ?? [:]) }
    }
    return PeriodReport(
      period: period, current: current, previous: previous,
      ledger: try MatterLedger.compute(source: source, asOf: days.end),
      mediaByLevel: PeriodPair(
        period: try source.countsByLevel(kind: mediaReportKindCode, dated: .within(w.period)),
        cumulative: try source.countsByLevel(kind: mediaReportKindCode, dated: .within(w.cumulative))),
      trend: trend)
  }

  /// Computes a monthly report.
  public static func compute(month: Month, from source: any StatisticsSource) throws -> PeriodReport {
    try compute(period: .month(month), from: source)
  }

  /// The catalogue code whose rows carry a media level.
  public static let mediaReportKindCode = "media_report"

  /// Units that recorded nothing at all in the period (本期未报送单位).
  public var silentUnits: [Unit] { current.units.filter(\.recordedNothingInPeriod).map(\.unit) }

  /// Counted units whose cumulative branch sessions are below the cumulative average.
  public var unitsBelowAverage: [Unit] {
    guard let avg = current.branchStudyAverage.cumulative else { return [] }
    return current.units.filter { $0.unit.counted && $0.branchStudy.cumulative * avg.denominator < avg.numerator }.map(\.unit)
  }
}
