import CampaignModel
import GRDB

extension CampaignStore {
  /// The kind catalogue in display order.
  public func catalogue() throws(StoreError) -> Catalogue {
    try readDB { db in try loadCatalogue(db) }
  }

  /// The campaign settings.
  public func settings() throws(StoreError) -> CampaignSettings {
    CampaignSettings(values: Dictionary(uniqueKeysWithValues: try settingValues().filter { !$0.isDefault }.map { ($0.key.rawValue, $0.value) }))
  }

  /// The ids of the matters ledger, in id order.
  public func matterIDs() throws(StoreError) -> [String] {
    try readDB { db in try String.fetchAll(db, sql: "SELECT id FROM matter ORDER BY id") }
  }

  /// Every organization in file order, for listings.
  public func organizations() throws(StoreError) -> [Organization] {
    try readDB { db in
      try Row.fetchAll(db, sql: "SELECT id, name, kind, parent, counted FROM organization ORDER BY position, id").map { r in
        Organization(id: r[0], name: r[1], kind: OrganizationKind(rawValue: r[2]) ?? .branch, parent: r[3], counted: r[4])
      }
    }
  }
}
