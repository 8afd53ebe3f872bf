/// How a cell looks: a value type that the workbook turns into one libxlsxwriter format per
/// distinct style, created once and reused.
public struct CellStyle: Hashable, Sendable {
  /// Border weights.
  public enum Line: UInt8, Hashable, Sendable { case none = 0, thin = 1, medium = 2 }
  /// Horizontal alignment.
  public enum Align: Hashable, Sendable { case general, left, center, right }

  public var font: String = CellStyle.cjkFont
  public var size: Double = 10.5
  public var bold = false
  public var color: UInt32? = nil
  public var fill: UInt32? = nil
  public var align: Align = .general
  public var verticalCenter = true
  public var wrap = false
  /// An Excel number format, e.g. `0.0%`, `yyyy-mm-dd`, `0`.
  public var numberFormat: String? = nil
  public var top: Line = .none
  public var bottom: Line = .none
  public var left: Line = .none
  public var right: Line = .none
  /// Whether the cell is locked when its sheet is protected (Excel's default).
  public var locked = true

  public init() {}

  /// The font named for CJK text: 宋体 (SimSun) exists on every Chinese Office and WPS install.
  public static let cjkFont = "宋体"

  /// A copy with thin borders on all four sides.
  public var boxed: CellStyle {
    var s = self
    s.top = .thin; s.bottom = .thin; s.left = .thin; s.right = .thin
    return s
  }

  /// A copy with changes applied.
  public func with(_ change: (inout CellStyle) -> Void) -> CellStyle {
    var s = self
    change(&s)
    return s
  }
}
