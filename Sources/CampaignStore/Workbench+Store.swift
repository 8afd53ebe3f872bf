import Foundation

/// An office account as listed: its name and when it was added.
public struct OfficeUser: Sendable, Equatable {
  public var name: String
  public var created: String
}

/// The stored hash of a token that opens the workbench without a password.
public struct StoredToken: Sendable, Equatable {
  /// `link` (a unit's link) or `api` (a script's token).
  public var kind: String
  /// The unit's id, or the API token's name.
  public var subject: String
  /// Lower-case hex SHA-256 of the token.
  public var hash: String
  /// How many times the unit's link was replaced.
  public var generation: Int
  public var created: String
}

/// SHA-256 of bytes, for callers outside the store (the workbench hashes its tokens with it).
public enum Digest {
  public static func sha256(_ bytes: some Collection<UInt8>) -> [UInt8] {
    var h = SHA256()
    h.update(bytes)
    return h.finish()
  }
}

/// The web workbench's accounts and tokens. Passwords and tokens arrive hashed: the store
/// never sees a password or a token itself.
extension CampaignStore {
  /// Adds an office account, or sets the password of an existing one; returns whether it was new.
  @discardableResult
  public func setOfficeUser(name: String, passwordHash: String) throws(StoreError) -> Bool {
    try writeDB { db in
      let exists = try db.fetchOne("SELECT COUNT(*) FROM office_user WHERE name = ?", [name], as: Int.self) ?? 0 > 0
      try db.execute(
        """
        INSERT INTO office_user(name, password_hash, created) VALUES (?, ?, ?)
        ON CONFLICT(name) DO UPDATE SET password_hash = excluded.password_hash
        """, [name, passwordHash, Clock.timestamp()])
      return !exists
    }
  }

  /// The office accounts, by name.
  public func officeUsers() throws(StoreError) -> [OfficeUser] {
    try readDB { db in
      try db.fetchAll("SELECT name, created FROM office_user ORDER BY name").map { row in
        OfficeUser(name: try row.get(0), created: try row.get(1))
      }
    }
  }

  /// The bcrypt hash of an account's password; nil when there is no such account.
  public func officePasswordHash(name: String) throws(StoreError) -> String? {
    try readDB { db in try db.fetchOne("SELECT password_hash FROM office_user WHERE name = ?", [name], as: String.self) }
  }

  /// Removes an office account; returns whether it existed.
  @discardableResult
  public func removeOfficeUser(name: String) throws(StoreError) -> Bool {
    try writeDB { db in try db.execute("DELETE FROM office_user WHERE name = ?", [name]) > 0 }
  }

  /// The stored token hashes of a kind (`link` or `api`), by subject.
  public func tokens(kind: String) throws(StoreError) -> [StoredToken] {
    try readDB { db in
      try db.fetchAll(
        "SELECT kind, subject, token_hash, generation, created FROM access_token WHERE kind = ? ORDER BY subject", [kind]
      ).map { row in
        StoredToken(
          kind: try row.get(0), subject: try row.get(1), hash: try row.get(2), generation: try row.get(3), created: try row.get(4))
      }
    }
  }

  /// Stores (or replaces) a token's hash.
  public func setToken(kind: String, subject: String, hash: String, generation: Int) throws(StoreError) {
    try writeDB { db in
      try db.execute(
        """
        INSERT INTO access_token(kind, subject, token_hash, generation, created) VALUES (?, ?, ?, ?, ?)
        ON CONFLICT(kind, subject) DO UPDATE SET token_hash = excluded.token_hash, generation = excluded.generation,
          created = excluded.created
        """, [kind, subject, hash, generation, Clock.timestamp()])
    }
  }

  /// Removes a token; returns whether it existed.
  @discardableResult
  public func removeToken(kind: String, subject: String) throws(StoreError) -> Bool {
    try writeDB { db in try db.execute("DELETE FROM access_token WHERE kind = ? AND subject = ?", [kind, subject]) > 0 }
  }

  /// The workbench's key (hex), made from `fresh` the first time it is asked for.
  public func workbenchKey(creating fresh: @autoclosure () -> String) throws(StoreError) -> String {
    if let key = try readDB({ db in try db.fetchOne("SELECT key FROM workbench_key WHERE id = 1", as: String.self) }) {
      return key
    }
    let candidate = fresh()
    return try writeDB { db in
      try db.execute("INSERT INTO workbench_key(id, key) VALUES (1, ?) ON CONFLICT(id) DO NOTHING", [candidate])
      return try db.fetchOne("SELECT key FROM workbench_key WHERE id = 1", as: String.self) ?? candidate
    }
  }
}
