import CampaignModel

extension CampaignStore {
  /// The kind catalogue in display order.
  public func catalogue() throws(StoreError) -> Catalogue {
    try readDB { db in try loadCatalogue(db) }
  }

  /// The campaign settings.
  public func settings() throws(StoreError) -> CampaignSettings {
    CampaignSettings(
      values: Dictionary(uniqueKeysWithValues: try settingValues().filter { !$0.isDefault }.map { ($0.key.rawValue, $0.value) }))
  }

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

/// The stored settings by key (unset keys are absent).
func loadSettings(_ db: any SQLDatabase) throws -> [String: String] {
  var values: [String: String] = [:]
  for r in try db.fetchAll("SELECT key, value FROM setting") { values[try r.get(0)] = try r.get(1) }
  return values
}
