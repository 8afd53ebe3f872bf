import CampaignModel

/// A figure for the period and cumulatively, the two columns every form has (本期 | 累计).
public struct PeriodPair<Value: Sendable & Equatable>: Sendable, Equatable {
  /// Within the period.
  public var period: Value
  /// From the cumulative start to the period's last day.
  public var cumulative: Value

  public init(period: Value, cumulative: Value) {
    self.period = period
    self.cumulative = cumulative
  }
}

/// The two windows of a report: the period itself and cumulative (campaign start to period end).
public struct ReportWindows: Sendable, Equatable {
  public var period: DayRange
  public var cumulative: DayRange

  /// The period and the cumulative range ending on the same day; `cumulativeStart` must not be
  /// after the period's start.
  public init(period: DayRange, cumulativeStart: Day) {
    self.period = period
    self.cumulative = DayRange(cumulativeStart, period.end)!
  }
}
