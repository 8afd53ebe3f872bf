import Foundation

/// A rendered page cut at its stand-ins for the session's values (the CSRF token and the user
/// name), so filling them in is one pass over the text.
struct CachedPage: Sendable {
  enum Mark: Sendable { case csrf, user }
  private var pieces: [String] = []
  private var marks: [Mark] = []
  private let size: Int

  init(_ html: String, marks csrfMark: String, _ userMark: String) {
    size = html.utf8.count
    var rest = Substring(html)
    while true {
      let c = rest.range(of: csrfMark)
      let u = rest.range(of: userMark)
      guard
        let next = [c.map { ($0, Mark.csrf) }, u.map { ($0, Mark.user) }].compactMap({ $0 }).min(by: { $0.0.lowerBound < $1.0.lowerBound })
      else { break }
      pieces.append(String(rest[..<next.0.lowerBound]))
      marks.append(next.1)
      rest = rest[next.0.upperBound...]
    }
    pieces.append(String(rest))
  }

  func filled(csrf: String, user: String) -> String {
    var out = ""
    out.reserveCapacity(size + marks.count * 64)
    for (i, piece) in pieces.enumerated() {
      out += piece
      if i < marks.count { out += marks[i] == .csrf ? csrf : user }
    }
    return out
  }
}

/// Pages rendered in the last moments, so a board that fifty people reload at once is computed
/// once. Every write made through the server empties it; a write made elsewhere (the command
/// line, another server) shows after at most `lifetime`. A page whose rendering began before the
/// last emptying is not kept.
final class PageCache: @unchecked Sendable {
  private let lock = NSLock()
  private var entries: [String: (page: CachedPage, at: ContinuousClock.Instant)] = [:]
  private var currentGeneration = 0
  let lifetime: Duration
  /// The renderings under way, shared by everyone asking for the same page meanwhile.
  let flight = SingleFlight()

  init(lifetime: Duration) { self.lifetime = lifetime }

  /// Bumped by every `invalidate`.
  var generation: Int { lock.withLock { currentGeneration } }

  func get(_ key: String) -> CachedPage? {
    lock.withLock {
      guard let entry = entries[key], ContinuousClock.now - entry.at < lifetime else { return nil }
      return entry.page
    }
  }

  func put(_ key: String, _ page: CachedPage, generation: Int) {
    lock.withLock {
      guard generation == currentGeneration else { return }
      if entries.count > 100 { entries.removeAll() }
      entries[key] = (page, ContinuousClock.now)
    }
  }

  func invalidate() {
    lock.withLock {
      currentGeneration += 1
      entries.removeAll()
    }
  }
}

/// Runs one computation per key at a time; callers arriving meanwhile wait for its result.
actor SingleFlight {
  private var running: [String: Task<CachedPage, Error>] = [:]

  func run(_ key: String, _ body: @escaping @Sendable () async throws -> CachedPage) async throws -> CachedPage {
    if let task = running[key] { return try await task.value }
    let task = Task { try await body() }
    running[key] = task
    defer { running[key] = nil }
    return try await task.value
  }
}
