import Aggregation
import CampaignModel
import CampaignStore
import Foundation
import TestSupport
import Testing
import Writers

/// The overview's format-neutral description, on the tiny institution (docs/definitions.md):
/// changes are the differences of the displayed values, a rate's change is in 个百分点, and
/// nothing recorded stays blank.
@Suite("The overview's description", .serialized)
struct OverviewTableTests {
  let july = Month(year: 2021, month: 7)!

  func report(_ t: TestStore) throws -> PeriodReport {
    try t.store.snapshot { try PeriodReport.compute(month: july, from: $0) }
  }

  @Test("displayed tenths round half up, exactly")
  func tenths() {
    #expect(Ratio(57, 4)!.tenths() == 143)  // 14.25 shows 14.3
    #expect(Ratio(3, 20)!.tenths() == 2)  // 0.15 shows 0.2, though 0.15 is not exact in binary
    #expect(Ratio(5, 19)!.tenths(scale: 100) == 263)  // 26.3%
    #expect(Ratio(1, 3)!.tenths() == 3)
  }

  @Test("the average's change is the difference of the displayed averages")
  func averageChange() throws {
    let t = try TestStore.tiny()
    let table = OverviewTable(try report(t), lang: .zh)
    let avg = try #require(table.row("branchAverage"))
    // July (3 + 2 + 0) ÷ 3 = 1.666… shows 1.7; June 1 ÷ 3 = 0.333… shows 0.3. The exact
    // difference 1.333… would show 1.3; the displayed values differ by 1.4.
    #expect(avg.cell(.period).value.text(.zh) == "1.7")
    #expect(avg.cell(.previous).value.text(.zh) == "0.3")
    #expect(avg.cell(.change).value == .oneDecimalChange(tenths: 14))
    #expect(avg.cell(.change).value.text(.zh) == "+1.4")
    #expect(avg.cell(.change).derivation == .displayedDifference(scale: 1))
  }

  @Test("a rate's change is in percentage points (个百分点)")
  func rateChange() throws {
    let t = try TestStore.tiny()
    let r = try report(t)
    let table = OverviewTable(r, lang: .zh)
    // As of July 31: 1 ÷ 4 = 25.0%; as of June 30: 0 of M1 and M5 resolved, 0.0%.
    let rate = try #require(table.row("resolutionRate"))
    #expect(rate.cell(.period).value.text(.zh) == "25.0%")
    #expect(rate.cell(.previous).value.text(.zh) == "0.0%")
    #expect(rate.cell(.change).value == .pointsChange(tenths: 250))
    #expect(rate.cell(.change).value.text(.zh) == "+25.0个百分点")
    // Claimed: 1 ÷ 3 = 33.3% against 0 ÷ 2.
    let claimed = try #require(table.row("claimedResolutionRate"))
    #expect(claimed.cell(.change).value.text(.zh) == "+33.3个百分点")
    #expect(OverviewTable(r, lang: .en).row("claimedResolutionRate")?.cell(.change).value.text(.en) == "+33.3 pp")
  }

  @Test("every change shown equals the shown values' difference")
  func changesAddUp() throws {
    let t = try TestStore.tiny()
    for row in OverviewTable(try report(t), lang: .zh).rows {
      let change = row.cell(.change).value
      guard let c = change.number, let now = row.cell(.period).value.number, let before = row.cell(.previous).value.number else {
        continue
      }
      let scale: Double = if case .pointsChange = change { 100 } else { 1 }
      let shown = { (x: Double) in (x * scale * 10).rounded(.toNearestOrAwayFromZero) / 10 }
      #expect(abs(c - (shown(now) - shown(before))) < 1e-9, "\(row.key)")
    }
  }

  @Test("no hours recorded is blank, not 0.0")
  func blankHours() throws {
    let t = try TestStore.tiny()
    let table = OverviewTable(try report(t), lang: .zh)
    let media = try #require(table.row("media_report"))
    #expect(media.cell(.periodHours).value == .blank)
    #expect(media.cell(.cumulativeHours).value == .blank)
    #expect(try #require(table.row("supervision")).cell(.periodHours).value == .blank)
    #expect(try #require(table.row("branch_study")).cell(.periodHours).value == .oneDecimal(8.5))
    #expect(try #require(table.row("media_report")).cell(.period).value == .count(3))
  }

  @Test("the workbook shows the description: formulas of the displayed values, 个百分点, blanks")
  func workbook() throws {
    let t = try TestStore.tiny()
    let path = t.directory.path("monthly.xlsx")
    try t.store.snapshot { source in
      let r = try PeriodReport.compute(month: july, from: source)
      try ReportWorkbook.write(r, source: source, to: path, lang: .zh, reportDate: Day(year: 2021, month: 8, day: 3)!)
    }
    let wb = try ReadWorkbook(path: path)
    let avg = try #require(wb.row(of: "基层党组织平均集中学习次数", in: "总览", column: "C"))
    #expect(wb.value("总览", "G\(avg)") as? Double == 1.4)
    #expect(wb.cell("总览", "G\(avg)")?["formula"] as? String == "=ROUND(ROUND(E\(avg),1)-ROUND(F\(avg),1),1)")
    let rate = try #require(wb.row(of: "解决率", in: "总览", column: "C"))
    #expect(wb.value("总览", "G\(rate)") as? Double == 25)
    #expect((wb.cell("总览", "G\(rate)")?["format"] as? String)?.contains("个百分点") == true)
    let media = try #require(wb.row(of: "媒体刊发", in: "总览", column: "C"))
    #expect(wb.value("总览", "E\(media)") as? Int == 3)
    #expect(wb.value("总览", "I\(media)") == nil && wb.value("总览", "J\(media)") == nil)
    // The detail sheet: the media report (A10) has no hours and no participants.
    let a10 = try #require(wb.row(of: "报道", in: "学习活动明细", column: "F"))
    #expect(wb.value("学习活动明细", "G\(a10)") == nil && wb.value("学习活动明细", "H\(a10)") == nil)
    #expect(wb.value("学习活动明细", "I\(a10)") as? Int == 3)
  }

  @Test("the by-unit table's description: the units' figures, 合计 over every unit, 平均 over the counted, ranks")
  func byUnit() throws {
    let t = try TestStore.tiny()
    let table = ByUnitTable(try report(t), lang: .zh)
    // July's branch sessions (docs/definitions.md): G1 3, D1 2, D2 0, R 1; the committee's own counts for none.
    #expect(table.rows.map(\.name) == ["机关党总支", "图书馆直属党支部", "后勤直属党支部", "离退休直属党支部"])
    #expect(table.rows.map { $0.cell(.branchPeriod).value } == [.count(3), .count(2), .count(0), .count(1)])
    #expect(table.total[.branchPeriod]?.value == .count(6))
    #expect(table.total[.branchPeriod]?.derivation == .columnTotal)
    // (3 + 2 + 0) ÷ 3: R is not counted.
    #expect(table.average[.branchPeriod]?.value.text(.zh) == "1.7")
    // Cumulative G1 4, D1 2, D2 0; R unranked.
    #expect(table.rows.map { $0.cell(.rank).value } == [.count(1), .count(2), .count(3), .undefined])
    #expect(table.rows.map(\.counted) == [true, true, true, false])
    #expect(table.groups.first?.label == "集中学习（次）" && table.groups.first?.labels == ["本月", "累计"])
  }

  @Test("开展率 rows: 应开展, 已开展 and the rate per requirement, against June's, as docs/definitions.md works them out")
  func requirementRows() throws {
    let t = try TestStore.tinyWithTargets()
    let table = OverviewTable(try report(t), lang: .zh)
    let section = try #require(table.sections.first { $0.name == "开展情况" })
    #expect(section.rows.count == 9)  // three requirements, three rows each
    func texts(_ key: String) throws -> [String] {
      let row = try #require(table.row(key))
      return [OverviewTable.Column.period, .previous, .change, .cumulative].map { row.cell($0).value.text(.zh) }
    }
    // 1: July G1 and D1 of 2 (D2 exempt); June only G1 (through G1a) of 2.
    #expect(try texts("requirement0.required") == ["2", "2", "0", ""])
    #expect(try texts("requirement0.met") == ["2", "1", "+1", ""])
    #expect(try texts("requirement0.rate") == ["100.0%", "50.0%", "+50.0个百分点", ""])
    // 2: D1 of D1 and D2 in July; none in June.
    #expect(try texts("requirement1.rate") == ["50.0%", "0.0%", "+50.0个百分点", ""])
    // 3: from 1 July, so not in force in June: no previous figure.
    #expect(try texts("requirement2.required") == ["1", "—", "—", ""])
    #expect(try texts("requirement2.rate") == ["0.0%", "—", "—", ""])
    #expect(
      table.row("requirement0.rate")?.cell(.period).derivation
        == .ratio(numerator: "requirement0.met", denominator: "requirement0.required", column: .period))
    #expect(table.row("requirement0.required")?.name == "应开展基层党组织集中学习单位数（每月至少1次）")
    // Without requirements, no section.
    #expect(!OverviewTable(try report(try TestStore.tiny()), lang: .zh).sections.contains { $0.name == "开展情况" })
  }
}
