/// A number of class hours, kept exactly in hundredths so sums never drift (1.5 + 0.1 is 1.6).
public struct Hours: Hashable, Comparable, Sendable, CustomStringConvertible {
  /// Hundredths of an hour.
  public var hundredths: Int

  public init(hundredths: Int) { self.hundredths = hundredths }

  public static let zero = Hours(hundredths: 0)

  /// Reads a non-negative decimal with at most two decimals (`2`, `1.5`, `0.25`).
  /// Returns nil for negative numbers, more decimals, or anything that is not a number.
  public init?(parsing text: some StringProtocol) {
    let t = text.trimmingWhitespace()
    let parts = t.split(separator: ".", omittingEmptySubsequences: false)
    guard (1...2).contains(parts.count), !parts[0].isEmpty, parts[0].count <= 9,
      parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
      let whole = Int(parts[0])
    else { return nil }
    var frac = 0
    if parts.count == 2 {
      let f = parts[1]
      guard (1...2).contains(f.count), let v = Int(f) else { return nil }
      frac = f.count == 1 ? v * 10 : v
    }
    self.hundredths = whole * 100 + frac
  }

  /// The value as a floating-point number (exact to two decimals when printed shortest).
  public var value: Double { Double(hundredths) / 100 }

  /// `64`, `1.5`, `0.25`: the shortest exact decimal.
  public var description: String {
    let whole = hundredths / 100
    let frac = hundredths % 100
    if frac == 0 { return String(whole) }
    if frac % 10 == 0 { return "\(whole).\(frac / 10)" }
    return "\(whole).\(Day.pad(frac, 2))"
  }

  public static func + (a: Hours, b: Hours) -> Hours { Hours(hundredths: a.hundredths + b.hundredths) }
  public static func < (a: Hours, b: Hours) -> Bool { a.hundredths < b.hundredths }
}
