import Foundation

/// What a run of the built `report` binary printed and returned.
public struct RunResult: Sendable {
  public var status: Int32
  public var stdout: String
  public var stderr: String
}

/// The built `report` executable, next to the test bundle in the build folder.
public var reportExecutable: URL {
  let candidates = [Bundle.main.executableURL, URL(fileURLWithPath: CommandLine.arguments[0])].compactMap { $0 }
  for c in candidates {
    let url = c.deletingLastPathComponent().appendingPathComponent("report")
    if FileManager.default.isExecutableFile(atPath: url.path) { return url }
  }
  return candidates[0].deletingLastPathComponent().appendingPathComponent("report")
}

/// Runs `report` with arguments in a working directory, with `REPORT_DB` and other variables set.
public func runReport(_ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:]) throws -> RunResult {
  try runProcess(reportExecutable, arguments, in: directory, environment: environment)
}

/// Runs another program (a test's own tool, such as `setpriv`), with the environment `runReport` gives.
public func runCommand(_ path: String, _ arguments: [String], environment: [String: String] = [:]) throws -> RunResult {
  try runProcess(URL(fileURLWithPath: path), arguments, in: nil, environment: environment)
}

/// Runs a bash script with arguments (`$0`, `$1`, …): for limits such as `ulimit -f` on a run.
public func runShell(_ script: String, _ arguments: [String], environment: [String: String] = [:]) throws -> RunResult {
  try runProcess(URL(fileURLWithPath: "/bin/bash"), ["-c", script] + arguments, in: nil, environment: environment)
}

func runProcess(_ executable: URL, _ arguments: [String], in directory: URL?, environment: [String: String]) throws -> RunResult {
  let process = Process()
  process.executableURL = executable
  process.arguments = arguments
  if let directory { process.currentDirectoryURL = directory }
  var env = ProcessInfo.processInfo.environment
  env.removeValue(forKey: "REPORT_DB")
  env.removeValue(forKey: "REPORT_LANG")
  for (k, v) in environment { env[k] = v }
  process.environment = env
  let out = Pipe(), err = Pipe()
  process.standardOutput = out
  process.standardError = err
  process.standardInput = FileHandle.nullDevice
  try process.run()
  // Read both pipes fully before waiting, so a large output cannot block the child.
  let group = DispatchGroup()
  nonisolated(unsafe) var errData = Data()
  group.enter()
  DispatchQueue.global().async {
    errData = err.fileHandleForReading.readDataToEndOfFile()
    group.leave()
  }
  let outData = out.fileHandleForReading.readDataToEndOfFile()
  group.wait()
  process.waitUntilExit()
  return RunResult(
    status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
    stderr: String(decoding: errData, as: UTF8.self))
}
