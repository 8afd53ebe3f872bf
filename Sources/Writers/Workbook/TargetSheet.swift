import Aggregation
import CampaignModel

/// The 计划完成情况 sheet: every requirement in force in the period with its 应开展/已开展
/// units, 开展率 and the units that missed it; every plan begun by the period's last day with
/// its 完成数, 完成率, 序时进度, 序时应完成, 差额 and 进度状态, the 滞后 rows marked. The
/// title line states the year's elapsed fraction as of the period's last day. Written only when
/// the campaign has requirements or plans; the figures are Aggregation's (`TargetFigures`).
struct TargetSheet {
  let ctx: WorkbookContext
  typealias S = ReportStyles
  let lastColumn = 10

  var targets: TargetFigures { ctx.stats.targets }

  /// The sheet's name: 计划完成情况.
  static func name(_ lang: Language) -> String { SheetName.clean(lang.pick("计划完成情况", "Plans and requirements")) }

  /// The year's 序时进度 as of a day: days of its year up to it ÷ days of the year.
  static func yearElapsed(_ day: Day) -> (days: Int, of: Int, ratio: Ratio) {
    let year = TargetCycle.year.cycle(of: day)
    let n = PlanFigures.elapsedDays(of: year, asOf: day)
    return (n, year.dayCount, Ratio(n, year.dayCount)!)
  }

  func write(_ workbook: Workbook) throws(WriterError) {
    let sheet = try workbook.addSheet(Self.name(ctx.lang))
    let b = SheetBuilder(sheet, fixed: [1: 24, 2: 28, 3: 24], maxWidth: [7: 30], minWidth: 8)
    let s = ctx.stats
    let e = s.windows.period.end
    let year = Self.yearElapsed(e)
    try b.nextRow(height: 30)
    let name = s.settings.institution + s.settings.campaign
    try b.merged(
      0...lastColumn,
      ctx.t(
        "\(name)计划完成情况（\(ctx.words.name)）", "\(s.settings.institution) \(s.settings.campaign): plans and requirements, \(ctx.words.name)"),
      S.title)
    try b.nextRow(height: 20)
    try b.merged(0...3, ctx.reportingUnitLine, S.subtitleLeft)
    try b.merged(
      4...lastColumn,
      ctx.t(
        "截至\(e.chinese)，全年序时进度\(year.ratio.percent)（\(year.days)/\(year.of)天）",
        "As of \(e.iso), \(year.ratio.percent) of the year has passed (\(year.days) of \(year.of) days)"),
      S.subtitleRight)
    try requirements(b)
    try plans(b)
    try footnotes(b)
    try b.finish()
    try sheet.setupPrinting(ctx.printSetup)
  }

  private var catalogue: Catalogue { Catalogue(kinds: ctx.stats.kinds.map(\.kind)) }

  private func kindName(_ code: String) -> String { catalogue.kind(code: code)?.name(in: ctx.lang) ?? code }

  private func unitName(_ id: String) -> String { ctx.stats.units.first { $0.unit.id == id }?.unit.name ?? id }

  /// A plan's organization as the sheet names it: 党委本级 for the institution itself, as the
  /// detail sheets do.
  private func planUnit(_ p: PlanFigures) -> String { p.plan.unit == nil ? ctx.t("党委本级", "Committee") : p.plan.unitName }

  private func heading(_ b: SheetBuilder, _ text: String) throws(WriterError) {
    try b.nextRow(height: 8)
    try b.nextRow(height: 22)
    try b.merged(
      0...lastColumn, text,
      S.subtitleLeft.with {
        $0.bold = true; $0.size = 12
      })
  }

  private func requirements(_ b: SheetBuilder) throws(WriterError) {
    try heading(b, ctx.t("一、考核要求落实情况", "1. Requirements"))
    try b.nextRow(height: 30)
    let labels = [
      ctx.t("序号", "No."), ctx.t("活动类型", "Kind"), ctx.t("要求", "Requirement"), ctx.t("适用单位", "Applies to"),
      ctx.t("应开展单位数", "Required"), ctx.t("已开展单位数", "Met"), ctx.t("开展率", "Rate"),
    ]
    try b.header(labels)
    try b.merged(7...lastColumn, ctx.t("未开展单位", "Units that missed it"), S.header)
    for (i, r) in targets.requirements.enumerated() {
      let q = r.requirement
      let measure = catalogue.kind(code: q.kind)?.measure(in: ctx.lang) ?? ""
      let rule = ctx.t(
        "每\(q.per.chineseName)至少\(q.minimum)\(measure)", "at least \(q.minimum) a \(q.per.rawValue)")
      var scope: String
      switch q.appliesTo {
      case .all: scope = ctx.t("全部参与统计单位", "every counted unit")
      case .kind(let k): scope = ctx.t("全部\(k.chineseName)", "every \(k.englishName)")
      case .unit(let id): scope = unitName(id)
      }
      if !q.exempt.isEmpty {
        scope += ctx.t(
          "（\(q.exempt.map(unitName).joined(separator: "、"))免于考核）", " (exempt: \(q.exempt.map(unitName).joined(separator: ", ")))")
      }
      let missed = r.missed.map(\.name)
      let warn = !missed.isEmpty
      let longest = max(TextWidth.of(scope), TextWidth.of(missed.joined(separator: "、")) / 2)
      try b.nextRow(height: longest > 26 ? 18 * Double(min(4, longest / 26 + 1)) : 18)
      try b.put(0, .integer(i + 1), S.centered)
      try b.put(1, .text(kindName(q.kind)), S.text)
      try b.put(2, .text(rule), S.text)
      try b.put(3, .text(scope), S.text)
      try b.put(4, .integer(r.required.count), S.integer)
      try b.put(5, .integer(r.met.count), S.integer)
      if let rate = r.rate {
        try b.put(6, .number(rate.value), warn ? S.warned(S.percent) : S.percent)
      } else {
        try b.put(6, .text("—"), S.centered)
      }
      try b.merged(
        7...lastColumn, missed.isEmpty ? ctx.t("无", "none") : missed.joined(separator: ctx.t("、", ", ")), warn ? S.warned(S.text) : S.text)
    }
    if targets.requirements.isEmpty {
      try b.nextRow(height: 18)
      try b.merged(0...lastColumn, ctx.t("（本期无考核要求）", "(no requirement in force in this period)"), S.centered)
    }
  }

  private func plans(_ b: SheetBuilder) throws(WriterError) {
    try heading(b, ctx.t("二、计划完成情况", "2. Plans"))
    try b.nextRow(height: 30)
    try b.header([
      ctx.t("序号", "No."), ctx.t("单位", "Unit"), ctx.t("活动类型", "Kind"), ctx.t("计划期间", "Span"), ctx.t("目标数", "Target"),
      ctx.t("完成数", "Done"), ctx.t("完成率", "Completion"), ctx.t("序时进度", "Time elapsed"), ctx.t("序时应完成", "Expected"),
      ctx.t("差额", "Gap"), ctx.t("进度状态", "Status"),
    ])
    for (i, p) in targets.plans.enumerated() {
      let behind = p.status == .behind
      let style = { (x: CellStyle) in behind ? S.warned(x) : x }
      try b.nextRow(height: 18)
      try b.put(0, .integer(i + 1), S.centered)
      try b.put(1, .text(planUnit(p)), style(S.text))
      try b.put(2, .text(kindName(p.plan.kind)), S.text)
      try b.put(3, .text("\(p.plan.span.start.iso)—\(p.plan.span.end.iso)"), S.centered)
      try b.put(4, .integer(p.plan.target), S.integer)
      try b.put(5, .integer(p.done), S.integer)
      try b.put(6, .number(p.completion.value), style(S.percent))
      try b.put(7, .number(p.elapsed.value), S.percent)
      try b.put(8, .number(p.expected.value), S.oneDecimal)
      try b.put(9, .number(p.gap.value), style(S.changeOneDecimal))
      let status = ctx.lang == .zh ? p.status.chineseName : p.status.rawValue
      try b.put(10, .text(status), behind ? S.warned(S.centered).with { $0.bold = true } : S.centered)
    }
    if targets.plans.isEmpty {
      try b.nextRow(height: 18)
      try b.merged(0...lastColumn, ctx.t("（无已开始的计划）", "(no plan has begun)"), S.centered)
    }
  }

  private func footnotes(_ b: SheetBuilder) throws(WriterError) {
    let lagging = targets.lagging.map { ctx.t("\(planUnit($0))“\(kindName($0.plan.kind))”", "\(planUnit($0)), \(kindName($0.plan.kind))") }
    let lines = [
      ctx.t("进度滞后的计划（红色标出）：", "Plans behind time (in red): ")
        + (lagging.isEmpty ? ctx.t("无", "none") : lagging.joined(separator: ctx.t("、", ", "))),
      ctx.t(
        "注：已开展单位指在每个考核周期内达到最少次数的单位，下属党支部的活动计入所属单位；开展率＝已开展单位数÷应开展单位数。完成数为计划期间内截至统计截止日的记录数；完成率＝完成数÷目标数；序时进度＝计划期间截至统计截止日已过天数÷计划期间总天数；序时应完成＝目标数×序时进度，差额＝完成数－序时应完成，均保留一位小数（四舍五入）；完成数达到目标为“已完成”，完成率不低于序时进度为“超序时”，否则为“滞后”。",
        "Note: a unit has met a requirement when it reached the minimum in every cycle, its branches' records counting for it; rate = met ÷ required. Done counts the span's records up to the period's end; completion = done ÷ target; time elapsed = days of the span up to the period's end ÷ days of the span; expected = target × time elapsed, gap = done − expected, both to one decimal (half up); done when the target is reached, ahead when completion ≥ time elapsed, else behind."
      ),
    ]
    try b.nextRow()
    for line in lines {
      try b.nextRow(height: TextWidth.of(line) > 150 ? 44 : 18)
      try b.merged(0...lastColumn, line, S.note)
    }
  }
}
