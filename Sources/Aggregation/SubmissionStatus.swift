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
/// - A submission or return counts for the unit its organization belongs to: the unit itself,
///   or the unit above a sub-branch. The top committee's own submissions count for no unit.
/// - 已退回 (returned): for one of the unit's organizations, the latest return came after its
///   latest submission.
/// - Otherwise 已报送 (reported) when a submission counts, 逾期报送 (late) when the first one
///   was received after the deadline; else 未报送 (missing).
/// - Rows: for each of the unit's organizations, the rows of its latest submission, added up.
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
    let undone = Set(batches.filter { u in u.action == .undo && (asOf.map { u.day <= $0 } ?? true) }.compactMap(\.undoes))
    let counted = batches.filter { b in
      (b.action == .submission || b.action == .return) && b.scope?.month == month && !undone.contains(b.batch)
        && (asOf.map { b.day <= $0 } ?? true)
    }.sorted { $0.batch < $1.batch }
    // Per organization: its latest submission and its latest return.
    var latestSubmission: [String: BatchRecord] = [:]
    var latestReturn: [String: BatchRecord] = [:]
    var firstDay: [String: Day] = [:]  // per unit
    for b in counted {
      guard let org = b.scope?.unit, let unit = unitOf[org] else { continue }
      switch b.action {
      case .submission:
        latestSubmission[org] = b
        if firstDay[unit] == nil { firstDay[unit] = b.day }
      case .return: latestReturn[org] = b
      case .import, .undo: break
      }
    }
    let lines = units.map { unit -> UnitSubmission in
      let orgs = Set(latestSubmission.keys).union(latestReturn.keys).filter { unitOf[$0] == unit.id }
      let submissions = orgs.compactMap { latestSubmission[$0] }
      let returns = orgs.compactMap { org -> BatchRecord? in
        guard let r = latestReturn[org] else { return nil }
        return r.batch > (latestSubmission[org]?.batch ?? 0) ? r : nil
      }
      let latest = submissions.max { $0.batch < $1.batch }
      let rows = submissions.reduce(0) { $0 + $1.rows }
      var line = UnitSubmission(
        unit: unit, state: .missing, rows: rows, batch: latest?.batch,
        submittedAt: latest.map { $0.at.hasPrefix($0.day.iso) ? $0.at : $0.day.iso }, day: latest?.day, reason: nil)
      if let r = returns.max(by: { $0.batch < $1.batch }) {
        line.state = .returned
        line.reason = r.reason
      } else if latest != nil {
        line.state = (firstDay[unit.id].map { $0 > deadline } ?? false) ? .late : .reported
      }
      return line
    }
    return SubmissionStatus(month: month, deadline: deadline, units: lines)
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
