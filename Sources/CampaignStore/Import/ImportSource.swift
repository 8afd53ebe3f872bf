import Foundation

/// A file to import, as the user named it, readable as often as the importer needs.
///
/// A regular file is read where it is. Anything else that can be read once only — a pipe, a
/// FIFO, the `/dev/fd/63` of a shell's `<(…)` — is copied once into a private temporary file
/// (removed when the source goes), up to `maximumCopy` bytes, so nothing is read twice. A
/// device (`/dev/zero`), a folder or a socket is refused at once instead of read forever.
/// Uploaded bytes come the same way.
public final class ImportSource: @unchecked Sendable {
  /// The name messages and the history use.
  public let name: String
  /// Where the bytes are.
  let path: String
  private let temporary: Bool

  /// The most bytes a pipe may bring: a file larger than this must be a regular file.
  public static let maximumCopy: Int64 = 4 << 30

  /// Opens `path`: a regular file as it is, a pipe or FIFO copied once.
  public init(path: String) throws(StoreError) {
    name = path
    var info = stat()
    guard stat(path, &info) == 0 else { throw .missingFile(path: path) }
    switch info.st_mode & S_IFMT {
    case S_IFREG:
      self.path = path
      temporary = false
    case S_IFIFO:
      self.path = try ImportSource.copy(from: path)
      temporary = true
    case S_IFDIR:
      throw .unreadableFile(path: path, reason: "it is a folder, not a file")
    default:
      throw .unreadableFile(path: path, reason: "it is a device or a socket, not a file: save the data to a file first")
    }
  }

  /// Bytes received some other way (an upload), under a name.
  public init(bytes: Data, name: String) throws(StoreError) {
    self.name = name
    let temp = try ImportSource.privateFile()
    do {
      try bytes.write(to: URL(fileURLWithPath: temp.path))
    } catch {
      unlink(temp.path)
      throw .unreadableFile(path: name, reason: "cannot write a temporary file: \(error.localizedDescription)")
    }
    path = temp.path
    temporary = true
  }

  deinit { if temporary { unlink(path) } }

  private static func privateFile() throws(StoreError) -> (path: String, fd: Int32) {
    let p = FileManager.default.temporaryDirectory.appendingPathComponent("report-input-\(UUID().uuidString)").path
    let fd = open(p, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
    guard fd >= 0 else { throw .unreadableFile(path: p, reason: "cannot create a temporary file: \(String(cString: strerror(errno)))") }
    close(fd)
    return (p, fd)
  }

  /// Copies a pipe into a private temporary file, refusing one past `maximumCopy` bytes.
  private static func copy(from source: String) throws(StoreError) -> String {
    let temp = try privateFile().path
    guard let input = FileHandle(forReadingAtPath: source), let output = FileHandle(forWritingAtPath: temp) else {
      unlink(temp)
      throw .unreadableFile(path: source, reason: "cannot be opened")
    }
    defer {
      try? input.close()
      try? output.close()
    }
    var total: Int64 = 0
    do {
      while let chunk = try input.read(upToCount: 1 << 20), !chunk.isEmpty {
        total += Int64(chunk.count)
        if total > maximumCopy {
          unlink(temp)
          throw StoreError.unreadableFile(
            path: source, reason: "it brings more than \(maximumCopy >> 30) GB, or never ends; save the data to a file first")
        }
        try output.write(contentsOf: chunk)
      }
    } catch let e as StoreError {
      throw e
    } catch {
      unlink(temp)
      throw .unreadableFile(path: source, reason: error.localizedDescription)
    }
    return temp
  }
}
