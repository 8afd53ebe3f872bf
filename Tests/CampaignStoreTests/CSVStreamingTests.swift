import CampaignModel
import Foundation
import Synthetic
import TestSupport
import Testing

@testable import CampaignStore

/// The CSV reader streams: records come out the same whatever the chunk size, so a record, a
/// quoted field, a CRLF, a byte-order mark or a GB18030 character split between two chunks
/// reads as if the file were whole.
@Suite("Streaming CSV")
struct CSVStreamingTests {
  /// Every record of a reader as "line: fields", or the error it ended with.
  func records(_ reader: CSVReader) -> [String] {
    var out: [String] = []
    do {
      try reader.forEachRecord { out.append("\($0.line): \($0.fields)") }
    } catch let e as CSVSyntaxError {
      out.append("unclosed quote at \(e.line):\(e.column)")
    } catch {
      out.append("error: \(error)")
    }
    return out
  }

  static let fixtures = [
    "tiny/activities.csv", "tiny/activities-bom.csv", "tiny/activities-gb18030.csv", "tiny/matters.csv", "bad/bad-date.csv",
  ]

  @Test("fixtures read the same in chunks of 4, 5, 7 and 64 bytes as whole", arguments: fixtures)
  func fixtureChunks(_ name: String) throws {
    let path = Fixtures.path(name)
    let whole = records(try CSVReader(path: path))
    #expect(whole.count >= 3)
    for size in [4, 5, 7, 64] {
      #expect(records(try CSVReader(path: path, chunkSize: size)) == whole, "chunk size \(size)")
    }
  }

  static let texts: [String] = [
    "a,b\r\n1,\"x\r\ny\"\r\n2,\"say \"\"hi\"\"\"\r\n",
    "a,b\r1,2\r\r3,4",
    "a\tb\n1\t2\n",
    "\u{FEFF}编号,名称\n1,\"党史\n学习\"\n2,教育,",
    "a,b\n1,\"never closed\n2,3\n",
    "a,b\n1,\"x\"tail,3\n",
    "first\tsecond\tthird\n1\t2\t3\n",  // the tab past the first chunk still makes it tab-separated
  ]

  @Test("edge cases read the same in every chunk size", arguments: texts)
  func textChunks(_ text: String) throws {
    let data = Data(text.utf8)
    let whole = records(try CSVReader(text: data, file: "t.csv"))
    for size in 4...12 {
      #expect(records(try CSVReader(text: data, file: "t.csv", chunkSize: size)) == whole, "chunk size \(size)")
    }
  }

  @Test("records and lines as RFC 4180 and Excel give them")
  func shapes() throws {
    #expect(
      records(try CSVReader(text: Data(Self.texts[0].utf8), file: "t.csv", chunkSize: 4)) == [
        "1: [\"a\", \"b\"]", "2: [\"1\", \"x\\r\\ny\"]", "4: [\"2\", \"say \\\"hi\\\"\"]",
      ])
    #expect(
      records(try CSVReader(text: Data(Self.texts[1].utf8), file: "t.csv", chunkSize: 4)) == [
        "1: [\"a\", \"b\"]", "2: [\"1\", \"2\"]", "3: [\"\"]", "4: [\"3\", \"4\"]",
      ])
    #expect(records(try CSVReader(text: Data(Self.texts[4].utf8), file: "t.csv")).last == "unclosed quote at 2:2")
    #expect(records(try CSVReader(text: Data(Self.texts[5].utf8), file: "t.csv")).last == "2: [\"1\", \"xtail\", \"3\"]")
    // A CR, a doubled quote, then an LF inside quotes: two line breaks, as the file's lines count them.
    #expect(
      records(try CSVReader(text: Data("a,b\n1,\"x\r\"\"\ny\"\n2,3\n".utf8), file: "t.csv", chunkSize: 4)) == [
        "1: [\"a\", \"b\"]", "2: [\"1\", \"x\\r\\\"\\ny\"]", "5: [\"2\", \"3\"]",
      ])
  }

  @Test("the UTF-8 check reads eight ASCII bytes at a time and finds what it finds byte by byte")
  func validatorWordsAgreeWithBytes() {
    // Random texts of ASCII, line breaks (CR, LF, CRLF), Chinese, and now and then a broken byte.
    var rng = SplitMix64(seed: 7)
    let pieces: [[UInt8]] = [Array("abcdefgh".utf8), Array("12345".utf8), [0x0D], [0x0A], [0x0D, 0x0A], Array("党史学习".utf8), [0x7F, 0x20]]
    for round in 0..<400 {
      var bytes: [UInt8] = []
      for _ in 0..<Int(rng.next() % 40) { bytes += pieces[Int(rng.next() % UInt64(pieces.count))] }
      if round % 3 == 0 && !bytes.isEmpty { bytes.insert([0xFF, 0xE5, 0xC0][round % 9 / 3], at: Int(rng.next() % UInt64(bytes.count))) }
      func run(chunk: Int) -> String {
        var v = UTF8Validator()
        bytes.withUnsafeBufferPointer { all in
          var start = 0
          while start < all.count {
            _ = v.feed(UnsafeBufferPointer(rebasing: all[start..<min(start + chunk, all.count)]))
            start += chunk
          }
        }
        return "\(v.invalid.map { "\($0.offset)@\($0.line)" } ?? "valid") \(v.sawMultibyte)"
      }
      let byteByByte = run(chunk: 1)  // too short for a word: the byte path alone
      #expect(run(chunk: 1 << 16) == byteByByte, "round \(round)")
      #expect(run(chunk: 13) == byteByByte, "round \(round)")
    }
  }

  @Test("a cell trimmed from its bytes equals the cell trimmed as text")
  func trimmedFields() {
    let cells = [
      "", " ", "a", " a ", "\t党史\r\n", "\u{3000}学习\u{3000}", " \u{591}0_", "a \u{301}", "\u{301} a", "x \r\n", "\u{A0}", " \u{3000} ",
    ]
    let record = CSVRecord(line: 1, fields: cells)
    for (i, cell) in cells.enumerated() {
      #expect(record.trimmedField(i) == String(cell.trimmingWhitespace()), "\(Array(cell.unicodeScalars))")
    }
  }

  @Test("a damaged UTF-8 sequence split across chunks is found on its line")
  func damagedAcrossChunks() throws {
    var bytes = Array("a,b\n党,史\n".utf8)
    bytes += [0xE5, 0x85]  // cut off at the end
    for size in [4, 5, 6, 7] {
      do {
        _ = try CSVReader(text: Data(bytes), file: "t.csv", chunkSize: size)
        Issue.record("accepted at chunk size \(size)")
      } catch {
        guard case .badEncoding(_, let line, let detail) = error else { Issue.record("\(error)"); continue }
        #expect(line == 3)
        #expect(detail.contains("invalid byte sequence"))
      }
    }
  }

  @Test("a field longer than any cell is cut, not held whole, and still refused as too long")
  func longField() throws {
    let long = String(repeating: "长", count: 200_000)
    let reader = try CSVReader(text: Data("a\n\(long)\n".utf8), file: "t.csv", chunkSize: 4096)
    var fields: [String] = []
    try reader.forEachRecord { fields.append($0.fields[0]) }
    #expect(fields.count == 2)
    #expect(fields[1].utf8.count <= CSVParser.maximumFieldBytes + 3)
    #expect(fields[1].unicodeScalars.count > RowReader.maxCellCharacters)
  }
}
