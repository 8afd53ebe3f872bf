/// The kind of an organization in the party tree.
public enum OrganizationKind: String, CaseIterable, Sendable {
  /// 党委: the single top committee of the institution.
  case committee
  /// 党总支: a general branch, usually with sub-branches.
  case generalBranch = "general_branch"
  /// 直属党支部: a branch directly under the committee.
  case directBranch = "direct_branch"
  /// 党支部: a branch, usually under a general branch.
  case branch

  /// The Chinese name used on forms.
  public var chineseName: String {
    switch self {
    case .committee: "党委"
    case .generalBranch: "党总支"
    case .directBranch: "直属党支部"
    case .branch: "党支部"
    }
  }

  /// The English name used on forms.
  public var englishName: String {
    switch self {
    case .committee: "party committee"
    case .generalBranch: "general party branch"
    case .directBranch: "directly affiliated branch"
    case .branch: "party branch"
    }
  }

  /// Reads a kind from its code or its Chinese name.
  public init?(contractValue text: some StringProtocol) {
    let t = String(text.trimmingWhitespace()).lowercased()
    if let k = OrganizationKind(rawValue: t) {
      self = k
    } else if let k = OrganizationKind.allCases.first(where: { $0.chineseName == t }) {
      self = k
    } else {
      return nil
    }
  }
}

/// One organization of the tree: the committee, a general branch, a direct branch or a branch.
public struct Organization: Hashable, Sendable {
  /// Unique code, e.g. `JD01`.
  public var id: String
  public var name: String
  public var kind: OrganizationKind
  /// The parent's id; nil only for the top committee.
  public var parent: String?
  /// Whether the unit takes part in averages and rankings (the retirees' branch usually does not).
  public var counted: Bool

  public init(id: String, name: String, kind: OrganizationKind, parent: String?, counted: Bool) {
    self.id = id
    self.name = name
    self.kind = kind
    self.parent = parent
    self.counted = counted
  }
}

extension Array where Element == Organization {
  /// The organization with `id` and everything below it, in this array's order; nil when no
  /// organization has that id.
  public func subtree(of id: String) -> [Organization]? {
    guard let members = Organization.subtree(of: id, in: map { ($0.id, $0.parent) }) else { return nil }
    return filter { members.contains($0.id) }
  }
}

extension Organization {
  /// The ids of the organization `root` and everything below it, in a tree given as (id, parent)
  /// pairs; nil when no pair has that id. Linear in the number of organizations, however deep.
  public static func subtree(of root: String, in tree: some Sequence<(id: String, parent: String?)>) -> Set<String>? {
    var children: [String: [String]] = [:]
    var known = false
    for (id, parent) in tree {
      if id == root { known = true }
      if let parent { children[parent, default: []].append(id) }
    }
    guard known else { return nil }
    var members: Set<String> = [root]
    var pending = [root]
    while let id = pending.popLast() {
      for child in children[id] ?? [] where members.insert(child).inserted { pending.append(child) }
    }
    return members
  }
}

/// A reporting unit: a direct child of the top committee (党总支 or 直属党支部).
///
/// Records of its sub-branches count for it.
public struct Unit: Hashable, Sendable {
  public var id: String
  public var name: String
  public var kind: OrganizationKind
  /// Whether the unit takes part in averages and rankings.
  public var counted: Bool

  public init(id: String, name: String, kind: OrganizationKind, counted: Bool) {
    self.id = id
    self.name = name
    self.kind = kind
    self.counted = counted
  }
}

/// Reads the contract's yes/no spellings: `yes`/`no`, `是`/`否`, `y`/`n`, `true`/`false`, `1`/`0`.
public func parseYesNo(_ text: some StringProtocol) -> Bool? {
  switch String(text.trimmingWhitespace()).lowercased() {
  case "yes", "y", "true", "1", "是", "√": true
  case "no", "n", "false", "0", "否", "×": false
  default: nil
  }
}
