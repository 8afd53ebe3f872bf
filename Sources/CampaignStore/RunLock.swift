import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A lock file beside the database that keeps two runs from doing the same kind of work at once:
/// one writer of the store (imports, init, settings), and one producer of reports. A report and
/// an import may run together: the report reads one snapshot of the store (SQLite's WAL).
///
/// The lock is an advisory `flock`, released by the system when the process ends, so a crashed
/// run never leaves a stale lock.
public final class RunLock {
  /// What the lock guards.
  public enum Purpose: String, Sendable {
    /// Writing the store: `<db>.lock`.
    case writing = "lock"
    /// Producing report files: `<db>.reports.lock`.
    case reports = "reports.lock"
  }

  private let fd: Int32
  public let path: String

  /// Takes the lock, waiting at most `wait` seconds; throws `StoreError.busy` after that.
  public init(database: String, purpose: Purpose, wait: Double) throws(StoreError) {
    path = database + "." + purpose.rawValue
    let dir = (path as NSString).deletingLastPathComponent
    if !dir.isEmpty {
      // A folder made here (before the store makes it) is the owner's alone, like the database.
      try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    }
    fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)  // private, like the database
    guard fd >= 0 else {
      if errno == EACCES || errno == EROFS || errno == EPERM { throw .readOnly(path: path) }
      throw .database(path: path, message: "cannot open the lock file: \(String(cString: strerror(errno)))")
    }
    let deadline = Date().addingTimeInterval(max(0, wait))
    while flock(fd, LOCK_EX | LOCK_NB) != 0 {
      guard errno == EWOULDBLOCK || errno == EINTR, Date() < deadline else {
        close(fd)
        throw .busy(path: database)
      }
      usleep(100_000)
    }
  }

  deinit {
    flock(fd, LOCK_UN)
    close(fd)
  }
}
