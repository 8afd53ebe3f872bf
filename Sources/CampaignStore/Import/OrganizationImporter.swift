import CampaignModel

/// The organization tree: rows are collected, the tree they form together with the stored
/// organizations is checked (one root, known parents, no cycles), then they are upserted and
/// every organization's unit is recomputed.
struct OrganizationImporter: RowImporter {
  private struct Pending {
    var org: Organization
    var line: Int
    var parentColumn: Int?
    var parentHeader: String?
  }

  private let ids: IdTracker
  private var pending: [Pending] = []
  private let upsert: Upserter
  private let firstPosition: Int
  private static let columns = ["name", "kind", "parent", "counted"]

  private let scope: ImportScope?

  init(db: any SQLDatabase, context: ImportContext) throws {
    let scope = context.scope
    self.scope = scope
    // The tree is checked as a whole: no other import may change it meanwhile.
    try db.serialize(.treeAndSums)
    ids = IdTracker(db: db, type: .organizations)
    upsert = try Upserter(db: db, table: "organization", key: "id", columns: Self.columns, insertOnly: ["position"])
    firstPosition = try db.fetchOne("SELECT COALESCE(MAX(position) + 1, 0) FROM organization", as: Int.self) ?? 0
  }

  mutating func importRow(_ row: inout RowReader, db: any SQLDatabase, write: Bool) throws -> [RowOutcome] {
    let id = row.required("id")
    if let id, let first = try ids.see(id, line: row.line) { row.fail("id", .duplicateId(firstLine: first)) }
    let name = row.required("name")
    let kind = row.choice("kind", required: true, allowed: OrganizationKind.allowedText) { OrganizationKind(contractValue: $0) }
    let parent = row.optionalText("parent")
    let counted = row.choice("counted", allowed: "yes/no, 是/否") { parseYesNo($0) } ?? true
    if kind == .committee && parent != nil { row.fail("kind", .committeeWithParent) }
    guard row.issues.isEmpty, let id, let name, let kind else { return [] }
    pending.append(
      Pending(
        org: Organization(id: id, name: name, kind: kind, parent: parent, counted: counted), line: row.line,
        parentColumn: row.map.position["parent"].map { $0 + 1 }, parentHeader: row.map.header("parent")))
    return []
  }

  mutating func finish(db: any SQLDatabase, issues: inout [DataIssue], file: String) throws -> [RowOutcome] {
    // The tree as it will be: stored organizations overlaid with this file's rows.
    var parentOf: [String: String?] = [:]
    var kindOf: [String: String] = [:]
    try db.forEachRow("SELECT id, parent, kind FROM organization", []) { row in
      let id: String = try row.get(0)
      parentOf[id] = try row.get(1, as: String?.self)
      kindOf[id] = try row.get(2)
    }
    let stored = parentOf
    var lineOf: [String: Pending] = [:]
    for p in pending {
      parentOf[p.org.id] = p.org.parent
      kindOf[p.org.id] = p.org.kind.rawValue
      lineOf[p.org.id] = p
    }
    func issue(_ p: Pending, _ problem: DataIssue.Problem, value: String) -> DataIssue {
      DataIssue(file: file, line: p.line, column: p.parentColumn, header: p.parentHeader, value: value, problem: problem)
    }
    for p in pending {
      if let parent = p.org.parent, parentOf[parent] == nil {
        issues.append(issue(p, .unknownParent, value: parent))
      }
    }
    let roots = parentOf.filter { $0.value == nil }.map(\.key).sorted()
    if roots.count != 1 {
      let inFile = pending.filter { $0.org.parent == nil }
      if inFile.isEmpty {
        issues.append(DataIssue(file: file, line: 1, column: nil, header: nil, value: "", problem: .rootCount(roots: roots)))
      }
      for p in inFile { issues.append(issue(p, .rootCount(roots: roots), value: "")) }
    } else if kindOf[roots[0]] != OrganizationKind.committee.rawValue {
      let at = lineOf[roots[0]] ?? pending[0]
      issues.append(DataIssue(file: file, line: at.line, column: nil, header: nil, value: roots[0], problem: .rootNotCommittee))
    }
    // Cycles: follow parents from every organization of the file.
    var reported: Set<String> = []
    for p in pending {
      var path = [p.org.id]
      var seen: Set<String> = [p.org.id]
      var current = p.org.id
      while let next = parentOf[current] ?? nil, parentOf[next] != nil {
        if seen.contains(next) {
          let cycle = Array(path[path.firstIndex(of: next)!...]) + [next]
          if reported.insert(Set(cycle).sorted().joined(separator: ",")).inserted {
            let at = cycle.compactMap { lineOf[$0] }.min { $0.line < $1.line } ?? p
            issues.append(issue(at, .cycle(path: cycle), value: at.org.parent ?? ""))
          }
          break
        }
        seen.insert(next)
        path.append(next)
        current = next
      }
    }
    if let scope { checkScope(scope, stored: stored, parentOf: parentOf, issue: issue, into: &issues) }
    guard issues.isEmpty else { return [] }

    var outcomes: [RowOutcome] = []
    for (i, p) in pending.enumerated() {
      let o = p.org
      let values: [any SQLBindable] = [o.id, o.name, o.kind.rawValue, o.parent, o.counted, firstPosition + i]
      outcomes += try upsert.write(values.map(\.sqlValue), line: p.line)
    }
    outcomes += try upsert.flush()
    try recomputeUnits(db, parentOf: parentOf)
    return outcomes
  }

  /// `import --root`: every row must be an organization under the root once the file is in (the
  /// root's own row may rename it, not move it), and may not be one stored elsewhere in the tree.
  private func checkScope(
    _ scope: ImportScope, stored: [String: String?], parentOf: [String: String?],
    issue: (Pending, DataIssue.Problem, String) -> DataIssue, into issues: inout [DataIssue]
  ) {
    // The subtree as it will be once the file is in.
    let after = Organization.subtree(of: scope.root, in: parentOf.map { ($0.key, $0.value) }) ?? []
    for p in pending {
      let id = p.org.id
      if stored[id] != nil && !scope.members.contains(id) {
        issues.append(issue(p, .belongsElsewhere(organization: id, root: scope.root), p.org.parent ?? ""))
        continue
      }
      if id == scope.root {
        if stored[id] != .some(p.org.parent) { issues.append(issue(p, .outsideRoot(root: scope.root), p.org.parent ?? "")) }
        continue
      }
      if !after.contains(id) { issues.append(issue(p, .outsideRoot(root: scope.root), p.org.parent ?? "")) }
    }
  }

  /// Sets each organization's unit: the ancestor whose parent is the root.
  private func recomputeUnits(_ db: any SQLDatabase, parentOf: [String: String?]) throws {
    var unitOf: [String: String?] = [:]
    func unit(_ id: String) -> String? {
      if let u = unitOf[id] { return u }
      var chain: [String] = []
      var current = id
      var result: String?
      while true {
        guard let parent = parentOf[current] ?? nil else { result = chain.last; break }  // current is the root
        if let known = unitOf[current] { result = known; break }
        chain.append(current)
        current = parent
      }
      // chain runs from id up to the root's child; the last element is the unit.
      for c in chain { unitOf[c] = result }
      return result
    }
    let update = try db.prepare("UPDATE organization SET unit = ? WHERE id = ? AND unit \(db.dialect.isDistinctFrom) ?")
    for id in parentOf.keys {
      let u = unit(id)
      try update.execute([u, id, u])
    }
  }
}

extension OrganizationKind {
  /// The allowed spellings, for messages.
  static var allowedText: String {
    allCases.map { "\($0.rawValue)/\($0.chineseName)" }.joined(separator: ", ")
  }
}
