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
        removeStaleTemporaries(for: url)
        let temp = temporaryPath(for: url)
        try createPrivate(temp)
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

  /// A file name made from data (an organization id), one-to-one: path separators, `%`,
  /// control characters and a leading dot are written as `%XX` (their UTF-8 bytes), so the file
  /// stays in the folder it is written to, is not hidden, and `a/b` and `a_b` stay two files. A
  /// name longer than 200 bytes keeps its first 180 and a hash of the whole, within every file
  /// system's 255-byte limit.
  public static func safeFileName(_ name: String) -> String {
    var out = ""
    for (i, s) in name.unicodeScalars.enumerated() {
      if s == "/" || s == "\\" || s == "%" || s.value < 0x20 || s.value == 0x7F || (i == 0 && s == ".") {
        for b in String(s).utf8 { out += "%" + String(b, radix: 16, uppercase: true).leftPadded(2) }
      } else {
        out.unicodeScalars.append(s)
      }
    }
    if out.isEmpty { return "_" }
    guard out.utf8.count > 200 else { return out }
    var cut = ""
    for s in out.unicodeScalars {
      if cut.utf8.count + String(s).utf8.count > 180 { break }
      cut.unicodeScalars.append(s)
    }
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for b in name.utf8 { hash = (hash ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
    return cut + "~" + String(hash, radix: 16).leftPadded(16)
  }

  /// A file name from parts joined by `-` (absent ones left out), made safe as a whole:
  /// `template-G1-activities`, `monthly-2021-07-G1`.
  public static func safeFileName(joining parts: [String?]) -> String {
    safeFileName(parts.compactMap { $0 }.joined(separator: "-"))
  }

  /// A hidden temporary name beside the target: `.monthly-2021-07.xlsx.<pid>.<random>.tmp`.
  static func temporaryPath(for url: URL) -> String {
    url.deletingLastPathComponent()
      .appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).\(UUID().uuidString.prefix(8)).tmp")
      .path
  }

  /// Creates the temporary file empty and readable by its owner only (0600), before anything is
  /// written into it; the producer then writes into the existing file, which keeps its mode.
  static func createPrivate(_ path: String) throws(WriterError) {
    let fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
    guard fd >= 0 else { throw .cannotCreate(path: path, reason: String(cString: strerror(errno))) }
    close(fd)
  }

  /// Removes temporary files of our own naming for `url` left by runs that were killed: their
  /// process no longer exists. A running process's temporary files are left alone.
  static func removeStaleTemporaries(for url: URL) {
    let folder = url.deletingLastPathComponent().path
    let prefix = ".\(url.lastPathComponent)."
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
    for name in names where name.hasPrefix(prefix) && name.hasSuffix(".tmp") {
      let parts = name.dropFirst(prefix.count).dropLast(4).split(separator: ".")
      guard parts.count == 2, parts[1].count == 8, let pid = Int32(parts[0]) else { continue }
      if kill(pid, 0) != 0 && errno == ESRCH {
        try? FileManager.default.removeItem(atPath: (folder as NSString).appendingPathComponent(name))
      }
    }
  }

  /// Writes bytes to a path; use inside `writeAll`, which has created the file.
  public static func writeData(_ data: Data, to path: String) throws {
    guard let handle = FileHandle(forWritingAtPath: path) else {
      throw WriterError.cannotCreate(path: path, reason: "the file could not be opened")
    }
    defer { try? handle.close() }
    do {
      try handle.truncate(atOffset: 0)
      try handle.write(contentsOf: data)
    } catch {
      throw WriterError.cannotCreate(path: path, reason: (error as NSError).localizedDescription)
    }
  }

  /// Writes text (UTF-8) to a path; use inside `writeAll`, which has created the file.
  public static func writeText(_ text: String, to path: String) throws {
    guard let handle = FileHandle(forWritingAtPath: path) else {
      throw WriterError.cannotCreate(path: path, reason: "the file could not be opened")
    }
    defer { try? handle.close() }
    do {
      try handle.truncate(atOffset: 0)
      try handle.write(contentsOf: Data(text.utf8))
    } catch {
      throw WriterError.cannotCreate(path: path, reason: (error as NSError).localizedDescription)
    }
  }
}

extension String {
  /// The text with zeros before it up to `width` characters.
  fileprivate func leftPadded(_ width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
