import Foundation
import TestSupport
import Testing

@Suite("report template and workbook imports, end to end")
struct TemplateCommandTests {
  @Test("template writes a workbook that fills and imports back; a broken workbook exits 65")
  func templateAndImport() throws {
    let dir = try TemporaryDirectory()
    defer { dir.remove() }
    let env = ["REPORT_DB": dir.path("campaign.sqlite")]
    #expect(
      try runReport(["import", Fixtures.path("tiny/organizations.csv"), Fixtures.path("tiny/matters.csv"), "--quiet"], environment: env)
        .status == 0)
    let r = try runReport(["template", "--type", "activities", "--unit", "G1", "--out", dir.path("out")], environment: env)
    #expect(r.status == 0, "\(r.stderr)")
    let path = dir.path("out/template-G1-activities.xlsx")
    #expect(r.stdout == path + "\n")
    let wb = try ReadWorkbook(path: path)
    #expect(wb.sheets == ["填写说明", "活动记录", "选项"])
    #expect((2...4).map { wb.value("选项", "A\($0)") as? String } == ["机关党总支", "机关第一党支部", "机关第二党支部"])
    #expect(wb.value("选项", "A5") == nil)

    let filled = dir.path("filled.xlsx")
    try makeWorkbook(["fill", path, filled, "活动记录=" + Fixtures.path("tiny/activities.csv")])
    let imported = try runReport(["import", filled], environment: env)
    #expect(imported.status == 0, "\(imported.stderr)")
    #expect(imported.stdout.contains("[活动记录]（activities，xlsx）：13 行，新增 13"))

    try dir.write("broken.xlsx", "not a workbook")
    let broken = try runReport(["import", dir.path("broken.xlsx")], environment: env)
    #expect(broken.status == 65)
    #expect(broken.stderr.contains("不是可读取的 .xlsx 工作簿"))
    #expect(try runReport(["template", "--unit", "NOPE"], environment: env).status == 64)
  }
}

@Suite("report template for plans, and the instruction sheet's requirements and plans")
struct TargetTemplateTests {
  @Test("template --type plans fills and imports back; a unit's form lists what is asked of it")
  func plansTemplate() throws {
    let dir = try TemporaryDirectory()
    defer { dir.remove() }
    let env = ["REPORT_DB": dir.path("campaign.sqlite")]
    let files = ["organizations", "requirements", "plans"].map { Fixtures.path("tiny/\($0).csv") }
    let loaded = try runReport(["import"] + files + ["--quiet"], environment: env)
    #expect(loaded.status == 0, "\(loaded.stderr)")
    let r = try runReport(["template", "--type", "plans", "--out", dir.path("out")], environment: env)
    #expect(r.status == 0, "\(r.stderr)")
    let path = dir.path("out/template-plans.xlsx")
    let wb = try ReadWorkbook(path: path)
    #expect(wb.sheets == ["填写说明", "计划", "选项"])
    #expect(
      (1...6).map { wb.value("计划", "\(Character(UnicodeScalar(64 + $0)!))1") as? String } == ["编号", "单位", "类型", "目标数", "开始日期", "结束日期"])
    let filled = dir.path("filled.xlsx")
    try makeWorkbook(["fill", path, filled, "计划=" + Fixtures.path("tiny/plans.csv")])
    let imported = try runReport(["import", filled], environment: env)
    #expect(imported.status == 0, "\(imported.stderr)")
    #expect(imported.stdout.contains("[计划]（plans，xlsx）：4 行"), "\(imported.stdout)")

    // D2 is exempt from the first requirement and is no G1: its form lists the second
    // requirement and its own plan only.
    let form = try runReport(["template", "--unit", "D2", "--out", dir.path("out")], environment: env)
    #expect(form.status == 0, "\(form.stderr)")
    let instructions = try ReadWorkbook(path: dir.path("out/template-D2.xlsx"))
    #expect(instructions.value("填写说明", "A4") as? String == "考核要求和计划")
    #expect(instructions.value("填写说明", "A5") as? String == "考核要求：基层党组织集中学习每月至少2次（全部直属党支部）。")
    #expect(instructions.value("填写说明", "A6") as? String == "计划：后勤直属党支部，2021年7月1日至2021年7月31日，基层党组织集中学习1次。")
    #expect(instructions.value("填写说明", "A7") == nil)
  }
}
