import CampaignModel

/// Everything a monthly report shows: the month's figures, the previous month's for comparison,
/// the ledger as of the month's end and publicity by level.
public struct MonthlyReport: Sendable, Equatable {
  public var month: Month
  public var current: Statistics
  /// The previous calendar month's figures, for the change column.
  public var previous: Statistics
  public var ledger: MatterLedger
  /// Media reports by level (of the kind coded `media_report`), this month and cumulatively.
  public var mediaByLevel: PeriodPair<[MediaLevel?: Int]>

  /// Computes the report of `month` from one store snapshot.
  public static func compute(month: Month, from source: any StatisticsSource) throws -> MonthlyReport {
    let current = try Statistics.compute(period: month.days, from: source)
    let previous = try Statistics.compute(period: month.previous.days, from: source)
    let w = current.windows
    return MonthlyReport(
      month: month, current: current, previous: previous,
      ledger: try MatterLedger.compute(source: source, asOf: month.last),
      mediaByLevel: PeriodPair(
        period: try source.countsByLevel(kind: mediaReportKindCode, dated: .within(w.period)),
        cumulative: try source.countsByLevel(kind: mediaReportKindCode, dated: .within(w.cumulative))))
  }

  /// The catalogue code whose rows carry a media level.
  public static let mediaReportKindCode = "media_report"

  /// Units that recorded nothing at all in the month (本月未报送单位).
  public var silentUnits: [Unit] { current.units.filter(\.recordedNothingInPeriod).map(\.unit) }

  /// Counted units whose cumulative branch sessions are below the cumulative average.
  public var unitsBelowAverage: [Unit] {
    guard let avg = current.branchStudyAverage.cumulative else { return [] }
    return current.units.filter { $0.unit.counted && $0.branchStudy.cumulative * avg.denominator < avg.numerator }.map(\.unit)
  }
}
