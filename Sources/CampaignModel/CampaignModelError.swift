import Foundation

/// Errors of the model layer: values that do not fit the campaign's vocabulary.
public enum CampaignModelError: Error, Equatable, LocalizedError, CustomStringConvertible {
  /// `report config KEY VALUE` was given a key that does not exist.
  case unknownSetting(key: String)
  /// A setting's value is malformed.
  case invalidSetting(key: String, value: String, expected: String)

  public var description: String {
    switch self {
    case .unknownSetting(let key):
      let keys = SettingKey.allCases.map(\.rawValue).joined(separator: ", ")
      return "unknown setting '\(key)'. Use one of: \(keys)."
    case .invalidSetting(let key, let value, let expected):
      return "setting \(key): '\(value)' is not valid. Give \(expected)."
    }
  }

  public var errorDescription: String? { description }

  /// The message in a language, with what to do.
  public func message(in lang: Language) -> String {
    guard lang == .zh else { return description }
    switch self {
    case .unknownSetting(let key):
      let keys = SettingKey.allCases.map(\.rawValue).joined(separator: "、")
      return "没有设置项“\(key)”。可用的设置项：\(keys)。"
    case .invalidSetting(let key, let value, _):
      let expected = SettingKey(rawValue: key)?.expectedZh ?? "有效的值"
      return "设置 \(key)：“\(value)”无效，应为\(expected)。"
    }
  }
}
