import Foundation
import Hummingbird
import Logging

/// One log line per request, through swift-log: method, path (a unit link's token masked),
/// status and milliseconds. Errors the routes did not turn into a page are logged and answered
/// with a plain page of their status, never with their text.
struct RequestLogMiddleware<Context: RequestContext>: RouterMiddleware {
  let logger: Logger

  func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
    let start = ContinuousClock.now
    let path = Self.masked(request.uri.path)
    do {
      let response = try await next(request, context)
      log(request, path: path, status: response.status.code, start: start)
      return response
    } catch let error as HTTPResponseError {
      log(request, path: path, status: error.status.code, start: start)
      throw error
    } catch {
      log(request, path: path, status: 500, start: start, error: "\(type(of: error))")
      throw error
    }
  }

  private func log(_ request: Request, path: String, status: Int, start: ContinuousClock.Instant, error: String? = nil) {
    let ms = (ContinuousClock.now - start).components
    let elapsed = Double(ms.seconds) * 1000 + Double(ms.attoseconds) / 1e15
    var line = "\(request.method.rawValue) \(path) \(status) \(String(format: "%.1f", elapsed))ms"
    if let error { line += " error=\(error)" }
    logger.info("\(line)")
  }

  /// `/u/<token>/...` logged as `/u/…/...`: a link's token is a password.
  static func masked(_ path: String) -> String {
    guard path.hasPrefix("/u/") else { return path }
    let rest = path.dropFirst(3)
    guard let slash = rest.firstIndex(of: "/") else { return "/u/…" }
    return "/u/…" + rest[slash...]
  }
}

/// A request body that ended early (the client disconnected) or did not parse as HTTP.
struct IncompleteBody: Error {}

/// The security headers every response carries; an error no route turned into a page (an
/// unknown path, a malformed request) becomes a short page of its status, never its text.
struct SecurityHeadersMiddleware<Context: RequestContext>: RouterMiddleware {
  func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
    var response: Response
    do {
      response = try await next(request, context)
    } catch let error as HTTPResponseError {
      context.logger.debug("\(error)")
      response = Self.plain(error.status)
    } catch is IncompleteBody {
      response = Self.plain(.badRequest)
    } catch {
      context.logger.error("unhandled: \(type(of: error))")
      response = Self.plain(.internalServerError)
    }
    Self.apply(&response.headers)
    return response
  }

  static func plain(_ status: HTTPResponse.Status) -> Response {
    let text = "<!DOCTYPE html><meta charset=\"utf-8\"><title>\(status.code)</title><p>\(status.code) \(status.reasonPhrase)</p>\n"
    return Response(
      status: status, headers: [.contentType: "text/html; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: text)))
  }

  static func apply(_ headers: inout HTTPFields) {
    // Pages carry no script; styles come from /static/workbench.css only.
    headers[.contentSecurityPolicy] = "default-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
    headers[.xContentTypeOptions] = "nosniff"
    headers[HTTPFields.Element.Name("Referrer-Policy")!] = "no-referrer"
    headers[HTTPFields.Element.Name("X-Frame-Options")!] = "DENY"
    if headers[.cacheControl] == nil { headers[.cacheControl] = "no-store" }
  }
}
