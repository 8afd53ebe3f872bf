/// A `--db` value naming a PostgreSQL database: `postgresql://user@host:port/dbname`, with the
/// password in the URL, in `PGPASSWORD` or in `~/.pgpass` (libpq reads all three).
struct PostgresURL: Sendable {
  /// The URL as given, for libpq.
  let url: String

  init?(_ text: String) {
    guard PostgresURL.hasScheme(text) else { return nil }
    url = text
  }

  /// The parts of the URL before the query: user info (up to the last `@`) and the rest.
  private var parts: (scheme: String, userInfo: String?, hostAndPath: String, query: String) {
    guard let schemeEnd = url.range(of: "://") else { return ("", nil, url, "") }
    let rest = url[schemeEnd.upperBound...]
    let queryStart = rest.firstIndex(of: "?") ?? rest.endIndex
    let head = rest[..<queryStart]
    let scheme = String(url[..<schemeEnd.upperBound]), query = String(rest[queryStart...])
    guard let at = head.lastIndex(of: "@") else { return (scheme, nil, String(head), query) }
    return (scheme, String(head[..<at]), String(head[head.index(after: at)...]), query)
  }

  /// The password written in the URL (percent-escapes decoded), or nil.
  var password: String? {
    guard let info = parts.userInfo, let colon = info.firstIndex(of: ":") else { return nil }
    let raw = String(info[info.index(after: colon)...])
    return raw.removingPercentEncoding ?? raw
  }

  /// The URL as libpq should read it. libpq ends the user info at the first `@`, so a password
  /// holding an unencoded `@` or `/` would be read partly as the host name (and printed in its
  /// messages); here the last `@` ends it, as people mean, and those characters of the password
  /// are percent-encoded.
  var forLibpq: String {
    let p = parts
    guard let info = p.userInfo else { return url }
    var user = info, encoded = ""
    if let colon = info.firstIndex(of: ":") {
      user = String(info[..<colon])
      var password = ""
      for ch in info[info.index(after: colon)...] {
        switch ch {
        case "@": password += "%40"
        case "/": password += "%2F"
        case "?": password += "%3F"
        case "#": password += "%23"
        default: password.append(ch)
        }
      }
      encoded = ":" + password
    }
    return p.scheme + user + encoded + "@" + p.hostAndPath + p.query
  }

  /// A message of libpq with the password, and every piece of it between `@`s (3 characters or
  /// longer), replaced by `***`: no part of a password is ever printed or logged.
  func redacting(_ message: String) -> String {
    guard let password, !password.isEmpty else { return message }
    var out = message.replacingOccurrences(of: password, with: "***")
    for piece in password.split(whereSeparator: { $0 == "@" || $0 == "/" || $0 == ":" }) where piece.count >= 3 {
      out = out.replacingOccurrences(of: String(piece), with: "***")
    }
    return out
  }

  static func hasScheme(_ text: String) -> Bool {
    text.hasPrefix("postgresql://") || text.hasPrefix("postgres://")
  }

  /// The URL without any password, for messages and logs. Everything before the last `@` (before
  /// any query) counts as the user part, so a password with an unencoded `/` or `@` stays hidden.
  var redacted: String {
    guard let schemeEnd = url.range(of: "://") else { return url }
    let rest = url[schemeEnd.upperBound...]
    let queryStart = rest.firstIndex(of: "?") ?? rest.endIndex
    var head = String(rest[..<queryStart])
    if let at = head.lastIndex(of: "@") {
      let user = head[..<at].split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)[0]
      head = String(user) + head[at...]
    }
    var tail = ""
    if queryStart < rest.endIndex {
      // A password may also come as a query parameter.
      tail =
        "?"
        + rest[rest.index(after: queryStart)...].split(separator: "&", omittingEmptySubsequences: false).map { item in
          item.lowercased().hasPrefix("password=") ? "password=***" : String(item)
        }.joined(separator: "&")
    }
    return String(url[..<schemeEnd.upperBound]) + head + tail
  }
}
