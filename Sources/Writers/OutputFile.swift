import Foundation

/// Writes a file atomically: the content goes to a temporary file in the same folder, which is
/// renamed over the target only when complete. A failure leaves the previous file intact and no
/// temporary file behind.
public enum OutputFile {
  /// Creates the folder when missing.
  public static func prepareDirectory(_ dir: String) throws(WriterError) {
    do {
      try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    } catch {
      throw .cannotCreate(path: dir, reason: (error as NSError).localizedDescription)
    }
    guard FileManager.default.isWritableFile(atPath: dir) else {
      throw .cannotCreate(path: dir, reason: "the folder is not writable")
    }
  }

  /// Calls `produce` with a temporary path next to `path`, then renames it into place.
  public static func write(_ path: String, _ produce: (String) throws -> Void) throws {
    try withoutActuallyEscaping(produce) { p in try writeAll([(path, p)]) }
  }

  /// Produces several files, each into a temporary file beside its target, and renames them
  /// into place only when all are complete: a failure in any leaves every previous file intact
  /// and no temporary file behind.
  public static func writeAll(_ files: [(path: String, produce: (String) throws -> Void)]) throws {
    var temps: [(temp: String, path: String)] = []
    do {
      for file in files {
        let url = URL(fileURLWithPath: file.path)
        try prepareDirectory(url.deletingLastPathComponent().path)
        let temp = temporaryPath(for: url)
        temps.append((temp, file.path))
        try file.produce(temp)
        chmod(temp, reportMode)
      }
      // Everything that can be checked is checked before the first rename, so a target that cannot
      // be replaced (a folder in its place) leaves every previous file as it was.
      for t in temps {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: t.path, isDirectory: &isDirectory), isDirectory.boolValue {
          throw WriterError.cannotCreate(path: t.path, reason: "a folder is in the way")
        }
      }
      for t in temps {
        guard rename(t.temp, t.path) == 0 else {
          throw WriterError.cannotCreate(path: t.path, reason: String(cString: strerror(errno)))
        }
      }
    } catch {
      for t in temps { try? FileManager.default.removeItem(atPath: t.temp) }
      // Name the file the user asked for, not its temporary name.
      if case .cannotCreate(let path, let reason) = error as? WriterError, let t = temps.first(where: { $0.temp == path }) {
        throw WriterError.cannotCreate(path: t.path, reason: reason)
      }
      throw error
    }
  }

  /// Reports are read and written by their owner and read by the owner's group (which on
  /// Debian and most Linux systems is the owner alone), never by other users; a stricter umask
  /// (077) makes them the owner's only.
  static let reportMode: mode_t = {
    let mask = umask(0o022)
    umask(mask)
    return 0o640 & ~mask
  }()

  /// A file name made from data (an organization id): path separators, control characters and a
  /// leading dot become `_`, so the file stays in the folder it is written to and is not hidden.
  public static func safeFileName(_ name: String) -> String {
    var out = String(name.unicodeScalars.map { s -> Character in
      s == "/" || s == "\\" || s.value < 0x20 || s.value == 0x7F ? "_" : Character(s)
    })
    if out.hasPrefix(".") { out = "_" + out.dropFirst() }
    return out.isEmpty ? "_" : out
  }

  /// A file name from parts joined by `-` (absent ones left out), made safe as a whole:
  /// `template-G1-activities`, `monthly-2021-07-G1`.
  public static func safeFileName(joining parts: [String?]) -> String {
    safeFileName(parts.compactMap { $0 }.joined(separator: "-"))
  }

  /// A hidden temporary name beside the target: `.monthly-2021-07.xlsx.<pid>.<random>.tmp`.
  static func temporaryPath(for url: URL) -> String {
    url.deletingLastPathComponent()
      .appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).\(UUID().uuidString.prefix(8)).tmp").path
  }

  /// Writes text (UTF-8) to a path; use inside `writeAll`.
  public static func writeText(_ text: String, to path: String) throws {
    guard FileManager.default.createFile(atPath: path, contents: Data(text.utf8)) else {
      throw WriterError.cannotCreate(path: path, reason: "the file could not be written")
    }
  }
}
