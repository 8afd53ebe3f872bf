import Aggregation
import CampaignModel

/// A value of a report table as the reader sees it, with its number format, in no file format:
/// the workbook renders it into a cell with a number format, a web page into text. The figure
/// itself always comes from Aggregation; this only says how it is shown.
public enum ReportValue: Sendable, Equatable {
  /// A whole number: 12.
  case count(Int)
  /// One decimal (class hours, an average): 1.4.
  case oneDecimal(Double)
  /// A rate as a percentage with one decimal: 33.3%.
  case percent(Double)
  /// A signed change of a count: +3, -2, 0.
  case countChange(Int)
  /// A signed change with one decimal, in tenths: 8 shows as +0.8.
  case oneDecimalChange(tenths: Int)
  /// A signed change of a rate in percentage points (个百分点), in tenths of a point: 333 shows
  /// as +33.3个百分点.
  case pointsChange(tenths: Int)
  /// A figure that is undefined (an average or rate with nothing to divide by): —.
  case undefined
  /// Nothing to show: an empty cell.
  case blank

  /// The value as text in `lang`, the way the workbook's number format shows it.
  public func text(_ lang: Language) -> String {
    switch self {
    case .count(let n): return String(n)
    case .oneDecimal(let d): return ReportValue.fixed(d, 1)
    case .percent(let d): return ReportValue.fixed(d * 100, 1) + "%"
    case .countChange(let n): return n > 0 ? "+\(n)" : String(n)
    case .oneDecimalChange(let t): return ReportValue.signedTenths(t)
    case .pointsChange(let t): return ReportValue.signedTenths(t) + ReportValue.points(lang)
    case .undefined: return "—"
    case .blank: return ""
    }
  }

  /// The unit of a rate's change: 个百分点, or " pp" in English.
  public static func points(_ lang: Language) -> String { lang.pick("个百分点", " pp") }

  /// The number a spreadsheet cell holds for the value (nil for text and blanks).
  public var number: Double? {
    switch self {
    case .count(let n), .countChange(let n): Double(n)
    case .oneDecimal(let d), .percent(let d): d
    case .oneDecimalChange(let t), .pointsChange(let t): Double(t) / 10
    case .undefined, .blank: nil
    }
  }

  private static func signedTenths(_ t: Int) -> String {
    let digits = String(abs(t)), padded = digits.count < 2 ? "0" + digits : digits
    return (t > 0 ? "+" : t < 0 ? "-" : "") + padded.dropLast() + "." + padded.suffix(1)
  }

  /// Half away from zero, as a spreadsheet's number format rounds.
  static func fixed(_ d: Double, _ places: Int) -> String {
    var scale = 1.0
    for _ in 0..<places { scale *= 10 }
    let r = (abs(d) * scale).rounded(.toNearestOrAwayFromZero)
    let digits = String(Int(r))
    let padded = digits.count <= places ? String(repeating: "0", count: places - digits.count + 1) + digits : digits
    let body = places > 0 ? padded.dropLast(places) + "." + padded.suffix(places) : Substring(padded)
    return (d < 0 && r != 0 ? "-" : "") + body
  }

}

/// How a value of a table follows from other values of the same table or report, so that a
/// workbook can write it as a formula (a reader who corrects a figure sees what follows move)
/// and a page can say how it was obtained. The value itself is already computed.
public enum ReportDerivation: Sendable, Equatable {
  /// This row's value in one column minus its value in another (a change of counts).
  case difference(OverviewTable.Column, OverviewTable.Column)
  /// This period's value minus the previous period's, each first rounded as displayed (times
  /// `scale`, to one decimal): the change of an average, or of a rate in percentage points
  /// (`scale` 100).
  case displayedDifference(scale: Int)
  /// The value of row `numerator` over the value of row `denominator`, both in `column`; — when
  /// the denominator is 0.
  case ratio(numerator: String, denominator: String, column: OverviewTable.Column)
  /// The same as this row's value in another column.
  case sameAs(OverviewTable.Column)
  /// The by-unit table's average of branch sessions, in the period or cumulatively.
  case unitAverage(cumulative: Bool)
  /// The sum of the column over every unit (合计).
  case columnTotal
  /// The column's sum over the counted units divided by their number (平均); — when none is counted.
  case countedAverage
  /// 1 + the number of counted units with more cumulative branch sessions; — for a unit not counted.
  case rankAmongCounted
}

/// One value of a table and how it is derived, if it is.
public struct ReportCell: Sendable, Equatable {
  public var value: ReportValue
  public var derivation: ReportDerivation?

  public init(_ value: ReportValue, derivation: ReportDerivation? = nil) {
    self.value = value
    self.derivation = derivation
  }
}

/// The overview of a period report (总览), described once for every format: its column
/// headers, its sections (the catalogue's categories, then the matters), each row's label,
/// measure word and values with their number formats, and the notes under it. The workbook's
/// overview sheet renders it; a web page can render the same rows. A row added here appears in
/// every rendering.
public struct OverviewTable: Sendable, Equatable {
  /// The columns, in order.
  public enum Column: Int, CaseIterable, Sendable {
    case index, category, indicator, measure, period, previous, change, cumulative, periodHours, cumulativeHours
  }

  /// A group of rows under one category name (类别).
  public struct Section: Sendable, Equatable {
    public var name: String
    public var rows: [Row]
  }

  /// One indicator.
  public struct Row: Sendable, Equatable {
    /// A stable key: the kind's code, or a name such as `branchAverage`, `resolved`,
    /// `resolutionRate`.
    public var key: String
    /// 序号, counted through the table.
    public var index: Int
    public var name: String
    /// 计量单位.
    public var measure: String
    /// A key figure, shown emphasised.
    public var highlighted: Bool
    /// A figure as of the period's end rather than within it: this period and cumulative show
    /// the same number.
    public var asOfEnd: Bool
    /// The values of the columns `period` to `cumulativeHours`.
    public var cells: [Column: ReportCell]

    public func cell(_ c: Column) -> ReportCell { cells[c] ?? ReportCell(.blank) }
  }

  /// One header per column, in the report's language.
  public var headers: [String]
  public var sections: [Section]
  /// The definitions under the table (说明), first line the heading.
  public var notes: [String]

  /// Every row, in order.
  public var rows: [Row] { sections.flatMap(\.rows) }
  public func row(_ key: String) -> Row? { rows.first { $0.key == key } }
}

extension OverviewTable {
  /// The overview of `report` in `lang`.
  public init(_ report: PeriodReport, lang: Language) {
    let b = OverviewBuilder(report: report, lang: lang)
    self.init(headers: b.headers, sections: b.sections(), notes: b.notes)
  }
}

/// Builds the overview's description from Aggregation's figures.
private struct OverviewBuilder {
  let report: PeriodReport
  let lang: Language
  typealias C = OverviewTable.Column

  var words: PeriodText { PeriodText(report.period, lang: lang) }
  var stats: Statistics { report.current }
  func t(_ zh: String, _ en: String) -> String { lang.pick(zh, en) }
  func dateText(_ d: Day) -> String { lang == .zh ? d.chinese : d.iso }

  /// 本月 / This month.
  var thisHeader: String { lang == .zh ? words.this : words.this.prefix(1).uppercased() + words.this.dropFirst() }
  /// 上月 / Last month; 上期 / Previous for a range of days.
  var previousHeader: String {
    guard let p = words.previous else { return t("上期", "Previous") }
    return lang == .zh ? p : p.prefix(1).uppercased() + p.dropFirst()
  }

  var headers: [String] {
    [
      t("序号", "No."), t("类别", "Category"), t("指标", "Indicator"), t("计量单位", "Unit"),
      thisHeader, previousHeader, t("较" + previousHeader, "Change"), t("累计", "Cumulative"),
      t(words.this + "学时", "Hours " + words.this), t("累计学时", "Hours cumulative"),
    ]
  }

  func sections() -> [OverviewTable.Section] {
    let prev = report.previous
    var index = 0
    var sections: [OverviewTable.Section] = []
    for category in stats.categories {
      var rows: [OverviewTable.Row] = []
      for k in category.kinds {
        index += 1
        let previous = prev.map { $0.kind(k.kind.code)?.totals.period.count ?? 0 }
        var cells = countCells(current: k.totals.period.count, previous: previous, cumulative: k.totals.cumulative.count)
        // No hours recorded shows blank, not 0.0: the records cannot tell "none" from 0.
        cells[.periodHours] = ReportCell(hoursValue(k.totals.period.hours))
        cells[.cumulativeHours] = ReportCell(hoursValue(k.totals.cumulative.hours))
        rows.append(
          OverviewTable.Row(
            key: k.kind.code, index: index, name: k.kind.name(in: lang), measure: k.kind.measure(in: lang),
            highlighted: k.kind.code == stats.settings.supervisionKind, asOfEnd: false, cells: cells))
        if k.kind.code == stats.settings.branchStudyKind {
          index += 1
          rows.append(averageRow(index: index, previous: prev?.branchStudyAverage.period))
        }
      }
      sections.append(OverviewTable.Section(name: category.name(in: lang), rows: rows))
    }
    let requirements = requirementRows(startIndex: index)
    if !requirements.isEmpty {
      index += requirements.count
      sections.append(OverviewTable.Section(name: t("开展情况", "Requirements"), rows: requirements))
    }
    sections.append(OverviewTable.Section(name: t("办实事", "Matters"), rows: mattersRows(startIndex: index)))
    return sections
  }

  /// Per requirement of the campaign in force in the period: 应开展单位数, 已开展单位数 and
  /// 开展率 (met ÷ required), against the previous period's; a requirement is judged per
  /// period, so the cumulative columns stay blank.
  private func requirementRows(startIndex: Int) -> [OverviewTable.Row] {
    var index = startIndex
    var rows: [OverviewTable.Row] = []
    let blanks: [C: ReportCell] = [.cumulative: ReportCell(.blank), .periodHours: ReportCell(.blank), .cumulativeHours: ReportCell(.blank)]
    for (i, r) in stats.targets.requirements.enumerated() {
      let previous = report.previous.map { p in p.targets.requirements.first { $0.requirement == r.requirement } }
      let kind = stats.kind(r.requirement.kind)?.kind.name(in: lang) ?? r.requirement.kind
      let per = t(
        "每\(r.requirement.per.chineseName)至少\(r.requirement.minimum)次",
        "at least \(r.requirement.minimum) per \(r.requirement.per.rawValue)")
      let key = "requirement\(i)"
      func counts(_ name: String, _ current: Int, _ before: Int??) -> OverviewTable.Row {
        index += 1
        // No previous period (a range), or the requirement not in force then: —.
        var cells = countCells(current: current, previous: before.flatMap { $0 }, cumulative: 0).merging(blanks) { $1 }
        if case .some(.none) = before { cells[.previous] = ReportCell(.undefined); cells[.change] = ReportCell(.undefined) }
        return OverviewTable.Row(
          key: key + "." + name, index: index,
          name: name == "required" ? t("应开展\(kind)单位数（\(per)）", "Units required: \(kind) (\(per))") : t("已开展单位数", "Units that met it"),
          measure: t("个", "units"), highlighted: false, asOfEnd: false, cells: cells)
      }
      rows.append(counts("required", r.required.count, previous.map { $0.map(\.required.count) }))
      rows.append(counts("met", r.met.count, previous.map { $0.map(\.met.count) }))
      index += 1
      var cells = blanks
      cells[.period] = ReportCell(
        r.rate.map { .percent($0.value) } ?? .undefined,
        derivation: .ratio(numerator: key + ".met", denominator: key + ".required", column: .period))
      let before = previous.flatMap { $0?.rate }
      cells[.previous] = before.map { ReportCell(.percent($0.value)) } ?? ReportCell(.undefined)
      if let v = r.rate, let pv = before {
        cells[.change] = ReportCell(
          .pointsChange(tenths: v.tenths(scale: 100) - pv.tenths(scale: 100)), derivation: .displayedDifference(scale: 100))
      } else {
        cells[.change] = ReportCell(.undefined)
      }
      rows.append(
        OverviewTable.Row(
          key: key + ".rate", index: index, name: t("开展率", "Rate met"), measure: "%", highlighted: true, asOfEnd: false, cells: cells))
    }
    return rows
  }

  /// A count this period, the previous period's count and the change, and the cumulative
  /// count; — for the previous period and the change when there is none (a range of days).
  private func countCells(current: Int, previous: Int?, cumulative: Int) -> [C: ReportCell] {
    var cells: [C: ReportCell] = [
      .period: ReportCell(.count(current)), .cumulative: ReportCell(.count(cumulative)),
      .periodHours: ReportCell(.blank), .cumulativeHours: ReportCell(.blank),
    ]
    if let previous {
      cells[.previous] = ReportCell(.count(previous))
      cells[.change] = ReportCell(.countChange(current - previous), derivation: .difference(.period, .previous))
    } else {
      cells[.previous] = ReportCell(.undefined)
      cells[.change] = ReportCell(.undefined)
    }
    return cells
  }

  private func hoursValue(_ h: Hours) -> ReportValue { h == .zero ? .blank : .oneDecimal(h.value) }

  private func averageRow(index: Int, previous: Ratio?) -> OverviewTable.Row {
    let avg = stats.branchStudyAverage
    var cells: [C: ReportCell] = [.periodHours: ReportCell(.blank), .cumulativeHours: ReportCell(.blank)]
    cells[.period] =
      avg.period.map { ReportCell(.oneDecimal($0.value), derivation: .unitAverage(cumulative: false)) } ?? ReportCell(.undefined)
    cells[.previous] = previous.map { ReportCell(.oneDecimal($0.value)) } ?? ReportCell(.undefined)
    if let a = avg.period, let p = previous {
      cells[.change] = ReportCell(.oneDecimalChange(tenths: a.tenths() - p.tenths()), derivation: .displayedDifference(scale: 1))
    } else {
      cells[.change] = ReportCell(.undefined)
    }
    cells[.cumulative] =
      avg.cumulative.map { ReportCell(.oneDecimal($0.value), derivation: .unitAverage(cumulative: true)) } ?? ReportCell(.undefined)
    return OverviewTable.Row(
      key: "branchAverage", index: index, name: t("基层党组织平均集中学习次数", "Average branch sessions per unit"),
      measure: t("次/单位", "per unit"), highlighted: true, asOfEnd: false, cells: cells)
  }

  /// The funnel's steps (in the period; cumulative as of the period's end), claimed and
  /// resolved, the two rates as of the end, then overdue matters and key projects.
  private func mattersRows(startIndex: Int) -> [OverviewTable.Row] {
    let m = report.current.matters, p = report.previous?.matters
    var index = startIndex
    var rows: [OverviewTable.Row] = []
    let item = t("条", "items"), matter = t("项", "matters")
    let steps: [(String, String, String, String, Int, Int?, Int)] = [
      ("collected", "收集意见建议", "Opinions collected", item, m.period.collected, p?.period.collected, m.asOf.collected),
      ("consolidated", "梳理汇总事项", "Matters consolidated", matter, m.period.consolidated, p?.period.consolidated, m.asOf.consolidated),
      ("claimed", "领导认领事项", "Claimed by leaders", matter, m.period.claimed, p?.period.claimed, m.asOf.claimed),
      ("resolved", "已解决事项", "Resolved", matter, m.period.resolved, p?.period.resolved, m.asOf.resolved),
    ]
    for step in steps {
      index += 1
      rows.append(
        OverviewTable.Row(
          key: step.0, index: index, name: t(step.1, step.2), measure: step.3, highlighted: true, asOfEnd: false,
          cells: countCells(current: step.4, previous: step.5, cumulative: step.6)))
    }
    // Claimed and resolved, as of the end: the claimed rate's numerator. Only the cumulative
    // column: beside in-period counts, an as-of figure would read as a subset.
    index += 1
    rows.append(
      OverviewTable.Row(
        key: "claimedAndResolved", index: index, name: t("其中：已认领事项已解决", "of which claimed and resolved"), measure: matter,
        highlighted: true, asOfEnd: false,
        cells: [
          .period: ReportCell(.blank), .previous: ReportCell(.blank), .change: ReportCell(.blank),
          .cumulative: ReportCell(.count(m.claimedAndResolved)), .periodHours: ReportCell(.blank), .cumulativeHours: ReportCell(.blank),
        ]))
    // Rates as of the period's end against the previous period's end.
    let rates: [(String, String, String, String, Ratio?, Ratio?)] = [
      ("resolutionRate", "resolved", "consolidated", t("解决率", "Resolution rate"), m.resolutionRate, p?.resolutionRate),
      (
        "claimedResolutionRate", "claimedAndResolved", "claimed", t("认领事项解决率", "Claimed resolution rate"), m.claimedResolutionRate,
        p?.claimedResolutionRate
      ),
    ]
    for rate in rates {
      index += 1
      let ratio = ReportDerivation.ratio(numerator: rate.1, denominator: rate.2, column: .cumulative)
      var cells: [C: ReportCell] = [.periodHours: ReportCell(.blank), .cumulativeHours: ReportCell(.blank)]
      cells[.period] = ReportCell(rate.4.map { .percent($0.value) } ?? .undefined, derivation: ratio)
      cells[.previous] = rate.5.map { ReportCell(.percent($0.value)) } ?? ReportCell(.undefined)
      if let v = rate.4, let pv = rate.5 {
        cells[.change] = ReportCell(
          .pointsChange(tenths: v.tenths(scale: 100) - pv.tenths(scale: 100)), derivation: .displayedDifference(scale: 100))
      } else {
        cells[.change] = ReportCell(.undefined)
      }
      cells[.cumulative] = ReportCell(rate.4.map { .percent($0.value) } ?? .undefined, derivation: .sameAs(.period))
      rows.append(
        OverviewTable.Row(key: rate.0, index: index, name: rate.3, measure: "%", highlighted: true, asOfEnd: false, cells: cells))
    }
    // Figures as of the end: this period and cumulative both show it.
    let asOf: [(String, String, String, Int, Int?)] = [
      ("overdue", t("逾期未解决事项", "Overdue matters"), matter, m.overdue, p?.overdue),
      ("keyProjects", t("重点民生项目", "Key projects"), matter, m.keyProjects, p?.keyProjects),
    ]
    for row in asOf {
      index += 1
      rows.append(
        OverviewTable.Row(
          key: row.0, index: index, name: row.1, measure: row.2, highlighted: false, asOfEnd: true,
          cells: countCells(current: row.3, previous: row.4, cumulative: row.3)))
    }
    return rows
  }

  var notes: [String] {
    let s = stats
    let excluded = s.units.filter { !$0.unit.counted }.map(\.unit.name)
    let excludedText =
      excluded.isEmpty
      ? ""
      : t("\(excluded.joined(separator: "、"))不参与平均数和排名。", " \(excluded.joined(separator: ", ")) not counted in averages and rankings.")
    let divisor = s.matters.headlineDivisor == .claimed ? t("认领事项", "claimed matters") : t("汇总事项", "consolidated matters")
    return [
      t("说明：", "Notes:"),
      t(
        "1. 累计自\(dateText(s.windows.cumulative.start))起至\(words.end)；办实事各项“累计”为截至\(words.end)的数，“\(words.this)”为\(words.this)内新增数。",
        "1. Cumulative runs from \(dateText(s.windows.cumulative.start)) to \(words.end); for matters, cumulative means as of \(words.end), \(words.this) means within the period."
      ),
      t(
        "2. 基层党组织平均集中学习次数 = 参与统计的党总支（直属党支部）集中学习次数之和 ÷ 参与统计单位数，未开展学习的单位计为0次。下属党支部的学习计入所属单位，党委本级学习不计入。" + excludedText,
        "2. Average branch sessions = branch sessions of the counted units ÷ number of counted units; units with none count as 0. Sub-branch sessions count for their unit; the committee's own do not."
          + excludedText),
      t(
        "3. 解决率 = 截至\(words.end)已解决事项 ÷ 截至\(words.end)梳理汇总事项；认领事项解决率 = 已认领事项中已解决的 ÷ 领导认领事项；主要口径按\(divisor)计。比率按日期计算，不随之后录入的数据改变。",
        "3. Resolution rate = matters resolved ÷ matters consolidated, as of \(words.end); claimed resolution rate = claimed matters resolved ÷ matters claimed. The headline rate uses \(divisor). Rates come from dates and do not change when later data is loaded."
      ),
      t(
        "4. 逾期未解决 = 截至\(words.end)已汇总、计划完成日期早于\(words.end)且尚未解决的事项。",
        "4. Overdue = matters consolidated by \(words.end), due before it and not resolved by it."),
    ]
  }
}

/// The by-unit table of a period report (支部统计), described once for every format: one row per
/// unit with its figures, then the 合计 (every unit) and 平均 (counted units) rows, and the rank
/// among counted units. The workbook's 支部统计 sheet renders it; a web page can render the same
/// rows. The figures are Aggregation's `UnitTable`.
public struct ByUnitTable: Sendable, Equatable {
  /// The columns, in order.
  public enum Column: Int, CaseIterable, Sendable {
    case index, name, counted
    case branchPeriod, branchCumulative, otherPeriod, otherCumulative, hoursPeriod, hoursCumulative
    case participantsPeriod, participantsCumulative, supervisionPeriod, supervisionCumulative
    case mattersOwned, mattersResolved, rank

    /// The columns of figures, which the 合计 and 平均 rows add up and average.
    public static let figures: [Column] = allCases.filter { $0.rawValue >= branchPeriod.rawValue && $0 != .rank }
  }

  /// A header over two columns (集中学习（次）over 本月 and 累计).
  public struct Group: Sendable, Equatable {
    public var label: String
    public var columns: [Column]
    public var labels: [String]
  }

  /// One unit.
  public struct Row: Sendable, Equatable {
    public var name: String
    public var counted: Bool
    /// The figure columns and the rank.
    public var cells: [Column: ReportCell]

    public func cell(_ c: Column) -> ReportCell { cells[c] ?? ReportCell(.blank) }
  }

  /// Headers of the columns that are not in a group: 序号, 单位, 参与统计, 排名.
  public var headers: [Column: String]
  public var groups: [Group]
  /// The words the 参与统计 column says: 是 and 否.
  public var countedYes: String
  public var countedNo: String
  public var rows: [Row]
  public var totalLabel: String
  /// 合计 of every figure column, over every unit.
  public var total: [Column: ReportCell]
  public var averageLabel: String
  /// 平均 of every figure column, over the counted units; — when none is counted.
  public var average: [Column: ReportCell]
}

extension ByUnitTable {
  /// The by-unit table of `report` in `lang`.
  public init(_ report: PeriodReport, lang: Language) {
    let t = { (zh: String, en: String) in lang.pick(zh, en) }
    let words = PeriodText(report.period, lang: lang)
    let this = lang == .zh ? words.this : words.this.prefix(1).uppercased() + words.this.dropFirst()
    let table = report.unitTable
    typealias C = Column
    headers = [.index: t("序号", "No."), .name: t("单位", "Unit"), .counted: t("参与统计", "Counted"), .rank: t("排名", "Rank")]
    let periodPair = [this, t("累计", "Cumul.")]
    groups = [
      Group(label: t("集中学习（次）", "Branch study (sessions)"), columns: [.branchPeriod, .branchCumulative], labels: periodPair),
      Group(label: t("其他学习宣讲活动（次）", "Other study and events"), columns: [.otherPeriod, .otherCumulative], labels: periodPair),
      Group(label: t("学时", "Hours"), columns: [.hoursPeriod, .hoursCumulative], labels: periodPair),
      Group(label: t("参加人次", "Participants"), columns: [.participantsPeriod, .participantsCumulative], labels: periodPair),
      Group(label: t("接受督导（次）", "Supervision visits"), columns: [.supervisionPeriod, .supervisionCumulative], labels: periodPair),
      Group(
        label: t("办实事（项）", "Matters"), columns: [.mattersOwned, .mattersResolved], labels: [t("责任", "Owned"), t("已解决", "Resolved")]),
    ]
    countedYes = t("是", "yes")
    countedNo = t("否", "no")
    rows = table.rows.map { u in
      var cells: [C: ReportCell] = [:]
      for c in C.figures {
        switch ByUnitTable.figure(c) {
        case .count(let f): cells[c] = ReportCell(.count(f(u)))
        case .hours(let f): cells[c] = ReportCell(.oneDecimal(f(u).value))
        }
      }
      cells[.rank] = ReportCell(u.rank.map { .count($0) } ?? .undefined, derivation: .rankAmongCounted)
      return Row(name: u.unit.name, counted: u.unit.counted, cells: cells)
    }
    totalLabel = t("合计", "Total")
    averageLabel = t("平均（参与统计单位）", "Average (counted units)")
    var total: [C: ReportCell] = [:], average: [C: ReportCell] = [:]
    for c in C.figures {
      switch ByUnitTable.figure(c) {
      case .count(let f):
        total[c] = ReportCell(.count(table.total(f)), derivation: .columnTotal)
        average[c] = ReportCell(table.average(f).map { .oneDecimal($0.value) } ?? .undefined, derivation: .countedAverage)
      case .hours(let f):
        total[c] = ReportCell(.oneDecimal(table.totalHours(f).value), derivation: .columnTotal)
        average[c] = ReportCell(table.averageHours(f).map { .oneDecimal($0.value) } ?? .undefined, derivation: .countedAverage)
      }
    }
    self.total = total
    self.average = average
  }

  /// A figure column's figure of a unit: a count or hours.
  enum Figure {
    case count((UnitRow) -> Int)
    case hours((UnitRow) -> Hours)
  }

  static func figure(_ c: Column) -> Figure {
    switch c {
    case .branchPeriod: .count { $0.branchStudy.period }
    case .branchCumulative: .count { $0.branchStudy.cumulative }
    case .otherPeriod: .count { $0.otherActivities.period }
    case .otherCumulative: .count { $0.otherActivities.cumulative }
    case .hoursPeriod: .hours { $0.hours.period }
    case .hoursCumulative: .hours { $0.hours.cumulative }
    case .participantsPeriod: .count { $0.participants.period }
    case .participantsCumulative: .count { $0.participants.cumulative }
    case .supervisionPeriod: .count { $0.supervisionReceived.period }
    case .supervisionCumulative: .count { $0.supervisionReceived.cumulative }
    case .mattersOwned: .count { $0.mattersOwned }
    default: .count { $0.mattersResolved }
    }
  }
}
