import CampaignModel

/// `import --root`: the organization an import speaks for, and everything under it. Rows must
/// belong to one of these organizations, and a row may not change a record of any other: in a
/// store that several institutions share, one institution's file cannot overwrite another's.
struct ImportScope {
  let root: String
  /// The root and every organization under it, as stored when the import began.
  let members: Set<String>

  /// The scope under `root` in the stored tree; nil when the store has no such organization.
  init?(root: String, db: any SQLDatabase) throws {
    var tree: [(id: String, parent: String?)] = []
    try db.forEachRow("SELECT id, parent FROM organization", []) { row in tree.append((try row.get(0), try row.get(1))) }
    guard let members = Organization.subtree(of: root, in: tree) else { return nil }
    self.root = root
    self.members = members
  }
}

/// A row would change a record of an organization outside the import's scope.
struct OutOfScopeRecord: Error {
  var line: Int
  var organization: String
  var root: String
}
