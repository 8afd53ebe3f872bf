import CampaignModel

/// A matter as it stood on a day E: its status and figures derived from its dates, never from
/// the status column, by the same definitions as the counts in `MatterFigures`.
public struct LedgerEntry: Sendable, Equatable {
  /// The status on a day.
  public enum StatusAsOf: Sendable, Equatable {
    /// Not yet claimed.
    case open
    /// Claimed, not yet resolved.
    case claimed
    case resolved
  }

  public var record: MatterRecord
  public var status: StatusAsOf
  /// The resolved day when it is on or before E, else nil.
  public var resolved: Day?
  /// The claim day when it is on or before E, else nil.
  public var claimed: Day?
  /// Days from raised to resolved, for matters resolved by E.
  public var daysTaken: Int?
  /// Raised ≤ E, due < E and not resolved by E.
  public var overdue: Bool

  /// The matter as of `day` (which must not be before its raised day).
  public init(_ record: MatterRecord, asOf day: Day) {
    let m = record.matter
    self.record = record
    resolved = m.resolved.flatMap { $0 <= day ? $0 : nil }
    claimed = m.claimed.flatMap { $0 <= day ? $0 : nil }
    status = resolved != nil ? .resolved : claimed != nil ? .claimed : .open
    daysTaken = resolved.map { $0.daysSinceEpoch - m.raised.daysSinceEpoch }
    overdue = resolved == nil && (m.due.map { $0 < day } ?? false)
  }
}

/// The ledger as of a day: every matter raised by then.
public struct MatterLedger: Sendable, Equatable {
  public var asOf: Day
  public var entries: [LedgerEntry]

  static func compute(source: any StatisticsSource, asOf day: Day) throws -> MatterLedger {
    MatterLedger(asOf: day, entries: try source.matters(raisedOnOrBefore: day).map { LedgerEntry($0, asOf: day) })
  }

  /// 推进中 (in progress): matters claimed by E and not resolved by E.
  public var inProgress: Int { entries.count { $0.status == .claimed } }

  /// 未启动 (not started): matters raised by E and not claimed by E (nor resolved).
  public var notStarted: Int { entries.count { $0.status == .open } }

  /// The matters resolved within a window (本期解决的事项), in the ledger's order.
  public func resolved(within window: DayRange) -> [LedgerEntry] {
    entries.filter { e in e.resolved.map { window.contains($0) } ?? false }
  }

  /// Matters per unit id: how many the unit owns and how many of those are resolved by E.
  public func countsByUnit() -> [String: (owned: Int, resolved: Int)] {
    var result: [String: (owned: Int, resolved: Int)] = [:]
    for e in entries {
      guard let unit = e.record.unitID else { continue }
      var c = result[unit] ?? (0, 0)
      c.owned += 1
      if e.status == .resolved { c.resolved += 1 }
      result[unit] = c
    }
    return result
  }
}
