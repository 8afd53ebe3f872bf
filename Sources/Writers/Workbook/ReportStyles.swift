/// The styles of the report workbooks, in the look of Chinese statistics forms: 宋体, a bold
/// centred title, boxed tables with a grey header, one decimal for hours and averages, and
/// percentages for rates.
enum ReportStyles {
  static let title = CellStyle().with {
    $0.size = 18; $0.bold = true; $0.align = .center
  }
  static let subtitleLeft = CellStyle().with { $0.align = .left }
  static let subtitleCenter = CellStyle().with { $0.align = .center }
  static let subtitleRight = CellStyle().with { $0.align = .right }
  static let header = CellStyle().boxed.with {
    $0.bold = true; $0.align = .center; $0.wrap = true; $0.fill = 0xD9D9D9
  }
  static let text = CellStyle().boxed.with {
    $0.align = .left; $0.wrap = true
  }
  static let centered = CellStyle().boxed.with { $0.align = .center }
  static let integer = CellStyle().boxed.with {
    $0.align = .right; $0.numberFormat = "0"
  }
  static let oneDecimal = CellStyle().boxed.with {
    $0.align = .right; $0.numberFormat = "0.0"
  }
  static let percent = CellStyle().boxed.with {
    $0.align = .right; $0.numberFormat = "0.0%"
  }
  static let change = CellStyle().boxed.with {
    $0.align = .right; $0.numberFormat = "+0;-0;0"
  }
  static let changeOneDecimal = CellStyle().boxed.with {
    $0.align = .right; $0.numberFormat = "+0.0;-0.0;0.0"
  }
  /// A rate's change in percentage points, with the unit (个百分点) in the number format.
  static func changePoints(_ unit: String) -> CellStyle {
    CellStyle().boxed.with {
      $0.align = .right; $0.numberFormat = "+0.0\"\(unit)\";-0.0\"\(unit)\";0.0\"\(unit)\""
    }
  }
  static let date = CellStyle().boxed.with {
    $0.align = .center; $0.numberFormat = "yyyy-mm-dd"
  }
  static let note = CellStyle().with {
    $0.size = 9; $0.align = .left; $0.wrap = true; $0.verticalCenter = false
  }
  static let handOff = CellStyle().with { $0.align = .left }

  /// Key figures stand out: bold on a pale yellow fill.
  static func highlighted(_ s: CellStyle) -> CellStyle {
    s.with {
      $0.bold = true; $0.fill = 0xFFF2CC
    }
  }
  /// Units below the average and overdue matters: dark red on pale red.
  static func warned(_ s: CellStyle = CellStyle()) -> CellStyle {
    s.with {
      $0.color = 0x9C0006; $0.fill = 0xFFC7CE
    }
  }

  static let chartBlue: UInt32 = 0x4472C4
  static let chartRed: UInt32 = 0xC00000
}
