import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The raw bytes of a CSV file, handed out in chunks so that no file is ever held whole.
struct ByteInput: Sendable {
  enum Origin: Sendable {
    case file(path: String)
    case memory(Data)
  }

  let origin: Origin
  /// Bytes per chunk; at least 4, so the first chunk holds any byte-order mark whole.
  let chunkSize: Int

  init(_ origin: Origin, chunkSize: Int = 1 << 20) {
    self.origin = origin
    self.chunkSize = max(4, chunkSize)
  }

  /// Opens the file to see that it can be read: a missing file, a folder or a file without read
  /// permission is named here, before any import starts.
  static func checkReadable(_ path: String) throws(StoreError) {
    var info = stat()
    guard stat(path, &info) == 0 else { throw .missingFile(path: path) }
    if info.st_mode & S_IFMT == S_IFDIR { throw .unreadableFile(path: path, reason: "it is a directory") }
    let fd = open(path, O_RDONLY)
    guard fd >= 0 else { throw .unreadableFile(path: path, reason: String(cString: strerror(errno))) }
    close(fd)
  }

  /// Calls `body` with each chunk in order.
  func forEachChunk(_ body: (UnsafeBufferPointer<UInt8>) throws -> Void) throws {
    switch origin {
    case .memory(let data):
      try data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
        let all = raw.bindMemory(to: UInt8.self)
        var start = 0
        while start < all.count {
          let end = min(start + chunkSize, all.count)
          try body(UnsafeBufferPointer(rebasing: all[start..<end]))
          start = end
        }
      }
    case .file(let path):
      let fd = open(path, O_RDONLY)
      guard fd >= 0 else { throw StoreError.unreadableFile(path: path, reason: String(cString: strerror(errno))) }
      defer { close(fd) }
      let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: chunkSize)
      defer { buffer.deallocate() }
      while true {
        // Fill the whole chunk unless the file ends (a pipe or FIFO returns less per read).
        var filled = 0
        while filled < chunkSize {
          let n = read(fd, buffer.baseAddress! + filled, chunkSize - filled)
          if n < 0 {
            if errno == EINTR { continue }
            throw StoreError.unreadableFile(path: path, reason: String(cString: strerror(errno)))
          }
          if n == 0 { break }
          filled += n
        }
        if filled == 0 { return }
        try body(UnsafeBufferPointer(rebasing: buffer[0..<filled]))
        if filled < chunkSize { return }
      }
    }
  }
}

/// Counts lines as CSV files break them: LF, CRLF and a lone CR each end one, also when a CRLF
/// falls across two chunks.
struct LineCounter {
  private(set) var line = 1
  private var previousWasCR = false

  /// Counts the line breaks in `bytes`.
  mutating func count(_ bytes: UnsafeBufferPointer<UInt8>) {
    for b in bytes { count(b) }
  }

  /// Notes bytes that hold no line break.
  mutating func countPlainText() { previousWasCR = false }

  mutating func count(_ b: UInt8) {
    if b == 0x0D {
      line += 1
    } else if b == 0x0A && !previousWasCR {
      line += 1
    }
    previousWasCR = b == 0x0D
  }
}
