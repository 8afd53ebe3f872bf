import Foundation

/// A workbook as read back by openpyxl (`Tests/Helpers/read_workbook.py`), an independent reader.
public struct ReadWorkbook {
  public let json: [String: Any]

  /// Reads `path` with the Python helper; throws when python3 or openpyxl is missing.
  public init(path: String) throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", Fixtures.packageRoot.appendingPathComponent("Tests/Helpers/read_workbook.py").path, path]
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    let errors = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0, let json = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
      throw ReaderError(
        message: "read_workbook.py failed (install openpyxl: pip install openpyxl): " + String(decoding: errors, as: UTF8.self))
    }
    self.json = json
  }

  public struct ReaderError: Error, CustomStringConvertible {
    public var message: String
    public var description: String { message }
  }

  public var sheets: [String] { json["sheets"] as? [String] ?? [] }
  public var properties: [String: Any] { json["properties"] as? [String: Any] ?? [:] }

  /// A sheet's settings and cells.
  public func sheet(_ name: String) -> [String: Any] { json[name] as? [String: Any] ?? [:] }

  /// One cell: value, formula, type, format, bold, font.
  public func cell(_ sheet: String, _ ref: String) -> [String: Any]? {
    (self.sheet(sheet)["cells"] as? [String: Any])?[ref] as? [String: Any]
  }

  /// The cached value of a cell.
  public func value(_ sheet: String, _ ref: String) -> Any? { cell(sheet, ref)?["value"] }

  /// The row (1-based) whose cell in `column` holds `text`.
  public func row(of text: String, in sheet: String, column: String) -> Int? {
    guard let cells = self.sheet(sheet)["cells"] as? [String: Any] else { return nil }
    for (ref, c) in cells where ref.hasPrefix(column) {
      let digits = ref.dropFirst(column.count)
      if digits.allSatisfy(\.isNumber), let c = c as? [String: Any], c["value"] as? String == text { return Int(digits) }
    }
    return nil
  }
}

/// Runs `python3 -m openxml_audit` on a file and returns its output; the last lines count errors.
public func auditWorkbook(_ path: String) throws -> (errors: Int, output: String) {
  let process = Process()
  process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
  process.arguments = ["python3", "-m", "openxml_audit", path]
  let out = Pipe()
  process.standardOutput = out
  process.standardError = out
  try process.run()
  let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
  process.waitUntilExit()
  let errors = text.split(separator: "\n").first { $0.hasPrefix("Errors:") }.flatMap {
    Int($0.dropFirst(7).trimmingCharacters(in: .whitespaces))
  }
  return (errors ?? -1, text)
}

/// Runs `Tests/Helpers/make_workbook.py` (openpyxl) with arguments.
public func makeWorkbook(_ arguments: [String]) throws {
  let process = Process()
  process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
  process.arguments = ["python3", Fixtures.packageRoot.appendingPathComponent("Tests/Helpers/make_workbook.py").path] + arguments
  let err = Pipe()
  process.standardError = err
  try process.run()
  let errors = err.fileHandleForReading.readDataToEndOfFile()
  process.waitUntilExit()
  guard process.terminationStatus == 0 else {
    throw ReadWorkbook.ReaderError(message: "make_workbook.py failed: " + String(decoding: errors, as: UTF8.self))
  }
}

/// A .docx as read back by python-docx (`Tests/Helpers/read_docx.py`), an independent reader.
public struct ReadDocument {
  public let json: [String: Any]

  /// Reads `path`; throws when python3 or python-docx is missing.
  public init(path: String) throws {
    json = try Self.run([path])
  }

  /// Writes python-docx's default document to `path`, as a reference .docx.
  public static func writeDefault(to path: String) throws {
    _ = try? run(["-", path])
    guard FileManager.default.fileExists(atPath: path) else {
      throw ReadWorkbook.ReaderError(message: "read_docx.py could not write \(path) (install python-docx)")
    }
  }

  static func run(_ arguments: [String]) throws -> [String: Any] {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", Fixtures.packageRoot.appendingPathComponent("Tests/Helpers/read_docx.py").path] + arguments
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    let errors = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0, let json = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
      throw ReadWorkbook.ReaderError(
        message: "read_docx.py failed (install python-docx: scripts/install-deps --test): " + String(decoding: errors, as: UTF8.self))
    }
    return json
  }

  public var sections: [[String: Any]] { json["sections"] as? [[String: Any]] ?? [] }
  public var paragraphs: [(style: String, text: String)] {
    (json["paragraphs"] as? [[String: Any]] ?? []).map { ($0["style"] as? String ?? "", $0["text"] as? String ?? "") }
  }
  public func style(_ id: String) -> [String: Any] { (json["styles"] as? [String: Any])?[id] as? [String: Any] ?? [:] }
}
