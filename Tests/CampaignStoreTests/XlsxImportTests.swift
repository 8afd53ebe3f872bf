import CampaignModel
import Foundation
import TestSupport
import Testing
import Writers

@testable import CampaignStore

/// Workbooks in, by the same rules and messages as CSV: collection templates filled by another
/// writer (openpyxl), a workbook saved by LibreOffice Calc, and broken ones.
@Suite("Importing .xlsx workbooks", .serialized)
struct XlsxImportTests {
  /// A store with the tiny institution's organizations only.
  func organizationsOnly() throws -> TestStore {
    let t = try TestStore()
    try t.store.importOne(Fixtures.path("tiny/organizations.csv"))
    return t
  }

  func template(_ t: TestStore, sheets: [CollectionTemplate.Sheet] = CollectionTemplate.Sheet.records, lang: Language = .zh) throws
    -> String
  {
    let path = t.directory.path("template.xlsx")
    let contents = CollectionTemplate.Contents(
      catalogue: try t.store.catalogue(), organizations: try t.store.organizations(), matterIDs: try t.store.matterIDs(),
      dates: DayRange(Day(year: 2021, month: 1, day: 1)!, Day(year: 2021, month: 12, day: 31)!)!, sheets: sheets)
    try CollectionTemplate.write(contents, to: path, lang: lang, created: Day(year: 2021, month: 3, day: 1)!)
    return path
  }

  @Test("round trip: a template filled by another program imports to the same store as the CSV files")
  func roundTrip() throws {
    let viaCSV = try TestStore.tiny()
    let t = try organizationsOnly()
    let filled = t.directory.path("filled.xlsx")
    try makeWorkbook([
      "fill", try template(t), filled, "活动记录=" + Fixtures.path("tiny/activities.csv"), "办实事台账=" + Fixtures.path("tiny/matters.csv"),
      "意见建议=" + Fixtures.path("tiny/feedback.csv"),
    ])
    let summaries = try t.store.importFile(filled)
    // One transaction for the whole workbook, sheets in dependency order.
    #expect(summaries.map(\.type) == [.matters, .activities, .feedback])
    #expect(summaries.map(\.rows) == [5, 13, 6])
    #expect(summaries.allSatisfy { $0.format == .xlsx && $0.file.hasPrefix(filled + "[") })
    #expect(try t.dump(batches: false) == viaCSV.dump(batches: false))
    // Importing it again changes nothing.
    #expect(try t.store.importFile(filled).allSatisfy { $0.added == 0 && $0.updated == 0 })
  }

  @Test("the English template round-trips too")
  func englishRoundTrip() throws {
    let t = try organizationsOnly()
    let filled = t.directory.path("filled.xlsx")
    try makeWorkbook([
      "fill", try template(t, sheets: [.activities], lang: .en), filled, "Activities=" + Fixtures.path("tiny/activities.csv"),
    ])
    #expect(try t.store.importOne(filled).added == 13)
  }

  @Test("every constrained column carries its rule, prompt and message; the header is locked; the lists sheet is hidden")
  func validations() throws {
    let t = try TestStore.tiny()
    let wb = try ReadWorkbook(path: try template(t))
    #expect(wb.sheets == ["填写说明", "活动记录", "办实事台账", "意见建议", "选项"])
    #expect(wb.sheet("选项")["state"] as? String == "hidden")
    let rows = "2:1001"
    func rules(_ sheet: String) -> [String: [String: Any]] {
      var out: [String: [String: Any]] = [:]
      for v in wb.sheet(sheet)["validations"] as? [[String: Any]] ?? [] {
        out[String((v["sqref"] as? String ?? "").prefix(1))] = v
      }
      return out
    }
    let a = rules("活动记录")
    #expect(a["B"]?["type"] as? String == "date")
    #expect(a["B"]?["formula1"] as? String == "44197")  // 2021-01-01
    #expect(a["B"]?["formula2"] as? String == "44561")  // 2021-12-31
    #expect(a["C"]?["type"] as? String == "list")
    #expect((a["C"]?["formula1"] as? String)?.contains("'选项'!$A$2:$A$8") == true)
    #expect((a["D"]?["formula1"] as? String)?.contains("'选项'!$B$2:$B$15") == true)
    #expect(a["F"]?["type"] as? String == "decimal" && a["F"]?["operator"] as? String == "greaterThanOrEqual")
    #expect(a["G"]?["type"] as? String == "whole" && a["G"]?["formula1"] as? String == "0")
    #expect(a["H"]?["type"] as? String == "whole" && a["H"]?["formula1"] as? String == "1")
    #expect((a["I"]?["formula1"] as? String)?.contains("$D$2:$D$5") == true)
    #expect(a.values.allSatisfy { ($0["sqref"] as? String)?.hasSuffix(rows.replacingOccurrences(of: "2:", with: "")) == true })
    #expect(a["C"]?["prompt_title"] as? String == "单位")
    #expect(a["C"]?["error"] as? String == "请从下拉列表中选择。")
    let m = rules("办实事台账")
    #expect(Set(m.keys) == ["C", "D", "F", "G", "H", "I", "J"])
    #expect((m["H"]?["formula1"] as? String)?.contains("$C$2:$C$4") == true)
    #expect((m["J"]?["formula1"] as? String)?.contains("$E$2:$E$3") == true)
    let f = rules("意见建议")
    #expect((f["F"]?["formula1"] as? String)?.contains("$F$2:$F$6") == true)
    for sheet in ["活动记录", "办实事台账", "意见建议"] {
      #expect(wb.sheet(sheet)["protected"] as? Bool == true)
      #expect(wb.sheet(sheet)["freeze"] as? String == "A2")
    }
    #expect(wb.value("选项", "B2") as? String == "党委理论学习中心组集体学习")
    #expect(wb.value("选项", "C4") as? String == "已解决")
  }

  @Test("--unit limits the unit list to the unit's subtree")
  func unitSubtree() throws {
    let t = try TestStore.tiny()
    let all = try t.store.organizations()
    #expect(all.subtree(of: "G1")?.map(\.id) == ["G1", "G1a", "G1b"])
    #expect(all.subtree(of: "nope") == nil)
  }

  @Test("a workbook saved by LibreOffice Calc imports like the CSV it was made from")
  func libreOffice() throws {
    let viaCSV = try TestStore()
    for f in ["organizations", "activities"] { try viaCSV.store.importOne(Fixtures.path("tiny/\(f).csv")) }
    let t = try organizationsOnly()
    let s = try t.store.importOne(Fixtures.path("xlsx/activities-libreoffice.xlsx"))
    #expect(s.added == 13)
    #expect(try t.dump(batches: false) == viaCSV.dump(batches: false))
  }

  func sheet(_ t: TestStore, _ name: String, _ spec: [String: Any]) throws -> String {
    let json = t.directory.path(name + ".json")
    try JSONSerialization.data(withJSONObject: spec).write(to: URL(fileURLWithPath: json))
    let path = t.directory.path(name + ".xlsx")
    try makeWorkbook(["sheet", path, json])
    return path
  }

  @Test("an office's ledger: a merged title row and a unit line above the header, a 合计 row below")
  func ledger() throws {
    let t = try organizationsOnly()
    let path = try sheet(
      t, "台账",
      [
        "title": "7月台账",
        "rows": [
          ["机关党总支2021年7月学习活动台账", nil, nil, nil], [nil, nil, nil, nil], ["填报单位：机关党总支", nil, nil, nil],
          ["日期", "单位", "类型", "参加人数"], [["date": "2021-07-05"], "G1a", "seminar", 12], [["date": "2021-07-19"], "G1b", "seminar", 8],
          ["合计", nil, nil, 20],
        ],
        "merge": ["A1:D1"],
      ])
    let s = try t.store.importOne(path)
    #expect((s.rows, s.added, s.headerLine) == (2, 2, 4))
    #expect(s.notes.map(\.problem) == [.totalRow])
    #expect(s.notes.first?.file.hasSuffix("[7月台账]") == true)
  }

  @Test("dates in both date systems", arguments: [false, true])
  func dateSystems(_ epoch1904: Bool) throws {
    let t = try organizationsOnly()
    let path = try sheet(
      t, "dates",
      [
        "epoch1904": epoch1904,
        "rows": [
          ["id", "date", "unit", "kind"], ["X1", ["date": "2021-07-03"], "D1", "seminar"], ["X2", ["date": "1999-12-31"], "D1", "seminar"],
        ],
      ])
    #expect(try t.store.importOne(path).added == 2)
    let stats = try t.store.snapshot { try $0.activityTotals(dated: .within(Month(year: 2021, month: 7)!.days)) }
    #expect(stats["seminar"]?.count == 1)
    let early = try t.store.snapshot { try $0.activityTotals(dated: .within(Month(year: 1999, month: 12)!.days)) }
    #expect(early["seminar"]?.count == 1)
  }

  @Test("an unknown column is ignored and named; a missing required column is an error naming it")
  func columns() throws {
    let t = try organizationsOnly()
    let extra = try sheet(t, "extra", ["rows": [["序号", "日期", "单位", "类型"], [1, "2021-07-03", "D1", "seminar"]]])
    #expect(try t.store.importOne(extra).ignoredColumns == ["序号"])
    let missing = try sheet(t, "missing", ["rows": [["id", "date", "unit", "title"], ["X", "2021-07-03", "D1", "t"]]])
    #expect {
      try t.store.importFile(missing, type: .activities)
    } throws: { error in
      guard case StoreError.badData(_, let issues, _) = error else { return false }
      return issues.first?.problem == .missingColumn("kind / 类型")
    }
  }

  @Test("a formula cell counts with its cached value; problems name sheet, row and column letter")
  func formulasAndMessages() throws {
    let t = try organizationsOnly()
    let path = t.directory.path("formula.xlsx")
    let workbook = try Workbook(path: path, constantMemory: false)
    let ws = try workbook.addSheet("六月")
    for (i, h) in ["编号", "日期", "单位", "类型", "参加人数"].enumerated() { try ws.write(0, i, .text(h)) }
    for (i, v) in [CellValue.text("Y1"), .text("2021-07-03"), .text("D1"), .text("seminar"), .formula("=10+15", cached: 25)].enumerated() {
      try ws.write(1, i, v)
    }
    for (i, v) in [CellValue.text("Y2"), .text("2021-02-30"), .text("D1"), .text("seminar"), .integer(3)].enumerated() {
      try ws.write(2, i, v)
    }
    try workbook.close()
    #expect {
      try t.store.importFile(path)
    } throws: { error in
      guard case StoreError.badData(_, let issues, _) = error else { return false }
      return issues.count == 1 && issues[0].message(in: .zh).hasPrefix("\(path)[六月]:3:B: ")
    }
    #expect(try t.rowCount("activity") == 0)
    // Without the bad row the cached 25 is imported.
    let fixed = t.directory.path("fixed.xlsx")
    let wb2 = try Workbook(path: fixed, constantMemory: false)
    let ws2 = try wb2.addSheet("六月")
    for (i, h) in ["编号", "日期", "单位", "类型", "参加人数"].enumerated() { try ws2.write(0, i, .text(h)) }
    for (i, v) in [
      CellValue.text("Y1"), .date(Day(year: 2021, month: 7, day: 3)!), .text("D1"), .text("seminar"), .formula("=10+15", cached: 25),
    ].enumerated() {
      try ws2.write(1, i, v, CellStyle().with { $0.numberFormat = i == 1 ? "yyyy-mm-dd" : nil })
    }
    try wb2.close()
    #expect(try t.store.importOne(fixed).added == 1)
    let july = try t.store.snapshot { try $0.activityTotals(dated: .within(Month(year: 2021, month: 7)!.days)) }
    #expect(july["seminar"]?.participants == 25)
  }

  @Test("a corrupt or non-xlsx file is refused clearly and nothing is written", arguments: ["garbage", "truncated"])
  func corrupt(_ kind: String) throws {
    let t = try TestStore.tiny()
    let before = try t.dump()
    let path = t.directory.path("broken.xlsx")
    if kind == "garbage" {
      try Data("this is not a workbook, just text\n".utf8).write(to: URL(fileURLWithPath: path))
    } else {
      let good = try Data(contentsOf: URL(fileURLWithPath: Fixtures.path("xlsx/activities-libreoffice.xlsx")))
      try good.prefix(good.count / 2).write(to: URL(fileURLWithPath: path))
    }
    #expect {
      try t.store.importFile(path)
    } throws: { error in
      if case StoreError.badWorkbook = error { return true }
      return false
    }
    #expect(try t.dump() == before)
  }
}

@Suite("Workbook import, found in review", .serialized)
struct XlsxReviewTests {
  func organizationsOnly() throws -> TestStore {
    let t = try TestStore()
    try t.store.importOne(Fixtures.path("tiny/organizations.csv"))
    return t
  }

  func workbook(_ t: TestStore, _ name: String, sheets: [(String, [[CellValue]])]) throws -> String {
    let path = t.directory.path(name)
    let wb = try Workbook(path: path, constantMemory: false)
    for (sheetName, rows) in sheets {
      let ws = try wb.addSheet(sheetName)
      for (r, row) in rows.enumerated() { for (c, v) in row.enumerated() { try ws.write(r, c, v) } }
    }
    try wb.close()
    return path
  }

  @Test("two sheets of one type share one id set: a repeated id across sheets is an error, not an overwrite")
  func sameTypeSheets() throws {
    let t = try organizationsOnly()
    let header: [CellValue] = [.text("编号"), .text("日期"), .text("单位"), .text("类型"), .text("主题")]
    let path = try workbook(
      t, "two.xlsx",
      sheets: [
        (
          "7月",
          [
            header, [.text("1"), .text("2021-07-03"), .text("D1"), .text("seminar"), .text("七月")],
            [.blank, .text("2021-07-05"), .text("D1"), .text("seminar"), .text("same")],
          ]
        ),
        ("8月", [header, [.text("1"), .text("2021-08-03"), .text("D1"), .text("seminar"), .text("八月")]]),
      ])
    #expect {
      try t.store.importFile(path)
    } throws: { error in
      guard case StoreError.badData(_, let issues, _) = error else { return false }
      return issues.count == 1 && issues[0].file.hasSuffix("[8月]") && issues[0].problem == .duplicateId(firstLine: 2)
    }
    // Identical id-less rows on two sheets stay two rows, as in one file.
    let ok = try workbook(
      t, "ok.xlsx",
      sheets: [
        ("7月", [header, [.blank, .text("2021-07-05"), .text("D1"), .text("seminar"), .text("same")]]),
        ("8月", [header, [.blank, .text("2021-07-05"), .text("D1"), .text("seminar"), .text("same")]]),
      ])
    #expect(try t.store.importFile(ok).map(\.added) == [1, 1])
  }

  @Test("--type on a filled template takes the sheet that fits, not the instructions")
  func typeOnWorkbook() throws {
    let t = try organizationsOnly()
    let template = t.directory.path("template.xlsx")
    let contents = CollectionTemplate.Contents(
      catalogue: try t.store.catalogue(), organizations: try t.store.organizations(), matterIDs: [],
      dates: DayRange(Day(year: 2021, month: 1, day: 1)!, Day(year: 2021, month: 12, day: 31)!)!, sheets: [.activities])
    try CollectionTemplate.write(contents, to: template, lang: .zh, created: Day(year: 2021, month: 3, day: 1)!)
    let filled = t.directory.path("filled.xlsx")
    try makeWorkbook(["fill", template, filled, "活动记录=" + Fixtures.path("tiny/activities.csv")])
    #expect(try t.store.importOne(filled, type: .activities).added == 13)
  }

  @Test("Excel's _xHHHH_ escapes are decoded")
  func escapes() throws {
    let t = try organizationsOnly()
    let path = try workbook(
      t, "esc.xlsx",
      sheets: [
        (
          "s",
          [
            [.text("date"), .text("unit"), .text("kind"), .text("title")],
            [.text("2021-07-03"), .text("D1"), .text("seminar"), .text("a\rb")],
          ]
        )
      ])
    _ = try t.store.importOne(path)
    let title = try t.store.snapshot { source -> String in
      var title = ""
      try source.forEachActivity(dated: .within(Month(year: 2021, month: 7)!.days), kinds: nil) { title = $0.activity.title }
      return title
    }
    // libxlsxwriter writes the carriage return as _x000D_; the reader restores it.
    #expect(title == "a\rb")
    #expect(unescapeXlsx("line1_x000D_\nline2") == "line1\r\nline2")
    // Other control characters come back too, and the importer then refuses them.
    let bell = try workbook(
      t, "bell.xlsx",
      sheets: [
        (
          "s",
          [
            [.text("date"), .text("unit"), .text("kind"), .text("title")],
            [.text("2021-07-04"), .text("D1"), .text("seminar"), .text("a\u{7}b")],
          ]
        )
      ])
    #expect(throws: StoreError.self) { try t.store.importOne(bell) }
  }
}

@Suite("Workbook error cells")
struct XlsxErrorCellTests {
  @Test("a cell whose formula failed (#DIV/0!) is a problem, not a title")
  func errorCell() throws {
    let t = try TestStore()
    try t.store.importOne(Fixtures.path("tiny/organizations.csv"))
    let json = t.directory.path("e.json")
    // openpyxl writes "#DIV/0!" as an error cell (t="e").
    try Data(##"{"rows": [["date", "unit", "kind", "title"], ["2021-07-03", "D1", "seminar", "#DIV/0!"]]}"##.utf8).write(
      to: URL(fileURLWithPath: json))
    let path = t.directory.path("e.xlsx")
    try makeWorkbook(["sheet", path, json])
    #expect {
      try t.store.importFile(path)
    } throws: { error in
      guard case StoreError.badData(_, let issues, _) = error else { return false }
      return issues.first?.problem == .formulaError && issues.first?.value == "#DIV/0!" && issues.first?.column == 4
    }
  }
}
