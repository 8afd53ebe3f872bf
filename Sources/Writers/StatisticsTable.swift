import Aggregation
import CampaignModel

/// The readable table of `report stats` (without `--json`), for a terminal.
public enum StatisticsTable {
  /// Renders every figure as aligned text tables in a language.
  public static func render(_ s: Statistics, lang: Language) -> String {
    let p = s.windows.period, c = s.windows.cumulative
    var out: [String] = []
    let name = [s.settings.institution, s.settings.campaign].filter { !$0.isEmpty }.joined(separator: " ")
    out.append(
      lang.pick(
        "\(name) 统计（\(p.start.chinese)—\(p.end.chinese)；累计自\(c.start.chinese)）",
        "\(name) statistics (\(p.start.iso) to \(p.end.iso); cumulative from \(c.start.iso))"))
    out.append("")

    var kinds = Grid(
      header: lang == .zh
        ? ["类别", "指标", "单位", "本期", "累计", "本期学时", "累计学时", "本期人次", "累计人次"]
        : ["Category", "Indicator", "Unit", "Period", "Cumulative", "Hours", "Cum. hours", "Participants", "Cum. part."],
      rightAligned: 3...8)
    for k in s.kinds {
      let t = k.totals
      kinds.add([
        lang.pick(k.kind.categoryName, k.kind.categoryNameEn), k.kind.name(in: lang), k.kind.measure(in: lang),
        "\(t.period.count)", "\(t.cumulative.count)", t.period.hours.description, t.cumulative.hours.description,
        "\(t.period.participants)", "\(t.cumulative.participants)",
      ])
    }
    out.append(kinds.rendered())
    out.append("")

    var units = Grid(
      header: lang == .zh
        ? ["单位", "参与统计", "本期集中学习", "累计集中学习"]
        : ["Unit", "Counted", "Branch study (period)", "Branch study (cumulative)"],
      rightAligned: 2...3)
    for u in s.units {
      units.add([
        u.unit.name, u.unit.counted ? lang.pick("是", "yes") : lang.pick("否", "no"), "\(u.branchStudy.period)",
        "\(u.branchStudy.cumulative)",
      ])
    }
    let avg = s.branchStudyAverage
    units.add([lang.pick("平均（参与统计单位）", "Average (counted units)"), "", avg.period?.fixed(1) ?? "—", avg.cumulative?.fixed(1) ?? "—"])
    out.append(units.rendered())
    let excluded = s.units.filter { !$0.unit.counted }.map(\.unit.name)
    if !excluded.isEmpty {
      out.append(
        lang.pick(
          "注：\(excluded.joined(separator: "、"))不参与平均数和排名。",
          "Note: \(excluded.joined(separator: ", ")) not counted in averages and rankings."))
    }
    out.append("")

    let m = s.matters
    var matters = Grid(
      header: lang == .zh ? ["办实事", "本期", "截至期末"] : ["Practical matters", "Period", "As of period end"], rightAligned: 1...2)
    matters.add([lang.pick("收集意见建议", "Opinions collected"), "\(m.period.collected)", "\(m.asOf.collected)"])
    matters.add([lang.pick("梳理汇总事项", "Matters consolidated"), "\(m.period.consolidated)", "\(m.asOf.consolidated)"])
    matters.add([lang.pick("领导认领", "Claimed by leaders"), "\(m.period.claimed)", "\(m.asOf.claimed)"])
    matters.add([lang.pick("已解决", "Resolved"), "\(m.period.resolved)", "\(m.asOf.resolved)"])
    matters.add([lang.pick("其中：已认领事项已解决", "of which claimed and resolved"), "", "\(m.claimedAndResolved)"])
    matters.add([lang.pick("解决率（已解决÷汇总事项）", "Resolution rate (resolved ÷ consolidated)"), "", m.resolutionRate?.percent ?? "—"])
    matters.add([
      lang.pick("认领事项解决率（其中已解决÷认领）", "Claimed resolution rate (claimed and resolved ÷ claimed)"), "",
      m.claimedResolutionRate?.percent ?? "—",
    ])
    matters.add([lang.pick("逾期未解决", "Overdue"), "", "\(m.overdue)"])
    matters.add([lang.pick("重点项目", "Key projects"), "", "\(m.keyProjects)"])
    out.append(matters.rendered())
    return out.joined(separator: "\n") + "\n"
  }
}

/// A plain-text table with columns aligned by display width.
struct Grid {
  var header: [String]
  var rightAligned: ClosedRange<Int>
  var rows: [[String]] = []

  init(header: [String], rightAligned: ClosedRange<Int>) {
    self.header = header
    self.rightAligned = rightAligned
  }

  mutating func add(_ row: [String]) { rows.append(row) }

  func rendered() -> String {
    let all = [header] + rows
    let widths = header.indices.map { i in all.map { TextWidth.of($0[i]) }.max() ?? 0 }
    func line(_ r: [String]) -> String {
      r.indices.map { i in
        rightAligned.contains(i) ? TextWidth.padLeft(r[i], to: widths[i]) : TextWidth.padRight(r[i], to: widths[i])
      }.joined(separator: "  ").replacing(/\s+$/, with: "")
    }
    let rule = String(repeating: "-", count: widths.reduce(0, +) + 2 * (widths.count - 1))
    return ([line(header), rule] + rows.map(line)).joined(separator: "\n")
  }
}
