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

/// Text bytes in UTF-8, with the encoding they were found in.
struct DecodedText {
  var encoding: SourceFormat
  /// UTF-8 bytes without a byte-order mark.
  var bytes: Data
}

enum EncodingDetector {
  /// Detects UTF-8 (with or without BOM) or GB18030 and returns UTF-8 bytes.
  ///
  /// A valid UTF-8 file is taken as UTF-8 (GB18030 text of any length is almost never valid
  /// UTF-8); otherwise the whole file must decode as GB18030.
  static func decode(_ data: Data, file: String) throws(StoreError) -> DecodedText {
    if data.starts(with: [0xEF, 0xBB, 0xBF]) {
      let body = data.dropFirst(3)
      if let bad = firstInvalidUTF8(body) {
        throw .badEncoding(file: file, line: lineNumber(of: bad, in: data), detail: "the file starts with a UTF-8 byte-order mark but holds invalid UTF-8")
      }
      return DecodedText(encoding: .utf8, bytes: Data(body))
    }
    if data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF]) {
      throw .badEncoding(file: file, line: 1, detail: "the file is UTF-16 (Excel's \"Unicode text\")")
    }
    guard let bad = firstInvalidUTF8(data) else {
      return DecodedText(encoding: .utf8, bytes: data)
    }
    // Valid multi-byte UTF-8 before the bad byte, or a sequence cut off at the very end, means a
    // damaged UTF-8 file: decoding it as GB18030 would import scrambled text without a word.
    let prefixHasUTF8 = data[data.startIndex..<bad].contains { $0 >= 0x80 }
    let cutAtEnd = data.endIndex - bad <= 3 && data[bad] >= 0xC0
    if prefixHasUTF8 || cutAtEnd {
      throw .badEncoding(file: file, line: lineNumber(of: bad, in: data), detail: "the file is UTF-8 but holds an invalid byte sequence here")
    }
    switch gb18030ToUTF8(data) {
    case .success(var converted):
      if converted.starts(with: [0xEF, 0xBB, 0xBF]) { converted.removeFirst(3) }  // GB18030's own BOM, 84 31 95 33
      return DecodedText(encoding: .gb18030, bytes: converted)
    case .failure(let offset):
      throw .badEncoding(file: file, line: lineNumber(of: data.startIndex + offset, in: data), detail: "the bytes are neither UTF-8 nor GB18030")
    }
  }

  /// The result of a conversion: the UTF-8 bytes, or the input offset where it stopped.
  enum Conversion {
    case success(Data)
    case failure(offset: Int)
  }

  /// The offset of the first byte that breaks UTF-8, or nil when all of it is valid.
  static func firstInvalidUTF8(_ data: Data) -> Data.Index? {
    data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> Data.Index? in
      let p = raw.bindMemory(to: UInt8.self)
      let n = p.count
      var i = 0
      while i < n {
        let b = p[i]
        if b < 0x80 {
          i += 1
          continue
        }
        var need = 0
        var min: UInt32 = 0
        var cp: UInt32 = 0
        if b & 0xE0 == 0xC0 {
          need = 1; min = 0x80; cp = UInt32(b & 0x1F)
        } else if b & 0xF0 == 0xE0 {
          need = 2; min = 0x800; cp = UInt32(b & 0x0F)
        } else if b & 0xF8 == 0xF0 {
          need = 3; min = 0x10000; cp = UInt32(b & 0x07)
        } else {
          return data.startIndex + i
        }
        if i + need >= n { return data.startIndex + i }
        for k in 1...need {
          let c = p[i + k]
          if c & 0xC0 != 0x80 { return data.startIndex + i }
          cp = (cp << 6) | UInt32(c & 0x3F)
        }
        if cp < min || cp > 0x10FFFF || (0xD800...0xDFFF).contains(cp) { return data.startIndex + i }
        i += need + 1
      }
      return nil
    }
  }

  /// Converts GB18030 bytes to UTF-8 with iconv, or tells where the bytes stop being GB18030.
  static func gb18030ToUTF8(_ data: Data) -> Conversion {
    let cd = iconv_open("UTF-8", "GB18030")
    if cd == iconv_t(bitPattern: -1) { return .failure(offset: 0) }
    defer { iconv_close(cd) }
    var output = Data()
    output.reserveCapacity(data.count + data.count / 2)
    var input = data
    let chunk = 1 << 16
    var buffer = [CChar](repeating: 0, count: chunk)
    let total = data.count
    var stoppedAt: Int?
    input.withUnsafeMutableBytes { (raw: UnsafeMutableRawBufferPointer) in
      var inPtr: UnsafeMutablePointer<CChar>? = raw.baseAddress?.assumingMemoryBound(to: CChar.self)
      var inLeft = raw.count
      while inLeft > 0 {
        let (result, produced, err): (Int, Int, Int32) = buffer.withUnsafeMutableBufferPointer { ob in
          var outPtr: UnsafeMutablePointer<CChar>? = ob.baseAddress
          var outLeft = chunk
          let r = iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft)
          return (r, chunk - outLeft, errno)
        }
        buffer.withUnsafeBytes { output.append(contentsOf: $0.prefix(produced)) }
        if result == -1 && err != E2BIG {
          stoppedAt = total - inLeft
          return
        }
      }
    }
    if let stoppedAt { return .failure(offset: stoppedAt) }
    return .success(output)
  }

  /// The 1-based line number of a byte offset, counting LF, CRLF and lone CR as line ends.
  static func lineNumber(of index: Data.Index, in data: Data) -> Int {
    var line = 1
    var previous: UInt8 = 0
    for b in data[data.startIndex..<index] {
      if b == 0x0A && previous != 0x0D { line += 1 } else if b == 0x0D { line += 1 }
      previous = b
    }
    return line
  }
}
