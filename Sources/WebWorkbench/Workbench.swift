import CampaignModel
import CampaignStore
import Foundation
import Hummingbird
import HummingbirdAuth
import Logging
import Workflow

/// How `report serve` runs.
public struct WorkbenchConfiguration: Sendable {
  /// The store: a SQLite file or a PostgreSQL URL.
  public var database: String
  public var host: String
  public var port: Int
  /// The pages' language when neither the address (`?lang=`) nor the browser asks for another.
  public var lang: Language
  /// Seconds a request waits for another run holding the store's lock.
  public var wait: Double
  /// The folder of the office's own templates (`web/*.mustache` and the briefing's).
  public var templates: String?
  /// The address the units' links start with (default `http://host:port`).
  public var baseURL: String?
  /// Today, for the reports' date and a submission's day of receipt.
  public var today: @Sendable () -> Day
  /// The pause after the first failed login of a name; it doubles with each further failure.
  public var loginDelay: Duration

  public init(
    database: String, host: String = "127.0.0.1", port: Int = 8080, lang: Language = .zh, wait: Double = 30, templates: String? = nil,
    baseURL: String? = nil, today: @escaping @Sendable () -> Day = { Day.today() }, loginDelay: Duration = .milliseconds(500)
  ) {
    self.database = database
    self.host = host
    self.port = port
    self.lang = lang
    self.wait = wait
    self.templates = templates
    self.baseURL = baseURL
    self.today = today
    self.loginDelay = loginDelay
  }

  /// The start of every unit link.
  public var linkBase: String { baseURL ?? "http://\(host.contains(":") ? "[\(host)]" : host):\(port)" }
}

/// The web workbench (`report serve`): a second face on the library, calling Workflow for every
/// read and write of the store.
public enum Workbench {
  /// The largest upload accepted: 20 MB.
  public static let uploadLimit = 20 * 1024 * 1024

  /// The application: the router with its middleware, and the session store's service.
  public static func application(
    _ configuration: WorkbenchConfiguration, store: CampaignStore, logger: Logger,
    onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
  ) throws -> some ApplicationProtocol {
    let persist = MemoryPersistDriver<ContinuousClock>(configuration: .init())
    let router = try router(configuration, store: store, persist: persist, logger: logger)
    return Application(
      router: router,
      configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "report"),
      services: [persist],
      onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? configuration.port) },
      logger: logger)
  }

  /// The router: every page, download, form and API route.
  public static func router(
    _ configuration: WorkbenchConfiguration, store: CampaignStore, persist: some PersistDriver, logger: Logger
  ) throws -> Router<WebContext> {
    let server = try Server(configuration: configuration, store: store)
    let router = Router(context: WebContext.self)
    router.add(middleware: RequestLogMiddleware(logger: logger))
    router.add(middleware: SecurityHeadersMiddleware())
    router.add(
      middleware: SessionMiddleware(
        storage: persist,
        configuration: .init(
          sessionCookieParameters: .init(name: "workbench_session", path: "/", secure: false, sameSite: .strict),
          defaultSessionExpiration: .seconds(8 * 3600))))
    server.addRoutes(to: router)
    return router
  }

  /// Serves until the process is stopped (SIGINT or SIGTERM).
  public static func run(_ configuration: WorkbenchConfiguration, store: CampaignStore, logger: Logger) async throws {
    let app = try application(configuration, store: store, logger: logger) { port in
      logger.info("report serve: listening on http://\(configuration.host):\(port)")
    }
    try await app.runService()
  }
}

/// Runs blocking store work (SQLite, bcrypt, the run lock) off Swift's cooperative threads.
func blocking<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
  try await withCheckedThrowingContinuation { continuation in
    DispatchQueue.global(qos: .userInitiated).async { continuation.resume(with: Result { try body() }) }
  }
}

/// Failed logins per name: each further failure doubles the pause before the answer, up to
/// 30 seconds, until the name logs in.
actor LoginThrottle {
  private var failures: [String: Int] = [:]
  let base: Duration

  init(base: Duration) { self.base = base }

  func pause(for name: String) -> Duration {
    let n = failures[name.lowercased()] ?? 0
    guard n > 0 else { return .zero }
    let factor = 1 << min(n - 1, 6)
    return min(base * factor, .seconds(30))
  }

  func failed(_ name: String) {
    failures[name.lowercased(), default: 0] += 1
    if failures.count > 10_000 { failures.removeAll() }
  }

  func succeeded(_ name: String) { failures[name.lowercased()] = nil }
}
