import Foundation

/// Reads a CSV file record by record in constant memory: the bytes stream in chunks through the
/// encoding's decoder (UTF-8 as is, GB18030 through iconv) into `CSVParser`. A tab-separated
/// file (a header with tabs and no commas) is read the same way.
struct CSVReader {
  let file: String
  let input: ByteInput
  let encoding: SourceFormat
  var format: SourceFormat { encoding }

  /// Opens a file and detects its encoding; throws `missingFile`, `unreadableFile` or `badEncoding`.
  /// Opens a file; messages name it `name` (the path by default).
  init(path: String, name: String? = nil, chunkSize: Int = 1 << 20) throws(StoreError) {
    try ByteInput.checkReadable(path)
    try self.init(input: ByteInput(.file(path: path), chunkSize: chunkSize), file: name ?? path)
  }

  /// Reads bytes already in memory (tests and embedded files).
  init(text data: Data, file: String, chunkSize: Int = 1 << 20) throws(StoreError) {
    try self.init(input: ByteInput(.memory(data), chunkSize: chunkSize), file: file)
  }

  private init(input: ByteInput, file: String) throws(StoreError) {
    self.file = file
    self.input = input
    self.encoding = try EncodingDetector.detect(input, file: file)
  }

  /// Calls `body` for each record in order; stops at the first error `body` throws. A byte that
  /// is not GB18030 in a GB18030 file is thrown as `badEncoding` when it is reached.
  func forEachRecord(_ body: (CSVRecord) throws -> Void) throws {
    var text = UTF8Text()
    switch encoding {
    case .gb18030:
      var decoder = try GB18030Decoder(file: file)
      try input.forEachChunk { chunk in try decoder.feed(chunk) { try text.feed($0, body) } }
      try decoder.finish()
    default:
      try input.forEachChunk { chunk in try text.feed(chunk, body) }
    }
    try text.finish(body)
  }
}

/// UTF-8 text on its way to the parser: drops a leading byte-order mark (a UTF-8 file's, or the
/// one GB18030's own mark becomes) and picks the separator from the first line, read whole
/// whatever the chunks (up to `headLimit` bytes).
private struct UTF8Text {
  private var parser: CSVParser?
  private var head: [UInt8] = []
  private static let headLimit = 1 << 20

  mutating func feed(_ bytes: UnsafeBufferPointer<UInt8>, _ body: (CSVRecord) throws -> Void) throws {
    guard parser != nil else {
      head.append(contentsOf: bytes)
      if head.count >= Self.headLimit || bytes.contains(where: { $0 == 0x0A || $0 == 0x0D }) { try start(body) }
      return
    }
    try parser!.feed(bytes, body)
  }

  mutating func finish(_ body: (CSVRecord) throws -> Void) throws {
    if parser == nil { try start(body) }
    try parser!.finish(body)
  }

  private mutating func start(_ body: (CSVRecord) throws -> Void) throws {
    let text = head.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(head.dropFirst(3)) : head
    head = []
    var p = CSVParser(separator: CSVParser.separator(of: text))
    try text.withUnsafeBufferPointer { try p.feed($0, body) }
    parser = p
  }
}
