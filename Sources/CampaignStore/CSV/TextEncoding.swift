import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The formats an imported file may come in: CSV text in an encoding detected from the bytes
/// (never asked), or an Excel workbook.
public enum SourceFormat: String, Sendable {
  /// CSV in UTF-8, with or without a byte-order mark.
  case utf8 = "UTF-8"
  /// CSV in GB18030 (and its subsets GBK and GB2312): what Chinese Excel and WPS write when saving CSV.
  case gb18030 = "GB18030"
  /// An .xlsx workbook.
  case xlsx
}

enum EncodingDetector {
  /// Detects UTF-8 (with or without BOM) or GB18030 in one pass over the bytes.
  ///
  /// A valid UTF-8 file is taken as UTF-8 (GB18030 text of any length is almost never valid
  /// UTF-8); otherwise the file is read as GB18030, and a byte that is not GB18030 either is
  /// reported with its line when the records are read.
  static func detect(_ input: ByteInput, file: String) throws(StoreError) -> SourceFormat {
    var validator = UTF8Validator()
    var head: [UInt8] = []
    struct Stop: Error {}
    do {
      try input.forEachChunk { chunk in
        if head.isEmpty { head = Array(chunk.prefix(4)) }
        if !validator.feed(chunk) { throw Stop() }
      }
    } catch is Stop {
    } catch let e as StoreError {
      throw e
    } catch {
      throw .unreadableFile(path: file, reason: "\(error)")
    }
    validator.finish()
    if head.starts(with: [0xFF, 0xFE]) || head.starts(with: [0xFE, 0xFF]) {
      throw .badEncoding(file: file, line: 1, detail: "the file is UTF-16 (Excel's \"Unicode text\")")
    }
    guard let bad = validator.invalid else { return .utf8 }
    if head.starts(with: [0xEF, 0xBB, 0xBF]) {
      throw .badEncoding(file: file, line: bad.line, detail: "the file starts with a UTF-8 byte-order mark but holds invalid UTF-8")
    }
    // Valid multi-byte UTF-8 before the bad byte, or a sequence cut off at the very end, means a
    // damaged UTF-8 file: decoding it as GB18030 would import scrambled text without a word.
    if validator.sawMultibyte || bad.atEnd {
      throw .badEncoding(file: file, line: bad.line, detail: "the file is UTF-8 but holds an invalid byte sequence here")
    }
    return .gb18030
  }

  /// The offset of the first byte that breaks UTF-8, or nil when all of it is valid.
  static func firstInvalidUTF8(_ data: Data) -> Data.Index? {
    var validator = UTF8Validator()
    data.withUnsafeBytes { raw in _ = validator.feed(raw.bindMemory(to: UInt8.self)) }
    validator.finish()
    return validator.invalid.map { data.startIndex + $0.offset }
  }
}

/// Checks UTF-8 across chunks: stops at the first byte that breaks it and says where.
struct UTF8Validator {
  /// Where UTF-8 broke: the byte offset and line of the sequence, and whether the input ended
  /// inside it.
  struct Invalid { var offset: Int; var line: Int; var atEnd: Bool }
  private(set) var invalid: Invalid?
  /// Whether a valid multi-byte sequence came before the first invalid byte.
  private(set) var sawMultibyte = false

  private var offset = 0
  private var lines = LineCounter()
  private var need = 0
  private var cp: UInt32 = 0
  private var min: UInt32 = 0
  private var sequenceStart = (offset: 0, line: 1)

  /// Reads more bytes; false once an invalid byte is found.
  mutating func feed(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard invalid == nil else { return false }
    let n = bytes.count
    var i = 0
    while i < n {
      // Eight ASCII bytes without a line break at a time: most of a file.
      if need == 0 && i + 8 <= n {
        let word = UnsafeRawPointer(bytes.baseAddress! + i).loadUnaligned(as: UInt64.self)
        if word & 0x8080_8080_8080_8080 == 0 && !Self.hasLineBreak(word) {
          lines.countPlainText()
          offset += 8
          i += 8
          continue
        }
      }
      let b = bytes[i]
      i += 1
      if need > 0 {
        guard b & 0xC0 == 0x80 else { return fail() }
        cp = (cp << 6) | UInt32(b & 0x3F)
        need -= 1
        if need == 0 {
          if cp < min || cp > 0x10FFFF || (0xD800...0xDFFF).contains(cp) { return fail() }
          sawMultibyte = true
        }
      } else if b >= 0x80 {
        sequenceStart = (offset, lines.line)
        if b & 0xE0 == 0xC0 {
          need = 1; min = 0x80; cp = UInt32(b & 0x1F)
        } else if b & 0xF0 == 0xE0 {
          need = 2; min = 0x800; cp = UInt32(b & 0x0F)
        } else if b & 0xF8 == 0xF0 {
          need = 3; min = 0x10000; cp = UInt32(b & 0x07)
        } else {
          return fail()
        }
      } else {
        lines.count(b)
      }
      offset += 1
    }
    return true
  }

  /// Whether an ASCII word holds a CR or LF byte (the classic zero-byte test on `word ^ CR` and
  /// `word ^ LF`; exact for bytes below 0x80).
  private static func hasLineBreak(_ word: UInt64) -> Bool {
    let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
    let cr = word ^ (ones &* 0x0D), lf = word ^ (ones &* 0x0A)
    return ((cr &- ones) & ~cr & highs) | ((lf &- ones) & ~lf & highs) != 0
  }

  /// Ends the input: a sequence still open is invalid, cut off at the end.
  mutating func finish() {
    if invalid == nil && need > 0 {
      invalid = Invalid(offset: sequenceStart.offset, line: sequenceStart.line, atEnd: true)
    }
  }

  private mutating func fail() -> Bool {
    if need == 0 { sequenceStart = (offset, lines.line) }
    invalid = Invalid(offset: sequenceStart.offset, line: sequenceStart.line, atEnd: false)
    return false
  }
}

/// Converts GB18030 to UTF-8 with iconv, chunk by chunk: a character split between two chunks
/// waits for the rest, and a byte that is not GB18030 is reported with its line.
struct GB18030Decoder: ~Copyable {
  let file: String
  private let cd: iconv_t
  private var carry: [UInt8] = []
  private var lines = LineCounter()
  private var output: [UInt8]

  init(file: String) throws(StoreError) {
    self.file = file
    guard let cd = iconv_open("UTF-8", "GB18030"), cd != iconv_t(bitPattern: -1) else {
      throw .badEncoding(file: file, line: 1, detail: "this system's iconv cannot convert GB18030")
    }
    self.cd = cd
    output = [UInt8](repeating: 0, count: 1 << 16)
  }

  deinit { iconv_close(cd) }

  /// Converts `bytes` (after any held back from the last chunk), handing UTF-8 to `body`.
  mutating func feed(_ bytes: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) throws -> Void) throws {
    var input = carry
    input.append(contentsOf: bytes)
    carry = []
    let consumed = try convert(&input, body)
    if consumed < input.count { carry = Array(input[consumed...]) }
  }

  /// Ends the input: bytes still held back are a character cut off at the end.
  mutating func finish() throws(StoreError) {
    if !carry.isEmpty {
      throw .badEncoding(file: file, line: lines.line, detail: "the bytes are neither UTF-8 nor GB18030")
    }
  }

  /// Converts as much of `input` as is complete; returns how many bytes were consumed.
  private mutating func convert(_ input: inout [UInt8], _ body: (UnsafeBufferPointer<UInt8>) throws -> Void) throws -> Int {
    let total = input.count
    var left = total
    var failure: Int32 = 0
    let cd = self.cd
    try input.withUnsafeMutableBufferPointer { inBuf in
      var inPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inBuf.baseAddress)?.assumingMemoryBound(to: CChar.self)
      while left > 0 {
        let (result, produced, err): (Int, Int, Int32) = output.withUnsafeMutableBufferPointer { ob in
          var outPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(ob.baseAddress)?.assumingMemoryBound(to: CChar.self)
          var outLeft = ob.count
          let r = iconv(cd, &inPtr, &left, &outPtr, &outLeft)
          return (r, ob.count - outLeft, errno)
        }
        try output.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[0..<produced])) }
        if result == -1 && err != E2BIG {
          failure = err
          break
        }
      }
    }
    let consumed = total - left
    input.withUnsafeBufferPointer { lines.count(UnsafeBufferPointer(rebasing: $0[0..<consumed])) }
    if failure == EILSEQ {
      throw StoreError.badEncoding(file: file, line: lines.line, detail: "the bytes are neither UTF-8 nor GB18030")
    }
    return consumed  // EINVAL: an incomplete character at the end waits for the next chunk
  }
}
