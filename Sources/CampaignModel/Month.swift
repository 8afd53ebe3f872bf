/// A calendar month, such as July 2021; the period of a monthly report.
public struct Month: Hashable, Comparable, Sendable, CustomStringConvertible {
  public let year: Int
  public let month: Int

  /// Creates a month, or nil when `month` is not 1...12.
  public init?(year: Int, month: Int) {
    guard (1...9999).contains(year), (1...12).contains(month) else { return nil }
    self.year = year
    self.month = month
  }

  /// Reads `YYYY-MM` (`2021-07`); nil for anything else.
  public init?(parsing text: some StringProtocol) {
    let parts = text.trimmingWhitespace().split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 2, parts[0].count == 4, (1...2).contains(parts[1].count),
      parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
      let y = Int(parts[0]), let m = Int(parts[1])
    else { return nil }
    self.init(year: y, month: m)
  }

  /// The first day of the month.
  public var first: Day { Day(year: year, month: month, day: 1)! }
  /// The last day of the month (28 February, 29 February in leap years, 31 December ...).
  public var last: Day { Day(year: year, month: month, day: Day.daysIn(month: month, year: year))! }
  /// The closed range from the first to the last day.
  public var days: DayRange { DayRange(first, last)! }

  /// The calendar month before this one (December of the previous year before January).
  public var previous: Month {
    month == 1 ? Month(year: year - 1, month: 12)! : Month(year: year, month: month - 1)!
  }
  /// The calendar month after this one.
  public var next: Month {
    month == 12 ? Month(year: year + 1, month: 1)! : Month(year: year, month: month + 1)!
  }

  /// `2021-07`.
  public var iso: String { "\(Day.pad(year, 4))-\(Day.pad(month, 2))" }
  /// `2021年7月`.
  public var chinese: String { "\(year)年\(month)月" }
  public var description: String { iso }

  public static func < (a: Month, b: Month) -> Bool { (a.year, a.month) < (b.year, b.month) }
}

/// A closed range of days, both ends included: the shape of every period.
public struct DayRange: Hashable, Sendable, CustomStringConvertible {
  public let start: Day
  public let end: Day

  /// Creates a range, or nil when `end` is before `start`.
  public init?(_ start: Day, _ end: Day) {
    guard start <= end else { return nil }
    self.start = start
    self.end = end
  }

  /// Whether `day` lies within the range, ends included.
  public func contains(_ day: Day) -> Bool { start <= day && day <= end }

  /// The number of days in the range, ends included.
  public var dayCount: Int { end.daysSinceEpoch - start.daysSinceEpoch + 1 }

  public var description: String { "\(start.iso)..\(end.iso)" }
}
