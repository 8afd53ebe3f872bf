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
  do {
    try reader.forEachRecord { record in
      records += 1
      for field in record.fields {
        _ = Day(parsing: field)
        _ = Hours(parsing: field)
        _ = parseYesNo(field)
        _ = field.trimmingWhitespace()
      }
      if records > 100_000 { throw CancellationError() }
    }
  } catch {}
  return 0
}
