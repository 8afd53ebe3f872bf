import Aggregation
import CampaignModel

/// Sheets 3 and 4: the month's records one row each, streamed from the store so a month of any
/// size takes constant memory (学习活动明细 and 督查督导). Records past Excel's last row go on to
/// continuation sheets (学习活动明细（续1）, …) with the same header and numbering.
struct DetailSheet {
  enum Kind { case activities, supervision }
  let ctx: WorkbookContext
  let kind: Kind
  /// Rows a sheet may hold, title and header included: Excel's 1,048,576 (tests set fewer).
  var rowsPerSheet = DetailSheet.excelRows
  static let excelRows = 1_048_576
  typealias S = ReportStyles

  private var columns: [String] {
    kind == .activities
      ? [
        ctx.t("序号", "No."), ctx.t("日期", "Date"), ctx.t("所属单位", "Unit"), ctx.t("组织", "Organization"), ctx.t("类型", "Kind"),
        ctx.t("主题", "Title"), ctx.t("学时", "Hours"), ctx.t("参加人数", "Participants"), ctx.t("数量", "Count"),
        ctx.t("负责人", "Lead"), ctx.t("备注", "Note"),
      ]
      : [
        ctx.t("序号", "No."), ctx.t("日期", "Date"), ctx.t("被督导单位", "Unit visited"), ctx.t("组织", "Organization"),
        ctx.t("督导人", "Inspector"), ctx.t("督导内容", "Subject"), ctx.t("备注", "Note"),
      ]
  }

  func write(_ workbook: Workbook, source: any StatisticsSource) throws {
    let s = ctx.stats
    let catalogue = Catalogue(kinds: s.kinds.map(\.kind))
    let kinds: [String]? =
      kind == .activities
      ? s.kinds.map(\.kind.code).filter { $0 != s.settings.supervisionKind }
      : [s.settings.supervisionKind]
    var part = 1
    var (sheet, b) = try start(workbook, part: part)
    var n = 0
    try source.forEachActivity(dated: .within(s.windows.period), kinds: kinds) { record in
      if b.row + 1 >= rowsPerSheet {
        try end(sheet, b, isEmpty: false)
        part += 1
        (sheet, b) = try start(workbook, part: part)
      }
      n += 1
      let a = record.activity
      try b.nextRow(height: 18)
      try b.put(0, .integer(n), S.centered)
      try b.put(1, .date(a.date), S.date)
      try b.put(2, .text(record.unitName ?? ctx.t("党委本级", "Committee")), S.text)
      try b.put(3, .text(record.organizationName), S.text)
      if kind == .activities {
        try b.put(4, .text(catalogue.kind(code: a.kind)?.name(in: ctx.lang) ?? a.kind), S.text)
        try b.put(5, .text(a.title), S.text)
        // Nothing recorded shows blank (a 媒体刊发 row has no participants), never 0 or 0.0.
        try b.put(6, a.hours == .zero ? .blank : .number(a.hours.value), S.oneDecimal)
        try b.put(7, a.participants == 0 ? .blank : .integer(a.participants), S.integer)
        try b.put(8, .integer(a.count), S.integer)
        try b.put(9, .text(a.lead), S.text)
        try b.put(10, .text(a.note), S.text)
      } else {
        try b.put(4, .text(a.lead), S.text)
        try b.put(5, .text(a.title), S.text)
        try b.put(6, .text(a.note), S.text)
      }
    }
    try end(sheet, b, isEmpty: n == 0)
  }

  /// A sheet with its title, reporting unit and header written: the first, or continuation `part`.
  private func start(_ workbook: Workbook, part: Int) throws(WriterError) -> (Worksheet, SheetBuilder) {
    let base = kind == .activities ? ctx.activitiesName : ctx.supervisionName
    let sheet = try workbook.addSheet(part == 1 ? base : base + ctx.t("（续\(part - 1)）", " (\(part))"))
    // Wide enough for the usual unit names on one line (a CJK character takes two units in Excel).
    let widths: [Double] = kind == .activities ? [6, 11, 24, 26, 20, 40, 7, 9, 6, 9, 18] : [6, 11, 24, 26, 10, 40, 24]
    let b = SheetBuilder(sheet, fixed: Dictionary(uniqueKeysWithValues: widths.enumerated().map { ($0, $1) }))
    let last = columns.count - 1
    var title = kind == .activities ? ctx.t("学习活动明细", "Activities") : ctx.t("督查督导情况", "Supervision visits")
    if part > 1 { title += ctx.t("（续）", " (continued)") }
    try b.nextRow(height: 26)
    try b.merged(0...last, ctx.t("\(title)（\(ctx.periodText)）", "\(title) (\(ctx.periodText))"), S.title.with { $0.size = 14 })
    try b.nextRow(height: 18)
    try b.merged(0...last, ctx.reportingUnitLine, S.subtitleLeft)
    try b.nextRow(height: 22)
    try b.header(columns)
    return (sheet, b)
  }

  private func end(_ sheet: Worksheet, _ b: SheetBuilder, isEmpty: Bool) throws(WriterError) {
    try b.endTable(
      headerRow: 2, lastColumn: columns.count - 1, isEmpty: isEmpty,
      emptyText: ctx.t("\(ctx.words.this)无记录", "No records \(ctx.words.this)"))
    try b.finish()
    try sheet.setupPrinting(b.avoidingOrphans(ctx.printSetup.with { $0.repeatRows = 2...2 }))
    sheet.freezePanes(row: 3, col: 0)
  }
}

/// Sheet 5 (办实事台账): every matter raised by the month's end, with its status on that day.
struct LedgerSheet {
  let ctx: WorkbookContext
  typealias S = ReportStyles

  func write(_ workbook: Workbook) throws(WriterError) {
    let sheet = try workbook.addSheet(ctx.ledgerName)
    let asOf = ctx.words.end.replacingOccurrences(of: "本", with: "")
    // The status header breaks as 状态|（截至月末）: the column holds the bracket on one line.
    var widths: [Double] = [6, 7, 34, 26, 11, 9, 11, 11, 10, 11, 8, 6, 8]
    if ctx.lang == .zh { widths[8] = max(widths[8], Double(TextWidth.of("（截至\(asOf)）")) * 1.1 + 2) }
    let b = SheetBuilder(sheet, fixed: Dictionary(uniqueKeysWithValues: widths.enumerated().map { ($0, $1) }))
    let columns = [
      ctx.t("序号", "No."), ctx.t("编号", "Id"), ctx.t("事项", "Matter"), ctx.t("责任单位", "Responsible unit"),
      ctx.t("汇总日期", "Raised"), ctx.t("认领领导", "Owner"), ctx.t("认领日期", "Claimed"), ctx.t("计划完成日期", "Due"),
      ctx.t("状态（截至\(asOf)）", "Status at \(ctx.words.end)"), ctx.t("解决日期", "Resolved"),
      ctx.t("用时（天）", "Days taken"),
      ctx.t("逾期", "Overdue"), ctx.t("重点项目", "Key project"),
    ]
    let last = columns.count - 1
    let ledger = ctx.report.ledger
    try b.nextRow(height: 26)
    try b.merged(
      0...last, ctx.t("“我为群众办实事”台账（截至\(ctx.dateText(ledger.asOf))）", "Practical matters ledger as of \(ctx.dateText(ledger.asOf))"),
      S.title.with { $0.size = 14 })
    try b.nextRow(height: 18)
    try b.merged(0...last, ctx.reportingUnitLine, S.subtitleLeft)
    try b.nextRow(height: 30)
    try b.header(columns)
    let yes = ctx.t("是", "yes"), no = ctx.t("否", "no")
    for (i, e) in ledger.entries.enumerated() {
      let m = e.record.matter
      let st = { (x: CellStyle) in e.overdue ? S.warned(x) : x }
      try b.nextRow(height: 18)
      try b.put(0, .integer(i + 1), st(S.centered))
      try b.put(1, .text(m.id), st(S.centered))
      try b.put(2, .text(m.title), st(S.text))
      try b.put(3, .text(e.record.organizationName), st(S.text))
      try b.put(4, .date(m.raised), st(S.date))
      try b.put(5, .text(e.claimed != nil ? (m.owner ?? "") : ""), st(S.text))
      try b.put(6, e.claimed.map { .date($0) } ?? .blank, st(S.date))
      try b.put(7, m.due.map { .date($0) } ?? .blank, st(S.date))
      let status: String
      switch e.status {
      case .open: status = ctx.t("未认领", "unclaimed")
      case .claimed: status = ctx.t("推进中", "in progress")
      case .resolved: status = ctx.t("已解决", "resolved")
      }
      try b.put(8, .text(status), st(S.centered))
      try b.put(9, e.resolved.map { .date($0) } ?? .blank, st(S.date))
      try b.put(10, e.daysTaken.map { .integer($0) } ?? .blank, st(S.integer))
      try b.put(11, .text(e.overdue ? yes : no), st(S.centered))
      try b.put(12, .text(m.keyProject ? yes : no), st(S.centered))
    }
    try b.endTable(
      headerRow: 2, lastColumn: last, isEmpty: ledger.entries.isEmpty,
      emptyText: ctx.t("截至\(ctx.words.end)无事项", "No matters by \(ctx.words.end)"))
    try b.nextRow()
    try b.nextRow(height: 30)
    try b.merged(
      0...last,
      ctx.t(
        "注：状态、认领和解决日期均按截至\(ctx.words.end)的日期确定，之后的认领、解决不计入；逾期 = 计划完成日期早于\(ctx.words.end)且届时未解决（红色标出）。",
        "Note: status, claim and resolution are as of \(ctx.words.end); later claims and resolutions are not shown. Overdue = due before \(ctx.words.end) and not resolved by it (in red)."
      ), S.note)
    try b.finish()
    try sheet.setupPrinting(b.avoidingOrphans(ctx.printSetup.with { $0.repeatRows = 2...2 }))
    sheet.freezePanes(row: 3, col: 0)
  }
}

/// Sheet 6 (宣传报道): publicity counts by kind, and media reports by level.
struct PublicitySheet {
  let ctx: WorkbookContext
  typealias S = ReportStyles

  func write(_ workbook: Workbook) throws(WriterError) {
    let s = ctx.stats
    let sheet = try workbook.addSheet(ctx.publicityName)
    let b = SheetBuilder(sheet, minWidth: 10)
    try b.nextRow(height: 26)
    try b.merged(0...4, ctx.t("宣传报道情况（\(ctx.periodText)）", "Publicity (\(ctx.periodText))"), S.title.with { $0.size = 14 })
    try b.nextRow(height: 18)
    try b.merged(0...4, ctx.reportingUnitLine, S.subtitleLeft)
    try b.nextRow(height: 22)
    try b.header([ctx.t("序号", "No."), ctx.t("类型", "Kind"), ctx.t("计量单位", "Unit"), ctx.thisHeader, ctx.t("累计", "Cumulative")])
    let publicity = s.publicityKinds
    for (i, k) in publicity.enumerated() {
      try b.nextRow(height: 18)
      try b.put(0, .integer(i + 1), S.centered)
      try b.put(1, .text(k.kind.name(in: ctx.lang)), S.text)
      try b.put(2, .text(k.kind.measure(in: ctx.lang)), S.centered)
      try b.put(3, .integer(k.totals.period.count), S.integer)
      try b.put(4, .integer(k.totals.cumulative.count), S.integer)
    }
    try b.nextRow()
    try b.nextRow(height: 22)
    try b.merged(0...4, ctx.t("媒体刊发按级别统计", "Media reports by level"), S.subtitleLeft.with { $0.bold = true })
    try b.nextRow(height: 22)
    try b.header([ctx.t("序号", "No."), ctx.t("级别", "Level"), ctx.t("计量单位", "Unit"), ctx.thisHeader, ctx.t("累计", "Cumulative")])
    let levels: [MediaLevel?] = ctx.report.levels.map { $0 } + [nil]
    let by = ctx.report.mediaByLevel
    let firstRow = b.row + 1
    for (i, level) in levels.enumerated() {
      if level == nil && by.cumulative[nil] == nil { continue }
      try b.nextRow(height: 18)
      let name = level.map { $0.name(in: ctx.lang) } ?? ctx.t("未注明级别", "level not given")
      try b.put(0, .integer(i + 1), S.centered)
      try b.put(1, .text(name), S.text)
      try b.put(2, .text(ctx.t("条", "reports")), S.centered)
      try b.put(3, .integer(by.period[level?.code] ?? 0), S.integer)
      try b.put(4, .integer(by.cumulative[level?.code] ?? 0), S.integer)
    }
    let lastRow = b.row
    try b.nextRow(height: 18)
    try b.put(0, .blank, S.centered)
    try b.put(1, .text(ctx.t("合计", "Total")), S.centered.with { $0.bold = true })
    try b.put(2, .text(ctx.t("条", "reports")), S.centered)
    for col in 3...4 {
      let total = levels.reduce(0) { $0 + ((col == 3 ? by.period : by.cumulative)[$1?.code] ?? 0) }
      try b.put(
        col, .formula("=SUM(\(CellAddress.range(firstRow, col, lastRow, col)))", cached: Double(total)), S.integer.with { $0.bold = true })
    }
    try b.finish()
    try sheet.setupPrinting(
      b.avoidingOrphans(
        ctx.printSetup.with {
          $0.landscape = false; $0.repeatRows = 2...2
        }))
  }
}
