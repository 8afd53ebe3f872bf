import Foundation
import TestSupport
import Testing

@Suite("report monthly, end to end")
struct MonthlyCommandTests {
  @Test("writes Output/monthly-YYYY-MM.xlsx under the working directory and prints its absolute path")
  func writes() throws {
    let dir = try TemporaryDirectory()
    defer { dir.remove() }
    let env = ["REPORT_DB": dir.path("campaign.sqlite")]
    #expect(try runReport(["demo", "--quiet"], environment: env).status == 0)
    let r = try runReport(["monthly", "--month", "2021-07", "--today", "2021-08-03"], in: dir.url, environment: env)
    #expect(r.status == 0, "\(r.stderr)")
    let written = dir.url.appendingPathComponent("Output/monthly-2021-07.xlsx").path
    let briefing = dir.url.appendingPathComponent("Output/monthly-2021-07.txt").path
    let document = dir.url.appendingPathComponent("Output/monthly-2021-07.docx").path
    #expect(r.stdout == written + "\n" + briefing + "\n" + document + "\n", "the absolute paths, ready for a script")
    #expect(r.stderr.isEmpty)
    let wb = try ReadWorkbook(path: written)
    #expect(wb.value("总览", "A1") as? String == "北辰职业技术学院党史学习教育统计月报（2021年7月）")
    // No temporary files are left beside it.
    let names = try FileManager.default.contentsOfDirectory(atPath: dir.path("Output"))
    #expect(names.sorted() == ["monthly-2021-07.docx", "monthly-2021-07.txt", "monthly-2021-07.xlsx"])
    #expect(try String(contentsOfFile: briefing, encoding: .utf8).contains("北辰职业技术学院2021年7月党史学习教育工作情况"))
    // A second run with the same data and date gives the same bytes.
    let first = try Data(contentsOf: URL(fileURLWithPath: written))
    #expect(
      try runReport(["monthly", "--month", "2021-07", "--today", "2021-08-03", "--quiet"], in: dir.url, environment: env).stdout.isEmpty)
    #expect(try Data(contentsOf: URL(fileURLWithPath: written)) == first)
  }

  @Test("the overview's figures equal report stats --json for the month")
  func agreesWithStats() throws {
    let dir = try TemporaryDirectory()
    defer { dir.remove() }
    let env = ["REPORT_DB": dir.path("campaign.sqlite")]
    #expect(try runReport(["demo", "--quiet"], environment: env).status == 0)
    let stats = try runReport(["stats", "--month", "2021-08", "--json"], environment: env)
    let root = try #require(try JSONSerialization.jsonObject(with: Data(stats.stdout.utf8)) as? [String: Any])
    let kinds = try #require(root["kinds"] as? [String: [String: Any]])
    let r = try runReport(["monthly", "--month", "2021-08", "--out", dir.path("out")], environment: env)
    #expect(r.status == 0, "\(r.stderr)")
    let wb = try ReadWorkbook(path: dir.path("out/monthly-2021-08.xlsx"))
    for (_, k) in kinds {
      let name = try #require(k["name"] as? String)
      let row = try #require(wb.row(of: name, in: "总览", column: "C"))
      #expect(wb.value("总览", "E\(row)") as? Int == (k["period"] as? [String: Any])?["count"] as? Int, "\(name)")
      #expect(wb.value("总览", "H\(row)") as? Int == (k["cumulative"] as? [String: Any])?["count"] as? Int, "\(name)")
    }
    let matters = try #require((root["matters"] as? [String: Any])?["cumulative"] as? [String: Any])
    let rate = try #require(wb.row(of: "解决率", in: "总览", column: "C"))
    #expect(wb.value("总览", "E\(rate)") as? Double == matters["resolution_rate"] as? Double)
    let avg = try #require(wb.row(of: "基层党组织平均集中学习次数", in: "总览", column: "C"))
    #expect(wb.value("总览", "H\(avg)") as? Double == (root["branch_study_average"] as? [String: Any])?["cumulative"] as? Double)
  }

  @Test("an output folder that cannot be created exits 73 and leaves nothing; no database exits 66")
  func failures() throws {
    let dir = try TemporaryDirectory()
    defer { dir.remove() }
    let env = ["REPORT_DB": dir.path("campaign.sqlite")]
    let missing = try runReport(["monthly", "--month", "2021-07", "--out", dir.path("out")], environment: env)
    #expect(missing.status == 66)
    #expect(try runReport(["demo", "--quiet"], environment: env).status == 0)
    let blocker = try dir.write("not-a-folder", "x")
    let r = try runReport(["monthly", "--month", "2021-07", "--out", blocker + "/sub"], environment: env)
    #expect(r.status == 73, "\(r.stderr)")
    #expect(r.stderr.contains("not-a-folder"))
    #expect(try runReport(["monthly", "--month", "2021-7x"], environment: env).status == 64)
  }
  @Test("--pdf without LibreOffice exits 69 saying what to install; the xlsx, txt and docx are written")
  func pdfWithoutLibreOffice() throws {
    let dir = try TemporaryDirectory()
    defer { dir.remove() }
    let env = ["REPORT_DB": dir.path("campaign.sqlite"), "REPORT_SOFFICE": dir.path("no-such-soffice")]
    #expect(try runReport(["demo", "--quiet"], environment: env).status == 0)
    let r = try runReport(["monthly", "--month", "2021-07", "--today", "2021-08-03", "--out", dir.path("out"), "--pdf"], environment: env)
    #expect(r.status == 69, "\(r.stderr)")
    #expect(r.stderr.contains("apt-get install libreoffice-calc-nogui libreoffice-writer-nogui"), "\(r.stderr)")
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: dir.path("out")).sorted() == [
        "monthly-2021-07.docx", "monthly-2021-07.txt", "monthly-2021-07.xlsx",
      ])
  }

  @Test("--pdf converts the workbook and the briefing's .docx with LibreOffice headless")
  func pdf() throws {
    let dir = try TemporaryDirectory()
    defer { dir.remove() }
    let env = ["REPORT_DB": dir.path("campaign.sqlite")]
    #expect(try runReport(["demo", "--quiet"], environment: env).status == 0)
    let r = try runReport(["monthly", "--month", "2021-07", "--today", "2021-08-03", "--out", dir.path("out"), "--pdf"], environment: env)
    #expect(r.status == 0, "\(r.stderr) (scripts/install-deps --test installs LibreOffice)")
    for name in ["monthly-2021-07-workbook.pdf", "monthly-2021-07-briefing.pdf"] {
      let data = try Data(contentsOf: URL(fileURLWithPath: dir.path("out/" + name)))
      #expect(data.starts(with: Data("%PDF".utf8)), "\(name)")
      #expect(r.stdout.contains(dir.path("out/" + name)))
    }
  }

  @Test("an empty month, an unfinished month and a stale --previous warn on stderr and still write")
  func warnings() throws {
    let dir = try TemporaryDirectory()
    defer { dir.remove() }
    let env = ["REPORT_DB": dir.path("campaign.sqlite")]
    #expect(try runReport(["demo", "--quiet"], environment: env).status == 0)
    let empty = try runReport(["monthly", "--month", "2022-03", "--today", "2022-04-02", "--out", dir.path("out")], environment: env)
    #expect(empty.status == 0, "\(empty.stderr)")
    #expect(empty.stderr.contains("2022年3月没有任何记录"), "\(empty.stderr)")
    let text = try String(contentsOfFile: dir.path("out/monthly-2022-03.txt"), encoding: .utf8)
    #expect(text.contains("各单位未报送党史学习教育的任何数据") && !text.contains("总体均衡"))
    let brief = try runReport(["brief", "--month", "2022-03", "--today", "2022-04-02"], environment: env)
    #expect(brief.status == 0 && brief.stderr.contains("2022年3月没有任何记录"), "report brief warns the same way: \(brief.stderr)")
    let unfinished = try runReport(["monthly", "--month", "2021-07", "--today", "2021-07-20", "--out", dir.path("out")], environment: env)
    #expect(unfinished.status == 0 && unfinished.stderr.contains("尚未结束"), "\(unfinished.stderr)")
    let stale = try runReport(["monthly", "--previous", "--today", "2023-05-10", "--out", dir.path("out")], environment: env)
    #expect(stale.status == 0)
    #expect(stale.stderr.contains("--previous 选择了2023年4月") && stale.stderr.contains("最后的记录远早于该期"), "\(stale.stderr)")
    let fresh = try runReport(["monthly", "--previous", "--today", "2021-08-03", "--out", dir.path("out")], environment: env)
    #expect(fresh.status == 0 && fresh.stderr.isEmpty, "\(fresh.stderr)")
  }
}
