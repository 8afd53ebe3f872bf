import Foundation

/// Checks a workbook part as it streams in, chunk by chunk, for what Foundation's XMLParser
/// cannot take (it traps on some, see `XlsxReader.data`): bytes that are not UTF-8, a NUL byte,
/// a processing instruction other than the XML declaration at the start, or a DTD. The same
/// rules as `XlsxReader.unsupportedMarkup` on a whole part, in bounded memory.
struct PartChecker {
  private var utf8 = UTF8Validator()
  /// Bytes at the end of the last chunk that could not be judged yet (a `<` whose next bytes
  /// had not come), or the start of the part while its declaration is incomplete.
  private var pending: [UInt8] = []
  private var declarationDone = false
  /// How far the start of a part may run before its declaration must have ended.
  static let declarationLimit = 4096

  /// Takes the next chunk; returns what is wrong, or nil.
  mutating func feed(_ chunk: Data) -> String? {
    let valid = chunk.withUnsafeBytes { raw in utf8.feed(raw.bindMemory(to: UInt8.self)) }
    if !valid { return "not UTF-8 text" }
    pending.append(contentsOf: chunk)
    return scan(final: false)
  }

  /// Ends the part; returns what is wrong, or nil.
  mutating func finish() -> String? {
    utf8.finish()
    if utf8.invalid != nil { return "not UTF-8 text" }
    return scan(final: true)
  }

  private mutating func scan(final: Bool) -> String? {
    let instruction = "an XML processing instruction", dtd = "a DTD (<!DOCTYPE, <!ENTITY …)"
    var start = 0
    let p = pending
    if !declarationDone {
      var i = 0
      if p.starts(with: [0xEF, 0xBB, 0xBF]) { i = 3 }
      while i < p.count, p[i] == 0x20 || p[i] == 0x09 || p[i] == 0x0A || p[i] == 0x0D { i += 1 }
      let declaration = Array("<?xml".utf8)
      if p.count - i < 6 && !final { return nil }
      if p[i...].starts(with: declaration), i + 5 < p.count, [0x20, 0x09, 0x0A, 0x0D].contains(p[i + 5]) {
        guard let close = p[(i + 5)...].firstIndex(of: 0x3E), close - (i + 5) < Self.declarationLimit else {
          if final || p.count - (i + 5) >= Self.declarationLimit { return instruction }
          return nil
        }
        if p[(i + 5)..<close].contains(0x3C) || p[close - 1] != 0x3F { return instruction }
        start = close + 1
      }
      declarationDone = true
    }
    var i = start
    let n = p.count
    while i < n {
      let b = p[i]
      if b == 0 { return "holds a NUL byte" }
      if b == 0x3C {
        if i + 1 >= n {
          if final { return nil }
          break
        }
        if p[i + 1] == 0x3F { return instruction }
        if p[i + 1] == 0x21 {
          // `<!--` or `<![CDATA[`; judged once 9 bytes are there.
          if i + 9 > n && !final { break }
          let rest = p[(i + 1)...]
          if !rest.starts(with: Array("!--".utf8)) && !rest.starts(with: Array("![CDATA[".utf8)) { return dtd }
        }
      }
      i += 1
    }
    pending = i < n ? Array(p[i...]) : []
    return nil
  }
}
