import CampaignModel

/// The by-unit figures of a report (支部统计), each by its definition in docs/definitions.md,
/// for the by-unit sheet, `stats --json` and the briefing alike:
///
/// - branch study: the unit's sessions of the branch-study kind (`UnitFigures.branchStudy`);
/// - other activities: the sum of `count` over the kinds that are neither branch study,
///   supervision nor publicity (`Statistics.otherActivityKinds`);
/// - hours and participants: over every kind;
/// - supervision received: the `count` of supervision visits held at the unit (or under it);
/// - matters owned and resolved: matters raised by the period's end that the unit (or an
///   organization under it) is responsible for, and those of them resolved by then;
/// - rank: among counted units, by cumulative branch study (1, 2, 2, 4).
public struct UnitRow: Sendable, Equatable {
  public var unit: Unit
  public var branchStudy: PeriodPair<Int>
  public var otherActivities: PeriodPair<Int>
  public var hours: PeriodPair<Hours>
  public var participants: PeriodPair<Int>
  public var supervisionReceived: PeriodPair<Int>
  public var mattersOwned: Int
  public var mattersResolved: Int
  /// Nil for a unit not counted.
  public var rank: Int?

  public init(
    unit: Unit, branchStudy: PeriodPair<Int>, otherActivities: PeriodPair<Int>, hours: PeriodPair<Hours>, participants: PeriodPair<Int>,
    supervisionReceived: PeriodPair<Int>, mattersOwned: Int, mattersResolved: Int, rank: Int?
  ) {
    self.unit = unit
    self.branchStudy = branchStudy
    self.otherActivities = otherActivities
    self.hours = hours
    self.participants = participants
    self.supervisionReceived = supervisionReceived
    self.mattersOwned = mattersOwned
    self.mattersResolved = mattersResolved
    self.rank = rank
  }
}

/// The by-unit rows with their 合计 (every unit) and 平均 (the counted units).
public struct UnitTable: Sendable, Equatable {
  public var rows: [UnitRow]

  /// One figure of every row, added up: the 合计 row (every unit, counted or not).
  public func total(_ figure: (UnitRow) -> Int) -> Int { allUnitsTotal(rows, figure) }

  /// Hours of every row, added up exactly.
  public func totalHours(_ figure: (UnitRow) -> Hours) -> Hours { rows.reduce(Hours.zero) { $0 + figure($1) } }

  /// The average of a figure over the counted units (平均), counted units with nothing
  /// included; nil when no unit is counted.
  public func average(_ figure: (UnitRow) -> Int) -> Ratio? { countedAverage(rows, unit: \.unit, figure) }

  /// The average of hours over the counted units, in hours.
  public func averageHours(_ figure: (UnitRow) -> Hours) -> Ratio? {
    countedAverage(rows, unit: \.unit, { figure($0).hundredths }, scale: 100)
  }

  /// The table of a report's units.
  public static func compute(_ s: Statistics, ledger: MatterLedger) -> UnitTable {
    let matters = ledger.countsByUnit()
    let otherKinds = s.otherActivityKinds
    let ranks = UnitFigures.ranks(of: s.units)
    return UnitTable(
      rows: s.units.map { u in
        let all = PeriodPair(
          period: u.kinds.period.values.reduce(Totals.zero, +), cumulative: u.kinds.cumulative.values.reduce(Totals.zero, +))
        let supervision = u.totals(of: s.settings.supervisionKind)
        let owned = matters[u.unit.id] ?? (0, 0)
        return UnitRow(
          unit: u.unit, branchStudy: u.branchStudy,
          otherActivities: PeriodPair(
            period: otherKinds.reduce(0) { $0 + u.totals(of: $1).period.count },
            cumulative: otherKinds.reduce(0) { $0 + u.totals(of: $1).cumulative.count }),
          hours: PeriodPair(period: all.period.hours, cumulative: all.cumulative.hours),
          participants: PeriodPair(period: all.period.participants, cumulative: all.cumulative.participants),
          supervisionReceived: PeriodPair(period: supervision.period.count, cumulative: supervision.cumulative.count),
          mattersOwned: owned.owned, mattersResolved: owned.resolved, rank: ranks[u.unit.id])
      })
  }
}

extension UnitTable {
  /// The table of a period's figures, reading the ledger as of the period's last day.
  public static func compute(_ s: Statistics, from source: any StatisticsSource) throws -> UnitTable {
    compute(s, ledger: try MatterLedger.compute(source: source, asOf: s.windows.period.end))
  }
}

extension PeriodReport {
  /// The by-unit table of the report.
  public var unitTable: UnitTable { UnitTable.compute(current, ledger: ledger) }
}
