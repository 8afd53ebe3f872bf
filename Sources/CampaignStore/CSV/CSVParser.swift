/// A quote that is never closed: the rest of the file cannot be read as records.
struct CSVSyntaxError: Error {
  var line: Int
  var column: Int
}

/// One record of a CSV file with the line it starts on (the header is line 1).
struct CSVRecord {
  var line: Int
  var fields: [String]
  /// Whether non-empty fields past `CSVParser.maximumFields` were left out.
  var droppedText = false

  /// Whether every field is empty after trimming (Excel leaves such rows behind).
  var isBlank: Bool { fields.allSatisfy { $0.trimmingWhitespace().isEmpty } }
}

/// RFC 4180 records (quotes, doubled quotes, line breaks inside quotes, CRLF/LF/CR) from UTF-8
/// bytes fed in chunks of any size, so a file of any length is read in constant memory.
///
/// Bounds that keep a hostile file from taking the memory: a field keeps at most
/// `maximumFieldBytes` (more than any cell Excel allows, so the importer still refuses it as too
/// long), and a record keeps at most `maximumFields` (Excel's columns; fields past them have no
/// header, and one with text makes the importer refuse the row).
struct CSVParser {
  static let maximumFieldBytes = 4 * 32_767 + 4
  static let maximumFields = 16_384

  private enum State {
    case recordStart, fieldStart, unquoted, quoted, quotedQuote, afterCR
  }

  let separator: UInt8
  private var state = State.recordStart
  private var line = 1
  private var recordLine = 1
  private var quotedStartLine = 0
  private var quotedCR = false
  private var field: [UInt8] = []
  private var fields: [String] = []
  private var droppedText = false

  init(separator: UInt8) {
    self.separator = separator
  }

  /// Comma, unless the first line (as far as `head` holds it) has tabs and no commas.
  static func separator(of head: some Collection<UInt8>) -> UInt8 {
    var commas = 0, tabs = 0
    for b in head {
      if b == 0x0A || b == 0x0D { break }
      if b == 0x2C { commas += 1 } else if b == 0x09 { tabs += 1 }
    }
    return tabs > 0 && commas == 0 ? 0x09 : 0x2C
  }

  /// Reads the next bytes, calling `body` for each record they complete.
  mutating func feed(_ bytes: UnsafeBufferPointer<UInt8>, _ body: (CSVRecord) throws -> Void) throws {
    let quote: UInt8 = 0x22, cr: UInt8 = 0x0D, lf: UInt8 = 0x0A
    for b in bytes {
      var reprocess = true
      while reprocess {
        reprocess = false
        switch state {
        case .recordStart, .fieldStart:
          if state == .recordStart { recordLine = line }
          if b == quote {
            quotedStartLine = line
            quotedCR = false
            state = .quoted
          } else {
            state = .unquoted
            reprocess = true
          }
        case .unquoted:
          if b == separator {
            endField()
            state = .fieldStart
          } else if b == cr || b == lf {
            endField()
            try endRecord(body)
            line += 1
            state = b == cr ? .afterCR : .recordStart
          } else {
            append(b)
          }
        case .quoted:
          if b == quote {
            state = .quotedQuote
          } else {
            if b == cr || (b == lf && !quotedCR) { line += 1 }
            quotedCR = b == cr
            append(b)
          }
        case .quotedQuote:
          if b == quote {
            append(quote)
            state = .quoted
          } else {
            // The quote closed the field; text after it is kept, as Excel does.
            state = .unquoted
            reprocess = true
          }
        case .afterCR:
          state = .recordStart
          if b != lf { reprocess = true }
        }
      }
    }
  }

  /// Ends the input: the last record when it has no line break, or the error of a quote never closed.
  mutating func finish(_ body: (CSVRecord) throws -> Void) throws {
    switch state {
    case .recordStart, .afterCR:
      break
    case .quoted:
      throw CSVSyntaxError(line: quotedStartLine, column: fields.count + 1)
    case .fieldStart, .unquoted, .quotedQuote:
      endField()
      try endRecord(body)
    }
    state = .recordStart
  }

  private mutating func append(_ b: UInt8) {
    if field.count < Self.maximumFieldBytes { field.append(b) }
  }

  private mutating func endField() {
    if fields.count < Self.maximumFields {
      fields.append(String(decoding: field, as: UTF8.self))
    } else if !field.isEmpty {
      droppedText = true
    }
    field.removeAll(keepingCapacity: field.capacity <= 1 << 16)
  }

  private mutating func endRecord(_ body: (CSVRecord) throws -> Void) throws {
    try body(CSVRecord(line: recordLine, fields: fields, droppedText: droppedText))
    fields.removeAll(keepingCapacity: true)
    droppedText = false
  }
}
