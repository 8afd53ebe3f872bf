import Foundation

/// A quote that is never closed: the rest of the file cannot be read as records.
struct CSVSyntaxError: Error {
  var line: Int
  var column: Int
}

/// One record of a CSV file with the line it starts on (the header is line 1).
struct CSVRecord {
  var line: Int
  var fields: [String]

  /// Whether every field is empty after trimming (Excel leaves such rows behind).
  var isBlank: Bool { fields.allSatisfy { $0.trimmingWhitespace().isEmpty } }
}

/// Reads RFC 4180 CSV (quotes, doubled quotes, line breaks inside quotes, CRLF/LF/CR) from
/// UTF-8 bytes, one record at a time so memory stays flat. A tab-separated file (a header with
/// tabs and no commas) is read the same way.
struct CSVReader {
  let file: String
  let bytes: Data
  let encoding: SourceFormat
  var format: SourceFormat { encoding }

  /// Opens and decodes a file; throws `missingFile` or `badEncoding`.
  init(path: String) throws(StoreError) {
    let url = URL(fileURLWithPath: path)
    let data: Data
    do {
      data = try Data(contentsOf: url, options: .alwaysMapped)
    } catch {
      var isDir: ObjCBool = false
      if FileManager.default.fileExists(atPath: path, isDirectory: &isDir) {
        throw .unreadableFile(path: path, reason: isDir.boolValue ? "it is a directory" : "\(error.localizedDescription)")
      }
      throw .missingFile(path: path)
    }
    try self.init(text: data, file: path)
  }

  /// Reads bytes already in memory (tests and embedded files).
  init(text data: Data, file: String) throws(StoreError) {
    let decoded = try EncodingDetector.decode(data, file: file)
    self.file = file
    self.bytes = decoded.bytes
    self.encoding = decoded.encoding
  }

  /// Calls `body` for each record in order; stops at the first error `body` throws.
  func forEachRecord(_ body: (CSVRecord) throws -> Void) throws {
    try bytes.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
      let p = raw.bindMemory(to: UInt8.self)
      let n = p.count
      let quote: UInt8 = 0x22, cr: UInt8 = 0x0D, lf: UInt8 = 0x0A
      let separator = Self.separator(p)
      var i = 0
      var line = 1
      var fields: [String] = []
      var field: [UInt8] = []
      while i < n {
        let recordLine = line
        fields.removeAll(keepingCapacity: true)
        var endOfRecord = false
        while !endOfRecord {
          field.removeAll(keepingCapacity: true)
          var quotedStartLine = 0
          if i < n && p[i] == quote {
            quotedStartLine = line
            i += 1
            var closed = false
            while i < n {
              let b = p[i]
              if b == quote {
                if i + 1 < n && p[i + 1] == quote {
                  field.append(quote)
                  i += 2
                } else {
                  i += 1
                  closed = true
                  break
                }
              } else {
                if b == lf || (b == cr && !(i + 1 < n && p[i + 1] == lf)) { line += 1 }
                field.append(b)
                i += 1
              }
            }
            if !closed {
              throw CSVSyntaxError(line: quotedStartLine, column: fields.count + 1)
            }
          }
          // Unquoted part (or text after a closing quote, kept as Excel does).
          while i < n {
            let b = p[i]
            if b == separator || b == cr || b == lf { break }
            field.append(b)
            i += 1
          }
          fields.append(String(decoding: field, as: UTF8.self))
          if i >= n {
            endOfRecord = true
          } else if p[i] == separator {
            i += 1
            if i >= n { fields.append(""); endOfRecord = true }
          } else {
            if p[i] == cr && i + 1 < n && p[i + 1] == lf { i += 1 }
            i += 1
            line += 1
            endOfRecord = true
          }
        }
        try body(CSVRecord(line: recordLine, fields: fields))
      }
    }
  }

  /// Comma, unless the first line has tabs and no commas.
  private static func separator(_ p: UnsafeBufferPointer<UInt8>) -> UInt8 {
    var commas = 0, tabs = 0
    for b in p {
      if b == 0x0A || b == 0x0D { break }
      if b == 0x2C { commas += 1 } else if b == 0x09 { tabs += 1 }
    }
    return tabs > 0 && commas == 0 ? 0x09 : 0x2C
  }
}
