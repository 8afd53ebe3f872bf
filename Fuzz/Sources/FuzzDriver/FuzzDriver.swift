// What every fuzz target's entry point shares. SwiftPM links an executable's `main` to
// `<Target>_main` on Linux (to make executables testable); built with -parse-as-library, a
// target has no such function of its own, so each defines it with @_cdecl and calls this,
// which starts libFuzzer's driver as libFuzzer's own `main` would.

@_silgen_name("LLVMFuzzerRunDriver")
private func runDriver(
  _ argc: UnsafeMutablePointer<Int32>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
  _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt
) -> CInt

/// Runs libFuzzer with the command line and the target's test function.
public func runLibFuzzer(
  _ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>,
  _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt
) -> CInt {
  var count = argc
  var arguments: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = argv
  return runDriver(&count, &arguments, callback)
}
