// libFuzzer target: the CSV reader (encoding detection, quotes, line counting) and the parsers
// of dates, hours and contract values, on arbitrary bytes. Built by scripts/fuzz, not by
// `swift build`.
import CampaignModel
import Foundation

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let bytes = Data(bytes: data, count: size)
  guard let reader = try? CSVReader(text: bytes, file: "fuzz.csv") else { return 0 }
  var records = 0
  var whole: [String] = []
  do {
    try reader.forEachRecord { record in
      records += 1
      whole.append(describe(record))
      for field in record.fields {
        _ = Day(parsing: field)
        _ = Hours(parsing: field)
        _ = parseYesNo(field)
        _ = field.trimmingWhitespace()
      }
      for i in 0..<record.count { precondition(record.trimmedField(i) == String(record.field(i).trimmingWhitespace())) }
      if records > 100_000 { throw CancellationError() }
    }
  } catch {
    whole.append("error \(error)")
  }
  // The same bytes in small chunks read the same records: no record, field, quote, line break
  // or UTF-8 sequence depends on where a chunk ends.
  if records <= 100_000, size > 0, let chunked = try? CSVReader(text: bytes, file: "fuzz.csv", chunkSize: 4 + Int(data[0] % 7)) {
    var pieces: [String] = []
    do {
      try chunked.forEachRecord { pieces.append(describe($0)) }
    } catch {
      pieces.append("error \(error)")
    }
    precondition(pieces == whole, "chunked reading differs")
  }
  return 0
}

private func describe(_ record: CSVRecord) -> String {
  "\(record.line) \(record.droppedText) \(record.fields)"
}
