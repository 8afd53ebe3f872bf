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

  /// The URL without any password, for messages and logs.
  var redacted: String {
    guard let schemeEnd = url.range(of: "://") else { return url }
    var rest = Substring(url[schemeEnd.upperBound...])
    let authorityEnd = rest.firstIndex { $0 == "/" || $0 == "?" } ?? rest.endIndex
    var authority = rest[..<authorityEnd]
    var tail = rest[authorityEnd...]
    if let at = authority.lastIndex(of: "@") {
      let userinfo = authority[..<at]
      let user = userinfo.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)[0]
      authority = user + authority[at...]
    }
    // A password may also come as a query parameter.
    if let q = tail.firstIndex(of: "?") {
      let query = tail[tail.index(after: q)...].split(separator: "&", omittingEmptySubsequences: false).map { item in
        item.lowercased().hasPrefix("password=") ? Substring("password=***") : item
      }
      tail = tail[..<q] + "?" + query.joined(separator: "&")
    }
    rest = authority + tail
    return String(url[..<schemeEnd.upperBound]) + rest
  }
}
