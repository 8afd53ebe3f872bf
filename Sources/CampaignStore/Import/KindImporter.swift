import CampaignModel
import Foundation

/// The kind catalogue: kinds are upserted by code; the file's order becomes the display order,
/// with kinds the file does not mention kept after it in their former order.
struct KindImporter: RowImporter {
  private let codes: IdTracker
  private var order: [String] = []
  private let upsert: Upserter
  /// Stored codes by their lowercase: a row's code matching one without regard to case updates
  /// that kind, under its stored spelling.
  private let storedCodes: [String: String]
  private static let columns = ["name", "name_en", "measure", "measure_en", "category", "category_name", "category_name_en", "position"]

  init(db: any SQLDatabase, context: ImportContext) throws {
    codes = IdTracker(db: db, type: .kinds)
    upsert = try Upserter(db: db, table: "kind", key: "code", columns: Self.columns)
    storedCodes = Dictionary(try db.fetchColumn("SELECT code FROM kind", as: String.self).map { ($0.lowercased(), $0) }) { a, _ in a }
  }

  mutating func flush() throws -> [RowOutcome] { try upsert.flush() }

  mutating func importRow(_ row: inout RowReader, db: any SQLDatabase, write: Bool) throws -> [RowOutcome] {
    let given = row.required("code")
    if let code = given {
      if let first = try codes.see(code.lowercased(), line: row.line) { row.fail("code", .duplicateId(firstLine: first)) }
      if !code.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }) {
        row.fail("code", .badChoice(allowed: "ASCII letters, digits and _"))
      }
    }
    let name = row.required("name")
    let measure = row.required("measure")
    let category = row.required("category")
    guard row.issues.isEmpty, write, let given, let name, let measure, let category else { return [] }
    let code = storedCodes[given.lowercased()] ?? given
    order.append(code)
    let nameEn = row.optionalText("name_en") ?? code.replacingOccurrences(of: "_", with: " ")
    let values: [any SQLBindable] = [
      code, name, nameEn, measure, row.optionalText("measure_en") ?? "", category,
      row.optionalText("category_name") ?? category, row.optionalText("category_name_en") ?? category,
      order.count - 1,
    ]
    return try upsert.write(values.map(\.sqlValue), line: row.line)
  }

  func finish(db: any SQLDatabase, issues: inout [DataIssue], file: String) throws -> [RowOutcome] {
    // Kinds the file did not mention follow the file's kinds, in their former order.
    let others = try db.fetchColumn("SELECT code FROM kind ORDER BY position, code", as: String.self)
      .filter { c in !order.contains { $0.caseInsensitiveCompare(c) == .orderedSame } }
    let setPosition = try db.prepare("UPDATE kind SET position = ? WHERE code = ?")
    for (i, code) in others.enumerated() {
      try setPosition.execute([order.count + i, code])
    }
    return []
  }
}
