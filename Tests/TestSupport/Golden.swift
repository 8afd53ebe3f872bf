import Foundation

/// Compares text with a committed golden file under `Tests/Fixtures/golden/`.
///
/// With `RECORD_GOLDEN=1` in the environment the file is (re)written instead. Returns nil when
/// they match, else a message naming the first differing line.
public func goldenMismatch(_ actual: String, file name: String) throws -> String? {
  let url = Fixtures.directory.appendingPathComponent("golden/\(name)")
  if ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1" {
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(actual.utf8).write(to: url)
    return nil
  }
  guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
    return "no golden file \(url.path); run the tests with RECORD_GOLDEN=1 to write it"
  }
  if expected == actual { return nil }
  let e = expected.components(separatedBy: "\n"), a = actual.components(separatedBy: "\n")
  for i in 0..<max(e.count, a.count) {
    let el = i < e.count ? e[i] : "<end of file>", al = i < a.count ? a[i] : "<end of file>"
    if el != al {
      return
        "golden/\(name):\(i + 1) differs\n  expected: \(el)\n  actual:   \(al)\n(re-record with RECORD_GOLDEN=1 if the change is intended)"
    }
  }
  return "golden/\(name) differs"
}
