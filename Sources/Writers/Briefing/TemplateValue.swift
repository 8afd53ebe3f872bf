import Aggregation
import CampaignModel
import Mustache

/// A value of the briefing's template context. The context is a tree of these, so it can be
/// rendered by Mustache and also checked name by name before rendering.
public indirect enum TemplateValue: Sendable {
  case text(String)
  case figure(Figure)
  case flag(Bool)
  /// A list, with a sample item that describes its items' names even when the list is empty.
  case list([TemplateValue], item: TemplateValue)
  case object(TemplateObject)

  /// An object from ordered key/value pairs.
  public static func object(_ pairs: [(String, TemplateValue)]) -> TemplateValue { .object(TemplateObject(pairs)) }
}

/// An object of the context: names to values, in order.
public struct TemplateObject: Sendable, MustacheParent {
  public let pairs: [(String, TemplateValue)]
  private let index: [String: Int]

  public init(_ pairs: [(String, TemplateValue)]) {
    self.pairs = pairs
    var index: [String: Int] = [:]
    for (i, p) in pairs.enumerated() { index[p.0] = i }
    self.index = index
  }

  public subscript(key: String) -> TemplateValue? { index[key].map { pairs[$0].1 } }

  public func child(named name: String) -> Any? { self[name] }
}

/// A number of the context: a count with its measure word, hours, an average or a rate.
///
/// `{{x}}` prints the number (`8.5`, `1.6`, `26.3%`). Transforms: `measured(x)` adds the measure
/// word (`3次`), `approx(x)` writes it as offices approximate (`20余次`), `chinese(x)` in
/// Chinese numerals (`七`), `change(x)` the change against last month (`增加3次`),
/// `nonzero(x)`/`zero(x)` for sections.
public struct Figure: Sendable, MustacheCustomRenderable, MustacheTransformable {
  public enum Value: Sendable, Equatable {
    case count(Int)
    case hours(Hours)
    /// An average, printed with one decimal.
    case average(Ratio?)
    /// A rate, printed as a percentage with one decimal.
    case rate(Ratio?)
  }

  public var value: Value
  public var measure: String
  /// The same figure last month, for `change(x)`.
  public var previous: Int?
  public var lang: Language

  public init(_ value: Value, measure: String = "", previous: Int? = nil, lang: Language) {
    self.value = value
    self.measure = measure
    self.previous = previous
    self.lang = lang
  }

  public var isNull: Bool { false }

  public var renderText: String {
    switch value {
    case .count(let n): return String(n)
    case .hours(let h): return h.description
    case .average(let r): return r?.fixed(1) ?? "—"
    case .rate(let r): return r?.percent ?? "—"
    }
  }

  /// The names `transform` understands, for the template checker.
  public static let transforms: Set<String> = ["measured", "approx", "chinese", "change", "nonzero", "zero"]

  public func transform(_ name: String) -> Any? {
    let separator = lang == .en && !measure.isEmpty ? " " : ""
    switch (name, value) {
    case ("measured", .count(let n)) where lang == .en: return Phrases.englishCount(n, measure)
    case ("measured", _): return renderText + separator + measure
    case ("approx", .count(let n)) where lang == .en: return Phrases.approximateEnglish(n) + separator + measure
    case ("approx", .count(let n)): return Phrases.approximate(n) + separator + measure
    case ("approx", _): return renderText + separator + measure
    case ("chinese", .count(let n)): return Phrases.chineseNumeral(n)
    case ("chinese", _): return renderText
    case ("change", .count(let n)):
      // Without a previous period (a range of days) there is nothing to compare: "—".
      guard let previous else { return "—" }
      return Phrases.change(n - previous, measure: measure, lang: lang)
    case ("change", _): return ""
    case ("nonzero", _): return !isZero
    case ("zero", _): return isZero
    default: return nil
    }
  }

  var isZero: Bool {
    switch value {
    case .count(let n): n == 0
    case .hours(let h): h.hundredths == 0
    case .average(let r), .rate(let r): (r?.numerator ?? 0) == 0
    }
  }
}

extension TemplateValue: MustacheCustomRepresentation {
  public var representation: Any? {
    switch self {
    case .text(let s): return s
    case .figure(let f): return f
    case .flag(let b): return b
    case .list(let items, _): return items
    case .object(let o): return o
    }
  }
}
