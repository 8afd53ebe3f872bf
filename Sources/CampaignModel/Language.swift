/// The language of every user-facing output: Chinese by default, English second.
public enum Language: String, CaseIterable, Sendable {
  case zh
  case en

  /// Picks the Chinese or the English text.
  public func pick(_ zh: String, _ en: String) -> String { self == .zh ? zh : en }
}
