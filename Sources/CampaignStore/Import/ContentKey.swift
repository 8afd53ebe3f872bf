/// Keys for rows without an id, so that importing the same file twice changes nothing.
///
/// The key is a 128-bit FNV-1a hash of the row's normalised values plus its occurrence among
/// identical rows of the same file: two identical rows in one file stay two rows, and the same
/// rows imported again (from this or another file) are recognised.
struct ContentKeys {
  private let seen: SeenKeys

  init(db: any SQLDatabase, type: RecordType, memoryLimit: Int = SeenKeys.memoryLimit) {
    seen = SeenKeys(db: db, space: .content(type), memoryLimit: memoryLimit)
  }

  func key(for values: [String]) throws -> String {
    let h = ContentKeys.fnv1a128(values)
    let n = try seen.see(h, line: 0).count
    return "row:" + String(h, radix: 16) + ":\(n)"
  }

  private static let offsetBasis: UInt128 = 0x6c62_272e_07bb_0142_62b8_2175_6295_c58d
  private static let prime: UInt128 = 0x0000_0000_0100_0000_0000_0000_0000_013B

  /// The hash of one value (an id), or of `value` continuing `hash`.
  static func fnv1a128(_ value: String, continuing hash: UInt128 = offsetBasis) -> UInt128 {
    var hash = hash
    for b in value.utf8 {
      hash ^= UInt128(b)
      hash = hash &* prime
    }
    return hash
  }

  /// The hash of several values, each after a separator byte (0x1F) but the first.
  static func fnv1a128(_ values: [String]) -> UInt128 {
    var hash = offsetBasis
    for (i, v) in values.enumerated() {
      if i > 0 { hash = (hash ^ 0x1F) &* prime }
      hash = fnv1a128(v, continuing: hash)
    }
    return hash
  }
}
