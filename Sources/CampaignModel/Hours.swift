/// A number of class hours, kept exactly in hundredths so sums never drift (1.5 + 0.1 is 1.6).
public struct Hours: Hashable, Comparable, Sendable, CustomStringConvertible {
  /// Hundredths of an hour.
  public var hundredths: Int

  public init(hundredths: Int) { self.hundredths = hundredths }

  public static let zero = Hours(hundredths: 0)

  /// Reads a non-negative decimal with at most two decimals (`2`, `1.5`, `0.25`).
  /// Returns nil for negative numbers, more decimals, or anything that is not a number.
  public init?(parsing text: some StringProtocol) {
    var whole = 0, wholeDigits = 0, frac = 0, fracDigits = -1
    for b in text.trimmingWhitespace().utf8 {
      if b == 0x2E {
        guard fracDigits < 0 else { return nil }
        fracDigits = 0
      } else if b >= 0x30 && b <= 0x39 {
        if fracDigits < 0 {
          guard wholeDigits < 9 else { return nil }
          whole = whole * 10 + Int(b - 0x30)
          wholeDigits += 1
        } else {
          guard fracDigits < 2 else { return nil }
          frac = frac * 10 + Int(b - 0x30)
          fracDigits += 1
        }
      } else {
        return nil
      }
    }
    guard wholeDigits > 0, fracDigits != 0 else { return nil }
    if fracDigits == 1 { frac *= 10 }
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
