/// Display width of text in a monospaced terminal or a spreadsheet column: East-Asian wide and
/// fullwidth characters take two cells, everything else one.
public enum TextWidth {
  /// The number of cells `text` takes.
  public static func of(_ text: String) -> Int {
    text.unicodeScalars.reduce(0) { $0 + cells($1) }
  }

  /// The number of cells each line of `text` takes; a line ends at a line feed (CRLF or LF),
  /// and a carriage return takes no cell.
  public static func lineWidths(_ text: String) -> [Int] {
    var widths: [Int] = []
    forEachLineWidth(text) { widths.append($0) }
    return widths
  }

  /// The number of cells the widest line of `text` takes.
  public static func ofLongestLine(_ text: String) -> Int {
    var widest = 0
    forEachLineWidth(text) { widest = max(widest, $0) }
    return widest
  }

  /// Calls `body` with each line's width, in one pass over the text (no string per line).
  private static func forEachLineWidth(_ text: String, _ body: (Int) -> Void) {
    var line = 0
    for u in text.unicodeScalars {
      if u == "\n" {
        body(line)
        line = 0
      } else if u != "\r" {
        line += cells(u)
      }
    }
    body(line)
  }

  /// `text` with line breaks where a heading may break when it is wider than `width` cells: before
  /// an opening bracket, and otherwise between words of two characters (计划完成|日期), never
  /// inside a bracket's first word or before a closing bracket or punctuation. Text with spaces
  /// (English) is left alone: a spreadsheet wraps it at its spaces.
  public static func breakingLines(_ text: String, width: Int) -> String {
    guard of(text) > width, !text.contains(" "), !text.contains("\n") else { return text }
    // Tokens: an opening bracket sticks to what follows, closing marks to what precedes; other
    // wide characters pair up into words.
    var tokens: [String] = []
    var pending = ""
    for ch in text {
      if "（(《“".contains(ch) {
        if !pending.isEmpty { tokens.append(pending) }
        pending = String(ch)
        continue
      }
      if "）)》”、，：；。".contains(ch), !pending.isEmpty || !tokens.isEmpty {
        if pending.isEmpty { tokens[tokens.count - 1].append(ch) } else { pending.append(ch) }
        continue
      }
      pending.append(ch)
      let body = pending.drop { "（(《“".contains($0) }
      if of(String(body)) >= 4 {
        tokens.append(pending)
        pending = ""
      }
    }
    if !pending.isEmpty { tokens.append(pending) }
    // Greedy lines; a line always breaks before an opening bracket.
    var lines: [String] = []
    var line = ""
    for token in tokens {
      let opens = token.first.map { "（(《“".contains($0) } ?? false
      if !line.isEmpty && (opens || of(line + token) > width) {
        lines.append(line)
        line = token
      } else {
        line += token
      }
    }
    if !line.isEmpty { lines.append(line) }
    return lines.joined(separator: "\n")
  }

  /// Pads `text` with spaces on the right to `width` cells.
  public static func padRight(_ text: String, to width: Int) -> String {
    text + String(repeating: " ", count: max(0, width - of(text)))
  }

  /// Pads `text` with spaces on the left to `width` cells.
  public static func padLeft(_ text: String, to width: Int) -> String {
    String(repeating: " ", count: max(0, width - of(text))) + text
  }

  /// The cells one scalar takes.
  private static func cells(_ u: Unicode.Scalar) -> Int { isWide(u) ? 2 : (isZeroWidth(u) ? 0 : 1) }

  static func isZeroWidth(_ u: Unicode.Scalar) -> Bool {
    (0x0300...0x036F).contains(u.value) || (0x200B...0x200F).contains(u.value) || (0xFE00...0xFE0F).contains(u.value)
  }

  static func isWide(_ u: Unicode.Scalar) -> Bool {
    let v = u.value
    return (0x1100...0x115F).contains(v) || (0x2E80...0x303E).contains(v) || (0x3041...0x33FF).contains(v)
      || (0x3400...0x4DBF).contains(v) || (0x4E00...0x9FFF).contains(v) || (0xA000...0xA4CF).contains(v)
      || (0xAC00...0xD7A3).contains(v) || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v)
      || (0xFF00...0xFF60).contains(v) || (0xFFE0...0xFFE6).contains(v) || (0x1F300...0x1F64F).contains(v)
      || (0x20000...0x3FFFD).contains(v)
  }
}
