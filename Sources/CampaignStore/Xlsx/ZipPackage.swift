import Foundation
import ZIPFoundation

/// The parts of an .xlsx file, found through the zip archive's central directory and unpacked
/// one at a time with ZIPFoundation's inflate.
///
/// We read the directory ourselves because ZIPFoundation 0.9.20's `Archive.extract` loops for
/// ever on a deflate stream that is cut short (a truncated download, a damaged file): its
/// provider reads past the entry and keeps reading empty chunks at the end of the file, and
/// zlib is told a short last chunk is a whole buffer (a read past its end). Here inflate is
/// fed only the entry's own bytes, padded to whole buffers, so such a part ends in an error. The subset of
/// the format is what Excel, WPS, LibreOffice and libxlsxwriter write: stored or deflated
/// entries, no ZIP64, no encryption.
struct ZipPackage {
  struct Entry {
    var method: UInt16
    var flags: UInt16
    var crc: UInt32
    var compressedSize: Int
    var uncompressedSize: Int
    var localHeaderOffset: Int
  }

  let path: String
  private let bytes: Data
  private(set) var entries: [String: Entry] = [:]

  /// Reads the central directory; a file that is no zip archive, or whose directory is
  /// damaged, is `badWorkbook`.
  init(path location: String, name: String? = nil) throws(StoreError) {
    let path = name ?? location
    self.path = path
    let notZip = StoreError.badWorkbook(
      file: path, reason: "not a zip archive (an .xlsx file is one); open it in Excel or WPS and save it again as .xlsx")
    // Shorter than the end record: no archive. (Foundation also leaks its buffer when it maps an
    // empty file, found by fuzzing.)
    let fileSize = (try? FileManager.default.attributesOfItem(atPath: location)[.size] as? Int) ?? 0
    guard fileSize >= 22 else { throw notZip }
    do {
      bytes = try Data(contentsOf: URL(fileURLWithPath: location), options: .alwaysMapped)
    } catch {
      throw .unreadableFile(path: path, reason: error.localizedDescription)
    }
    guard let end = endOfCentralDirectory() else { throw notZip }
    let count = Int(u16(end + 10)), size = Int(u32(end + 12)), start = Int(u32(end + 16))
    guard start <= end, size <= end - start else { throw notZip }
    var p = start
    for _ in 0..<count {
      guard p + 46 <= start + size, u32(p) == 0x0201_4B50 else { throw notZip }
      let nameLength = Int(u16(p + 28)), extra = Int(u16(p + 30)), comment = Int(u16(p + 32))
      guard p + 46 + nameLength <= bytes.count else { throw notZip }
      let entry = Entry(
        method: u16(p + 10), flags: u16(p + 8), crc: u32(p + 16), compressedSize: Int(u32(p + 20)),
        uncompressedSize: Int(u32(p + 24)), localHeaderOffset: Int(u32(p + 42)))
      if entry.compressedSize == 0xFFFF_FFFF || entry.uncompressedSize == 0xFFFF_FFFF || entry.localHeaderOffset == 0xFFFF_FFFF {
        throw .badWorkbook(
          file: path,
          reason: "the file is a ZIP64 archive, which no spreadsheet program writes for a workbook this size; save it again as .xlsx")
      }
      let name = String(decoding: bytes[(bytes.startIndex + p + 46)..<(bytes.startIndex + p + 46 + nameLength)], as: UTF8.self)
      entries[name] = entry
      p += 46 + nameLength + extra + comment
    }
  }

  /// The unpacked bytes of one entry, at most `limit` of them.
  func contents(of name: String, limit: Int) throws(StoreError) -> Data {
    var out = Data()
    try stream(of: name, limit: limit) { chunk in out.append(chunk) }
    return out
  }

  /// How many times its packed size an entry may unpack to, once past `ratioFloor` bytes:
  /// spreadsheet programs' sheets pack 5 to 50 times (a sheet of identical rows about 200);
  /// a zip bomb packs thousands of times.
  static let maximumRatio = 1000
  static let ratioFloor = 16 << 20

  /// Unpacks one entry chunk by chunk (at most 64 KiB each) into `consume`, in bounded memory:
  /// at most `limit` bytes, refused early (after `ratioFloor` bytes) when it unpacks to more
  /// than `maximumRatio` times the packed bytes read so far; its CRC and size are checked at
  /// the end.
  func stream(of name: String, limit: Int, _ consume: (Data) throws -> Void) throws(StoreError) {
    guard let entry = entries[name] else { throw .badWorkbook(file: path, reason: "\(name) is missing") }
    let damaged = StoreError.badWorkbook(file: path, reason: "\(name) is damaged; open the file in Excel or WPS and save it again as .xlsx")
    let tooBig = StoreError.badWorkbook(
      file: path, reason: "\(name) unpacks to more than \(limit >> 20) MB; save the sheet as CSV (UTF-8) or split the workbook")
    let bomb = StoreError.badWorkbook(
      file: path,
      reason:
        "\(name) unpacks to more than \(Self.maximumRatio) times its packed size, which no spreadsheet program writes (a zip bomb, or a damaged file); save the sheet as CSV (UTF-8)"
    )
    if entry.flags & 1 != 0 { throw .badWorkbook(file: path, reason: "\(name) is encrypted; save the workbook without a password") }
    if entry.uncompressedSize > limit { throw tooBig }
    let header = entry.localHeaderOffset
    guard header + 30 <= bytes.count, u32(header) == 0x0403_4B50 else { throw damaged }
    let dataStart = header + 30 + Int(u16(header + 26)) + Int(u16(header + 28))
    guard dataStart <= bytes.count, entry.compressedSize <= bytes.count - dataStart else { throw damaged }
    let raw = bytes[(bytes.startIndex + dataStart)..<(bytes.startIndex + dataStart + entry.compressedSize)]
    switch entry.method {
    case 0:
      guard raw.count == entry.uncompressedSize, Data(raw).crc32(checksum: 0) == entry.crc else { throw damaged }
      do { try consume(Data(raw)) } catch let e as StoreError { throw e } catch { throw damaged }
    case 8:
      struct TooBig: Error {}
      struct Bomb: Error {}
      struct Exhausted: Error {}
      var produced = 0, packedRead = 0
      let crc: CRC32
      do {
        crc = try Data.decompress(
          size: Int64(raw.count), bufferSize: 1 << 16, skipCRC32: false,
          provider: { position, size in
            // Only the entry's own bytes: a stream cut short ends here instead of looping.
            let from = Int(position)
            guard from < raw.count else { throw Exhausted() }
            var chunk = Data(raw[(raw.startIndex + from)..<(raw.startIndex + min(raw.count, from + size))])
            packedRead = from + chunk.count
            // ZIPFoundation hands zlib `size` bytes whatever the chunk holds: pad the last one
            // so zlib never reads past it (a complete stream ends before the padding).
            if chunk.count < size { chunk.append(Data(count: size - chunk.count)) }
            return chunk
          },
          consumer: { chunk in
            produced += chunk.count
            if produced > limit { throw TooBig() }
            if produced > Self.ratioFloor && produced / max(1, packedRead) > Self.maximumRatio { throw Bomb() }
            try consume(chunk)
          })
      } catch is TooBig {
        throw tooBig
      } catch is Bomb {
        throw bomb
      } catch let e as StoreError {
        throw e
      } catch {
        throw damaged
      }
      guard crc == entry.crc, produced == entry.uncompressedSize else { throw damaged }
    default:
      throw .badWorkbook(
        file: path,
        reason: "\(name) is compressed with method \(entry.method), which spreadsheet programs do not use; save the file again as .xlsx")
    }
  }

  /// The offset of the end-of-central-directory record: searched backwards over the archive
  /// comment (at most 65,535 bytes).
  private func endOfCentralDirectory() -> Int? {
    guard bytes.count >= 22 else { return nil }
    var p = bytes.count - 22
    let lowest = max(0, bytes.count - 22 - 65_535)
    while p >= lowest {
      if u32(p) == 0x0605_4B50 { return p }
      p -= 1
    }
    return nil
  }

  private func u16(_ offset: Int) -> UInt16 {
    let i = bytes.startIndex + offset
    return UInt16(bytes[i]) | UInt16(bytes[i + 1]) << 8
  }

  private func u32(_ offset: Int) -> UInt32 {
    UInt32(u16(offset)) | UInt32(u16(offset + 2)) << 16
  }
}
