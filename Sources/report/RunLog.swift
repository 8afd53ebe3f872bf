import ArgumentParser
import Foundation

/// The `--log FILE` line of a run: time, command, period, files written, outcome.
enum RunLog {
  /// Runs a command's body and appends its line to the log file when one is given.
  ///
  /// - Parameter body: returns the files the run wrote (or read, for an import).
  static func run(_ options: GlobalOptions, command: String, period: String? = nil, _ body: () throws -> [String]) throws {
    do {
      let files = try body()
      append(options, command: command, period: period, files: files, outcome: "ok")
    } catch let e as ExitCode {
      append(options, command: command, period: period, files: [], outcome: "exit \(e.rawValue): \(Console.lastError ?? "")")
      throw e
    } catch let e as CleanExit {
      throw e
    } catch {
      append(options, command: command, period: period, files: [], outcome: "exit \(Exit.software.rawValue): \(error)")
      throw error
    }
  }

  /// Logs a run that never reached its command: the arguments did not parse or validate.
  /// The `--log FILE` option is found in the raw arguments, since nothing else parsed.
  static func usageError(arguments: [String], status: Int32, message: String) {
    guard let i = arguments.firstIndex(where: { $0 == "--log" || $0.hasPrefix("--log=") }) else { return }
    let path = arguments[i].hasPrefix("--log=") ? String(arguments[i].dropFirst(6)) : (i + 1 < arguments.count ? arguments[i + 1] : "")
    guard !path.isEmpty else { return }
    let command = arguments.first { !$0.hasPrefix("-") } ?? "-"
    append(to: path, command: command, period: nil, files: [], outcome: "exit \(status): \(message)")
  }

  private static func append(_ options: GlobalOptions, command: String, period: String?, files: [String], outcome: String) {
    guard let path = options.log else { return }
    append(to: path, command: command, period: period, files: files, outcome: outcome)
  }

  private static func append(to path: String, command: String, period: String?, files: [String], outcome: String) {
    let time = ISO8601DateFormatter.string(from: Date(), timeZone: .current, formatOptions: [.withInternetDateTime])
    let fields = [time, command, period ?? "-", files.isEmpty ? "-" : files.joined(separator: ","), outcome]
    let line =
      fields.map { $0.replacingOccurrences(of: "\t", with: " ").replacingOccurrences(of: "\n", with: " ") }.joined(separator: "\t") + "\n"
    try? FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    // O_APPEND: lines of concurrent runs never overwrite each other.
    let fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)  // private, like the database
    guard fd >= 0 else {
      Console.error("report: warning: cannot append to the log \(path)")
      return
    }
    let bytes = Array(line.utf8)
    if write(fd, bytes, bytes.count) != bytes.count { Console.error("report: warning: cannot append to the log \(path)") }
    close(fd)
  }
}
