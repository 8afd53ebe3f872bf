import CampaignModel
import CampaignStore
import Foundation
import TestSupport
import Testing

@Suite("The store")
struct StoreTests {
  @Test("a report on a database that does not exist is an error, not an empty store")
  func missingDatabase() throws {
    let dir = try TemporaryDirectory()
    defer { dir.remove() }
    #expect {
      try CampaignStore(path: dir.path("none.sqlite"), mode: .existing)
    } throws: { error in
      if case StoreError.missingDatabase = error { return true }
      return false
    }
    #expect(!FileManager.default.fileExists(atPath: dir.path("none.sqlite")))
  }

  @Test("init creates the folders, seeds the default catalogue, and is idempotent")
  func initialise() throws {
    let dir = try TemporaryDirectory()
    defer { dir.remove() }
    let path = dir.path("a/b/campaign.sqlite")
    let store = try CampaignStore(path: path, mode: .createIfMissing)
    let kinds = try store.catalogue().kinds
    #expect(kinds.count == 14)
    #expect(kinds.first?.code == "central_group_study")
    #expect(kinds.last?.code == "media_report")
    let before = try dumpTables(atPath: path)
    _ = try CampaignStore(path: path, mode: .createIfMissing)
    _ = try CampaignStore(path: path, mode: .existing)
    #expect(try dumpTables(atPath: path) == before)
  }

  @Test("settings are validated and kept in the store")
  func settings() throws {
    let t = try TestStore()
    #expect(try t.store.setSetting("campaign_start", to: "2021年2月20日") == "2021-02-20")
    #expect(throws: StoreError.self) { try t.store.setSetting("campaign_start", to: "2021-02-30") }
    #expect(throws: StoreError.self) { try t.store.setSetting("colour", to: "red") }
    #expect(throws: StoreError.self) { try t.store.setSetting("branch_study_kind", to: "no_such_kind") }
    let values = try t.store.settingValues()
    #expect(values.first { $0.key == .campaignStart }?.value == "2021-02-20")
    #expect(values.first { $0.key == .campaign }?.value == "党史学习教育")
    #expect(values.first { $0.key == .rateDivisor }?.isDefault == true)
  }

  @Test("the demo loads, and loading it again changes nothing")
  func demo() throws {
    let t = try TestStore()
    let first = try t.store.loadDemo()
    #expect(first.allSatisfy { $0.added == $0.rows && $0.rows > 0 })
    let before = try t.dump(batches: false)
    let again = try t.store.loadDemo()
    #expect(again.allSatisfy { $0.added == 0 && $0.updated == 0 })
    #expect(try t.dump(batches: false) == before)
    #expect(try t.store.settingValues().first { $0.key == .institution }?.value == "北辰职业技术学院")
  }
}
