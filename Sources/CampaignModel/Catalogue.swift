/// One kind of activity in the catalogue, such as 读书班 (reading class).
public struct ActivityKind: Hashable, Sendable {
  /// Stable code used in files and JSON, e.g. `reading_class`.
  public var code: String
  /// Chinese name, e.g. `读书班`.
  public var name: String
  /// English name, e.g. `reading class`.
  public var nameEn: String
  /// Chinese measure word, e.g. `期`.
  public var measure: String
  /// English unit of count, e.g. `classes`.
  public var measureEn: String
  /// Category code, e.g. `study`.
  public var category: String
  /// Chinese category name, e.g. `学习`.
  public var categoryName: String
  /// English category name, e.g. `Study`.
  public var categoryNameEn: String

  public init(
    code: String, name: String, nameEn: String, measure: String, measureEn: String,
    category: String, categoryName: String, categoryNameEn: String
  ) {
    self.code = code
    self.name = name
    self.nameEn = nameEn
    self.measure = measure
    self.measureEn = measureEn
    self.category = category
    self.categoryName = categoryName
    self.categoryNameEn = categoryNameEn
  }

  /// The name in a language.
  public func name(in lang: Language) -> String { lang.pick(name, nameEn) }
  /// The measure word in a language.
  public func measure(in lang: Language) -> String { lang.pick(measure, measureEn) }
}

/// The ordered list of activity kinds a campaign counts, and its media levels. It is data: the
/// default ships in `Templates/kinds.csv`, and each campaign of a store has its own
/// (`report campaign add --kinds/--levels`), so kinds are added, renamed or retired without
/// recompiling and without touching another campaign's reports.
public struct Catalogue: Sendable {
  /// Kinds in display order.
  public let kinds: [ActivityKind]
  /// Media levels in display order.
  public let levels: [MediaLevel]
  private let byCode: [String: Int]
  private let byName: [String: Int]

  public init(kinds: [ActivityKind], levels: [MediaLevel] = MediaLevel.defaults) {
    self.kinds = kinds
    self.levels = levels
    var byCode: [String: Int] = [:]
    var byName: [String: Int] = [:]
    for (i, k) in kinds.enumerated() {
      byCode[k.code.lowercased()] = byCode[k.code.lowercased()] ?? i
      byName[k.name] = byName[k.name] ?? i
    }
    self.byCode = byCode
    self.byName = byName
  }

  /// The kind with this code (case-insensitive) or this exact Chinese name.
  public func kind(matching text: some StringProtocol) -> ActivityKind? {
    let t = String(text.trimmingWhitespace())
    if let i = byCode[t.lowercased()] ?? byName[t] { return kinds[i] }
    return nil
  }

  /// The kind with exactly this code.
  public func kind(code: String) -> ActivityKind? {
    byCode[code.lowercased()].map { kinds[$0] }
  }

  /// Category codes in the order they first appear.
  public var categories: [String] {
    var seen: Set<String> = []
    return kinds.compactMap { seen.insert($0.category).inserted ? $0.category : nil }
  }
}

extension Catalogue {
  /// The media level with this code, if the catalogue lists it.
  public func level(code: String) -> MediaLevel? { levels.first { $0.code == code } }

  /// Whether the catalogue counts records of this kind code.
  public func counts(_ code: String) -> Bool { kind(code: code) != nil }
}
