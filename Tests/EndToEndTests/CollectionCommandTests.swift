import Foundation
import TestSupport
import Testing

/// The monthly collection through the binary, as the README walks it: a unit's template, its
/// filled workbook (by openpyxl, and re-saved by LibreOffice), status, reminder, return,
/// history and undo, on the tiny institution (units G1, D1, D2, R).
@Suite("The collection workflow, end to end", .serialized)
struct CollectionCommandTests {
  let dir: TemporaryDirectory
  let env: [String: String]

  init() throws {
    dir = try TemporaryDirectory()
    env = ["REPORT_DB": dir.path("campaign.sqlite")]
    let files = ["organizations", "matters", "activities", "feedback"].map { Fixtures.path("tiny/\($0).csv") }
    let r = try runReport(["import"] + files + ["--quiet"], environment: env)
    #expect(r.status == 0, "\(r.stderr)")
  }

  func run(_ arguments: [String]) throws -> RunResult { try runReport(arguments, environment: env) }

  func json(_ arguments: [String]) throws -> [String: Any] {
    let r = try run(arguments + ["--json"])
    #expect(r.status == 0, "\(r.stderr)")
    return try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any] ?? [:]
  }

  func states(_ month: String = "2021-07", today: String? = nil) throws -> [String: String] {
    let s = try json(["status", "--month", month] + (today.map { ["--today", $0] } ?? []))
    let units = s["units"] as? [[String: Any]] ?? []
    return Dictionary(uniqueKeysWithValues: units.map { ($0["id"] as! String, $0["state"] as! String) })
  }

  @Test("template --unit --month: one bound workbook whose dates are the month's; filled by openpyxl it is the unit's submission")
  func boundTemplate() throws {
    let t = try run(["template", "--unit", "D1", "--month", "2021-07", "--out", dir.path("forms"), "--today", "2021-07-28"])
    #expect(t.status == 0, "\(t.stderr)")
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path("forms")) == ["template-D1-2021-07.xlsx"])
    let path = dir.path("forms/template-D1-2021-07.xlsx")
    let wb = try ReadWorkbook(path: path)
    #expect(wb.sheets.last == "报送信息")
    #expect(wb.sheet("报送信息")["state"] as? String == "hidden")
    #expect(wb.value("报送信息", "B2") as? String == "D1")
    #expect(wb.value("报送信息", "B3") as? String == "2021-07")
    let validations = wb.sheet("活动记录")["validations"] as? [[String: Any]] ?? []
    let date = validations.first { ($0["sqref"] as? String)?.hasPrefix("B") == true }
    #expect((date?["prompt"] as? String)?.contains("2021-07-01 至 2021-07-31") == true, "\(validations)")
    // The examples are this month's, not 2021-03's.
    #expect(wb.row(of: "2021-07-03", in: "填写说明", column: "D") != nil)

    try dir.write(
      "d1.csv", "id,date,unit,kind,title,hours,participants\n1,2021-07-05,D1,branch_study,学习一,2,10\n2,2021-07-20,D1,seminar,研讨,1.5,8\n")
    try makeWorkbook(["fill", path, dir.path("d1.xlsx"), "活动记录=" + dir.path("d1.csv")])
    let before = try states()
    #expect(before == ["G1": "missing", "D1": "missing", "D2": "missing", "R": "missing"])
    let imported = try run(["import", dir.path("d1.xlsx"), "--today", "2021-08-03", "--by", "图书馆"])
    #expect(imported.status == 0, "\(imported.stderr)")
    #expect(imported.stdout.contains("第 5 批：D1 2021年7月报送；删除的记录：3 行来自第 3 批（activities.csv），1 行来自第 4 批（feedback.csv）"), "\(imported.stdout)")
    #expect(try states()["D1"] == "reported")
    // The same workbook named for another unit is refused, and nothing is recorded.
    let wrong = try run(["import", dir.path("d1.xlsx"), "--unit", "D2", "--month", "2021-07"])
    #expect(wrong.status == 65)
    #expect(wrong.stderr.contains("D1 2021-07 的报送表"), "\(wrong.stderr)")
    #expect((try json(["history"])["batches"] as? [Any])?.count == 5)
  }

  @Test("a bound workbook re-saved by LibreOffice Calc keeps its binding")
  func libreOffice() throws {
    let r = try run(["import", Fixtures.path("xlsx/submission-D1-2021-07-libreoffice.xlsx"), "--today", "2021-08-06"])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.contains("D1 2021年7月报送"))
    let s = try json(["status", "--month", "2021-07"])
    #expect(s["deadline"] as? String == "2021-08-05")
    let d1 = (s["units"] as? [[String: Any]])?.first { $0["id"] as? String == "D1" }
    #expect(d1?["state"] as? String == "late")
    #expect(d1?["rows"] as? Int == 2)
    #expect(d1?["batch"] as? Int == 5)
    #expect((d1?["submitted_at"] as? String)?.isEmpty == false)
    #expect(d1?["reason"] is NSNull)
    #expect(Set(d1.map { Array($0.keys) } ?? []).isSuperset(of: ["id", "name", "state", "rows", "batch", "submitted_at", "reason"]))
  }

  @Test("remind names the missing and the returned units; return and resubmission; empty when all have reported")
  func remindAndReturn() throws {
    for unit in ["G1", "D1", "D2", "R"] {
      try dir.write("\(unit).csv", "日期,单位,类型,主题\n2021-07-21,\(unit),seminar,研讨\n")
      let r = try run(["import", dir.path("\(unit).csv"), "--unit", unit, "--month", "2021-07", "--today", "2021-08-02"])
      #expect(r.status == 0, "\(r.stderr)")
      if unit == "D1" {
        let notice = try run(["remind", "--month", "2021-07", "--today", "2021-08-02"])
        #expect(notice.status == 0)
        #expect(notice.stdout.contains("关于报送2021年7月党史学习教育数据的催报通知"))
        #expect(notice.stdout.contains("后勤直属党支部和离退休直属党支部尚未报送"), "\(notice.stdout)")
        #expect(notice.stdout.contains("　　请相关单位于2021年8月5日前报送"))
        #expect(!notice.stdout.contains("机关党总支"))
      }
    }
    let none = try run(["remind", "--month", "2021-07"])
    #expect(none.status == 0)
    #expect(none.stdout.isEmpty)

    let ret = try run(["return", "--unit", "D2", "--month", "2021-07", "--reason", "主题填写不完整", "--today", "2021-08-08"])
    #expect(ret.status == 0, "\(ret.stderr)")
    #expect(try states()["D2"] == "returned")
    let s = try json(["status", "--month", "2021-07"])
    #expect((s["units"] as? [[String: Any]])?.first { $0["id"] as? String == "D2" }?["reason"] as? String == "主题填写不完整")
    let notice = try run(["remind", "--month", "2021-07", "--today", "2021-08-09"])
    #expect(notice.stdout.contains("后勤直属党支部报送的数据已退回（退回意见：主题填写不完整）"), "\(notice.stdout)")
    #expect(notice.stdout.contains("报送截止日期已过"))
    let again = try run(["import", dir.path("D2.csv"), "--unit", "D2", "--month", "2021-07", "--today", "2021-08-09"])
    #expect(again.status == 0)
    #expect(try states()["D2"] == "reported")
    // As of 2 August, the day of its first submission, D2 had simply reported.
    #expect(try states(today: "2021-08-02")["D2"] == "reported")
    #expect(try run(["return", "--unit", "D2", "--month", "2021-06", "--reason", "x"]).status == 65)
    #expect(try run(["return", "--unit", "D2", "--month", "2021-07", "--reason", " "]).status == 64)
  }

  @Test("history lists every batch in the documented shape; undo gives back byte-identical stats --json")
  func historyAndUndo() throws {
    let before = try run(["stats", "--month", "2021-07", "--json"])
    try dir.write("d2.csv", "编号,日期,单位,类型,主题,学时,参加人数\n1,2021-07-02,D2,branch_study,学习一,2,45\n2,2021-07-09,D2,branch_study,学习二,1.5,30\n")
    #expect(try run(["import", dir.path("d2.csv"), "--unit", "D2", "--month", "2021-07", "--by", "后勤"]).status == 0)
    let after = try run(["stats", "--month", "2021-07", "--json"])
    #expect(after.stdout != before.stdout)
    let h = try json(["history"])
    let batches = h["batches"] as? [[String: Any]] ?? []
    #expect(batches.map { $0["batch"] as? Int } == [1, 2, 3, 4, 5])
    let last = batches.last ?? [:]
    for key in ["batch", "at", "file", "sha256", "unit", "month", "by", "added", "updated", "removed", "unchanged", "undone_by"] {
      #expect(last.keys.contains(key), "\(key)")
    }
    #expect(last["unit"] as? String == "D2")
    #expect(last["by"] as? String == "后勤")
    #expect((last["sha256"] as? String)?.count == 64)
    #expect(batches.first?["unit"] is NSNull)
    let undo = try run(["undo", "5"])
    #expect(undo.status == 0, "\(undo.stderr)")
    #expect(try run(["stats", "--month", "2021-07", "--json"]).stdout == before.stdout)
    #expect(try run(["undo", "5"]).status == 65)
    #expect(try run(["undo", "99"]).status == 64)
    #expect(try run(["undo", "1"]).status == 65)  // the organizations
    let filtered = try json(["history", "--unit", "D2"])
    #expect((filtered["batches"] as? [[String: Any]])?.map { $0["batch"] as? Int } == [5, 6])
  }
}
