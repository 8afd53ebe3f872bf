import Foundation

/// Pages rendered in the last moments, so a board that fifty people reload at once is computed
/// once. Every write made through the server empties it; a write made elsewhere (the command
/// line, another server) shows after at most `lifetime`. A page whose rendering began before the
/// last emptying is not kept.
final class PageCache: @unchecked Sendable {
  private let lock = NSLock()
  private var entries: [String: (html: String, at: ContinuousClock.Instant)] = [:]
  private var currentGeneration = 0
  let lifetime: Duration

  init(lifetime: Duration) { self.lifetime = lifetime }

  /// Bumped by every `invalidate`.
  var generation: Int { lock.withLock { currentGeneration } }

  func get(_ key: String) -> String? {
    lock.withLock {
      guard let entry = entries[key], ContinuousClock.now - entry.at < lifetime else { return nil }
      return entry.html
    }
  }

  func put(_ key: String, _ html: String, generation: Int) {
    lock.withLock {
      guard generation == currentGeneration else { return }
      if entries.count > 100 { entries.removeAll() }
      entries[key] = (html, ContinuousClock.now)
    }
  }

  func invalidate() {
    lock.withLock {
      currentGeneration += 1
      entries.removeAll()
    }
  }
}
