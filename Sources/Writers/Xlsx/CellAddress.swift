/// A1-style cell references for formulas.
public enum CellAddress {
  /// The column letters of a 0-based column: 0 → A, 26 → AA.
  public static func column(_ col: Int) -> String {
    var n = col + 1
    var s = ""
    while n > 0 {
      let r = (n - 1) % 26
      s = String(UnicodeScalar(UInt8(65 + r))) + s
      n = (n - 1) / 26
    }
    return s
  }

  /// `B3` for row 2, column 1 (0-based); `$B$3` when absolute.
  public static func cell(_ row: Int, _ col: Int, absolute: Bool = false) -> String {
    absolute ? "$\(column(col))$\(row + 1)" : "\(column(col))\(row + 1)"
  }

  /// `B3:B9`.
  public static func range(_ firstRow: Int, _ firstCol: Int, _ lastRow: Int, _ lastCol: Int, absolute: Bool = false) -> String {
    cell(firstRow, firstCol, absolute: absolute) + ":" + cell(lastRow, lastCol, absolute: absolute)
  }
}
