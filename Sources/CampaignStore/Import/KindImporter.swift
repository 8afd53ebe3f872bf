import CampaignModel
import Foundation

/// A campaign's catalogue (`ImportContext.campaign`): kinds are upserted by code; the file's
/// order becomes the display order, with kinds the file does not mention kept after it in their
/// former order. Catalogues are small, so rows are written one by one on both backends.
struct KindImporter: RowImporter {
  private let codes: IdTracker
  private var order: [String] = []
  private let campaign: String
  /// Stored codes by their lowercase: a row's code matching one without regard to case updates
  /// that kind, under its stored spelling.
  private let storedCodes: [String: String]
  private let select: any SQLStatement
  private let insert: any SQLStatement
  private let update: any SQLStatement
  private static let columns = ["name", "name_en", "measure", "measure_en", "category", "category_name", "category_name_en", "position"]

  init(db: any SQLDatabase, context: ImportContext) throws {
    guard let campaign = context.campaign else { preconditionFailure("a kinds import names its campaign") }
    self.campaign = campaign
    codes = IdTracker(db: db, type: .kinds)
    storedCodes = Dictionary(
      try db.fetchColumn("SELECT code FROM campaign_kind WHERE campaign = ?", [campaign], as: String.self).map { ($0.lowercased(), $0) }
    ) { a, _ in a }
    let columns = Self.columns.joined(separator: ", ")
    select = try db.prepare("SELECT \(columns) FROM campaign_kind WHERE campaign = ? AND code = ?")
    insert = try db.prepare(
      "INSERT INTO campaign_kind (campaign, code, \(columns)) VALUES (?, ?, \(Self.columns.map { _ in "?" }.joined(separator: ", ")))")
    update = try db.prepare(
      "UPDATE campaign_kind SET \(Self.columns.map { "\($0) = ?" }.joined(separator: ", ")) WHERE campaign = ? AND code = ?")
  }

  mutating func flush() throws -> [RowOutcome] { [] }

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
    let values: [SQLValue] =
      [
        name, row.optionalText("name_en") ?? code.replacingOccurrences(of: "_", with: " "), measure,
        row.optionalText("measure_en") ?? "", category, row.optionalText("category_name") ?? category,
        row.optionalText("category_name_en") ?? category,
      ].map(\.sqlValue) + [(order.count - 1).sqlValue]
    guard let stored = try select.fetchAll([.text(campaign), .text(code)]).first?.values else {
      try insert.execute([.text(campaign), .text(code)] + values)
      return [.added]
    }
    if stored == values { return [.unchanged] }
    try update.execute(values + [.text(campaign), .text(code)])
    return [.updated]
  }

  func finish(db: any SQLDatabase, issues: inout [DataIssue], file: String) throws -> [RowOutcome] {
    // Kinds the file did not mention follow the file's kinds, in their former order.
    let others = try db.fetchColumn(
      "SELECT code FROM campaign_kind WHERE campaign = ? ORDER BY position, code", [campaign], as: String.self
    ).filter { c in !order.contains { $0.caseInsensitiveCompare(c) == .orderedSame } }
    let setPosition = try db.prepare("UPDATE campaign_kind SET position = ? WHERE campaign = ? AND code = ?")
    for (i, code) in others.enumerated() {
      try setPosition.execute([.int(Int64(order.count + i)), .text(campaign), .text(code)])
    }
    return []
  }
}
