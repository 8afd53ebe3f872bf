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
    let url = URL(fileURLWithPath: path)
    let dir = url.deletingLastPathComponent().path
    try prepareDirectory(dir)
    let temp = url.deletingLastPathComponent()
      .appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).\(UUID().uuidString.prefix(8)).tmp").path
    do {
      try produce(temp)
      guard rename(temp, path) == 0 else {
        throw WriterError.cannotCreate(path: path, reason: String(cString: strerror(errno)))
      }
    } catch {
      try? FileManager.default.removeItem(atPath: temp)
      throw error
    }
  }

  /// Writes text (UTF-8) atomically.
  public static func write(_ path: String, text: String) throws {
    try write(path) { temp in
      guard FileManager.default.createFile(atPath: temp, contents: Data(text.utf8)) else {
        throw WriterError.cannotCreate(path: path, reason: "the file could not be written")
      }
    }
  }
}
