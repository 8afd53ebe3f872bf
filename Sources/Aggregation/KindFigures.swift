import CampaignModel

/// Per-kind figures (definition: per kind, the sum of `count`, of hours and of participants over
/// the records dated in the window, whichever organization held them, the committee included).
public struct KindFigures: Sendable, Equatable {
  public var kind: ActivityKind
  public var totals: PeriodPair<Totals>

  /// One entry per catalogue kind, in catalogue order, with zeros where nothing happened.
  static func compute(catalogue: Catalogue, source: any StatisticsSource, windows: ReportWindows) throws -> [KindFigures] {
    let period = try source.activityTotals(dated: .within(windows.period))
    let cumulative = try source.activityTotals(dated: .within(windows.cumulative))
    return catalogue.kinds.map { k in
      KindFigures(kind: k, totals: PeriodPair(period: period[k.code] ?? .zero, cumulative: cumulative[k.code] ?? .zero))
    }
  }
}
