import CampaignModel

extension CampaignStore {
  /// The ids of the matters ledger, in id order.
  public func matterIDs() throws(StoreError) -> [String] {
    try readDB { db in try db.fetchColumn("SELECT id FROM matter ORDER BY id", as: String.self) }
  }

  /// Every organization in file order, for listings.
  public func organizations() throws(StoreError) -> [Organization] {
    try readDB { db in
      try db.fetchAll("SELECT id, name, kind, parent, counted FROM organization ORDER BY position, id").map { r in
        Organization(
          id: try r.get(0), name: try r.get(1), kind: OrganizationKind(rawValue: try r.get(2)) ?? .branch, parent: try r.get(3),
          counted: try r.get(4))
      }
    }
  }
}
