import CampaignModel

/// How forms and texts name a report's period, in Chinese and English.
public struct PeriodText: Sendable {
  public let period: ReportPeriod
  public let lang: Language

  public init(_ period: ReportPeriod, lang: Language) {
    self.period = period
    self.lang = lang
  }

  /// 2021年7月 / 2021年第三季度 / 2021年 / 2021年2月25日至8月4日 (July 2021, Q3 2021, 2021, …).
  public var name: String {
    switch (period, lang) {
    case (.month(let m), _): return Phrases.month(m, lang: lang)
    case (.quarter(let y, let q), .zh): return "\(y)年第\(Phrases.chineseNumeral(q))季度"
    case (.quarter(let y, let q), .en): return "Q\(q) \(y)"
    case (.year(let y), .zh): return "\(y)年"
    case (.year(let y), .en): return String(y)
    case (.range(let r), .zh): return "\(r.start.chinese)至\(r.end.year == r.start.year ? "\(r.end.month)月\(r.end.day)日" : r.end.chinese)"
    case (.range(let r), .en): return "\(Phrases.date(r.start, lang: .en)) to \(Phrases.date(r.end, lang: .en))"
    }
  }

  /// The kind of report: 统计月报 / 统计季报 / 统计年报 / 统计报表.
  public var reportName: String {
    switch (period, lang) {
    case (.month, .zh): return "统计月报"
    case (.quarter, .zh): return "统计季报"
    case (.year, .zh): return "统计年报"
    case (.range, .zh): return "统计报表"
    case (.month, .en): return "monthly statistics"
    case (.quarter, .en): return "quarterly statistics"
    case (.year, .en): return "annual statistics"
    case (.range, .en): return "statistics"
    }
  }

  /// 本月 / 本季度 / 本年 / 本期 (this month, …): the period's own column and sentences.
  public var this: String {
    switch (period, lang) {
    case (.month, .zh): return "本月"
    case (.quarter, .zh): return "本季度"
    case (.year, .zh): return "本年"
    case (.range, .zh): return "本期"
    case (.month, .en): return "this month"
    case (.quarter, .en): return "this quarter"
    case (.year, .en): return "this year"
    case (.range, .en): return "in the period"
    }
  }

  /// 上月 / 上季度 / 上年 (last month, …); nil for a range of days.
  public var previous: String? {
    switch (period, lang) {
    case (.month, .zh): return "上月"
    case (.quarter, .zh): return "上季度"
    case (.year, .zh): return "上年"
    case (.month, .en): return "last month"
    case (.quarter, .en): return "last quarter"
    case (.year, .en): return "last year"
    case (.range, _): return nil
    }
  }

  /// 本月末 / 本季度末 / 本年末 / 期末 (the month's end, …).
  public var end: String {
    switch (period, lang) {
    case (.month, .zh): return "本月末"
    case (.quarter, .zh): return "本季度末"
    case (.year, .zh): return "本年末"
    case (.range, .zh): return "期末"
    case (.month, .en): return "the month's end"
    case (.quarter, .en): return "the quarter's end"
    case (.year, .en): return "the year's end"
    case (.range, .en): return "the period's end"
    }
  }

  /// 2021年7月1日—7月31日 (2021-07-01 to 2021-07-31): the period as forms print it.
  public var dates: String {
    let p = period.days
    return lang == .zh
      ? "\(p.start.chinese)—\(p.end.year == p.start.year ? "\(p.end.month)月\(p.end.day)日" : p.end.chinese)"
      : "\(p.start.iso) to \(p.end.iso)"
  }
}
