import CampaignModel

/// A unit's submission state for a month (报送状态).
public enum SubmissionState: String, Sendable, CaseIterable {
  /// 已报送: a submission stands, received by the deadline.
  case reported
  /// 逾期报送: a submission stands, but the first one was received after the deadline.
  case late
  /// 未报送: no submission stands.
  case missing
  /// 已退回: the office returned the submission for correction and no new one came since.
  case returned

  /// 已报送 / 逾期报送 / 未报送 / 已退回.
  public var chineseName: String {
    switch self {
    case .reported: "已报送"
    case .late: "逾期报送"
    case .missing: "未报送"
    case .returned: "已退回"
    }
  }

  public var englishName: String {
    switch self {
    case .reported: "reported"
    case .late: "reported late"
    case .missing: "not reported"
    case .returned: "returned"
    }
  }
}

/// One unit's line of the status.
public struct UnitSubmission: Sendable, Equatable {
  public var unit: Unit
  public var state: SubmissionState
  /// Rows of the standing submissions (each organization's latest), 0 when missing.
  public var rows: Int
  /// The latest standing submission's batch, time and day. The time is when it was recorded
  /// (`2021-08-03T09:12:00+08:00`), or only the day when it was recorded later as received on
  /// an earlier day (`import --today`).
  public var batch: Int?
  public var submittedAt: String?
  public var day: Day?
  /// The office's opinion when returned (退回意见).
  public var reason: String?

  /// Reported (on time or late) with no rows: "reported, held nothing" (报送无记录).
  public var reportedEmpty: Bool { (state == .reported || state == .late) && rows == 0 }
}

/// Who has submitted a month's records, by the definitions of docs/definitions.md:
///
/// - A batch counts when it was received (its day) on or before the day the status is taken
///   as of, and no undo received by then took it back. Without such a day, every batch not
///   undone counts.
/// - A submission counts for the unit its organization belongs to: the unit itself, or the unit
///   above a branch. An organization and one above or below it never both stand for a month
///   (the store refuses the second), so a unit's standing submissions cover disjoint parts.
/// - A return (退回) names the unit, or the organization that submitted; it applies to the
///   standing submissions it names that came before it.
/// - 已退回 (returned): one of the unit's standing submissions has a return after it.
/// - Otherwise 已报送 (reported) when a submission counts, 逾期报送 (late) when the earliest
///   received day among them is after the deadline; else 未报送 (missing).
/// - Rows: the rows of each organization's latest submission, added up.
public struct SubmissionStatus: Sendable, Equatable {
  public var month: Month
  /// The last day a submission is on time.
  public var deadline: Day
  /// Every reporting unit, in the units' order.
  public var units: [UnitSubmission]

  /// Computes the status from the month's submission and return batches and the undos.
  ///
  /// - Parameters:
  ///   - unitOf: each organization's unit (the unit itself for a unit).
  ///   - asOf: take the status as it stood at the end of this day; nil for now.
  public static func compute(
    month: Month, units: [Unit], unitOf: [String: String], batches: [BatchRecord], deadline: Day, asOf: Day? = nil
  ) -> SubmissionStatus {
    let counted = countedBatches(batches, month: month, asOf: asOf)
    // Per organization: its latest submission; per unit: the earliest day any counted.
    var latestSubmission: [String: BatchRecord] = [:]
    var firstDay: [String: Day] = [:]
    for b in counted where b.action == .submission {
      guard let org = b.scope?.unit, let unit = unitOf[org] else { continue }
      latestSubmission[org] = b
      firstDay[unit] = min(firstDay[unit] ?? b.day, b.day)
    }
    let returns = counted.filter { $0.action == .return }
    let lines = units.map { unit -> UnitSubmission in
      let submissions = latestSubmission.filter { unitOf[$0.key] == unit.id }.map(\.value)
      let returned = submissions.compactMap { s -> BatchRecord? in
        returns.last { r in r.batch > s.batch && (r.scope?.unit == s.scope?.unit || r.scope?.unit == unit.id) }
      }
      let latest = submissions.max { $0.batch < $1.batch }
      var line = UnitSubmission(
        unit: unit, state: .missing, rows: submissions.reduce(0) { $0 + $1.rows }, batch: latest?.batch,
        submittedAt: latest.map { $0.at.hasPrefix($0.day.iso) ? $0.at : $0.day.iso }, day: latest?.day, reason: nil)
      if let r = returned.max(by: { $0.batch < $1.batch }) {
        line.state = .returned
        line.reason = r.reason
      } else if latest != nil {
        line.state = (firstDay[unit.id].map { $0 > deadline } ?? false) ? .late : .reported
      }
      return line
    }
    return SubmissionStatus(month: month, deadline: deadline, units: lines)
  }

  /// The submissions and returns of the month that count as of a day (all not undone when nil),
  /// in batch order.
  static func countedBatches(_ batches: [BatchRecord], month: Month, asOf: Day?) -> [BatchRecord] {
    let undone = Set(batches.filter { u in u.action == .undo && (asOf.map { u.day <= $0 } ?? true) }.compactMap(\.undoes))
    return batches.filter { b in
      (b.action == .submission || b.action == .return) && b.scope?.month == month && !undone.contains(b.batch)
        && (asOf.map { b.day <= $0 } ?? true)
    }.sorted { $0.batch < $1.batch }
  }

  /// Units in a state, in order.
  public func units(_ state: SubmissionState) -> [Unit] { units.filter { $0.state == state }.map(\.unit) }

  /// Units that have not reported: missing, or returned and not yet submitted again.
  public var outstanding: [UnitSubmission] { units.filter { $0.state == .missing || $0.state == .returned } }

  /// Units that reported and held nothing (报送无记录).
  public var reportedEmpty: [Unit] { units.filter(\.reportedEmpty).map(\.unit) }
}

extension SubmissionStatus {
  /// The status of a month from a store snapshot, for the units of its scope.
  public static func compute(month: Month, from source: any StatisticsSource, asOf: Day? = nil) throws -> SubmissionStatus {
    let settings = try source.settings()
    return compute(
      month: month, units: try source.units(), unitOf: try source.unitOfOrganization(),
      batches: try source.submissionBatches(months: [month]), deadline: settings.deadline(for: month), asOf: asOf)
  }
}

/// What a 催报 notice needs besides the status: the campaign's name and who signs.
public struct NoticeHeading: Sendable, Equatable {
  public var campaign: String
  /// The `office` setting, else the top organization's name.
  public var issuer: String

  public static func compute(from source: any StatisticsSource) throws -> NoticeHeading {
    let settings = try source.settings()
    let issuer = settings.office.isEmpty ? (try source.committeeName() ?? settings.institution) : settings.office
    return NoticeHeading(campaign: settings.campaign, issuer: issuer)
  }
}
