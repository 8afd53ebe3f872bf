import Aggregation
import CampaignModel
import CampaignStore
import Foundation
import TestSupport
import Testing
import Writers

/// The workbook of the tiny institution's July, read back with openpyxl.
@Suite("The monthly workbook", .serialized)
struct ReportWorkbookTests {
  let july = Month(year: 2021, month: 7)!
  let reportDate = Day(year: 2021, month: 8, day: 3)!

  func write(_ t: TestStore, lang: Language = .zh, name: String = "monthly.xlsx") throws -> (String, PeriodReport) {
    let path = t.directory.path(name)
    let report = try t.store.snapshot { source in
      let r = try PeriodReport.compute(month: july, from: source)
      try ReportWorkbook.write(r, source: source, to: path, lang: lang, reportDate: reportDate)
      return r
    }
    return (path, report)
  }

  @Test("sheets, title and properties")
  func sheets() throws {
    let t = try TestStore.tiny()
    try t.store.setSetting("institution", to: "测试学院")
    let (path, _) = try write(t)
    let wb = try ReadWorkbook(path: path)
    #expect(wb.sheets == ["总览", "支部统计", "学习活动明细", "督查督导", "办实事台账", "宣传报道"])
    #expect(wb.value("总览", "A1") as? String == "测试学院党史学习教育统计月报（2021年7月）")
    #expect(wb.value("总览", "A2") as? String == "填报单位：中共测试学院委员会")
    #expect(wb.value("总览", "I2") as? String == "报出日期：2021年8月3日")
    #expect(wb.properties["created"] as? String == "2021-07-31T00:00:00")
    #expect(wb.properties["creator"] as? String == "中共测试学院委员会")
    let en = try ReadWorkbook(path: try write(t, lang: .en, name: "en.xlsx").0)
    #expect(en.sheets == ["Overview", "By unit", "Activities", "Supervision", "Matters ledger", "Publicity"])
  }

  @Test("the overview's figures are the statistics engine's, with number and percent formats")
  func overviewFigures() throws {
    let t = try TestStore.tiny()
    let (path, report) = try write(t)
    let wb = try ReadWorkbook(path: path)
    let s = report.current
    for k in s.kinds {
      let row = try #require(wb.row(of: k.kind.name, in: "总览", column: "C"), "\(k.kind.code)")
      #expect(wb.value("总览", "E\(row)") as? Int == k.totals.period.count, "\(k.kind.code)")
      #expect(wb.value("总览", "H\(row)") as? Int == k.totals.cumulative.count, "\(k.kind.code)")
      #expect(wb.cell("总览", "E\(row)")?["format"] as? String == "0")
    }
    // Hand-computed (see docs/definitions.md): branch study 7 this month, 8 cumulative; average 5/3.
    let branch = try #require(wb.row(of: "基层党组织集中学习", in: "总览", column: "C"))
    #expect(wb.value("总览", "E\(branch)") as? Int == 7)
    #expect(wb.value("总览", "I\(branch)") as? Double == 8.5)
    let avg = try #require(wb.row(of: "基层党组织平均集中学习次数", in: "总览", column: "C"))
    #expect(abs((wb.value("总览", "E\(avg)") as? Double ?? 0) - 5.0 / 3.0) < 1e-9)
    #expect(wb.cell("总览", "E\(avg)")?["format"] as? String == "0.0")
    #expect((wb.cell("总览", "E\(avg)")?["formula"] as? String)?.hasPrefix("='支部统计'!") == true)
    let rate = try #require(wb.row(of: "解决率", in: "总览", column: "C"))
    #expect(wb.value("总览", "E\(rate)") as? Double == 0.25)
    #expect(wb.cell("总览", "E\(rate)")?["format"] as? String == "0.0%")
    let claimedRate = try #require(wb.row(of: "认领事项解决率", in: "总览", column: "C"))
    #expect(abs((wb.value("总览", "E\(claimedRate)") as? Double ?? 0) - 1.0 / 3.0) < 1e-9)
    let overdue = try #require(wb.row(of: "逾期未解决事项", in: "总览", column: "C"))
    #expect(wb.value("总览", "H\(overdue)") as? Int == 2)
    let collected = try #require(wb.row(of: "收集意见建议", in: "总览", column: "C"))
    #expect(wb.value("总览", "E\(collected)") as? Int == 3)
    #expect(wb.value("总览", "H\(collected)") as? Int == 5)
  }

  @Test("the by-unit sheet: totals and average rows agree with the overview; below-average units are formatted")
  func unitSheet() throws {
    let t = try TestStore.tiny()
    let (path, _) = try write(t)
    let wb = try ReadWorkbook(path: path)
    // Units in rows 5...8 (G1, D1, D2, R), total in 9, average in 10.
    #expect((5...8).map { wb.value("支部统计", "B\($0)") as? String } == ["机关党总支", "图书馆直属党支部", "后勤直属党支部", "离退休直属党支部"])
    #expect((5...8).map { wb.value("支部统计", "D\($0)") as? Int } == [3, 2, 0, 1])
    #expect(wb.value("支部统计", "B9") as? String == "合计")
    #expect(wb.value("支部统计", "D9") as? Int == 6)
    #expect(wb.cell("支部统计", "D9")?["formula"] as? String == "=SUM(D5:D8)")
    #expect(abs((wb.value("支部统计", "D10") as? Double ?? 0) - 5.0 / 3.0) < 1e-9)
    #expect(wb.value("支部统计", "E10") as? Double == 2)
    // Rank by cumulative sessions among counted units: G1 4 → 1, D1 2 → 2, D2 0 → 3, R not ranked.
    #expect((5...8).map { "\(wb.value("支部统计", "P\($0)") ?? "")" } == ["1", "2", "3", "—"])
    let sheet = wb.sheet("支部统计")
    #expect(sheet["conditional"] as? [String] == ["A5:P8"])
    #expect(sheet["charts"] as? Int == 1)
    #expect(sheet["freeze"] as? String == "C5")
  }

  @Test("records past a sheet's last row go on to continuation sheets with the same header and numbering")
  func continuation() throws {
    let t = try TestStore.tiny()
    let path = t.directory.path("split.xlsx")
    // A sheet of 5 rows: title, reporting unit, header and two records.
    try t.store.snapshot { source in
      let r = try PeriodReport.compute(month: july, from: source)
      try ReportWorkbook.write(r, source: source, to: path, lang: .zh, reportDate: reportDate, detailRowsPerSheet: 5)
    }
    let whole = try ReadWorkbook(path: try write(t).0)
    let split = try ReadWorkbook(path: path)
    let records = { (wb: ReadWorkbook, sheet: String) -> [[String]] in
      (4...100).compactMap { row -> [String]? in
        guard let n = wb.value(sheet, "A\(row)") else { return nil }
        return ["\(n)"] + ["B", "C", "D", "E", "F"].map { "\(wb.value(sheet, "\($0)\(row)") ?? "")" }
      }
    }
    let all = records(whole, "学习活动明细")
    #expect(all.count >= 5)
    let parts = split.sheets.filter { $0.hasPrefix("学习活动明细") }
    #expect(parts.count == (all.count + 1) / 2)
    #expect(parts.dropFirst().first == "学习活动明细（续1）")
    #expect(parts.flatMap { records(split, $0) } == all)
    #expect(split.value("学习活动明细（续1）", "A1") as? String == "学习活动明细（续）（2021年7月1日—7月31日）")
    #expect(split.value("学习活动明细（续1）", "A3") as? String == "序号")
    #expect(split.sheets.last == "宣传报道")
  }

  @Test("print settings: A4, fit to one page wide, repeated headers, page footer")
  func printing() throws {
    let t = try TestStore.tiny()
    let (path, _) = try write(t)
    let wb = try ReadWorkbook(path: path)
    for name in wb.sheets {
      let s = wb.sheet(name)
      #expect(s["paper"] as? Int == 9, "\(name)")
      #expect(s["fit_to_page"] as? Bool == true, "\(name)")
      #expect((s["footer"] as? String)?.contains("&P") == true && (s["footer"] as? String)?.contains("&N") == true, "\(name)")
      #expect((s["print_titles"] as? String)?.isEmpty == false, "\(name)")
    }
    #expect(wb.sheet("总览")["orientation"] as? String == "portrait")
    #expect(wb.sheet("支部统计")["orientation"] as? String == "landscape")
    #expect(wb.sheet("学习活动明细")["freeze"] as? String == "A4")
    #expect(wb.sheet("学习活动明细")["autofilter"] as? String != nil)
  }

  @Test("data text is never a formula; dates are dates; the ledger shows status as of the month's end")
  func textAndDates() throws {
    let t = try TestStore.tiny()
    _ = try t.store.importOne(
      try t.directory.write("x.csv", "id,date,unit,kind,title\nX1,2021-07-02,D1,seminar,=SUM(1;2)\nX2,2021-07-03,D1,seminar,+86 研讨\n"))
    let (path, _) = try write(t)
    let wb = try ReadWorkbook(path: path)
    let row = try #require(wb.row(of: "=SUM(1;2)", in: "学习活动明细", column: "F"))
    #expect(wb.cell("学习活动明细", "F\(row)")?["type"] as? String == "s")
    #expect(wb.row(of: "+86 研讨", in: "学习活动明细", column: "F") != nil)
    #expect(wb.cell("学习活动明细", "B4")?["type"] as? String == "d")
    #expect(wb.cell("学习活动明细", "B4")?["format"] as? String == "yyyy-mm-dd")
    // M1 is resolved on 08-05: in July's ledger it is in progress and overdue.
    let m1 = try #require(wb.row(of: "M1", in: "办实事台账", column: "B"))
    #expect(wb.value("办实事台账", "I\(m1)") as? String == "推进中")
    #expect(wb.value("办实事台账", "J\(m1)") == nil)
    #expect(wb.value("办实事台账", "L\(m1)") as? String == "是")
  }

  @Test("the same data and reporting date give byte-identical files")
  func deterministic() throws {
    let t = try TestStore.tiny()
    let (a, _) = try write(t, name: "a.xlsx")
    let (b, _) = try write(t, name: "b.xlsx")
    #expect(try Data(contentsOf: URL(fileURLWithPath: a)) == Data(contentsOf: URL(fileURLWithPath: b)))
  }

  @Test("the file passes the Open XML schema check")
  func schema() throws {
    let t = try TestStore.tiny()
    let (path, _) = try write(t)
    let audit = try auditWorkbook(path)
    #expect(audit.errors == 0, "\(audit.output)")
  }

  @Test("计划完成情况: every requirement and plan with the engine's figures, the elapsed fraction in the title line, 滞后 marked")
  func targetSheet() throws {
    let t = try TestStore.tinyWithTargets()
    let (path, report) = try write(t)
    let wb = try ReadWorkbook(path: path)
    #expect(wb.sheets == ["总览", "支部统计", "计划完成情况", "学习活动明细", "督查督导", "办实事台账", "宣传报道"])
    let sheet = "计划完成情况"
    #expect(wb.value(sheet, "E2") as? String == "截至2021年7月31日，全年序时进度58.1%（212/365天）")
    // Requirements: rows 6–8 (docs/definitions.md): 2 of 2, 1 of 2 missing D2, 0 of 1 missing G1.
    #expect(wb.value(sheet, "D6") as? String == "全部参与统计单位（后勤直属党支部免于考核）")
    #expect([6, 7, 8].map { wb.value(sheet, "E\($0)") as? Int } == [2, 2, 1])
    #expect([6, 7, 8].map { wb.value(sheet, "F\($0)") as? Int } == [2, 1, 0])
    #expect([6, 7, 8].map { wb.value(sheet, "H\($0)") as? String } == ["无", "后勤直属党支部", "机关党总支"])
    #expect(wb.value(sheet, "C7") as? String == "每月至少2次")
    // Plans: rows 12–15, as computed by TargetFigures.
    let plans = report.current.targets.plans
    for (i, p) in plans.enumerated() {
      let row = 12 + i
      #expect(wb.value(sheet, "F\(row)") as? Int == p.done)
      #expect(abs((wb.value(sheet, "H\(row)") as? Double ?? -1) - p.elapsed.value) < 1e-12)
      #expect(abs((wb.value(sheet, "I\(row)") as? Double ?? -1) - p.expected.value) < 1e-12)
      #expect(wb.value(sheet, "K\(row)") as? String == p.status.chineseName)
    }
    #expect(wb.value(sheet, "B12") as? String == "党委本级")
    #expect(wb.value(sheet, "D13") as? String == "2021-06-01—2021-08-31")
    #expect([12, 13, 14, 15].map { wb.value(sheet, "K\($0)") as? String } == ["滞后", "超序时", "已完成", "滞后"])
    #expect(wb.cell(sheet, "K12")?["bold"] as? Bool == true)
    #expect(wb.cell(sheet, "K13")?["bold"] as? Bool == false)
    #expect(wb.cell(sheet, "G12")?["format"] as? String == "0.0%")
    let lagging = try #require(wb.row(of: "进度滞后的计划（红色标出）：党委本级“党委理论学习中心组集体学习”、后勤直属党支部“基层党组织集中学习”", in: sheet, column: "A"))
    #expect(lagging > 15)
    #expect(try auditWorkbook(path).errors == 0)
  }

  @Test("an empty store gives a complete workbook with dashes for undefined rates")
  func empty() throws {
    let t = try TestStore()
    let (path, _) = try write(t)
    let wb = try ReadWorkbook(path: path)
    let rate = try #require(wb.row(of: "解决率", in: "总览", column: "C"))
    #expect(wb.value("总览", "E\(rate)") as? String == "—")
    #expect(try auditWorkbook(path).errors == 0)
  }
}

@Suite("Sheet names and cell addresses")
struct SheetNameTests {
  @Test func clean() {
    #expect(SheetName.clean("a/b\\c?d*e[f]g:h") == "a_b_c_d_e_f_g_h")
    #expect(SheetName.clean(String(repeating: "党", count: 40)).count == 31)
    #expect(SheetName.clean("'x'") == "x")
    #expect(SheetName.clean("") == "Sheet")
    #expect(SheetName.quoted("O'Brien") == "'O''Brien'")
  }

  @Test func addresses() {
    #expect(CellAddress.column(0) == "A")
    #expect(CellAddress.column(25) == "Z")
    #expect(CellAddress.column(26) == "AA")
    #expect(CellAddress.column(701) == "ZZ")
    #expect(CellAddress.column(702) == "AAA")
    #expect(CellAddress.cell(2, 1, absolute: true) == "$B$3")
  }
}
