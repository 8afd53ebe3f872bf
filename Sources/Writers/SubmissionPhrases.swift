import Aggregation
import CampaignModel

/// The words for who has reported, shared by the workbook and the briefing.
enum SubmissionPhrases {
  /// The names of the units that have not reported, with the months each missed when the
  /// period has several, and 已退回 marked: 理学院党总支（已退回）、… / A（7月、8月）.
  static func unreported(_ report: PeriodReport, lang: Language) -> [String] {
    guard let submissions = report.submissions else { return [] }
    let several = submissions.count > 1
    return report.unreportedUnits.map { entry in
      let returned = submissions.contains { s in s.units.contains { $0.unit.id == entry.unit.id && $0.state == .returned } }
      var notes: [String] = []
      if several { notes.append(entry.months.map { lang.pick("\($0.month)月", $0.iso) }.joined(separator: lang.pick("、", ", "))) }
      if returned && !several { notes.append(lang.pick("已退回", "returned")) }
      return notes.isEmpty
        ? entry.unit.name : entry.unit.name + lang.pick("（\(notes.joined(separator: "，"))）", " (\(notes.joined(separator: "; ")))")
    }
  }

  /// Units that reported and held nothing in every month of the period that has a status.
  static func reportedEmpty(_ report: PeriodReport) -> [Unit] {
    guard let submissions = report.submissions, !submissions.isEmpty else { return [] }
    return report.current.units.map(\.unit).filter { u in submissions.allSatisfy { s in s.reportedEmpty.contains { $0.id == u.id } } }
  }

  /// The by-unit sheet's line: with submissions, the units that have not reported and those
  /// that reported nothing; without, the units that recorded nothing (the store knows no more).
  static func unreportedLine(_ report: PeriodReport, this: String, lang: Language) -> String {
    let none = lang.pick("无", "none")
    func list(_ names: [String]) -> String {
      names.isEmpty ? none : Phrases.joined(names, limit: 30, measure: lang.pick("个单位", ""), lang: lang)
    }
    guard report.submissions != nil else {
      return lang.pick("\(this)无记录单位：", "Units that recorded nothing \(this): ") + list(report.silentUnits.map(\.name))
    }
    var line = lang.pick("\(this)未报送单位：", "Units that have not reported \(this): ") + list(unreported(report, lang: lang))
    let empty = reportedEmpty(report).map(\.name)
    if !empty.isEmpty { line += lang.pick("；已报送、无活动记录：", "; reported, with nothing to record: ") + list(empty) }
    return line
  }
}
