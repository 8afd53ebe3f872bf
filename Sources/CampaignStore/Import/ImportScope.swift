import CampaignModel

/// `import --root`: the organization an import speaks for, and everything under it. Rows must
/// belong to one of these organizations, and a row may not change a record of any other: in a
/// store that several institutions share, one institution's file cannot overwrite another's.
struct ImportScope {
  let root: String
  /// The root and every organization under it, as stored when the import began.
  let members: Set<String>
  /// The organizations above the root, nearest first (empty for the top committee).
  let ancestors: [String]

  /// The scope under `root` in the stored tree; nil when the store has no such organization.
  init?(root: String, db: any SQLDatabase) throws {
    var tree: [(id: String, parent: String?)] = []
    try db.forEachRow("SELECT id, parent FROM organization", []) { row in tree.append((try row.get(0), try row.get(1))) }
    guard let members = Organization.subtree(of: root, in: tree) else { return nil }
    self.root = root
    self.members = members
    let parents = Dictionary(tree.map { ($0.id, $0.parent) }) { a, _ in a }
    var chain: [String] = []
    var next = parents[root] ?? nil
    while let p = next, !chain.contains(p) {
      chain.append(p)
      next = parents[p] ?? nil
    }
    ancestors = chain
  }
}

/// A row would change a record of an organization outside the import's scope.
struct OutOfScopeRecord: Error {
  var line: Int
  var organization: String
  var root: String
}
