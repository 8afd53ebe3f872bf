/// An exact quotient of two counts (an average or a rate), kept as integers so that rounding for
/// display is exact and half-up (四舍五入): 14.25 shows as 14.3.
public struct Ratio: Sendable, Equatable, CustomStringConvertible {
  public var numerator: Int
  /// Never zero.
  public var denominator: Int

  /// a ÷ b, or nil when b is 0 (an undefined rate is shown as —, never as NaN).
  public init?(_ numerator: Int, _ denominator: Int) {
    guard denominator != 0 else { return nil }
    self.numerator = numerator
    self.denominator = denominator
  }

  /// The value as a floating-point number.
  public var value: Double { Double(numerator) / Double(denominator) }

  /// The value times `scale`, rounded half-up to `places` decimals: `Ratio(5, 19)!.fixed(1, scale: 100)`
  /// is `"26.3"`.
  ///
  /// Computed in 128 bits: the largest sums the importer's bounds allow (see `RowReader`), times
  /// 100 and 10^places, fit with room to spare, so no figure can trap on overflow.
  public func fixed(_ places: Int, scale: Int = 1) -> String {
    var power: Int128 = 1
    for _ in 0..<places { power *= 10 }
    let n = Int128(numerator) * Int128(scale) * power
    let d = Int128(denominator)
    let negative = (n < 0) != (d < 0) && n != 0
    let (q, r) = (abs(n) / abs(d), abs(n) % abs(d))
    let rounded = 2 * r >= abs(d) ? q + 1 : q
    var digits = String(rounded)
    if places > 0 {
      if digits.count <= places { digits = String(repeating: "0", count: places - digits.count + 1) + digits }
      digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -places))
    }
    return (negative ? "-" : "") + digits
  }

  /// The value times `scale` in tenths, rounded half-up as it is displayed: 14.25 gives 143,
  /// `Ratio(5, 19)!.tenths(scale: 100)` gives 263 (26.3%). A change between two periods is the
  /// difference of these displayed tenths (see the definition of 较上月 in the README), so it
  /// always equals the difference of the two figures as printed.
  public func tenths(scale: Int = 1) -> Int {
    let n = Int128(numerator) * Int128(scale) * 10, d = Int128(denominator)
    let (q, r) = (abs(n) / abs(d), abs(n) % abs(d))
    let magnitude = 2 * r >= abs(d) ? q + 1 : q
    return Int((n < 0) != (d < 0) ? -magnitude : magnitude)
  }

  /// A percentage with one decimal, `26.3%`.
  public var percent: String { fixed(1, scale: 100) + "%" }

  public var description: String { "\(numerator)/\(denominator)" }
}
