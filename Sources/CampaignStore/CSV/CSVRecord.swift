import CampaignModel

/// One record of a CSV file (or row of a sheet) with the line it starts on (the header is line 1).
///
/// The fields are kept as UTF-8 bytes, one after another, so that reading a cell needs no
/// `String` until one is wanted.
struct CSVRecord {
  var line: Int
  /// The fields' bytes, one after another.
  private(set) var bytes: [UInt8]
  /// Where each field ends in `bytes`.
  private(set) var ends: [Int]
  /// Whether non-empty fields past `CSVParser.maximumFields` were left out.
  var droppedText = false

  init(line: Int, bytes: [UInt8], ends: [Int], droppedText: Bool = false) {
    self.line = line
    self.bytes = bytes
    self.ends = ends
    self.droppedText = droppedText
  }

  init(line: Int, fields: [String], droppedText: Bool = false) {
    var bytes: [UInt8] = []
    var ends: [Int] = []
    for field in fields {
      bytes += field.utf8
      ends.append(bytes.count)
    }
    self.init(line: line, bytes: bytes, ends: ends, droppedText: droppedText)
  }

  /// The number of fields.
  var count: Int { ends.count }

  /// Where field `i` lies in `bytes`.
  func range(_ i: Int) -> Range<Int> { (i == 0 ? 0 : ends[i - 1])..<ends[i] }

  /// Field `i` as text.
  func field(_ i: Int) -> String {
    bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[range(i)]), as: UTF8.self) }
  }

  /// Field `i` without the white space around it, as `trimmingWhitespace` gives it; reads the
  /// bytes alone when both ends are ASCII.
  func trimmedField(_ i: Int) -> String {
    let r = range(i)
    guard !r.isEmpty else { return "" }
    return bytes.withUnsafeBufferPointer { all in
      var lo = r.lowerBound, hi = r.upperBound
      while lo < hi, all[lo].isASCIIWhitespace { lo += 1 }
      while hi > lo, all[hi - 1].isASCIIWhitespace { hi -= 1 }
      if lo == hi { return "" }
      // Both ends ASCII: nothing else to trim. A non-ASCII end may be Unicode white space (an
      // ideographic space, U+3000) or a combining mark that made one character with the space
      // before it: the whole field is trimmed by characters then.
      if all[lo] < 0x80 && all[hi - 1] < 0x80 { return String(decoding: UnsafeBufferPointer(rebasing: all[lo..<hi]), as: UTF8.self) }
      return String(String(decoding: UnsafeBufferPointer(rebasing: all[r]), as: UTF8.self).trimmingWhitespace())
    }
  }

  /// Every field as text.
  var fields: [String] { (0..<count).map(field) }

  /// Whether the row is a ledger's total row: its first non-empty cell is 合计, 小计 or 总计
  /// (spaces inside allowed, as in 合　计).
  var isTotalRow: Bool {
    for i in 0..<count {
      // Most rows start with an ASCII cell (an id, a date): decided from the bytes alone.
      let r = range(i)
      var lo = r.lowerBound
      while lo < r.upperBound, bytes[lo].isASCIIWhitespace { lo += 1 }
      if lo == r.upperBound { continue }
      if bytes[lo] < 0x80 { return false }
      let t = field(i).filter { !$0.isWhitespace }
      if t.isEmpty { continue }
      return ["合计", "小计", "总计", "合計", "總計"].contains(t)
    }
    return false
  }

  /// Whether every field is empty after trimming (Excel leaves such rows behind).
  var isBlank: Bool {
    var ascii = true
    for b in bytes {
      if b >= 0x80 {
        ascii = false
      } else if !b.isASCIIWhitespace {
        return false
      }
    }
    return ascii || fields.allSatisfy { $0.trimmingWhitespace().isEmpty }
  }
}
