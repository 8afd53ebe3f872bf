import Foundation

/// Excel's rules for sheet names: at most 31 characters, none of `[]:*?/\`, not starting or
/// ending with an apostrophe, not empty.
public enum SheetName {
  /// The name cleaned to Excel's rules: forbidden characters become `_`, it is cut to 31
  /// characters, and an empty result becomes `Sheet`.
  public static func clean(_ name: String) -> String {
    let forbidden: Set<Character> = ["[", "]", ":", "*", "?", "/", "\\"]
    var s = String(name.map { forbidden.contains($0) || $0.isNewline ? "_" : $0 })
    while s.hasPrefix("'") { s.removeFirst() }
    if s.count > 31 { s = String(s.prefix(31)) }
    while s.hasSuffix("'") { s.removeLast() }
    return s.isEmpty ? "Sheet" : s
  }

  /// The name quoted for use in a formula: `'支部统计'!A1`.
  public static func quoted(_ name: String) -> String {
    "'" + name.replacingOccurrences(of: "'", with: "''") + "'"
  }
}
