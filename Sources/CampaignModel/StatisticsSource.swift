/// Totals of activity rows: the sum of `count`, hours and participants.
public struct Totals: Hashable, Sendable {
  public var count: Int
  public var hours: Hours
  public var participants: Int

  public init(count: Int = 0, hours: Hours = .zero, participants: Int = 0) {
    self.count = count
    self.hours = hours
    self.participants = participants
  }

  public static let zero = Totals()

  public static func + (a: Totals, b: Totals) -> Totals {
    Totals(count: a.count + b.count, hours: a.hours + b.hours, participants: a.participants + b.participants)
  }
}

/// A window of days that a record's date must fall in.
public enum DateWindow: Hashable, Sendable {
  /// On or before a day (no lower bound): "as of" counts.
  case onOrBefore(Day)
  /// Within a closed range: counts of a period.
  case within(DayRange)
}

/// The dates of a matter that definitions test.
public enum MatterDate: String, Sendable, CaseIterable {
  case raised, claimed, due, resolved
}

/// One condition on a matter; a count is of the matters meeting all of its conditions.
public enum MatterCondition: Hashable, Sendable {
  /// The date is set and falls in the window.
  case dated(MatterDate, DateWindow)
  /// The date is set and lies strictly before the day.
  case datedBefore(MatterDate, Day)
  /// The date is unset, or lies strictly after the day ("not resolved by E").
  case notDatedBy(MatterDate, Day)
  /// The matter is marked as a key project.
  case keyProject
}

/// What the statistics engine needs from a store. The store answers in its own query language
/// (SQL on SQLite or PostgreSQL); the definitions stay in the aggregation module.
public protocol StatisticsSource {
  /// The settings of the report's campaign.
  func settings() throws -> CampaignSettings
  /// The report's campaign's catalogue of kinds and media levels, in display order. Every
  /// activity figure counts the records of these kinds only.
  func catalogue() throws -> Catalogue
  /// The top committee's name, or nil when no organizations are loaded.
  func committeeName() throws -> String?
  /// The reporting units (direct children of the top committee) in their file order.
  func units() throws -> [Unit]
  /// Activity totals per kind code over every organization, the committee included.
  func activityTotals(dated window: DateWindow) throws -> [String: Totals]
  /// Activity totals per unit id and kind code; sub-branch rows count for their unit,
  /// committee rows for none.
  func activityTotalsByUnit(dated window: DateWindow) throws -> [String: [String: Totals]]
  /// The number of raw opinions dated in the window.
  func countFeedback(dated window: DateWindow) throws -> Int
  /// The number of matters meeting every condition.
  func countMatters(where conditions: [MatterCondition]) throws -> Int
  /// Sums of `count` per month (`YYYY-MM`) and kind code.
  func activityCountsByMonth(dated window: DateWindow) throws -> [String: [String: Int]]
  /// Sums of `count` of one kind per media level code (nil for rows without a level).
  func countsByLevel(kind: String, dated window: DateWindow) throws -> [String?: Int]
  /// Every matter raised on or before a day, in id order, with its organization and unit.
  func matters(raisedOnOrBefore day: Day) throws -> [MatterRecord]
  /// Calls `body` for each activity dated in the window (of the given kinds, or all when nil),
  /// ordered by date; rows stream from the store, so any number of them takes constant memory.
  func forEachActivity(dated window: DateWindow, kinds: [String]?, _ body: (ActivityRecord) throws -> Void) throws
  /// The submission and return batches of the months given, and every undo batch, in batch
  /// order: what the submission status of those months is computed from.
  func submissionBatches(months: [Month]) throws -> [BatchRecord]
  /// Whether any submission was received on or before a day (ever, when nil).
  func hasSubmissions(asOf day: Day?) throws -> Bool
  /// The unit (of `units()`) that each organization in scope counts for; the top organization
  /// counts for none and is absent.
  func unitOfOrganization() throws -> [String: String]
  /// The report's campaign's requirements and plans, in file order. A plan of the report's top
  /// organization has a nil unit; plans of organizations outside the report's units are left
  /// out.
  func targets() throws -> Targets
}

/// A matter with the names a listing shows.
public struct MatterRecord: Sendable, Equatable {
  public var matter: Matter
  public var organizationName: String
  /// The unit the responsible organization counts for; nil for the committee itself.
  public var unitID: String?

  public init(matter: Matter, organizationName: String, unitID: String?) {
    self.matter = matter
    self.organizationName = organizationName
    self.unitID = unitID
  }
}

/// An activity with the names a listing shows.
public struct ActivityRecord: Sendable, Equatable {
  public var activity: Activity
  public var organizationName: String
  /// The unit's name, or nil for the committee itself.
  public var unitName: String?

  public init(activity: Activity, organizationName: String, unitName: String?) {
    self.activity = activity
    self.organizationName = organizationName
    self.unitName = unitName
  }
}
