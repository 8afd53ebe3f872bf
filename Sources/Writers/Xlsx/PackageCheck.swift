import Foundation
import ZIPFoundation

/// Reads a freshly written workbook back and checks that every XML part is whole.
///
/// libxlsxwriter 1.1.4 writes each part (in constant-memory mode every row) to a temporary file
/// first and does not check those writes: when the temporary folder's disk is full, or past a
/// file-size limit, a sheet is cut short and the workbook still "succeeds". A part is whole when
/// it ends with the closing tag of its root element.
enum PackageCheck {
  /// The first part that is not whole, or nil.
  static func firstIncompletePart(_ path: String) throws(WriterError) -> String? {
    let archive: Archive
    do {
      archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
    } catch {
      throw .cannotCreate(path: path, reason: "the workbook written cannot be read back as a zip archive")
    }
    for entry in archive where entry.type == .file && (entry.path.hasSuffix(".xml") || entry.path.hasSuffix(".rels")) {
      var head = Data()
      var tail = Data()
      do {
        _ = try archive.extract(entry) { chunk in
          if head.count < 512 { head.append(chunk.prefix(512 - head.count)) }
          tail.append(chunk.suffix(64))
          if tail.count > 64 { tail = tail.suffix(64) }
        }
      } catch {
        return entry.path
      }
      if !isWhole(head: head, tail: tail) { return entry.path }
    }
    return nil
  }

  /// Whether XML text that starts with `head` and ends with `tail` closes its root element.
  static func isWhole(head: Data, tail: Data) -> Bool {
    let start = String(decoding: head, as: UTF8.self)
    guard let root = rootName(start) else { return false }
    let end = String(decoding: tail, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    if end.hasSuffix("</\(root)>") { return true }
    // A root with no content: `<Types .../>`, the whole part held in `head`.
    return head.count < 512 && end.hasSuffix("/>") && !start.contains("</")
  }

  /// The name of the first element after the XML declaration and comments.
  static func rootName(_ text: String) -> String? {
    var rest = Substring(text)
    while let lt = rest.firstIndex(of: "<") {
      let after = rest[rest.index(after: lt)...]
      guard let first = after.first else { return nil }
      if first == "?" || first == "!" {
        guard let gt = after.firstIndex(of: ">") else { return nil }
        rest = after[after.index(after: gt)...]
        continue
      }
      let name = after.prefix { !" \t\r\n/>".contains($0) }
      return name.isEmpty ? nil : String(name)
    }
    return nil
  }
}
