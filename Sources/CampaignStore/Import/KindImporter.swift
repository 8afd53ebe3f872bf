import Foundation
import CampaignModel
import GRDB

/// The kind catalogue: kinds are upserted by code; the file's order becomes the display order,
/// with kinds the file does not mention kept after it in their former order.
struct KindImporter: RowImporter {
  private let codes: IdTracker
  private var order: [String] = []
  private let upsert: Upserter
  private static let columns = ["name", "name_en", "measure", "measure_en", "category", "category_name", "category_name_en", "position"]

  init(db: Database) throws {
    codes = IdTracker(db: db, type: .kinds)
    upsert = try Upserter(db: db, table: "kind", key: "code", columns: Self.columns)
  }

  mutating func importRow(_ row: inout RowReader, db: Database, write: Bool) throws -> RowOutcome? {
    let code = row.required("code")
    if let code {
      if let first = try codes.see(code.lowercased(), line: row.line) { row.fail("code", .duplicateId(firstLine: first)) }
      if !code.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }) {
        row.fail("code", .badChoice(allowed: "ASCII letters, digits and _"))
      }
    }
    let name = row.required("name")
    let measure = row.required("measure")
    let category = row.required("category")
    guard row.issues.isEmpty, write, let code, let name, let measure, let category else { return nil }
    order.append(code)
    let nameEn = row.optionalText("name_en") ?? code.replacingOccurrences(of: "_", with: " ")
    let args: [(any DatabaseValueConvertible)?] = [
      code, name, nameEn, measure, row.optionalText("measure_en") ?? "", category,
      row.optionalText("category_name") ?? category, row.optionalText("category_name_en") ?? category,
      order.count - 1,
    ]
    return try upsert.write(args, db: db)
  }

  func finish(db: Database, issues: inout [DataIssue], file: String) throws -> [RowOutcome] {
    // Kinds the file did not mention follow the file's kinds, in their former order.
    let others = try String.fetchAll(db, sql: "SELECT code FROM kind ORDER BY position, code")
      .filter { c in !order.contains { $0.caseInsensitiveCompare(c) == .orderedSame } }
    for (i, code) in others.enumerated() {
      try db.execute(sql: "UPDATE kind SET position = ? WHERE code = ?", arguments: [order.count + i, code])
    }
    return []
  }
}
