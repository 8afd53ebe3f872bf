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
  /// The campaign's media levels, in display order.
  public var levels: [MediaLevel]
  /// Media reports (of the `media_kind` setting's kind) by level code, in the period and
  /// cumulatively; rows without a level, or with one the campaign does not list, under nil.
  public var mediaByLevel: PeriodPair<[String?: Int]>
  /// For a period of more than one month: the counts of each month, in order.
  public var trend: [MonthCounts]
  /// The submission status of each month of the period that has begun by the reporting date,
  /// as it stood at the end of that day; nil when the store never had a submission (the
  /// report then names the units without records instead).
  public var submissions: [SubmissionStatus]?

  /// The counts of one month of a longer period (the part of it inside the period).
  public struct MonthCounts: Sendable, Equatable {
    public var month: Month
    /// Sum of `count` per kind code.
    public var kinds: [String: Int]
  }

  /// Computes the report of `period` from one store snapshot.
  ///
  /// - Parameter reportDate: the reporting date: the submission status is taken as it stood at
  ///   its end (nil: as it stands now), so a report made again later says the same.
  public static func compute(period: ReportPeriod, from source: any StatisticsSource, reportDate: Day? = nil) throws -> PeriodReport {
    let days = period.days
    let current = try Statistics.compute(period: days, from: source)
    let previous = try period.previous.map { try Statistics.compute(period: $0.days, from: source) }
    let w = current.windows
    var trend: [MonthCounts] = []
    if period.months.count > 1 {
      let byMonth = try source.activityCountsByMonth(dated: .within(days))
      trend = period.months.map { MonthCounts(month: $0, kinds: byMonth[$0.iso] ?? [:]) }
    }
    let levels = try source.catalogue().levels
    let listed = Set(levels.map(\.code))
    func byLevel(_ window: DayRange) throws -> [String?: Int] {
      var result: [String?: Int] = [:]
      for (code, n) in try source.countsByLevel(kind: current.settings.mediaKind, dated: .within(window)) {
        result[code.flatMap { listed.contains($0) ? $0 : nil }, default: 0] += n
      }
      return result
    }
    return PeriodReport(
      period: period, current: current, previous: previous,
      ledger: try MatterLedger.compute(source: source, asOf: days.end),
      levels: levels,
      mediaByLevel: PeriodPair(period: try byLevel(w.period), cumulative: try byLevel(w.cumulative)),
      trend: trend,
      submissions: try submissionStatus(
        months: period.months, settings: current.settings, units: current.units.map(\.unit), from: source, asOf: reportDate))
  }

  /// The status of each month that has begun by `asOf` (every month when nil).
  static func submissionStatus(
    months: [Month], settings: CampaignSettings, units: [Unit], from source: any StatisticsSource, asOf: Day?
  ) throws -> [SubmissionStatus]? {
    guard try source.hasSubmissions(asOf: asOf) else { return nil }
    let begun = months.filter { m in asOf.map { m.first <= $0 } ?? true }
    let batches = try source.submissionBatches(months: begun)
    let unitOf = try source.unitOfOrganization()
    return begun.map { m in
      SubmissionStatus.compute(month: m, units: units, unitOf: unitOf, batches: batches, deadline: settings.deadline(for: m), asOf: asOf)
    }
  }

  /// Computes a monthly report.
  public static func compute(month: Month, from source: any StatisticsSource, reportDate: Day? = nil) throws -> PeriodReport {
    try compute(period: .month(month), from: source, reportDate: reportDate)
  }

  /// Units that have not reported for one or more months of the period (missing, or returned
  /// and not submitted again), each with those months. Empty without submissions.
  public var unreportedUnits: [(unit: Unit, months: [Month])] {
    guard let submissions else { return [] }
    return current.units.map(\.unit).compactMap { u in
      let months = submissions.filter { s in s.outstanding.contains { $0.unit.id == u.id } }.map(\.month)
      return months.isEmpty ? nil : (u, months)
    }
  }

  /// Whether nothing at all was recorded for the period: no activity of any kind and no step of
  /// a matter (collected, consolidated, claimed or resolved) dated in it. The briefing then says
  /// that no data were reported, and the report warns.
  public var recordsNothing: Bool {
    let m = current.matters.period
    return current.kinds.allSatisfy { $0.totals.period.count == 0 }
      && [m.collected, m.consolidated, m.claimed, m.resolved].allSatisfy { $0 == 0 }
  }

  /// Units that recorded nothing at all in the period (本期无记录单位).
  public var silentUnits: [Unit] { current.units.filter(\.recordedNothingInPeriod).map(\.unit) }

  /// Counted units whose cumulative branch sessions are below the cumulative average.
  public var unitsBelowAverage: [Unit] {
    guard let avg = current.branchStudyAverage.cumulative else { return [] }
    return current.units.filter { $0.unit.counted && $0.branchStudy.cumulative * avg.denominator < avg.numerator }.map(\.unit)
  }
}
