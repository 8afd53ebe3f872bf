import Foundation
import MultipartKit
import NIOCore

/// One part of a `multipart/form-data` body.
struct FormPart {
  var name: String?
  var fileName: String?
  var body: [UInt8]
  var text: String { String(decoding: body, as: UTF8.self) }
}

/// A malformed multipart body.
struct MalformedForm: Error {}

enum Multipart {
  /// The boundary of a `multipart/form-data` content type; nil for any other type.
  static func boundary(of contentType: String?) -> String? {
    guard let contentType, contentType.lowercased().hasPrefix("multipart/form-data") else { return nil }
    for parameter in contentType.split(separator: ";").dropFirst() {
      let pair = parameter.trimmingCharacters(in: .whitespaces)
      guard pair.lowercased().hasPrefix("boundary=") else { continue }
      var value = String(pair.dropFirst("boundary=".count))
      if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = String(value.dropFirst().dropLast()) }
      return value.isEmpty || value.count > 200 ? nil : value
    }
    return nil
  }

  /// The parts of a body (already capped in size by the caller).
  static func parts(of body: ByteBuffer, boundary: String) throws -> [FormPart] {
    let parser = MultipartParser(boundary: boundary)
    var parts: [FormPart] = []
    var disposition: String?
    var bytes: [UInt8] = []
    parser.onHeader = { name, value in
      if name.lowercased() == "content-disposition" { disposition = value }
    }
    parser.onBody = { chunk in bytes += chunk.readableBytesView }
    parser.onPartComplete = {
      let parameters = disposition.map(Self.dispositionParameters) ?? [:]
      parts.append(FormPart(name: parameters["name"], fileName: parameters["filename"], body: bytes))
      disposition = nil
      bytes = []
    }
    do { try parser.execute(body) } catch { throw MalformedForm() }
    return parts
  }

  /// `form-data; name="file"; filename="报送表.xlsx"` → ["name": "file", "filename": "报送表.xlsx"].
  static func dispositionParameters(_ value: String) -> [String: String] {
    var result: [String: String] = [:]
    var rest = Substring(value)
    while let semicolon = rest.firstIndex(of: ";") {
      rest = rest[rest.index(after: semicolon)...].drop { $0 == " " }
      guard let equals = rest.firstIndex(of: "=") else { break }
      let key = rest[..<equals].lowercased()
      var after = rest[rest.index(after: equals)...]
      var value: Substring
      if after.first == "\"" {
        after = after.dropFirst()
        var end = after.startIndex
        var escaped = false
        while end < after.endIndex {
          let c = after[end]
          if c == "\"" && !escaped { break }
          escaped = c == "\\" && !escaped
          end = after.index(after: end)
        }
        value = after[..<end]
        rest = end < after.endIndex ? after[after.index(after: end)...] : after[end...]
      } else {
        let end = after.firstIndex(of: ";") ?? after.endIndex
        value = after[..<end]
        rest = after[end...]
      }
      result[key] = value.replacingOccurrences(of: "\\\"", with: "\"")
    }
    return result
  }
}
