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
