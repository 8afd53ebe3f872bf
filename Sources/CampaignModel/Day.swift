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
    // Works on UTF-8 bytes: this runs once per date cell of every imported row.
    var fields = (0, 0, 0)
    var field = 0
    var digits = 0
    var separator: UInt8 = 0  // '-', '/', '.', or 1 for 年月日
    var chinese = 0  // how many of 年, 月, 日 were seen, in order
    var sawDay = false
    var bytes = Array(text.trimmingWhitespace().utf8)[...]
    while let b = bytes.first {
      if b >= 0x30 && b <= 0x39 {
        guard digits < (field == 0 ? 4 : 2), !sawDay else { return nil }
        let v = Int(b - 0x30)
        switch field {
        case 0: fields.0 = fields.0 * 10 + v
        case 1: fields.1 = fields.1 * 10 + v
        default: fields.2 = fields.2 * 10 + v
        }
        digits += 1
        bytes = bytes.dropFirst()
        continue
      }
      guard field == 0 ? digits == 4 : digits > 0 else { return nil }
      var sep: UInt8
      if b == 0x2D || b == 0x2F || b == 0x2E {
        sep = b
        bytes = bytes.dropFirst()
      } else if bytes.starts(with: [0xE5, 0xB9, 0xB4]) && chinese == 0 {  // 年
        sep = 1; chinese = 1; bytes = bytes.dropFirst(3)
      } else if bytes.starts(with: [0xE6, 0x9C, 0x88]) && chinese == 1 {  // 月
        sep = 1; chinese = 2; bytes = bytes.dropFirst(3)
      } else if bytes.starts(with: [0xE6, 0x97, 0xA5]) && chinese == 2 && field == 2 {  // 日
        sep = 1; chinese = 3; sawDay = true; bytes = bytes.dropFirst(3)
        digits = 0
        continue
      } else {
        return nil
      }
      guard field < 2, separator == 0 || separator == sep else { return nil }
      separator = sep
      field += 1
      digits = 0
    }
    guard field == 2, digits > 0 || sawDay else { return nil }
    if separator == 1 && !sawDay { return nil }
    self.init(year: fields.0, month: fields.1, day: fields.2)
  }
}

extension StringProtocol {
  /// The text without leading and trailing spaces, tabs, line breaks, no-break and ideographic
  /// spaces, and invisible format characters (a byte order mark U+FEFF in the middle of a file,
  /// zero-width spaces pasted from web pages), which would otherwise make `X1` and `\u{FEFF}X1`
  /// two ids.
  public func trimmingWhitespace() -> Substring {
    let s = Substring(self)
    let u = s.utf8
    guard let firstByte = u.first, let lastByte = u.last else { return s }
    // Fast path: nothing to trim (a Unicode lookup only when an end is not ASCII).
    let headIsSpace = firstByte < 0x80 ? firstByte.isASCIIWhitespace : s.first!.isTrimmedSpace
    let tailIsSpace = lastByte < 0x80 ? lastByte.isASCIIWhitespace : s.last!.isTrimmedSpace
    if !headIsSpace && !tailIsSpace { return s }
    guard let first = s.firstIndex(where: { !$0.isTrimmedSpace }) else { return s[s.endIndex...] }
    let last = s.lastIndex(where: { !$0.isTrimmedSpace })!
    return s[first...last]
  }

}

extension Character {
  /// White space, or an invisible format character standing alone (U+FEFF, U+200B, U+2060…):
  /// what `trimmingWhitespace` removes from the ends of a text.
  public var isTrimmedSpace: Bool {
    if isWhitespace { return true }
    let scalars = unicodeScalars
    guard scalars.count == 1, let v = scalars.first?.value else { return false }
    // CJK and the other scripts from U+3000 to U+FDFF hold no format character: most cells end
    // in one of them, and are decided without a Unicode lookup.
    if v >= 0x3000 && v < 0xFE00 { return false }
    return scalars.first!.properties.generalCategory == .format
  }
}

extension UInt8 {
  /// Whether the byte is ASCII white space that `trimmingWhitespace` removes: space, tab, line
  /// feed, vertical tab, form feed, carriage return.
  public var isASCIIWhitespace: Bool { self == 0x20 || (self >= 0x09 && self <= 0x0D) }
}
