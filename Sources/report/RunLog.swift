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

  private static func append(_ options: GlobalOptions, command: String, period: String?, files: [String], outcome: String) {
    guard let path = options.log else { return }
    let time = ISO8601DateFormatter.string(from: Date(), timeZone: .current, formatOptions: [.withInternetDateTime])
    let fields = [time, command, period ?? "-", files.isEmpty ? "-" : files.joined(separator: ","), outcome]
    let line = fields.map { $0.replacingOccurrences(of: "\t", with: " ").replacingOccurrences(of: "\n", with: " ") }.joined(separator: "\t") + "\n"
    try? FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    // O_APPEND: lines of concurrent runs never overwrite each other.
    let fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
    guard fd >= 0 else {
      Console.error("report: warning: cannot append to the log \(path)")
      return
    }
    let bytes = Array(line.utf8)
    if write(fd, bytes, bytes.count) != bytes.count { Console.error("report: warning: cannot append to the log \(path)") }
    close(fd)
  }
}
