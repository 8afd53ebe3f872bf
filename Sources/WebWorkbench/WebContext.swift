import Hummingbird
import HummingbirdAuth

/// What an office session remembers: who logged in, and the CSRF token of its forms.
public struct OfficeSession: Codable, Sendable {
  public var user: String
  public var csrf: String
}

/// The request context of the workbench: Hummingbird's core, and the office session when there
/// is one (hummingbird-auth's session middleware fills it from the HttpOnly, SameSite=Strict
/// cookie).
public struct WebContext: RequestContext, SessionRequestContext {
  public var coreContext: CoreRequestContextStorage
  public let sessions: SessionContext<OfficeSession>

  public init(source: Source) {
    coreContext = .init(source: source)
    sessions = .init()
  }

  /// Bodies are read by the routes themselves, each with its own cap (`Workbench.uploadLimit`).
  public var maxUploadSize: Int { Workbench.uploadLimit + 64 * 1024 }
}
