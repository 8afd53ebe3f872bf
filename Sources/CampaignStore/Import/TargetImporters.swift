import CampaignModel

/// The organizations a requirement or plan may name: the top committee and its direct children
/// (the units), with their kinds.
private struct UnitIndex {
  var top: String?
  var units: [String: OrganizationKind] = [:]

  init(db: any SQLDatabase) throws {
    try db.forEachRow("SELECT id, kind, parent FROM organization", []) { r in
      let parent: String? = try r.get(2)
      if parent == nil { top = try r.get(0) }
    }
    guard let top else { return }
    try db.forEachRow("SELECT id, kind FROM organization WHERE parent = ?", [.text(top)]) { r in
      units[try r.get(0)] = OrganizationKind(rawValue: try r.get(1)) ?? .branch
    }
  }
}

/// Writes rows of a small campaign table keyed by (campaign, key) one by one, on both
/// backends: added, updated when a value differs, else unchanged. New rows go after the
/// campaign's others (`position`).
private struct CampaignRows {
  let campaign: String
  let select: any SQLStatement
  let insert: any SQLStatement
  let update: any SQLStatement
  var next: Int
  let batch: Int

  init(db: any SQLDatabase, table: String, key: String, columns: [String], context: ImportContext) throws {
    guard let campaign = context.campaign else { preconditionFailure("a \(table) import names its campaign") }
    self.campaign = campaign
    batch = context.batch ?? 0
    let list = columns.joined(separator: ", ")
    select = try db.prepare("SELECT \(list) FROM \(table) WHERE campaign = ? AND \(key) = ?")
    insert = try db.prepare(
      "INSERT INTO \(table) (campaign, \(key), \(list), position, batch) VALUES (?, ?, \(columns.map { _ in "?" }.joined(separator: ", ")), ?, ?)"
    )
    update = try db.prepare(
      "UPDATE \(table) SET \(columns.map { "\($0) = ?" }.joined(separator: ", ")), batch = ? WHERE campaign = ? AND \(key) = ?")
    next = (try db.fetchOne("SELECT MAX(position) FROM \(table) WHERE campaign = ?", [campaign], as: Int.self) ?? -1) + 1
  }

  mutating func write(key: String, values: [SQLValue]) throws -> RowOutcome {
    guard let stored = try select.fetchAll([.text(campaign), .text(key)]).first?.values else {
      try insert.execute([.text(campaign), .text(key)] + values + [.int(Int64(next)), .int(Int64(batch))])
      next += 1
      return .added
    }
    // PostgreSQL returns every value as text: compare by the text of each.
    func text(_ v: SQLValue) -> String? {
      switch v {
      case .null: nil
      case .int(let i): String(i)
      case .text(let t): t
      }
    }
    if stored.map(text) == values.map(text) { return .unchanged }
    try update.execute(values + [.int(Int64(batch)), .text(campaign), .text(key)])
    return .updated
  }
}

/// Requirements (考核要求) of the target campaign, identified by their kind, cycle, units and
/// dates: a later file with the same ones changes the minimum and the exemptions.
struct RequirementImporter: RowImporter {
  private let organizations: OrganizationIndex
  private let units: UnitIndex
  private let catalogue: Catalogue
  private var rows: CampaignRows
  private var seen: [String: Int] = [:]
  static let columns = ["kind", "minimum", "per", "applies_to", "exempt", "from_day", "to_day"]

  init(db: any SQLDatabase, context: ImportContext) throws {
    organizations = try loadOrganizationIndex(db)
    units = try UnitIndex(db: db)
    rows = try CampaignRows(db: db, table: "requirement", key: "key", columns: Self.columns, context: context)
    catalogue = try loadCatalogue(db, campaign: rows.campaign)
  }

  /// Reads 适用单位: all, a kind of unit, or one unit by id or name.
  private func appliesTo(_ text: String) -> RequirementScope? {
    let t = text.lowercased()
    if t == "all" || text == "全部" || text == "全体" { return .all }
    if let k = OrganizationKind(contractValue: text), k == .generalBranch || k == .directBranch { return .kind(k) }
    if case .found(let id) = organizations.resolve(text), units.units[id] != nil { return .unit(id) }
    return nil
  }

  mutating func importRow(_ row: inout RowReader, db: any SQLDatabase, write: Bool) throws -> [RowOutcome] {
    var kind: ActivityKind?
    if let k = row.required("kind") {
      kind = catalogue.kind(matching: k)
      if kind == nil { row.fail("kind", .unknownKind) }
    }
    let minimum = row.wholeNumber("min", empty: 1, problem: .atLeastOne, minimum: 1)
    let per = row.choice("per", required: true, allowed: "month/月, quarter/季度, year/年") { TargetCycle(contractValue: $0) }
    let scope = row.choice("applies_to", allowed: "") { appliesTo($0) }
    if scope == nil, !row.text("applies_to").isEmpty {
      // Replace the generic message with the column's own.
      row.issues.removeLast()
      row.fail("applies_to", .badAppliesTo)
    }
    var exempt: [String] = []
    for name in Self.split(row.text("exempt")) {
      switch organizations.resolve(name) {
      case .found(let id): if !exempt.contains(id) { exempt.append(id) }
      case .unknown: row.fail("exempt", .unknownUnit, value: name)
      case .ambiguous(let ids): row.fail("exempt", .ambiguousUnit(ids: ids), value: name)
      }
    }
    let from = row.day("from", required: false)
    let to = row.day("to", required: false)
    if let from, let to, to < from { row.fail("to", .endBeforeStart) }
    guard row.issues.isEmpty, let kind, let per else { return [] }
    let applies = scope ?? .all
    let key = [kind.code, per.rawValue, applies.code, from?.iso ?? "", to?.iso ?? ""].joined(separator: "|")
    if let first = seen[key] {
      row.fail("kind", .duplicateId(firstLine: first), value: key)
      return []
    }
    seen[key] = row.line
    guard write else { return [] }
    let values: [any SQLBindable] = [
      kind.code, minimum, per.rawValue, applies.code, exempt.joined(separator: ";"), from?.iso, to?.iso,
    ]
    return [try rows.write(key: key, values: values.map(\.sqlValue))]
  }

  /// The names of an exemption cell, separated by 、 ; ； or , ，.
  static func split(_ text: String) -> [String] {
    text.split(whereSeparator: { "、;；,，".contains($0) }).map { String($0.trimmingWhitespace()) }.filter { !$0.isEmpty }
  }
}

/// Plans (计划) of the target campaign, by id (the file's, else one made of the unit, kind and
/// span).
struct PlanImporter: RowImporter {
  private let organizations: OrganizationIndex
  private let units: UnitIndex
  private let catalogue: Catalogue
  private let ids: IdTracker
  private var rows: CampaignRows
  private var seen: [String: Int] = [:]
  static let columns = ["organization", "kind", "target", "from_day", "to_day"]

  init(db: any SQLDatabase, context: ImportContext) throws {
    organizations = try loadOrganizationIndex(db)
    units = try UnitIndex(db: db)
    ids = IdTracker(db: db, type: .plans)
    rows = try CampaignRows(db: db, table: "plan", key: "id", columns: Self.columns, context: context)
    catalogue = try loadCatalogue(db, campaign: rows.campaign)
  }

  mutating func importRow(_ row: inout RowReader, db: any SQLDatabase, write: Bool) throws -> [RowOutcome] {
    let given = try row.optionalId("id", seen: ids)
    let org = row.organization("unit", in: organizations)
    if let org, org != units.top, units.units[org] == nil { row.fail("unit", .notAUnit) }
    var kind: ActivityKind?
    if let k = row.required("kind") {
      kind = catalogue.kind(matching: k)
      if kind == nil { row.fail("kind", .unknownKind) }
    }
    let target = row.text("target").isEmpty ? nil : row.wholeNumber("target", empty: 0, problem: .atLeastOne, minimum: 1)
    if target == nil { row.fail("target", .required) }
    let from = row.day("from", required: true)
    let to = row.day("to", required: true)
    if let from, let to, to < from { row.fail("to", .endBeforeStart) }
    guard row.issues.isEmpty, let org, let kind, let target, target > 0, let from, let to else { return [] }
    let id = given ?? "#\(org)|\(kind.code)|\(from.iso)|\(to.iso)"
    if given == nil {
      if let first = seen[id] {
        row.fail("unit", .duplicateId(firstLine: first), value: id)
        return []
      }
      seen[id] = row.line
    }
    guard write else { return [] }
    let values: [any SQLBindable] = [org, kind.code, target, from.iso, to.iso]
    return [try rows.write(key: id, values: values.map(\.sqlValue))]
  }
}
