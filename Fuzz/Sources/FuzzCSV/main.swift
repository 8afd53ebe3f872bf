// libFuzzer target: the CSV reader (encoding detection, quotes, line counting) and the parsers
// of dates, hours and contract values, on arbitrary bytes; reading in small chunks must give
// the same records. Built by scripts/fuzz.
import CampaignStore
import Foundation
import FuzzDriver

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  ReaderProbe.csv(Data(bytes: data, count: size))
  return 0
}

// The entry point SwiftPM links `main` to (see FuzzDriver).
@_cdecl("FuzzCSV_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
  runLibFuzzer(argc, argv, fuzzCSV)
}
