/// A quote that is never closed: the rest of the file cannot be read as records.
struct CSVSyntaxError: Error {
  var line: Int
  var column: Int
}

/// RFC 4180 records (quotes, doubled quotes, line breaks inside quotes, CRLF/LF/CR) from UTF-8
/// bytes fed in chunks of any size, so a file of any length is read in constant memory.
///
/// Runs of ordinary bytes are found by a tight scan and copied at once, and a record's fields go
/// into one byte buffer (`CSVRecord`): no `String` is made for a cell the importer never reads.
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
  /// The current record's field bytes, where the current field starts, and where each ends.
  private var bytes: [UInt8] = []
  private var fieldStart = 0
  private var ends: [Int] = []
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
  mutating func feed(_ input: UnsafeBufferPointer<UInt8>, _ body: (CSVRecord) throws -> Void) throws {
    let quote: UInt8 = 0x22, cr: UInt8 = 0x0D, lf: UInt8 = 0x0A
    let separator = self.separator
    let n = input.count
    var i = 0
    while i < n {
      switch state {
      case .recordStart, .fieldStart:
        if state == .recordStart { recordLine = line }
        if input[i] == quote {
          quotedStartLine = line
          quotedCR = false
          state = .quoted
          i += 1
        } else {
          state = .unquoted  // the byte is read again as the field's first
        }
      case .unquoted:
        let j = Self.runEnd(input, from: i, stoppingAt: separator, cr, lf)
        append(input, i..<j)
        guard j < n else { return }
        let c = input[j]
        endField()
        if c == separator {
          state = .fieldStart
        } else {
          try endRecord(body)
          line += 1
          state = c == cr ? .afterCR : .recordStart
        }
        i = j + 1
      case .quoted:
        let j = Self.runEnd(input, from: i, stoppingAt: quote, cr, lf)
        if j > i {
          append(input, i..<j)
          quotedCR = false
        }
        guard j < n else { return }
        let c = input[j]
        if c == quote {
          state = .quotedQuote
        } else {
          if c == cr || (c == lf && !quotedCR) { line += 1 }
          quotedCR = c == cr
          append(input, j..<j + 1)
        }
        i = j + 1
      case .quotedQuote:
        if input[i] == quote {
          append(input, i..<i + 1)
          quotedCR = false
          state = .quoted
          i += 1
        } else {
          // The quote closed the field; text after it is kept, as Excel does.
          state = .unquoted
        }
      case .afterCR:
        state = .recordStart
        if input[i] == lf { i += 1 }
      }
    }
  }

  /// Where the run of bytes from `start` ends: the first of the three stop bytes, or the end.
  private static func runEnd(_ input: UnsafeBufferPointer<UInt8>, from start: Int, stoppingAt a: UInt8, _ b: UInt8, _ c: UInt8) -> Int {
    var j = start
    while j < input.count {
      let x = input[j]
      if x == a || x == b || x == c { break }
      j += 1
    }
    return j
  }

  /// Ends the input: the last record when it has no line break, or the error of a quote never closed.
  mutating func finish(_ body: (CSVRecord) throws -> Void) throws {
    switch state {
    case .recordStart, .afterCR:
      break
    case .quoted:
      throw CSVSyntaxError(line: quotedStartLine, column: ends.count + 1)
    case .fieldStart, .unquoted, .quotedQuote:
      endField()
      try endRecord(body)
    }
    state = .recordStart
  }

  /// Appends bytes to the current field, up to its limit.
  private mutating func append(_ input: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) {
    let room = Self.maximumFieldBytes - (bytes.count - fieldStart)
    guard room > 0 else { return }
    let end = range.lowerBound + min(range.count, room)
    bytes.append(contentsOf: UnsafeBufferPointer(rebasing: input[range.lowerBound..<end]))
  }

  private mutating func endField() {
    if ends.count < Self.maximumFields {
      ends.append(bytes.count)
    } else {
      if bytes.count > fieldStart { droppedText = true }
      bytes.removeSubrange(fieldStart...)
    }
    fieldStart = bytes.count
  }

  private mutating func endRecord(_ body: (CSVRecord) throws -> Void) throws {
    try body(CSVRecord(line: recordLine, bytes: bytes, ends: ends, droppedText: droppedText))
    bytes.removeAll(keepingCapacity: bytes.capacity <= 1 << 20)
    ends.removeAll(keepingCapacity: true)
    fieldStart = 0
    droppedText = false
  }
}
