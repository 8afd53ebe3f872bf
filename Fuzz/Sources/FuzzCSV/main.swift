// libFuzzer target: the CSV reader (encoding detection, quotes, line counting) and the parsers
// of dates, hours and contract values, on arbitrary bytes; reading in small chunks must give
// the same records. Built by scripts/fuzz.
import CampaignStore
import Foundation

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  ReaderProbe.csv(Data(bytes: data, count: size))
  return 0
}

// SwiftPM links an executable's `main` to `FuzzCSV_main` on Linux (to make executables testable);
// with -parse-as-library there is no such function, so it is this one, which starts libFuzzer's
// driver as libFuzzer's own `main` would.
@_silgen_name("LLVMFuzzerRunDriver")
private func runDriver(
  _ argc: UnsafeMutablePointer<Int32>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
  _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt
) -> CInt

@_cdecl("FuzzCSV_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
  var count = argc
  var arguments: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = argv
  return runDriver(&count, &arguments, fuzzCSV)
}
