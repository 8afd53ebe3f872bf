/// A `--db` value naming a PostgreSQL database: `postgresql://user@host:port/dbname`, with the
/// password in the URL, in `PGPASSWORD` or in `~/.pgpass` (libpq reads all three).
struct PostgresURL: Sendable {
  /// The URL as given, for libpq.
  let url: String

  init?(_ text: String) {
    guard PostgresURL.hasScheme(text) else { return nil }
    url = text
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
      tail = "?" + rest[rest.index(after: queryStart)...].split(separator: "&", omittingEmptySubsequences: false).map { item in
        item.lowercased().hasPrefix("password=") ? "password=***" : String(item)
      }.joined(separator: "&")
    }
    return String(url[..<schemeEnd.upperBound]) + head + tail
  }
}
