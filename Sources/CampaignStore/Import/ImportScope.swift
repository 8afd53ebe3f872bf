/// `import --root`: the organization an import speaks for, and everything under it. Rows must
/// belong to one of these organizations, and a row may not change a record of any other: in a
/// store that several institutions share, one institution's file cannot overwrite another's.
struct ImportScope {
  let root: String
  /// The root and every organization under it, as stored when the import began.
  let members: Set<String>

  /// The scope under `root` in the stored tree; nil when the store has no such organization.
  init?(root: String, db: any SQLDatabase) throws {
    var children: [String: [String]] = [:]
    var known: Set<String> = []
    try db.forEachRow("SELECT id, parent FROM organization", []) { row in
      let id: String = try row.get(0)
      known.insert(id)
      if let parent = try row.get(1, as: String?.self) { children[parent, default: []].append(id) }
    }
    guard known.contains(root) else { return nil }
    self.root = root
    members = ImportScope.subtree(of: root, children: children)
  }

  /// The organizations at or under `root` in a tree given by its children.
  static func subtree(of root: String, children: [String: [String]]) -> Set<String> {
    var members: Set<String> = [root]
    var pending = [root]
    while let id = pending.popLast() {
      for child in children[id] ?? [] where members.insert(child).inserted { pending.append(child) }
    }
    return members
  }
}

/// A row would change a record of an organization outside the import's scope.
struct OutOfScopeRecord: Error {
  var line: Int
  var organization: String
  var root: String
}
