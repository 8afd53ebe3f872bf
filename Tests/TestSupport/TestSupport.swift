import CampaignStore
import Foundation

/// The committed test fixtures (`Tests/Fixtures/`), found from this source file's path.
public enum Fixtures {
  /// The `Tests/Fixtures` directory.
  public static let directory: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures")

  /// The path of a fixture, e.g. `tiny/activities.csv`.
  public static func path(_ relative: String) -> String {
    directory.appendingPathComponent(relative).path
  }

  /// The repository's root directory.
  public static let packageRoot: URL = directory.deletingLastPathComponent().deletingLastPathComponent()
}

/// A fresh temporary directory, removed by `remove()`.
public struct TemporaryDirectory: Sendable {
  public let url: URL

  public init() throws {
    url = FileManager.default.temporaryDirectory.appendingPathComponent("campaign-report-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  }

  /// A path inside the directory.
  public func path(_ name: String) -> String { url.appendingPathComponent(name).path }

  /// Writes text (UTF-8) to a file inside the directory and returns its path.
  @discardableResult
  public func write(_ name: String, _ text: String) throws -> String {
    let p = path(name)
    try Data(text.utf8).write(to: URL(fileURLWithPath: p))
    return p
  }

  public func remove() { try? FileManager.default.removeItem(at: url) }
}

/// The store backend the tests run on: SQLite, or PostgreSQL when `REPORT_TEST_POSTGRES` holds
/// the URL of a server where that user may create databases (`scripts/test` starts one). The
/// store, statistics and writer tests run once per backend.
public enum TestBackend: Sendable, Equatable {
  case sqlite
  case postgresql(admin: String)

  public static let current: TestBackend = {
    if let url = ProcessInfo.processInfo.environment["REPORT_TEST_POSTGRES"], !url.isEmpty { return .postgresql(admin: url) }
    return .sqlite
  }()

  /// Whether the tests run on SQLite (for tests of SQLite's files themselves).
  public static var isSQLite: Bool { current == .sqlite }

  /// The test server's admin URL, or nil when the tests run on SQLite only.
  public static var serverAdmin: String? {
    if case .postgresql(let admin) = current { return admin }
    return nil
  }
}

/// A fresh database on the test server (`REPORT_TEST_POSTGRES`), dropped at the end.
public final class ServerDatabase: @unchecked Sendable {
  /// The URL of the database, with the test user's password.
  public let url: String
  private let admin: String
  private let name: String

  public init(admin: String) throws {
    self.admin = admin
    name = "report_test_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
    _ = try ServerDatabase.psql(admin, "CREATE DATABASE \(name)")
    url = ServerDatabase.url(admin, database: name)
  }

  /// Runs SQL with psql (PostgreSQL's client, installed with the server); returns its
  /// unaligned output, one row a line, columns separated by `|`.
  public static func psql(_ url: String, _ sql: String) throws -> String {
    let r = try runCommand("/usr/bin/psql", [url, "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-c", sql])
    guard r.status == 0 else { throw PsqlError(message: r.stderr) }
    return r.stdout
  }

  /// The rows of a query, as psql prints them.
  public func rows(_ sql: String) throws -> [String] {
    try ServerDatabase.psql(url, sql).split(separator: "\n").map(String.init)
  }

  /// The admin URL with another database name.
  public static func url(_ admin: String, database: String) -> String {
    let slash = admin.range(of: "/", options: .backwards, range: admin.range(of: "://")!.upperBound..<admin.endIndex)!
    return String(admin[..<slash.upperBound]) + database
  }

  deinit {
    _ = try? ServerDatabase.psql(admin, "DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
  }
}

/// psql failed.
public struct PsqlError: Error { public let message: String }

/// A store in its own temporary directory (and, on PostgreSQL, its own database), for one test.
public final class TestStore: @unchecked Sendable {
  public let directory: TemporaryDirectory
  public let store: CampaignStore
  /// The database made for this test on PostgreSQL.
  public let serverDatabase: ServerDatabase?

  public init() throws {
    directory = try TemporaryDirectory()
    switch TestBackend.current {
    case .sqlite:
      serverDatabase = nil
      store = try CampaignStore(path: directory.path("campaign.sqlite"), mode: .createIfMissing)
    case .postgresql(let admin):
      let database = try ServerDatabase(admin: admin)
      serverDatabase = database
      store = try CampaignStore(path: database.url, mode: .createIfMissing)
    }
  }

  /// A store with the tiny fixture institution loaded (organizations, matters, activities, feedback).
  public static func tiny() throws -> TestStore {
    let s = try TestStore()
    for f in ["organizations", "matters", "activities", "feedback"] {
      _ = try s.store.importOne(Fixtures.path("tiny/\(f).csv"))
    }
    return s
  }

  /// The tiny institution with its requirements and plans (tiny/requirements.csv, tiny/plans.csv).
  public static func tinyWithTargets() throws -> TestStore {
    let s = try tiny()
    for f in ["requirements", "plans"] { _ = try s.store.importOne(Fixtures.path("tiny/\(f).csv")) }
    return s
  }

  deinit { directory.remove() }
}

extension CampaignStore {
  /// Imports a file that holds one record set (a CSV file, or a workbook with one data sheet).
  @discardableResult
  public func importOne(_ path: String, type: RecordType? = nil) throws -> ImportSummary {
    let summaries = try importFile(path, type: type)
    guard summaries.count == 1 else { throw ImportCountError(count: summaries.count) }
    return summaries[0]
  }
}

/// A file expected to hold one record set held another number.
public struct ImportCountError: Error { public let count: Int }
