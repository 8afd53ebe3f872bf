import Aggregation
import CampaignModel

/// The `report stats --json` document: the documented shape, plus names and settings.
public enum StatisticsJSON {
  /// The figures as JSON, in the documented key order.
  ///
  /// - Parameter table: the by-unit table (`UnitTable`); each unit then also carries its other
  ///   activities, hours, participants, supervision received, matters owned and resolved, and
  ///   rank.
  public static func value(_ s: Statistics, units table: UnitTable? = nil) -> JSONValue {
    func totals(_ t: Totals) -> JSONValue {
      .object([("count", .int(t.count)), ("hours", .number(t.hours.description)), ("participants", .int(t.participants))])
    }
    func optional(_ r: Ratio?) -> JSONValue { r.map { .double($0.value) } ?? .null }
    func funnel(_ f: MatterFunnel) -> [(String, JSONValue)] {
      [
        ("collected", .int(f.collected)), ("consolidated", .int(f.consolidated)), ("claimed", .int(f.claimed)),
        ("resolved", .int(f.resolved)),
      ]
    }
    let m = s.matters
    return .object([
      ("period", .object([("start", .string(s.windows.period.start.iso)), ("end", .string(s.windows.period.end.iso))])),
      ("cumulative_start", .string(s.windows.cumulative.start.iso)),
      ("institution", .string(s.settings.institution)),
      (
        "campaign",
        .object([
          ("code", .string(s.settings.campaignCode)), ("name", .string(s.settings.campaign)),
          ("start", s.settings.campaignStart.map { .string($0.iso) } ?? .null),
        ])
      ),
      (
        "kinds",
        .object(
          s.kinds.map { k in
            (
              k.kind.code,
              .object([
                ("name", .string(k.kind.name)), ("measure", .string(k.kind.measure)), ("category", .string(k.kind.category)),
                ("period", totals(k.totals.period)), ("cumulative", totals(k.totals.cumulative)),
              ])
            )
          })
      ),
      (
        "units",
        .array(
          s.units.enumerated().map { i, u in
            .object(
              [
                ("id", .string(u.unit.id)), ("name", .string(u.unit.name)), ("kind", .string(u.unit.kind.rawValue)),
                ("counted", .bool(u.unit.counted)),
                ("branch_study", .object([("period", .int(u.branchStudy.period)), ("cumulative", .int(u.branchStudy.cumulative))])),
              ] + (table.map { unitFigures($0.rows[i]) } ?? []))
          })
      ),
      (
        "branch_study_total",
        .object([
          ("period", .int(s.branchStudyTotal.period)), ("cumulative", .int(s.branchStudyTotal.cumulative)),
        ])
      ),
      (
        "branch_study_average",
        .object([
          ("period", optional(s.branchStudyAverage.period)), ("cumulative", optional(s.branchStudyAverage.cumulative)),
        ])
      ),
      (
        "matters",
        .object([
          ("period", .object(funnel(m.period))),
          (
            "cumulative",
            .object(
              funnel(m.asOf) + [
                ("resolution_rate", optional(m.resolutionRate)),
                ("claimed_resolution_rate", optional(m.claimedResolutionRate)),
                ("claimed_and_resolved", .int(m.claimedAndResolved)),
                ("overdue", .int(m.overdue)),
                ("key_projects", .int(m.keyProjects)),
                ("headline_rate_divisor", .string(m.headlineDivisor.rawValue)),
                ("headline_resolution_rate", optional(m.headlineRate)),
              ])
          ),
        ])
      ),
      (
        "requirements",
        .array(
          s.targets.requirements.map { r in
            .object([
              ("kind", .string(r.requirement.kind)), ("per", .string(r.requirement.per.rawValue)), ("min", .int(r.requirement.minimum)),
              ("applies_to", .string(r.requirement.appliesTo.code)), ("required", .int(r.required.count)), ("met", .int(r.met.count)),
              ("rate", optional(r.rate)), ("missed", .array(r.missed.map { .string($0.id) })),
            ])
          })
      ),
      (
        "plans",
        .array(
          s.targets.plans.map { p in
            .object([
              ("id", .string(p.plan.id)), ("unit", .string(p.plan.organization)),
              ("kind", .string(p.plan.kind)), ("from", .string(p.plan.span.start.iso)), ("to", .string(p.plan.span.end.iso)),
              ("target", .int(p.plan.target)), ("done", .int(p.done)), ("completion", .double(p.completion.value)),
              ("elapsed", .double(p.elapsed.value)), ("expected", .double(p.expected.value)), ("gap", .double(p.gap.value)),
              ("status", .string(p.status.rawValue)),
            ])
          })
      ),
    ])
  }

  /// A unit's figures of the by-unit table, as JSON pairs.
  private static func unitFigures(_ r: UnitRow) -> [(String, JSONValue)] {
    func pair(_ p: PeriodPair<Int>) -> JSONValue { .object([("period", .int(p.period)), ("cumulative", .int(p.cumulative))]) }
    return [
      ("other_activities", pair(r.otherActivities)),
      ("hours", .object([("period", .number(r.hours.period.description)), ("cumulative", .number(r.hours.cumulative.description))])),
      ("participants", pair(r.participants)), ("supervision_received", pair(r.supervisionReceived)),
      ("matters_owned", .int(r.mattersOwned)), ("matters_resolved", .int(r.mattersResolved)),
      ("rank", r.rank.map { .int($0) } ?? .null),
    ]
  }
}
