/// A calendar day without a time or a time zone: the unit every definition counts in.
///
/// Days compare and sort chronologically and print as ISO 8601 (`2021-07-03`).
public struct Day: Hashable, Comparable, Sendable, CustomStringConvertible {
  public let year: Int
  public let month: Int
  public let day: Int

  /// Creates a day, or returns nil when the date does not exist (2021-02-30).
  public init?(year: Int, month: Int, day: Int) {
    guard (1...9999).contains(year), (1...12).contains(month),
      (1...Day.daysIn(month: month, year: year)).contains(day)
    else { return nil }
    self.year = year
    self.month = month
    self.day = day
  }

  /// The day `days` days after 1970-01-01 (negative numbers go before it).
  public init(daysSinceEpoch days: Int) {
    // Howard Hinnant's civil_from_days.
    let z = days + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let doe = z - era * 146_097
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let d = doy - (153 * mp + 2) / 5 + 1
    let m = mp < 10 ? mp + 3 : mp - 9
    self.year = yoe + era * 400 + (m <= 2 ? 1 : 0)
    self.month = m
    self.day = d
  }

  /// Days since 1970-01-01.
  public var daysSinceEpoch: Int {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let mp = month > 2 ? month - 3 : month + 9
    let doy = (153 * mp + 2) / 5 + day - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146_097 + doe - 719_468
  }

  /// The day `n` days later (earlier when negative).
  public func adding(days n: Int) -> Day { Day(daysSinceEpoch: daysSinceEpoch + n) }

  /// The month this day falls in.
  public var monthOfYear: Month { Month(year: year, month: month)! }

  /// ISO 8601 form, `2021-07-03`.
  public var iso: String {
    "\(Day.pad(year, 4))-\(Day.pad(month, 2))-\(Day.pad(day, 2))"
  }

  /// Chinese official form, `2021年7月3日`.
  public var chinese: String { "\(year)年\(month)月\(day)日" }

  public var description: String { iso }

  public static func < (a: Day, b: Day) -> Bool {
    (a.year, a.month, a.day) < (b.year, b.month, b.day)
  }

  /// Number of days in a month of a year (Gregorian calendar).
  public static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }

  static func pad(_ n: Int, _ width: Int) -> String {
    let s = String(n)
    return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
  }
}

extension Day {
  /// Reads a day as people write it in ledgers: `2021-07-03`, `2021-7-3`, `2021/7/3`,
  /// `2021.7.3` and `2021年7月3日` are all the same day.
  ///
  /// Returns nil for anything else, including days that do not exist such as `2021-02-30`.
  public init?(parsing text: some StringProtocol) {
    var fields: [Int] = []
    var current = 0
    var digits = 0
    var separators: [Character] = []
    for ch in text.trimmingWhitespace() {
      if let v = ch.wholeNumberValue, ch.isASCII {
        guard digits < 4 else { return nil }
        current = current * 10 + v
        digits += 1
      } else {
        guard digits > 0 else { return nil }
        fields.append(current)
        separators.append(ch)
        current = 0
        digits = 0
      }
    }
    if digits > 0 {
      fields.append(current)
    }
    guard fields.count == 3 else { return nil }
    switch separators {
    case ["-", "-"], ["/", "/"], [".", "."]: break
    case ["年", "月", "日"]: break
    default: return nil
    }
    self.init(year: fields[0], month: fields[1], day: fields[2])
  }
}

extension StringProtocol {
  /// The text without leading and trailing spaces, tabs and line breaks (ASCII and ideographic).
  public func trimmingWhitespace() -> Substring {
    let s = Substring(self)
    guard let first = s.firstIndex(where: { !$0.isWhitespace }) else { return s[s.endIndex...] }
    let last = s.lastIndex(where: { !$0.isWhitespace })!
    return s[first...last]
  }
}
