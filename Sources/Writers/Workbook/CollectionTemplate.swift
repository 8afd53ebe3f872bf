import CampaignModel
import Foundation

/// The collection workbook (填报模板) that branches fill in and the office imports back: one sheet
/// per record type with the contract's headers, a dropdown or a rule on every constrained column,
/// Chinese prompts and error messages, a locked header row, an instruction sheet, and a hidden
/// sheet holding the dropdown lists.
public enum CollectionTemplate {
  /// The record types a template can hold.
  public enum Sheet: String, CaseIterable, Sendable {
    case activities, matters, feedback
    /// The office's own forms for a campaign's requirements and plans (`--type requirements`,
    /// `--type plans`); not part of a branch's workbook.
    case requirements, plans

    /// The record sheets of a branch's workbook (the default).
    public static let records: [Sheet] = [.activities, .matters, .feedback]
  }

  /// What the template is built from.
  public struct Contents: Sendable {
    public var catalogue: Catalogue
    /// The organizations the unit columns offer (a unit's subtree with `--unit`).
    public var organizations: [Organization]
    /// The ledger's matter ids, for the feedback sheet's dropdown.
    public var matterIDs: [String]
    /// Dates of activities and opinions must fall in this range (a bound form's month).
    public var dates: DayRange
    /// Dates of matters must fall in this range: the ledger runs across months, so a bound
    /// form's matters may be raised before its month and be due after it.
    public var matterDates: DayRange
    public var sheets: [Sheet]
    /// The campaign's name, for the title and the examples.
    public var campaign: String
    /// The unit and month the workbook is bound to (a submission form), with the unit's name.
    public var binding: (scope: SubmissionScope, unitName: String)?
    /// The campaign's requirements and plans that the instruction sheet lists (those that
    /// concern the form's unit, for a unit's form), so branches see what is asked of them.
    public var targets: Targets = .none
    /// Names of the organizations the requirements and plans name, by id (the whole tree's,
    /// since a unit's form may list a requirement exempting another unit); else `organizations`.
    public var targetNames: [String: String] = [:]

    public init(
      catalogue: Catalogue, organizations: [Organization], matterIDs: [String], dates: DayRange, matterDates: DayRange? = nil,
      sheets: [Sheet], campaign: String = "", binding: (scope: SubmissionScope, unitName: String)? = nil
    ) {
      self.catalogue = catalogue
      self.organizations = organizations
      self.matterIDs = matterIDs
      self.dates = dates
      self.matterDates = matterDates ?? dates
      self.sheets = sheets
      self.campaign = campaign
      self.binding = binding
    }

    /// A day inside the dates for the examples: the third of the first month, or the first day.
    var exampleDay: Day {
      let third = Day(year: dates.start.year, month: dates.start.month, day: 3)!
      return dates.contains(third) ? third : dates.start
    }
  }

  /// The date range of a template: a bound month's days; else from the campaign start (or 1
  /// January of this year) to the end of next year, so January's records can be typed in a
  /// template made in December.
  public static func dates(month: Month?, campaignStart: Day?, today: Day) -> DayRange {
    if let month { return month.days }
    let start = campaignStart ?? Day(year: today.year, month: 1, day: 1)!
    let end = Day(year: max(today.year, start.year) + 1, month: 12, day: 31)!
    return DayRange(start, end)!
  }

  /// How many rows each sheet prepares for entry.
  public static let entryRows = 1000

  /// Writes the template to `path` (a temporary path when called through `OutputFile`).
  public static func write(_ contents: Contents, to path: String, lang: Language, created: Day) throws(WriterError) {
    let workbook = try Workbook(path: path, constantMemory: false)
    let t = { (zh: String, en: String) in lang.pick(zh, en) }
    try workbook.setProperties(
      title: t("\(contents.campaign)数据填报模板", "Campaign data collection workbook"), subject: t("填报模板", "Collection template"),
      author: "", company: "", created: created)
    let lists = ListSheet(contents: contents, lang: lang)
    try InstructionSheet.write(workbook, contents: contents, lang: lang)
    for sheet in contents.sheets {
      try writeEntrySheet(workbook, sheet, columns: columns(sheet, contents: contents, lists: lists, lang: lang), lang: lang)
    }
    try lists.write(workbook)
    if let binding = contents.binding { try writeBinding(workbook, binding.scope, unitName: binding.unitName) }
    try workbook.close()
  }

  /// The hidden sheet that binds the workbook to its unit and month: `report import` reads it
  /// and takes the file as that unit's submission for that month. Plain cells, since every
  /// spreadsheet program keeps a sheet's values when it saves.
  private static func writeBinding(_ workbook: Workbook, _ scope: SubmissionScope, unitName: String) throws(WriterError) {
    let ws = try workbook.addSheet(bindingSheetName)
    let rows: [(String, String)] = [
      ("note", "本表由 report template 生成，记录报送单位和月份，请勿修改。This sheet binds the workbook to its unit and month; do not edit."),
      ("unit", scope.unit), ("month", scope.month.iso), ("unit_name", unitName),
    ]
    for (i, (k, v)) in rows.enumerated() {
      try ws.write(i, 0, .text(k), CellStyle())
      try ws.write(i, 1, .text(v), CellStyle())
    }
    ws.protect()
    ws.hide()
  }

  /// The binding sheet's name (`SubmissionScope.bindingSheet`). Plain cells survive every
  /// spreadsheet program's saving (Excel, WPS and LibreOffice keep sheets and their values);
  /// document properties do not always.
  static let bindingSheetName = SubmissionScope.bindingSheet

  /// The sheet's name: 活动记录 / 办实事台账 / 意见建议.
  static func sheetName(_ sheet: Sheet, lang: Language) -> String {
    switch sheet {
    case .activities: lang.pick("活动记录", "Activities")
    case .matters: lang.pick("办实事台账", "Matters")
    case .feedback: lang.pick("意见建议", "Feedback")
    case .requirements: lang.pick("考核要求", "Requirements")
    case .plans: lang.pick("计划", "Plans")
    }
  }

  /// One column of an entry sheet.
  struct Column {
    var header: String
    var required: Bool
    var explanation: String
    var example: String
    var width: Double
    var validation: DataValidation?
    /// Text columns are formatted as text (`@`): "0001" stays 0001, "1-2" stays 1-2.
    var style: CellStyle
  }

  private static func writeEntrySheet(_ workbook: Workbook, _ sheet: Sheet, columns: [Column], lang: Language) throws(WriterError) {
    let ws = try workbook.addSheet(sheetName(sheet, lang: lang))
    let header = ReportStyles.header
    let requiredHeader = header.with { $0.color = 0xC00000 }
    for (i, c) in columns.enumerated() {
      try ws.write(0, i, .text(c.header), c.required ? requiredHeader : header)
      try ws.setColumn(i, width: c.width, style: c.style.with { $0.locked = false })
      if let v = c.validation { try ws.validate(column: i, firstRow: 1, lastRow: entryRows, v) }
    }
    try ws.setRow(0, height: 24)
    ws.freezePanes(row: 1, col: 0)
    try ws.setupPrinting(
      PrintSetup().with {
        $0.repeatRows = 0...0; $0.footer = lang.pick("&C第 &P 页 共 &N 页", "&CPage &P of &N")
      })
    ws.protect()
  }

  private static func columns(_ sheet: Sheet, contents: Contents, lists: ListSheet, lang: Language) -> [Column] {
    let t = { (zh: String, en: String) in lang.pick(zh, en) }
    func dateRule(_ d: DayRange) -> DataValidation {
      DataValidation(
        .date(from: d.start, to: d.end), inputTitle: t("日期", "Date"),
        inputMessage: t(
          "填写日期，如 \(contents.exampleDay.iso)，须在 \(d.start.iso) 至 \(d.end.iso) 之间。",
          "A date such as \(contents.exampleDay.iso), from \(d.start.iso) to \(d.end.iso)."),
        errorTitle: t("日期有误", "Wrong date"),
        errorMessage: t("请填写 \(d.start.iso) 至 \(d.end.iso) 之间的真实日期。", "Enter a real date from \(d.start.iso) to \(d.end.iso)."))
    }
    let recordDate = dateRule(contents.dates), matterDate = dateRule(contents.matterDates)
    // Plans and requirements run over whole years: from 1 January of the first year on.
    let spanDate = dateRule(DayRange(Day(year: contents.dates.start.year, month: 1, day: 1)!, contents.dates.end)!)
    let dateStyle = ReportStyles.text.with {
      $0.numberFormat = "yyyy-mm-dd"; $0.align = .center
    }
    func list(_ name: ListSheet.List, _ title: String, _ prompt: String) -> DataValidation {
      DataValidation(
        .list(source: lists.range(name)), inputTitle: title, inputMessage: prompt, errorTitle: t("不在可选范围内", "Not in the list"),
        errorMessage: t("请从下拉列表中选择。", "Choose a value from the list."))
    }
    let unit = list(.units, t("单位", "Unit"), t("从下拉列表选择本单位或所属支部。", "Choose the unit or one of its branches."))
    let whole = { (min: Int, what: String) in
      DataValidation(
        .wholeNumber(minimum: min), inputTitle: what, inputMessage: t("填写不小于 \(min) 的整数。", "A whole number ≥ \(min)."),
        errorTitle: t("数字有误", "Wrong number"), errorMessage: t("请填写不小于 \(min) 的整数。", "Enter a whole number ≥ \(min)."))
    }
    let yesNo = list(.yesNo, t("是/否", "Yes/no"), t("选择“是”或“否”。", "Choose yes or no."))
    let kindExample = contents.catalogue.kinds.first.map { lang == .zh ? $0.name : $0.code } ?? ""
    let day = contents.exampleDay
    let dayExample = day.iso
    let laterExample = day.adding(days: 1).iso
    let dueExample = day.adding(days: 30).iso
    let titleExample = contents.campaign.isEmpty ? t("专题学习", "Study session") : t("\(contents.campaign)专题学习", "Study session")
    let unitExample = contents.organizations.first?.name ?? ""
    let textStyle = ReportStyles.text.with { $0.numberFormat = "@" }
    let numberStyle = ReportStyles.text.with { $0.align = .right }
    func c(
      _ zh: String, _ en: String, _ required: Bool, _ explainZh: String, _ explainEn: String, _ example: String, _ width: Double,
      _ v: DataValidation? = nil, style: CellStyle? = nil
    ) -> Column {
      Column(
        header: lang.pick(zh, en), required: required, explanation: lang.pick(explainZh, explainEn), example: example, width: width,
        validation: v, style: style ?? textStyle)
    }
    switch sheet {
    case .activities:
      return [
        c("编号", "id", false, "可不填；填写后再次导入同一编号即更新该行。", "Optional; re-importing the same id updates the row.", "A0001", 10),
        c("日期", "date", true, "活动日期。", "The day of the activity.", dayExample, 12, recordDate, style: dateStyle),
        c("单位", "unit", true, "开展活动的单位或支部。", "The unit or branch that held it.", unitExample, 26, unit),
        c(
          "类型", "kind", true, "活动类型，从下拉列表选择。", "The kind, from the list.", kindExample, 24,
          list(.kinds, t("类型", "Kind"), t("从下拉列表选择活动类型。", "Choose the kind from the list."))),
        c("主题", "title", false, "活动主题。", "Topic.", titleExample, 36),
        c(
          "学时", "hours", false, "学时，不小于 0，最多两位小数。", "Class hours, ≥ 0, at most two decimals.", "2", 8,
          DataValidation(
            .decimal(minimum: 0), inputTitle: t("学时", "Hours"), inputMessage: t("填写不小于 0 的数，如 2 或 1.5。", "A number ≥ 0, e.g. 2 or 1.5."),
            errorTitle: t("学时有误", "Wrong hours"), errorMessage: t("学时须为不小于 0 的数。", "Hours must be a number ≥ 0.")), style: numberStyle),
        c(
          "参加人数", "participants", false, "参加人数，不小于 0 的整数。", "Participants, a whole number ≥ 0.", "25", 10,
          whole(0, t("参加人数", "Participants")), style: numberStyle),
        c(
          "数量", "count", false, "一行代表的数量，默认 1（如当月宣传动态篇数）。", "How many items the row stands for, default 1.", "1", 8,
          whole(1, t("数量", "Count")), style: numberStyle),
        c(
          "级别", "level", false, "媒体刊发的级别。", "Level of a media report.", "", 10,
          list(.levels, t("级别", "Level"), t("媒体刊发时选择级别。", "For media reports: choose the level."))),
        c("负责人", "lead", false, "主讲人，或督导检查的督导人。", "Presenter, or the inspector of a supervision visit.", t("王建国", "Wang Jianguo"), 12),
        c("备注", "note", false, "其他说明。", "Anything else.", "", 20),
      ]
    case .matters:
      return [
        c("编号", "id", true, "事项编号，唯一。", "The matter's id, unique.", "M001", 10),
        c("事项", "title", true, "事项名称。", "The matter.", t("改善学生宿舍热水供应", "Hot water in dormitories"), 32),
        c("责任单位", "unit", true, "负责办理的单位。", "The responsible unit.", unitExample, 26, unit),
        c("汇总日期", "raised", true, "梳理汇总为事项的日期。", "The day it was consolidated.", dayExample, 12, matterDate, style: dateStyle),
        c("认领领导", "owner", false, "认领的领导，未认领留空。", "The leader who claimed it; empty when unclaimed.", t("陈晓东", "Chen Xiaodong"), 12),
        c("认领日期", "claimed", false, "有认领领导时必填。", "Required when there is an owner.", laterExample, 12, matterDate, style: dateStyle),
        c("计划完成日期", "due", false, "计划完成日期。", "Planned completion.", dueExample, 12, matterDate, style: dateStyle),
        c(
          "状态", "status", true, "未启动、推进中或已解决。", "open, in_progress or resolved.", t("已解决", "resolved"), 10,
          list(.statuses, t("状态", "Status"), t("选择事项状态。", "Choose the status."))),
        c(
          "解决日期", "resolved", false, "状态为已解决时必填。", "Required exactly when the status is resolved.", dueExample, 12, matterDate,
          style: dateStyle),
        c("重点项目", "key_project", false, "是否为重点民生项目。", "Whether it is a key project.", t("是", "yes"), 10, yesNo),
        c("备注", "note", false, "其他说明。", "Anything else.", "", 20),
      ]
    case .feedback:
      return [
        c("编号", "id", false, "可不填。", "Optional.", "F001", 10),
        c("日期", "date", true, "收到意见建议的日期。", "The day it was received.", dayExample, 12, recordDate, style: dateStyle),
        c("单位", "unit", true, "提出意见建议的单位。", "Where it came from.", unitExample, 26, unit),
        c("渠道", "channel", false, "如座谈会、意见箱。", "E.g. a meeting, a suggestion box.", t("座谈会", "meeting"), 12),
        c("内容", "content", true, "意见建议的内容。", "The opinion.", t("建议延长图书馆开放时间", "Open the library longer"), 40),
        c(
          "归入事项", "matter", false, "归入的事项编号，未采纳留空。", "The matter it was merged into; empty when not adopted.", "M001", 12,
          list(.matters, t("归入事项", "Matter"), t("选择归入的事项编号，未采纳留空。", "Choose the matter, or leave empty."))),
      ]
    case .requirements:
      let kinds = list(.kinds, t("类型", "Kind"), t("从下拉列表选择活动类型。", "Choose the kind from the list."))
      return [
        c("类型", "kind", true, "要求开展的活动类型。", "The kind required.", kindExample, 24, kinds),
        c(
          "最少次数", "min", false, "每个周期至少开展的次数，默认 1。", "The least number per cycle, default 1.", "1", 10, whole(1, t("最少次数", "Minimum")),
          style: numberStyle),
        c("周期", "per", true, "月、季度或年。", "month, quarter or year.", t("月", "month"), 8),
        c(
          "适用单位", "applies_to", false, "全部（默认）、党总支、直属党支部，或一个单位的编码或全称。",
          "all (default), general_branch, direct_branch, or one unit's id or name.", t("全部", "all"), 20),
        c(
          "免于考核单位", "exempt", false, "不参加考核的单位，多个用“、”或“;”分隔。", "Units exempted, separated by 、 or ;.",
          contents.organizations.last?.name ?? "", 28),
        c("开始日期", "from", false, "要求开始执行的日期，可不填。", "The first day it applies, optional.", dayExample, 12, spanDate, style: dateStyle),
        c("结束日期", "to", false, "要求执行的最后一天，可不填。", "The last day it applies, optional.", "", 12, spanDate, style: dateStyle),
      ]
    case .plans:
      return [
        c("编号", "id", false, "计划编号，可不填；再次导入同一编号即更新。", "Optional; re-importing the same id updates the plan.", "JH001", 10),
        c("单位", "unit", true, "党委本身（填党委编码）或其直属单位。", "The committee itself (its id) or a unit directly under it.", unitExample, 26, unit),
        c(
          "类型", "kind", true, "计划的活动类型。", "The kind planned.", kindExample, 24,
          list(.kinds, t("类型", "Kind"), t("从下拉列表选择活动类型。", "Choose the kind from the list."))),
        c("目标数", "target", true, "计划期间的目标次数。", "The target over the span.", "24", 10, whole(1, t("目标数", "Target")), style: numberStyle),
        c(
          "开始日期", "from", true, "计划期间的第一天。", "The span's first day.", "\(contents.dates.start.year)-01-01", 12, spanDate, style: dateStyle
        ),
        c("结束日期", "to", true, "计划期间的最后一天。", "The span's last day.", "\(contents.dates.start.year)-12-31", 12, spanDate, style: dateStyle),
      ]
    }
  }

  /// The instruction sheet (填写说明): what each column means, with an example row.
  enum InstructionSheet {
    static func write(_ workbook: Workbook, contents: Contents, lang: Language) throws(WriterError) {
      let t = { (zh: String, en: String) in lang.pick(zh, en) }
      let ws = try workbook.addSheet(t("填写说明", "Instructions"))
      let lists = ListSheet(contents: contents, lang: lang)
      var row = 0
      let heading = contents.binding.map { b in
        t("\(b.unitName)\(b.scope.month.chinese)报送表填写说明", "Submission form of \(b.unitName) for \(b.scope.month.iso): how to fill it in")
      }
      try ws.merge(
        row: row, columns: 0...4, heading ?? t("数据填报说明", "How to fill in this workbook"), ReportStyles.title.with { $0.size = 16 })
      try ws.setRow(row, height: 28)
      row += 1
      let example = contents.exampleDay.iso
      var general = t(
        "1. 每个工作表填一类记录，每行一条；表头为红色的列必填。2. 单位、类型、状态、级别等从下拉列表选择；日期填写如 \(example)。3. 请勿修改表头；填好后交党委办公室，用 report import 导入。",
        "1. One kind of record per sheet, one record per row; red headers are required. 2. Choose units, kinds, statuses and levels from the lists; write dates like \(example). 3. Do not change the headers; hand the file to the office, which imports it with report import."
      )
      if let b = contents.binding {
        general += t(
          "4. 本表是\(b.unitName)\(b.scope.month.chinese)的报送表，只填本月的记录；本月没有活动也请报送空表。需要更正时，改好本表后重新报送，以最后一次报送为准（表中删去的行会从统计中删除）。",
          " 4. This is the submission form of \(b.unitName) for \(b.scope.month.iso): only that month's records. Submit it empty when nothing took place. To correct it, edit this file and submit it again: the latest submission replaces the earlier one (rows deleted here are deleted from the figures)."
        )
      }
      try ws.merge(row: row, columns: 0...4, general, ReportStyles.note.with { $0.size = 10.5 })
      try ws.setRow(row, height: contents.binding == nil ? 48 : 80)
      row += 2
      row = try targets(ws, contents: contents, lang: lang, row: row)
      for sheet in contents.sheets {
        try ws.merge(
          row: row, columns: 0...4, sheetName(sheet, lang: lang),
          ReportStyles.subtitleLeft.with {
            $0.bold = true; $0.size = 12
          })
        row += 1
        for (i, h) in [t("列名", "Column"), t("必填", "Required"), t("说明", "Meaning"), t("示例", "Example"), t("英文列名", "Contract name")]
          .enumerated()
        {
          try ws.write(row, i, .text(h), ReportStyles.header)
        }
        row += 1
        let english = columns(sheet, contents: contents, lists: lists, lang: .en).map(\.header)
        for (i, c) in columns(sheet, contents: contents, lists: lists, lang: lang).enumerated() {
          try ws.write(row, 0, .text(c.header), ReportStyles.text)
          try ws.write(row, 1, .text(c.required ? t("是", "yes") : t("否", "no")), ReportStyles.centered)
          try ws.write(row, 2, .text(c.explanation), ReportStyles.text)
          try ws.write(row, 3, .text(c.example), ReportStyles.text)
          try ws.write(row, 4, .text(english[i]), ReportStyles.text)
          row += 1
        }
        row += 1
      }
      for (i, w) in [14.0, 8, 50, 28, 14].enumerated() { try ws.setColumn(i, width: w) }
      try ws.setupPrinting(
        PrintSetup().with {
          $0.landscape = false; $0.footer = lang.pick("&C第 &P 页 共 &N 页", "&CPage &P of &N")
        })
      ws.activate()
    }
  }

  /// The instruction sheet's list of the campaign's requirements and plans (考核要求和计划);
  /// returns the next free row.
  static func targets(_ ws: Worksheet, contents: Contents, lang: Language, row start: Int) throws(WriterError) -> Int {
    let t = { (zh: String, en: String) in lang.pick(zh, en) }
    let x = contents.targets
    guard !(x.requirements.isEmpty && x.plans.isEmpty) else { return start }
    var row = start
    let kind = { (code: String) in contents.catalogue.kind(code: code)?.name(in: lang) ?? code }
    let measure = { (code: String) in contents.catalogue.kind(code: code)?.measure(in: lang) ?? "" }
    let name = { (id: String) in contents.targetNames[id] ?? contents.organizations.first { $0.id == id }?.name ?? id }
    try ws.merge(
      row: row, columns: 0...4, t("考核要求和计划", "What is asked: requirements and plans"),
      ReportStyles.subtitleLeft.with {
        $0.bold = true; $0.size = 12
      })
    row += 1
    var lines: [String] = []
    for r in x.requirements {
      var scope: String
      switch r.appliesTo {
      case .all: scope = t("全部参与统计单位", "every counted unit")
      case .kind(let k): scope = t("全部\(k.chineseName)", "every \(k.englishName)")
      case .unit(let id): scope = name(id)
      }
      if !r.exempt.isEmpty {
        scope += t("，\(r.exempt.map(name).joined(separator: "、"))免于考核", "; exempt: \(r.exempt.map(name).joined(separator: ", "))")
      }
      var dates = ""
      if let f = r.from { dates += t("，自\(f.chinese)起", ", from \(f.iso)") }
      if let e = r.to { dates += t("，至\(e.chinese)止", ", until \(e.iso)") }
      lines.append(
        t(
          "考核要求：\(kind(r.kind))每\(r.per.chineseName)至少\(r.minimum)\(measure(r.kind))（\(scope)\(dates)）。",
          "Requirement: \(kind(r.kind)), at least \(r.minimum) a \(r.per.rawValue) (\(scope)\(dates))."))
    }
    for p in x.plans {
      lines.append(
        t(
          "计划：\(name(p.organization))，\(p.span.start.chinese)至\(p.span.end.chinese)，\(kind(p.kind))\(p.target)\(measure(p.kind))。",
          "Plan: \(name(p.organization)), \(kind(p.kind)), \(p.target) \(measure(p.kind)) from \(p.span.start.iso) to \(p.span.end.iso)."))
    }
    for line in lines {
      try ws.merge(row: row, columns: 0...4, line, ReportStyles.note.with { $0.size = 10.5 })
      try ws.setRow(row, height: TextWidth.of(line) > 110 ? 32 : 18)
      row += 1
    }
    return row + 1
  }

  /// The hidden sheet (选项) holding the dropdown lists, one per column.
  struct ListSheet {
    enum List: Int, CaseIterable { case units, kinds, statuses, levels, yesNo, matters }
    let contents: Contents
    let lang: Language

    var name: String { lang.pick("选项", "Lists") }

    func values(_ list: List) -> [String] {
      switch list {
      case .units: return contents.organizations.map(\.name)
      case .kinds: return contents.catalogue.kinds.map { lang == .zh ? $0.name : $0.code }
      case .statuses: return MatterStatus.allCases.map { lang == .zh ? $0.chineseName : $0.rawValue }
      case .levels: return contents.catalogue.levels.map { lang == .zh ? $0.name : $0.code }
      case .yesNo: return [lang.pick("是", "yes"), lang.pick("否", "no")]
      case .matters: return contents.matterIDs
      }
    }

    /// The range a dropdown takes its values from: `=选项!$A$2:$A$11`.
    func range(_ list: List) -> String {
      let count = max(values(list).count, 1)
      return "=" + SheetName.quoted(name) + "!" + CellAddress.range(1, list.rawValue, count, list.rawValue, absolute: true)
    }

    func write(_ workbook: Workbook) throws(WriterError) {
      let ws = try workbook.addSheet(name)
      let headers = [
        lang.pick("单位", "Units"), lang.pick("类型", "Kinds"), lang.pick("状态", "Statuses"), lang.pick("级别", "Levels"),
        lang.pick("是否", "Yes/no"), lang.pick("事项", "Matters"),
      ]
      for list in List.allCases {
        try ws.write(0, list.rawValue, .text(headers[list.rawValue]), ReportStyles.header)
        for (i, v) in values(list).enumerated() { try ws.write(i + 1, list.rawValue, .text(v), CellStyle()) }
      }
      ws.hide()
    }
  }
}
