import CampaignModel

/// Every figure of a report for one period, computed by the definitions in docs/definitions.md.
public struct Statistics: Sendable, Equatable {
  public var settings: CampaignSettings
  /// The reporting unit: the `office` setting, else the top committee's name.
  public var reportingUnit: String
  public var windows: ReportWindows
  /// One entry per catalogue kind, in catalogue order.
  public var kinds: [KindFigures]
  /// One entry per unit, in the organizations file's order.
  public var units: [UnitFigures]
  /// Branch sessions of all units together.
  public var branchStudyTotal: PeriodPair<Int>
  /// Branch-session average over the counted units.
  public var branchStudyAverage: PeriodPair<Ratio?>
  public var matters: MatterFigures
  /// The campaign's requirements in force in the period and its plans begun by the period's
  /// last day, with their figures.
  public var targets: TargetFigures = TargetFigures()

  /// Computes the figures of `period` from a store snapshot.
  public static func compute(period: DayRange, from source: any StatisticsSource) throws -> Statistics {
    let settings = try source.settings()
    let windows = ReportWindows(period: period, cumulativeStart: settings.cumulativeStart(for: period))
    let catalogue = try source.catalogue()
    let units = try UnitFigures.compute(
      units: try source.units(), branchKind: settings.branchStudyKind, source: source, windows: windows)
    let office = settings.office.isEmpty ? (try source.committeeName() ?? settings.institution) : settings.office
    var statistics = Statistics(
      settings: settings,
      reportingUnit: office,
      windows: windows,
      kinds: try KindFigures.compute(catalogue: catalogue, source: source, windows: windows),
      units: units,
      branchStudyTotal: UnitFigures.branchStudyTotal(of: units),
      branchStudyAverage: UnitFigures.branchStudyAverage(of: units),
      matters: try MatterFigures.compute(source: source, period: period, divisor: settings.rateDivisor))
    statistics.targets = try TargetFigures.compute(period: period, units: units.map(\.unit), from: source)
    return statistics
  }

  /// The figures of one kind by code.
  public func kind(_ code: String) -> KindFigures? { kinds.first { $0.kind.code == code } }
}
