/// A study campaign (学习教育活动) as the store records it: a code, a name and a span of days.
/// Each campaign has its own catalogue of kinds and media levels (`Catalogue`) and its own
/// settings (`CampaignSettings`), so a new campaign needs no code and leaves the reports of
/// earlier ones unchanged.
public struct Campaign: Hashable, Sendable {
  /// Stable code given at `report campaign add`, e.g. `2023`.
  public var code: String
  /// The campaign's name, e.g. `学习贯彻习近平新时代中国特色社会主义思想主题教育`.
  public var name: String
  /// The first day; nil for a store's first campaign made before campaigns existed, which
  /// then counts cumulative figures from 1 January of each period's year, as before.
  public var start: Day?
  /// The last day; nil while the campaign is open.
  public var end: Day?

  public init(code: String, name: String, start: Day?, end: Day?) {
    self.code = code
    self.name = name
    self.start = start
    self.end = end
  }

  /// Whether the campaign's span holds a day.
  public func contains(_ day: Day) -> Bool {
    (start.map { $0 <= day } ?? true) && (end.map { day <= $0 } ?? true)
  }

  /// The campaign in force on a day: of those whose span holds it, the latest started (a
  /// campaign without a start counts as the earliest). Nil when no span holds the day.
  public static func inForce(on day: Day, among campaigns: [Campaign]) -> Campaign? {
    campaigns.filter { $0.contains(day) }.max { a, b in
      switch (a.start, b.start) {
      // Equal starts: the one listed later (added later) wins.
      case (nil, nil): true
      case (nil, _): true
      case (_, nil): false
      case (let x?, let y?): x <= y
      }
    }
  }

  /// Whether a code is fit for a campaign: 1–32 ASCII letters, digits, `-` or `_`.
  public static func isValidCode(_ code: String) -> Bool {
    (1...32).contains(code.count) && code.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") }
  }
}
