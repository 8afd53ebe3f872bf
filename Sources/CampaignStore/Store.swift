import CampaignModel
import Foundation

/// The campaign's record store: settings, the kind catalogue, the organization tree and the
/// records, in one SQLite file (the default) or in a PostgreSQL database.
public final class CampaignStore: Sendable {
  /// How to open a store.
  public enum OpenMode: Sendable {
    /// The database must exist (reports): a missing file is `StoreError.missingDatabase`.
    case existing
    /// Create the database when missing (init, import, demo).
    case createIfMissing
  }

  /// The database file's path, or the PostgreSQL URL without its password.
  public let path: String
  let backend: any StoreBackend

  /// The default database path: `$XDG_DATA_HOME/campaign-report/campaign.sqlite`, or
  /// `~/.local/share/campaign-report/campaign.sqlite`.
  public static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
    let base: String
    if let xdg = environment["XDG_DATA_HOME"], !xdg.isEmpty {
      base = xdg
    } else {
      let home = environment["HOME"] ?? NSHomeDirectory()
      base = (home as NSString).appendingPathComponent(".local/share")
    }
    return (base as NSString).appendingPathComponent("campaign-report/campaign.sqlite")
  }

  /// Opens (and when allowed creates) the store, migrating an older schema and seeding the
  /// default kind catalogue into an empty one. `path` is a SQLite file, or a PostgreSQL URL
  /// (`postgresql://user@host:port/dbname`) of an existing database.
  ///
  /// - Parameter wait: on PostgreSQL, the seconds to wait for another transaction's lock before
  ///   giving up with `StoreError.busy` (SQLite waits 10 seconds for its writer).
  public init(path: String, mode: OpenMode, wait: Double = 10) throws(StoreError) {
    if let url = PostgresURL(path) {
      self.path = url.redacted
      backend = try PostgresBackend(url: url, lockTimeout: wait, mode: mode)
    } else {
      self.path = path
      backend = try SQLiteBackend(path: path, mode: mode)
    }
    // A new store's campaign (made by the migration) gets the built-in catalogue.
    let bare = try readDB { db in
      try db.fetchColumn(
        "SELECT code FROM campaign WHERE NOT EXISTS (SELECT 1 FROM campaign_kind k WHERE k.campaign = campaign.code)", as: String.self)
    }
    for code in bare {
      _ = try importText(BundledFiles.defaultKinds, named: "kinds.csv (built-in)", type: .kinds, recorded: false, campaign: .code(code))
    }
  }

  /// Whether a `--db` value names a PostgreSQL database rather than a SQLite file.
  public static func isServerURL(_ path: String) -> Bool { PostgresURL.hasScheme(path) }

  /// A `--db` value fit for messages and logs: a URL loses its password.
  public static func redacted(_ path: String) -> String { PostgresURL(path)?.redacted ?? path }

  /// Runs `body` inside one read transaction: every query it makes sees one consistent snapshot,
  /// even while an import writes.
  ///
  /// - Parameters:
  ///   - root: an organization id: the figures cover it and everything under it, and its direct
  ///     children are the units. Nil (or the top committee) covers the whole tree.
  ///   - campaign: the campaign whose settings and catalogue the figures use.
  public func snapshot<T>(
    root: String? = nil, campaign: CampaignChoice = .current(Day.today()), _ body: (any StatisticsSource) throws -> T
  ) throws -> T {
    do {
      return try backend.read { db in
        var scope = SQLStatisticsSource.Scope.whole
        if let root {
          guard let parent = try db.fetchAll("SELECT parent FROM organization WHERE id = ?", [root]).first else {
            throw StoreError.unknownOrganization(id: root)
          }
          if parent.values[0] != .null { scope = .subtree(root) }
        }
        return try body(SQLStatisticsSource(db: db, scope: scope, campaign: campaign))
      }
    } catch let e as StoreError {
      throw e
    } catch let e as SQLValueError {
      throw backend.storeError(e)
    } catch let e where backend.isDatabaseError(e) {
      throw backend.storeError(e)
    }
  }

  // MARK: Settings

  /// Every setting of a campaign with its stored value, or its default when unset.
  public func settingValues(campaign choice: CampaignChoice = .current(Day.today())) throws(StoreError) -> [(
    key: SettingKey, value: String, isDefault: Bool
  )] {
    let stored = try readDB { db in try loadSettings(db, campaign: try resolveCampaign(db, choice)) }
    return SettingKey.allCases.map { k in
      if let v = stored[k.rawValue] { (k, v, false) } else { (k, k.defaultValue, true) }
    }
  }

  /// Sets a setting after checking its value; returns the value as stored. `institution` and
  /// `office` are the store's; the others are the campaign's, `campaign`, `campaign_start`
  /// and `campaign_end` being its name and span.
  @discardableResult
  public func setSetting(_ key: String, to value: String, campaign choice: CampaignChoice = .current(Day.today())) throws(StoreError)
    -> String
  {
    guard let k = SettingKey(rawValue: key) else { throw .setting(.unknownSetting(key: key)) }
    var v: String
    do { v = try k.validate(value) } catch { throw .setting(error) }
    let checked = v
    return try writeDB { db in
      let campaign = try resolveCampaign(db, choice)
      var v = checked
      switch k {
      case .institution, .office:
        try db.execute(
          "INSERT INTO setting(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value", [k.rawValue, v])
      case .campaign:
        if v.isEmpty { v = SettingKey.campaign.defaultValue }
        try db.execute("UPDATE campaign SET name = ? WHERE code = ?", [v, campaign.code])
      case .campaignStart, .campaignEnd:
        let start = k == .campaignStart ? Day(parsing: v) : campaign.start
        let end = k == .campaignEnd ? Day(parsing: v) : campaign.end
        if let start, let end, end < start { throw StoreError.campaign(.endBeforeStart(start: start, end: end)) }
        try db.execute(
          "UPDATE campaign SET \(k == .campaignStart ? "start_day" : "end_day") = ? WHERE code = ?",
          [v.isEmpty ? nil : v, campaign.code])
      default:
        if k == .branchStudyKind || k == .supervisionKind || k == .mediaKind {
          // Stored as the catalogue spells it: the figures look codes up exactly.
          // Codes are ASCII and compared without case, as the catalogue matches them.
          guard let code = try loadCatalogue(db, campaign: campaign.code).kind(code: v)?.code else {
            throw StoreError.setting(
              .invalidSetting(key: key, value: value, expected: "a kind code of the catalogue (see `report kinds`)"))
          }
          v = code
        }
        if SettingKey.sheetKeys.contains(k) {
          // Two sheets of one workbook cannot share a name (Excel compares without case).
          let names = try campaignSettings(db, campaign: campaign).sheetNames
          let name = v.isEmpty ? k.defaultValue : v
          if names.contains(where: { $0.key != k && $0.value.lowercased() == name.lowercased() }) {
            throw StoreError.setting(.invalidSetting(key: key, value: value, expected: "a name no other sheet of the workbook has"))
          }
        }
        try db.execute(
          """
          INSERT INTO campaign_setting(campaign, key, value) VALUES (?, ?, ?)
          ON CONFLICT(campaign, key) DO UPDATE SET value = excluded.value
          """, [campaign.code, k.rawValue, v])
      }
      return v
    }
  }

  // MARK: Helpers

  func readDB<T>(_ body: (any SQLDatabase) throws -> T) throws(StoreError) -> T {
    do { return try backend.read(body) } catch { throw backend.storeError(error) }
  }

  func writeDB<T>(_ body: (any SQLDatabase) throws -> T) throws(StoreError) -> T {
    do { return try backend.write(body) } catch { throw backend.storeError(error) }
  }
}
