import Aggregation
import CampaignModel

/// The small pieces of wording every Chinese work report needs, and their English counterparts.
public enum Phrases {
  /// Chinese numerals as official texts write them: 7 → 七, 10 → 十, 15 → 十五, 20 → 二十,
  /// 101 → 一百零一. Numbers from 0 to 99,999,999.
  public static func chineseNumeral(_ n: Int) -> String {
    let digits = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"]
    guard n > 0 else { return n == 0 ? "零" : "负" + chineseNumeral(-n) }
    if n >= 10_000 {
      let high = chineseNumeral(n / 10_000), low = n % 10_000
      if low == 0 { return high + "万" }
      return high + "万" + (low < 1000 ? "零" : "") + chineseNumeral(low)
    }
    let units = ["", "十", "百", "千"]
    var result = ""
    var zero = false
    let s = Array(String(n)).map { Int(String($0))! }
    for (i, d) in s.enumerated() {
      let unit = units[s.count - 1 - i]
      if d == 0 {
        zero = true
      } else {
        if zero && !result.isEmpty { result += "零" }
        zero = false
        result += digits[d] + unit
      }
    }
    // 一十五 is written 十五.
    if result.hasPrefix("一十") { result.removeFirst() }
    return result
  }

  /// An approximate count in English: 23 → "over 20"; exact below 10 or when round.
  public static func approximateEnglish(_ n: Int) -> String {
    let zh = approximate(n)
    return zh.hasSuffix("余") ? "over " + zh.dropLast() : zh
  }

  /// An approximate count as offices write it: 23 → "20余", 137 → "130余", 512 → "510余";
  /// below 10, or when rounding changes nothing (20, 500), the exact number.
  public static func approximate(_ n: Int) -> String {
    guard n >= 10 else { return String(n) }
    var step = 10
    if n >= 100 {
      step = 1
      while n / step >= 100 { step *= 10 }
    }
    let floor = n / step * step
    return floor == n ? String(n) : "\(floor)余"
  }

  /// A change against last month: 增加3次 / 减少2次 / 持平 (up 3 / down 2 / unchanged).
  public static func change(_ delta: Int, measure: String, lang: Language) -> String {
    switch (delta, lang) {
    case (0, .zh): return "持平"
    case (0, .en): return "unchanged"
    case (let d, .zh): return (d > 0 ? "增加" : "减少") + "\(abs(d))\(measure)"
    case (let d, .en): return (d > 0 ? "up " : "down ") + englishCount(abs(d), measure)
    }
  }

  /// A list as a sentence joins it, cut after `limit` items: 甲、乙和丙 / A, B and C;
  /// 甲、乙等12个 / A, B and 10 more.
  public static func joined(_ items: [String], limit: Int, measure: String, lang: Language) -> String {
    guard items.count > limit else { return joined(items, lang: lang) }
    let shown = items.prefix(limit).joined(separator: lang.pick("、", ", "))
    return lang.pick("\(shown)等\(items.count)\(measure)", "\(shown) and \(items.count - limit) more")
  }

  /// A list as a sentence joins it: 甲、乙和丙 / A, B and C.
  public static func joined(_ items: [String], lang: Language) -> String {
    guard items.count > 1 else { return items.first ?? "" }
    let head = items.dropLast().joined(separator: lang.pick("、", ", "))
    return head + lang.pick("和", " and ") + items.last!
  }

  /// An English noun for a count: 1 session, 2 sessions, 2 classes, 3 activities.
  public static func englishCount(_ n: Int, _ noun: String) -> String {
    guard !noun.isEmpty else { return String(n) }
    return "\(n) " + (n == 1 ? englishSingular(noun) : noun)
  }

  /// The singular of the catalogue's plural English measure words.
  static func englishSingular(_ plural: String) -> String {
    if plural.hasSuffix("ies") { return String(plural.dropLast(3)) + "y" }
    for ending in ["sses", "shes", "ches", "xes"] where plural.hasSuffix(ending) { return String(plural.dropLast(2)) }
    if plural.hasSuffix("s") && !plural.hasSuffix("ss") { return String(plural.dropLast()) }
    return plural
  }

  /// The plural of an English name: class → classes, activity → activities, post → posts.
  static func englishPlural(_ name: String) -> String {
    if name.hasSuffix("s") || name.hasSuffix("x") || name.hasSuffix("ch") || name.hasSuffix("sh") { return name + "es" }
    if name.hasSuffix("y"), let before = name.dropLast().last, !"aeiou".contains(before) { return String(name.dropLast()) + "ies" }
    return name + "s"
  }

  /// "专题讲座1期、讲党课4次和微党课1次" / "1 lecture, 4 party lectures and 1 micro-lecture":
  /// the kinds with a non-zero count, in catalogue order.
  public static func kindList(_ items: [(kind: ActivityKind, count: Int)], lang: Language) -> String {
    let parts = items.filter { $0.count != 0 }.map { item in
      lang == .zh
        ? "\(item.kind.name)\(item.count)\(item.kind.measure)"
        : "\(item.count) " + (item.count == 1 ? item.kind.nameEn : englishPlural(item.kind.nameEn))
    }
    return joined(parts, lang: lang)
  }

  /// A date as official texts write it: 2021年7月31日 / 31 July 2021.
  public static func date(_ d: Day, lang: Language) -> String {
    lang == .zh ? d.chinese : "\(d.day) \(englishMonthName(d.month)) \(d.year)"
  }

  /// A month: 2021年7月 / July 2021.
  public static func month(_ m: Month, lang: Language) -> String {
    lang == .zh ? m.chinese : "\(englishMonthName(m.month)) \(m.year)"
  }

  static func englishMonthName(_ m: Int) -> String {
    ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"][m - 1]
  }
}

extension Phrases {
  /// One kind's figures as a briefing states them: "读书班1期（24学时，参加120人次）" /
  /// "1 reading class (24 hours, 120 participants)". Hours are stated when `hours` is given and
  /// not zero, participants when not zero, and `extra` (the media levels) last in the brackets.
  public static func kindFigures(
    _ kind: ActivityKind, count: Int, hours: Hours?, participants: Int?, extra: String = "", lang: Language
  ) -> String {
    var details: [String] = []
    if let hours, hours.hundredths != 0 { details.append(lang.pick("\(hours)学时", "\(hours) hours")) }
    if let participants, participants != 0 { details.append(lang.pick("参加\(participants)人次", "\(participants) participants")) }
    if !extra.isEmpty { details.append(extra) }
    let head =
      lang == .zh
      ? "\(kind.name)\(count)\(kind.measure)"
      : "\(count) " + (count == 1 ? kind.nameEn : englishPlural(kind.nameEn))
    guard !details.isEmpty else { return head }
    return head + lang.pick("（\(details.joined(separator: "，"))）", " (\(details.joined(separator: ", ")))")
  }

  /// Counts by named level, the zero ones left out: "国家级1条、区级3条" / "1 national, 3 regional".
  public static func levelList(_ items: [(name: String, nameEn: String, count: Int)], measure: String, lang: Language) -> String {
    items.filter { $0.count != 0 }.map { lang.pick("\($0.name)\($0.count)\(measure)", "\($0.count) \($0.nameEn)") }
      .joined(separator: lang.pick("、", ", "))
  }
}
