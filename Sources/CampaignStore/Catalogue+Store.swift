import CampaignModel
import GRDB

extension CampaignStore {
  /// The kind catalogue in display order.
  public func catalogue() throws(StoreError) -> Catalogue {
    try readDB { db in try loadCatalogue(db) }
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
