import CampaignModel
import CampaignStore
import Foundation
import HummingbirdBcrypt

/// Who may use the workbench, and how it is checked: office accounts (bcrypt), the units'
/// links and the scripts' API tokens (both stored only as SHA-256 hashes, compared in constant
/// time). The command line (`report user`, `report links`, `report token`) and the server both
/// call these.
public enum Access {
  /// A unit's link as printed and shown on the office page.
  public struct Link: Sendable, Equatable {
    public var id: String
    public var name: String
    public var url: String
  }

  /// A password refused as too weak to store.
  public struct WeakPassword: Error, Sendable {
    public init() {}

    public func message(in lang: Language) -> String {
      lang.pick("密码至少 8 个字符。", "the password needs at least 8 characters.")
    }
  }

  // MARK: Office accounts

  /// bcrypt's cost: about 0.2 s a check on this machine, which also slows guessing.
  static let bcryptCost: UInt8 = 11

  /// Adds an office account (or sets its password); returns whether it was new.
  @discardableResult
  public static func addUser(name: String, password: String, store: CampaignStore) throws -> Bool {
    guard password.count >= 8 else { throw WeakPassword() }
    return try store.setOfficeUser(name: name, passwordHash: Bcrypt.hash(password, cost: bcryptCost))
  }

  /// Whether the name and password are an office account's. A missing account costs the same
  /// bcrypt check as a wrong password, so the time does not tell which names exist.
  public static func verify(name: String, password: String, store: CampaignStore) throws -> Bool {
    let hash = try store.officePasswordHash(name: name)
    let ok = Bcrypt.verify(password, hash: hash ?? decoyHash)
    return hash != nil && ok
  }

  private static let decoyHash = Bcrypt.hash("not a password of anyone", cost: bcryptCost)

  // MARK: Tokens

  /// 32 random bytes from the system's generator (getrandom), base64url without padding.
  static func randomToken() -> String {
    var g = SystemRandomNumberGenerator()
    return base64url((0..<32).map { _ in UInt8.random(in: 0...255, using: &g) })
  }

  private static let base64urlAlphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)

  /// Base64url without padding (RFC 4648 §5).
  static func base64url(_ bytes: [UInt8]) -> String {
    var out: [UInt8] = []
    out.reserveCapacity((bytes.count * 4 + 2) / 3)
    var i = 0
    while i + 2 < bytes.count {
      let n = UInt32(bytes[i]) << 16 | UInt32(bytes[i + 1]) << 8 | UInt32(bytes[i + 2])
      for shift in [18, 12, 6, 0] { out.append(base64urlAlphabet[Int(n >> UInt32(shift) & 63)]) }
      i += 3
    }
    let rest = bytes.count - i
    if rest > 0 {
      let n = UInt32(bytes[i]) << 16 | (rest == 2 ? UInt32(bytes[i + 1]) << 8 : 0)
      out.append(base64urlAlphabet[Int(n >> 18 & 63)])
      out.append(base64urlAlphabet[Int(n >> 12 & 63)])
      if rest == 2 { out.append(base64urlAlphabet[Int(n >> 6 & 63)]) }
    }
    return String(decoding: out, as: UTF8.self)
  }

  static func hex(_ bytes: [UInt8]) -> String { bytes.map { String(format: "%02x", $0) }.joined() }

  static func tokenHash(_ token: String) -> String { hex(Digest.sha256(Array(token.utf8))) }

  /// Compares two strings in time that depends only on their lengths.
  static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
    let x = Array(a.utf8)
    let y = Array(b.utf8)
    guard x.count == y.count else { return false }
    var diff: UInt8 = 0
    for i in 0..<x.count { diff |= x[i] ^ y[i] }
    return diff == 0
  }

  /// HMAC-SHA-256 (RFC 2104).
  static func hmac(key: [UInt8], _ message: String) -> [UInt8] {
    var k = key.count > 64 ? Digest.sha256(key) : key
    k += [UInt8](repeating: 0, count: 64 - k.count)
    let inner = Digest.sha256(k.map { $0 ^ 0x36 } + Array(message.utf8))
    return Digest.sha256(k.map { $0 ^ 0x5c } + inner)
  }

  /// The store's workbench key, made on first use.
  static func key(_ store: CampaignStore) throws -> [UInt8] {
    let hexKey = try store.workbenchKey(creating: hex(Digest.sha256(Array(randomToken().utf8))))
    var bytes: [UInt8] = []
    var i = hexKey.startIndex
    while i < hexKey.endIndex, let j = hexKey.index(i, offsetBy: 2, limitedBy: hexKey.endIndex) {
      bytes.append(UInt8(hexKey[i..<j], radix: 16) ?? 0)
      i = j
    }
    return bytes
  }

  /// A unit's link token of a generation: HMAC of the unit's id under the store's key.
  static func linkToken(unit: String, generation: Int, key: [UInt8]) -> String {
    base64url(hmac(key: key, "link:\(generation):\(unit)"))
  }

  /// The links of the units (the reporting units of `root`, or of the whole tree), making the
  /// tokens of units that have none yet.
  public static func links(for units: [(id: String, name: String)], base: String, store: CampaignStore) throws -> [Link] {
    let key = try key(store)
    let stored = Dictionary(uniqueKeysWithValues: try store.tokens(kind: "link").map { ($0.subject, $0) })
    let root = base.hasSuffix("/") ? String(base.dropLast()) : base
    return try units.map { unit in
      let generation = stored[unit.id]?.generation ?? 0
      let token = linkToken(unit: unit.id, generation: generation, key: key)
      if stored[unit.id] == nil {
        try store.setToken(kind: "link", subject: unit.id, hash: tokenHash(token), generation: generation)
      }
      return Link(id: unit.id, name: unit.name, url: "\(root)/u/\(token)")
    }
  }

  /// Replaces a unit's link: the old one stops working at once.
  public static func revokeLink(unit: String, store: CampaignStore) throws {
    let key = try key(store)
    let current = try store.tokens(kind: "link").first { $0.subject == unit }
    let generation = (current?.generation ?? 0) + 1
    try store.setToken(
      kind: "link", subject: unit, hash: tokenHash(linkToken(unit: unit, generation: generation, key: key)), generation: generation)
  }

  /// The unit a link's token opens; nil for any other string. Every stored hash is compared,
  /// in constant time, so neither the answer's time nor its path depends on the token.
  public static func unit(forLink token: String, store: CampaignStore) throws -> String? {
    subject(of: token, among: try store.tokens(kind: "link"))
  }

  /// The name of the API token; nil for any other string.
  public static func apiTokenName(_ token: String, store: CampaignStore) throws -> String? {
    subject(of: token, among: try store.tokens(kind: "api"))
  }

  private static func subject(of token: String, among stored: [StoredToken]) -> String? {
    let hash = tokenHash(token)
    var found: String?
    for t in stored where constantTimeEqual(t.hash, hash) { found = t.subject }
    return found
  }

  /// Makes a new API token for scripts (`report token add NAME`); it is shown once and only its
  /// hash is kept. A name that had a token gets a new one.
  public static func addAPIToken(name: String, store: CampaignStore) throws -> String {
    let token = randomToken()
    try store.setToken(kind: "api", subject: name, hash: tokenHash(token), generation: 0)
    return token
  }

  /// A form's CSRF field for a unit's page: HMAC of the unit under the store's key.
  static func unitCSRF(unit: String, key: [UInt8]) -> String { base64url(hmac(key: key, "csrf:\(unit)")) }
}
