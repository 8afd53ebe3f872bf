/// The period a report covers: a calendar month, a quarter, a year, or any range of days.
public enum ReportPeriod: Hashable, Sendable, CustomStringConvertible {
  case month(Month)
  /// A calendar quarter: `quarter` is 1...4.
  case quarter(year: Int, quarter: Int)
  case year(Int)
  case range(DayRange)

  /// The days the period covers, both ends included.
  /// The span every period lies in: from 1900 (the first year a workbook's dates can show) to
  /// 9998, so the period before and the period after it, which reports read, exist too.
  public static let supported = DayRange(Day(year: 1900, month: 1, day: 1)!, Day(year: 9998, month: 12, day: 31)!)!

  /// Whether the period lies in `supported`.
  public var isSupported: Bool { Self.supported.contains(days.start) && Self.supported.contains(days.end) }

  public var days: DayRange {
    switch self {
    case .month(let m): return m.days
    case .quarter(let y, let q):
      return DayRange(Month(year: y, month: 3 * q - 2)!.first, Month(year: y, month: 3 * q)!.last)!
    case .year(let y): return DayRange(Day(year: y, month: 1, day: 1)!, Day(year: y, month: 12, day: 31)!)!
    case .range(let r): return r
    }
  }

  /// The stem of the output files: `monthly-2021-07`, `quarterly-2021Q3`, `annual-2021`,
  /// `range-2021-02-25_2021-08-04`.
  public var fileStem: String {
    switch self {
    case .month(let m): return "monthly-\(m.iso)"
    case .quarter(let y, let q): return "quarterly-\(y)Q\(q)"
    case .year(let y): return "annual-\(y)"
    case .range(let r): return "range-\(r.start.iso)_\(r.end.iso)"
    }
  }

  /// How the period is named in arguments and logs: `2021-07`, `2021Q3`, `2021`, `2021-02-25..2021-08-04`.
  public var description: String {
    switch self {
    case .month(let m): return m.iso
    case .quarter(let y, let q): return "\(y)Q\(q)"
    case .year(let y): return String(y)
    case .range(let r): return r.description
    }
  }

  /// The period before, of the same kind (the previous calendar month, quarter or year); nil for
  /// a range of days, which has no calendar predecessor.
  public var previous: ReportPeriod? {
    switch self {
    case .month(let m): return .month(m.previous)
    case .quarter(let y, let q): return q == 1 ? .quarter(year: y - 1, quarter: 4) : .quarter(year: y, quarter: q - 1)
    case .year(let y): return .year(y - 1)
    case .range: return nil
    }
  }

  /// The calendar months the period touches, in order.
  public var months: [Month] {
    let d = days
    var m = d.start.monthOfYear
    var result: [Month] = []
    while m <= d.end.monthOfYear {
      result.append(m)
      m = m.next
    }
    return result
  }

  /// The last month of the period (for numbering briefings).
  public var lastMonth: Month { days.end.monthOfYear }

  /// Reads a quarter such as `2021Q3` or `2021q3`.
  public static func quarter(parsing text: String) -> ReportPeriod? {
    let t = Array(text.trimmingWhitespace().uppercased())
    guard t.count == 6, t[4] == "Q", t[0..<4].allSatisfy({ $0.isASCII && $0.isNumber }), let y = Int(String(t[0..<4])),
      let q = t[5].wholeNumberValue, (1...4).contains(q), y >= 1
    else { return nil }
    return .quarter(year: y, quarter: q)
  }

  /// Reads a year such as `2021`.
  public static func year(parsing text: String) -> ReportPeriod? {
    let t = text.trimmingWhitespace()
    guard t.count == 4, t.allSatisfy({ $0.isASCII && $0.isNumber }), let y = Int(t), y >= 1 else { return nil }
    return .year(y)
  }

  /// The last complete month before `today` (the 3rd of August gives July).
  public static func previousMonth(before today: Day) -> ReportPeriod { .month(today.monthOfYear.previous) }

  /// The last complete quarter before `today` (a day in October gives the third quarter).
  public static func previousQuarter(before today: Day) -> ReportPeriod {
    let q = (today.month - 1) / 3 + 1
    return q == 1 ? .quarter(year: today.year - 1, quarter: 4) : .quarter(year: today.year, quarter: q - 1)
  }

  /// The last complete year before `today`.
  public static func previousYear(before today: Day) -> ReportPeriod { .year(today.year - 1) }
}
