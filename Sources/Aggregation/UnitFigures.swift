import CampaignModel

/// Per-unit figures. Units are the direct children of the top committee; a record of a
/// sub-branch counts for the unit above it; records of the committee itself count for no unit.
public struct UnitFigures: Sendable, Equatable {
  public var unit: Unit
  /// Totals per kind code (kinds with no records are absent).
  public var kinds: PeriodPair<[String: Totals]>
  /// Sessions of the branch-study kind (`branch_study_kind` setting): the sum of `count`.
  public var branchStudy: PeriodPair<Int>

  public init(unit: Unit, kinds: PeriodPair<[String: Totals]>, branchStudy: PeriodPair<Int>) {
    self.unit = unit
    self.kinds = kinds
    self.branchStudy = branchStudy
  }

  /// The totals of one kind, zero when absent.
  public func totals(of code: String) -> PeriodPair<Totals> {
    PeriodPair(period: kinds.period[code] ?? .zero, cumulative: kinds.cumulative[code] ?? .zero)
  }

  /// Whether the unit recorded nothing at all in the period.
  public var recordedNothingInPeriod: Bool { kinds.period.values.allSatisfy { $0.count == 0 } }

  static func compute(
    units: [Unit], branchKind: String, source: any StatisticsSource, windows: ReportWindows
  ) throws -> [UnitFigures] {
    let period = try source.activityTotalsByUnit(dated: .within(windows.period))
    let cumulative = try source.activityTotalsByUnit(dated: .within(windows.cumulative))
    return units.map { u in
      let p = period[u.id] ?? [:], c = cumulative[u.id] ?? [:]
      return UnitFigures(
        unit: u, kinds: PeriodPair(period: p, cumulative: c),
        branchStudy: PeriodPair(period: p[branchKind]?.count ?? 0, cumulative: c[branchKind]?.count ?? 0))
    }
  }
}

extension UnitFigures {
  /// Rank of each counted unit by cumulative branch sessions, competition style (1, 2, 2, 4);
  /// units not counted have none.
  public static func ranks(of units: [UnitFigures]) -> [String: Int] {
    let sessions = units.filter(\.unit.counted).map(\.branchStudy.cumulative).sorted(by: >)
    var ranks: [String: Int] = [:]
    for u in units where u.unit.counted {
      ranks[u.unit.id] = (sessions.firstIndex(of: u.branchStudy.cumulative) ?? 0) + 1
    }
    return ranks
  }

  /// Branch sessions of all units together (the committee's own sessions count for no unit):
  /// what the by-unit sheet's 合计 row and the briefing's "各基层党总支（直属党支部）开展集中学习"
  /// both say.
  public static func branchStudyTotal(of units: [UnitFigures]) -> PeriodPair<Int> {
    PeriodPair(period: allUnitsTotal(units) { $0.branchStudy.period }, cumulative: allUnitsTotal(units) { $0.branchStudy.cumulative })
  }

  /// Branch sessions of the counted units (the average's numerator: 离退休 units excluded).
  public static func branchStudyCountedTotal(of units: [UnitFigures]) -> PeriodPair<Int> {
    PeriodPair(
      period: countedTotal(units, unit: \.unit) { $0.branchStudy.period },
      cumulative: countedTotal(units, unit: \.unit) { $0.branchStudy.cumulative })
  }

  /// Branch-session average = branch-study sessions of the counted units ÷ the number of counted
  /// units, counted units with no sessions included. Nil when no unit is counted.
  public static func branchStudyAverage(of units: [UnitFigures]) -> PeriodPair<Ratio?> {
    PeriodPair(
      period: countedAverage(units, unit: \.unit) { $0.branchStudy.period },
      cumulative: countedAverage(units, unit: \.unit) { $0.branchStudy.cumulative })
  }
}

/// 平均 (the average of the by-unit figures): the counted units' sum ÷ the number of counted
/// units, counted units with nothing included; nil when no unit is counted. The one definition
/// behind the branch-session average and every average row of the by-unit table.
func countedAverage<Row>(_ rows: [Row], unit: (Row) -> Unit, _ figure: (Row) -> Int, scale: Int = 1) -> Ratio? {
  Ratio(countedTotal(rows, unit: unit, figure), scale * rows.filter { unit($0).counted }.count)
}

/// The counted units' sum of a by-unit figure: the numerator of every 平均.
func countedTotal<Row>(_ rows: [Row], unit: (Row) -> Unit, _ figure: (Row) -> Int) -> Int {
  rows.filter { unit($0).counted }.reduce(0) { $0 + figure($1) }
}

/// 合计 of the by-unit figures: every unit's figure added up, units not counted included. The
/// one definition behind the branch-session total and every total of the by-unit table.
func allUnitsTotal<Row>(_ rows: [Row], _ figure: (Row) -> Int) -> Int { rows.reduce(0) { $0 + figure($1) } }
