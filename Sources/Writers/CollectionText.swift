import Aggregation
import CampaignModel

/// The collection workflow's outputs: the status table and JSON, the history, and the 催报
/// notice (reminder).
public enum CollectionText {
  // MARK: Status

  /// `report status`: one line per unit, with the deadline above.
  public static func statusTable(_ s: SubmissionStatus, asOf: Day?, lang: Language) -> String {
    var grid = Grid(
      header: lang == .zh
        ? ["序号", "编码", "单位", "状态", "报送时间", "批次", "行数", "退回意见"]
        : ["No.", "Id", "Unit", "State", "Submitted", "Batch", "Rows", "Returned because"],
      rightAligned: 5...6)
    for (i, u) in s.units.enumerated() {
      let state = lang.pick(u.state.chineseName, u.state.englishName) + (u.reportedEmpty ? lang.pick("（无记录）", " (nothing)") : "")
      grid.add([
        "\(i + 1)", u.unit.id, u.unit.name, state, u.submittedAt.map(displayTime) ?? "", u.batch.map(String.init) ?? "",
        u.state == .missing ? "" : "\(u.rows)", u.reason ?? "",
      ])
    }
    let counts = SubmissionState.allCases.map { st in (st, s.units.filter { $0.state == st }.count) }.filter { $0.1 > 0 }
    let summary = counts.map { lang.pick("\($0.0.chineseName) \($0.1)", "\($0.0.englishName) \($0.1)") }.joined(
      separator: lang.pick("，", ", "))
    let title = lang.pick(
      "\(s.month.chinese)报送情况（截止日期 \(s.deadline.chinese)\(asOf.map { "，截至\($0.chinese)" } ?? "")）：\(summary)",
      "Submissions for \(s.month.iso) (due \(s.deadline.iso)\(asOf.map { ", as of \($0.iso)" } ?? "")): \(summary)")
    return title + "\n\n" + grid.rendered()
  }

  /// `report status --json`.
  public static func statusJSON(_ s: SubmissionStatus, asOf: Day?) -> JSONValue {
    .object([
      ("month", .string(s.month.iso)),
      ("deadline", .string(s.deadline.iso)),
      ("as_of", asOf.map { .string($0.iso) } ?? .null),
      (
        "units",
        .array(
          s.units.map { u in
            .object([
              ("id", .string(u.unit.id)), ("name", .string(u.unit.name)), ("state", .string(u.state.rawValue)), ("rows", .int(u.rows)),
              ("batch", u.batch.map { .int($0) } ?? .null), ("submitted_at", u.submittedAt.map { .string($0) } ?? .null),
              ("reason", u.reason.map { .string($0) } ?? .null), ("counted", .bool(u.unit.counted)),
            ])
          })
      ),
    ])
  }

  // MARK: History

  /// `report history`: one line per batch.
  public static func historyTable(_ batches: [BatchRecord], lang: Language) -> String {
    var grid = Grid(
      header: lang == .zh
        ? ["批次", "时间", "操作", "单位", "月份", "文件", "操作人", "新增", "更新", "删除", "未变", "说明"]
        : ["Batch", "Time", "Action", "Unit", "Month", "File", "By", "Added", "Updated", "Removed", "Unchanged", "Note"],
      rightAligned: 7...10)
    for b in batches {
      var note: [String] = []
      if let u = b.undoes { note.append(lang.pick("撤销第 \(u) 批", "undoes batch \(u)")) }
      if let u = b.undoneBy { note.append(lang.pick("已由第 \(u) 批撤销", "undone by batch \(u)")) }
      if let r = b.reason { note.append(lang.pick("退回意见：\(r)", "reason: \(r)")) }
      grid.add([
        "\(b.batch)", displayTime(b.at), lang.pick(b.action.chineseName, b.action.rawValue), b.scope?.unit ?? "", b.scope?.month.iso ?? "",
        b.file ?? "", b.author, "\(b.added)", "\(b.updated)", "\(b.removed)", "\(b.unchanged)",
        note.joined(separator: lang.pick("；", "; ")),
      ])
    }
    return grid.rendered()
  }

  /// `report history --json`.
  public static func historyJSON(_ batches: [BatchRecord]) -> JSONValue {
    .object([
      (
        "batches",
        .array(
          batches.map { b in
            .object([
              ("batch", .int(b.batch)), ("at", .string(b.at)), ("day", .string(b.day.iso)), ("action", .string(b.action.rawValue)),
              ("file", b.file.map { .string($0) } ?? .null), ("sha256", b.sha256.map { .string($0) } ?? .null),
              ("unit", b.scope.map { .string($0.unit) } ?? .null), ("month", b.scope.map { .string($0.month.iso) } ?? .null),
              ("by", .string(b.author)), ("types", .array(b.types.map { .string($0) })), ("rows", .int(b.rows)), ("added", .int(b.added)),
              ("updated", .int(b.updated)), ("removed", .int(b.removed)), ("unchanged", .int(b.unchanged)),
              ("reason", b.reason.map { .string($0) } ?? .null), ("undoes", b.undoes.map { .int($0) } ?? .null),
              ("undone_by", b.undoneBy.map { .int($0) } ?? .null),
            ])
          })
      )
    ])
  }

  // MARK: Reminder

  /// The 催报 notice for the units that have not reported (missing, or returned and not
  /// submitted again), ready to paste into a work chat or a notice; nil when every unit has
  /// reported.
  ///
  /// - Parameters:
  ///   - campaign: the campaign's name, for the subject.
  ///   - issuer: the office that signs it.
  ///   - today: the notice's date.
  public static func reminder(_ s: SubmissionStatus, campaign: String, issuer: String, today: Day, lang: Language) -> String? {
    let missing = s.units.filter { $0.state == .missing }
    let returned = s.units.filter { $0.state == .returned }
    guard !missing.isEmpty || !returned.isEmpty else { return nil }
    let all = missing + returned
    let indent = "\u{3000}\u{3000}"
    if lang == .en {
      var body = [
        "Reminder: \(campaign) records for \(s.month.iso)", "",
        "To: " + all.map(\.unit.name).joined(separator: ", "), "",
        "Every unit is to submit its records for \(s.month.iso) by \(s.deadline.iso). As of \(today.iso):",
      ]
      if !missing.isEmpty { body.append("- not yet submitted: " + missing.map(\.unit.name).joined(separator: ", ") + ".") }
      for r in returned { body.append("- returned for correction: \(r.unit.name) (\(r.reason ?? "")).") }
      body.append(
        today > s.deadline
          ? "The deadline has passed: please submit as soon as you receive this notice."
          : "Please submit by \(s.deadline.iso).")
      if !returned.isEmpty { body.append("Units whose submission was returned: correct it as the office asks and submit it again.") }
      body += ["", issuer, today.iso]
      return body.joined(separator: "\n") + "\n"
    }
    var paragraphs: [String] = []
    paragraphs.append(
      "\(indent)按照工作安排，各单位应于\(s.deadline.chinese)前报送\(s.month.chinese)\(campaign)开展情况数据。截至\(today.chinese)，"
        + (missing.isEmpty ? "" : "\(Phrases.joined(missing.map(\.unit.name), lang: .zh))尚未报送")
        + (missing.isEmpty || returned.isEmpty ? "" : "；")
        + (returned.isEmpty ? "" : returned.map { "\($0.unit.name)报送的数据已退回（退回意见：\($0.reason ?? "")）" }.joined(separator: "；"))
        + "。")
    var ask = today > s.deadline ? "报送截止日期已过，请相关单位收到通知后立即报送" : "请相关单位于\(s.deadline.chinese)前报送"
    if !returned.isEmpty { ask += "；数据被退回的单位，请按退回意见修改后重新报送" }
    paragraphs.append("\(indent)\(ask)。")
    let title = "关于报送\(s.month.chinese)\(campaign)数据的催报通知"
    let addressees = all.map(\.unit.name).joined(separator: "、") + "："
    let signature = [issuer, today.chinese].map { TextWidth.padLeft($0, to: 60) }
    return ([BriefingContext.centered(title, spaced: false), "", addressees] + paragraphs + [""] + signature).joined(separator: "\n") + "\n"
  }

  /// `2021-08-03T09:12:00+08:00` → `2021-08-03 09:12`.
  static func displayTime(_ at: String) -> String {
    guard at.count >= 16 else { return at }
    return at.prefix(10) + " " + at.dropFirst(11).prefix(5)
  }
}
