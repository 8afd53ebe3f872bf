import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// What a scheduled job meets: periods chosen from today, exit codes, locks, logs and files that
/// are either complete or untouched.
@Suite("Unattended runs", .serialized)
struct UnattendedRunTests {
  func demo(_ dir: TemporaryDirectory) throws -> [String: String] {
    let env = ["REPORT_DB": dir.path("campaign.sqlite")]
    #expect(try runReport(["demo", "--quiet"], environment: env).status == 0)
    return env
  }

  @Test("--previous with --today picks the last complete month, quarter and year")
  func previous() throws {
    let dir = try TemporaryDirectory()
    defer { dir.remove() }
    let env = try demo(dir)
    let out = dir.path("out")
    for (args, file) in [
      (["monthly", "--previous", "--today", "2021-08-03"], "monthly-2021-07.xlsx"),
      (["quarterly", "--previous", "--today", "2021-10-08"], "quarterly-2021Q3.xlsx"),
      (["annual", "--previous", "--today", "2022-01-02"], "annual-2021.xlsx"),
      (["range", "--from", "2021-02-25", "--to", "2021-08-04"], "range-2021-02-25_2021-08-04.xlsx"),
    ] {
      let r = try runReport(args + ["--out", out], environment: env)
      #expect(r.status == 0, "\(args): \(r.stderr)")
      #expect(r.stdout.contains(file), "\(args)")
      #expect(FileManager.default.fileExists(atPath: out + "/" + file.replacingOccurrences(of: ".xlsx", with: ".txt")))
    }
    // December 2020 lies before the demo campaign's start (2021-02-20): no campaign, no report.
    let early = try runReport(["monthly", "--previous", "--today", "2021-01-05", "--out", out], environment: env)
    #expect(early.status == 64)
    #expect(early.stderr.contains("2020年12月31日不在任何活动的时间范围内"), "\(early.stderr)")
    #expect(!FileManager.default.fileExists(atPath: out + "/monthly-2020-12.xlsx"))
    let stats = try runReport(["stats", "--previous", "--today", "2021-08-03", "--json"], environment: env)
    #expect(stats.stdout.contains("\"start\": \"2021-07-01\""))
  }

  @Test("a quarter's workbook has month-by-month counts that add up to the quarter's")
  func quarterTrend() throws {
    let dir = try TemporaryDirectory()
    defer { dir.remove() }
    let env = try demo(dir)
    #expect(try runReport(["quarterly", "--quarter", "2021Q3", "--out", dir.path("out")], environment: env).status == 0)
    let wb = try ReadWorkbook(path: dir.path("out/quarterly-2021Q3.xlsx"))
    #expect(wb.sheets.prefix(2) == ["总览", "逐月统计"])
    #expect(wb.value("总览", "A1") as? String == "北辰职业技术学院党史学习教育统计季报（2021年第三季度）")
    #expect(wb.value("逐月统计", "D3") as? String == "7月")
    let branch = try #require(wb.row(of: "基层党组织集中学习", in: "逐月统计", column: "B"))
    let months = ["D", "E", "F"].map { wb.value("逐月统计", "\($0)\(branch)") as? Int ?? -1 }
    #expect(wb.value("逐月统计", "G\(branch)") as? Int == months.reduce(0, +))
    let overview = try #require(wb.row(of: "基层党组织集中学习", in: "总览", column: "C"))
    #expect(wb.value("总览", "E\(overview)") as? Int == months.reduce(0, +))
    #expect(wb.sheet("逐月统计")["charts"] as? Int == 1)
  }

  @Test("every documented exit code, provoked")
  func exitCodes() throws {
    let dir = try TemporaryDirectory()
    defer { dir.remove() }
    let none = ["REPORT_DB": dir.path("none.sqlite")]
    #expect(try runReport(["monthly", "--month", "2021-07"], environment: none).status == 66)
    #expect(!FileManager.default.fileExists(atPath: dir.path("none.sqlite")))
    let env = try demo(dir)
    #expect(try runReport(["monthly", "--month", "2021-07", "--previous"], environment: env).status == 64)
    #expect(try runReport(["quarterly", "--quarter", "2021Q5"], environment: env).status == 64)
    #expect(try runReport(["range", "--from", "2021-08-04", "--to", "2021-02-25"], environment: env).status == 64)
    #expect(try runReport(["monthly", "--nonsense"], environment: env).status == 64)
    #expect(try runReport(["import", Fixtures.path("bad/bad-date.csv")], environment: env).status == 65)
    let blocker = try dir.write("file", "x")
    #expect(try runReport(["monthly", "--month", "2021-07", "--out", blocker + "/out"], environment: env).status == 73)
    var injected = env
    injected["REPORT_INJECT_FAILURE"] = "after-workbook"
    let r70 = try runReport(["monthly", "--month", "2021-07", "--out", dir.path("out")], environment: injected)
    #expect(r70.status == 70)
    #expect(r70.stderr.contains("injected failure"))
    // 75: another run holds the reports lock.
    let fd = open(dir.path("campaign.sqlite.reports.lock"), O_RDWR | O_CREAT, 0o644)
    #expect(flock(fd, LOCK_EX) == 0)
    let busy = try runReport(["monthly", "--month", "2021-07", "--out", dir.path("out"), "--wait", "0.5"], environment: env)
    #expect(busy.status == 75)
    #expect(busy.stderr.contains("--wait"))
    // An import takes the other lock, so it still runs while a report is being produced.
    let demoOrganizations = Fixtures.packageRoot.appendingPathComponent("Templates/demo/organizations.csv").path
    #expect(try runReport(["import", demoOrganizations, "--wait", "0.5", "--quiet"], environment: env).status == 0)
    flock(fd, LOCK_UN)
    close(fd)
  }

  @Test("a run that fails midway leaves the previous files intact and no temporary files")
  func failureMidway() throws {
    let dir = try TemporaryDirectory()
    defer { dir.remove() }
    let env = try demo(dir)
    let out = dir.path("out")
    #expect(try runReport(["monthly", "--month", "2021-07", "--today", "2021-08-03", "--out", out], environment: env).status == 0)
    let oldBook = try Data(contentsOf: URL(fileURLWithPath: out + "/monthly-2021-07.xlsx"))
    let oldText = try Data(contentsOf: URL(fileURLWithPath: out + "/monthly-2021-07.txt"))
    var injected = env
    injected["REPORT_INJECT_FAILURE"] = "after-workbook"
    let r = try runReport(["monthly", "--month", "2021-07", "--today", "2021-09-01", "--out", out], environment: injected)
    #expect(r.status == 70)
    #expect(try Data(contentsOf: URL(fileURLWithPath: out + "/monthly-2021-07.xlsx")) == oldBook)
    #expect(try Data(contentsOf: URL(fileURLWithPath: out + "/monthly-2021-07.txt")) == oldText)
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: out).sorted() == [
        "monthly-2021-07.docx", "monthly-2021-07.txt", "monthly-2021-07.xlsx",
      ])
  }

  @Test("two runs at once on one database: both complete (one waits), and the files are whole")
  func concurrent() throws {
    let dir = try TemporaryDirectory()
    defer { dir.remove() }
    let env = try demo(dir)
    let out = dir.path("out")
    let group = DispatchGroup()
    nonisolated(unsafe) var statuses: [Int32] = []
    let lock = NSLock()
    for _ in 0..<3 {
      group.enter()
      DispatchQueue.global().async {
        let r = try? runReport(
          ["quarterly", "--quarter", "2021Q3", "--today", "2021-10-08", "--out", out, "--wait", "60"], environment: env)
        lock.lock()
        statuses.append(r?.status ?? -1)
        lock.unlock()
        group.leave()
      }
    }
    group.wait()
    #expect(statuses == [0, 0, 0])
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: out).sorted() == [
        "quarterly-2021Q3.docx", "quarterly-2021Q3.txt", "quarterly-2021Q3.xlsx",
      ])
    #expect(try auditWorkbook(out + "/quarterly-2021Q3.xlsx").errors == 0)
  }

  @Test("--log appends one line per run; --json prints the figures and the files")
  func logAndJSON() throws {
    let dir = try TemporaryDirectory()
    defer { dir.remove() }
    let env = try demo(dir)
    let log = dir.path("logs/report.log")
    let ok = try runReport(["monthly", "--month", "2021-07", "--out", dir.path("out"), "--log", log, "--json"], environment: env)
    #expect(ok.status == 0)
    let json = try #require(try JSONSerialization.jsonObject(with: Data(ok.stdout.utf8)) as? [String: Any])
    #expect((json["files"] as? [String])?.count == 3)
    #expect(json["kinds"] != nil)
    #expect(
      try runReport(["monthly", "--month", "2021-07", "--out", dir.write("blocker", "") + "/x", "--log", log], environment: env).status
        == 73)
    #expect(try runReport(["monthly", "--month", "2021-07", "--log", log, "--bogus"], environment: env).status == 64)
    let lines = try String(contentsOfFile: log, encoding: .utf8).split(separator: "\n")
    #expect(lines.count == 3)
    #expect(lines[2].contains("\tmonthly\t-\t-\texit 64: "), "a usage error is logged too")
    let first = lines[0].split(separator: "\t").map(String.init)
    #expect(first.count == 5)
    #expect(first[1] == "monthly" && first[2] == "2021-07" && first[3].contains("monthly-2021-07.txt") && first[4] == "ok")
    #expect(lines[1].contains("\tmonthly\t2021-07\t-\texit 73: "))
  }

  @Test("schedule prints crontab lines and systemd units with absolute paths")
  func schedule() throws {
    let dir = try TemporaryDirectory()
    defer { dir.remove() }
    let r = try runReport(["schedule", "--out", "Output"], in: dir.url, environment: ["REPORT_DB": dir.path("campaign.sqlite")])
    #expect(r.status == 0)
    #expect(r.stdout.contains("REPORT_DB=\(dir.path("campaign.sqlite"))"))
    // The day after the submission deadline (default 5), as the store's owner.
    #expect(r.stdout.contains("30 6 6 * *         \(reportExecutable.path) monthly --previous --quiet --out \(dir.path("Output"))"))
    #expect(r.stdout.contains("45 6 6 1,4,7,10 *  "))
    #expect(r.stdout.contains("OnCalendar=*-*-06 06:30:00"))
    #expect(r.stdout.contains("ExecStart=\(reportExecutable.path) %i --previous"))
    #expect(r.stdout.contains("User=\(NSUserName())"))
    #expect(r.stdout.contains("任务在报送截止日"))
    #expect(
      try runReport(["config", "submission_deadline", "10"], in: dir.url, environment: ["REPORT_DB": dir.path("campaign.sqlite")]).status
        == 0)
    let later = try runReport(["schedule", "--lang", "en"], in: dir.url, environment: ["REPORT_DB": dir.path("campaign.sqlite")])
    #expect(later.stdout.contains("OnCalendar=*-*-11 06:30:00"))
    #expect(later.stdout.contains("The jobs run the day after the submission deadline"))
  }
}

@Suite("Review fixes, end to end")
struct ReviewFixTests {
  @Test("a file that is not a database exits 65 with a clear message")
  func notADatabase() throws {
    let dir = try TemporaryDirectory()
    defer { dir.remove() }
    let garbage = try dir.write("garbage.sqlite", String(repeating: "not a database ", count: 500))
    let r = try runReport(["stats", "--month", "2021-07", "--db", garbage])
    #expect(r.status == 65, "\(r.stderr)")
    #expect(r.stderr.contains("不是 report 的数据库"))
  }

  @Test("a folder in the way of one output file leaves the other file untouched")
  func folderInTheWay() throws {
    let dir = try TemporaryDirectory()
    defer { dir.remove() }
    let env = ["REPORT_DB": dir.path("campaign.sqlite")]
    #expect(try runReport(["demo", "--quiet"], environment: env).status == 0)
    let out = dir.path("out")
    #expect(try runReport(["monthly", "--month", "2021-07", "--today", "2021-08-03", "--out", out], environment: env).status == 0)
    let book = try Data(contentsOf: URL(fileURLWithPath: out + "/monthly-2021-07.xlsx"))
    try FileManager.default.removeItem(atPath: out + "/monthly-2021-07.txt")
    try FileManager.default.createDirectory(atPath: out + "/monthly-2021-07.txt", withIntermediateDirectories: false)
    let r = try runReport(["monthly", "--month", "2021-07", "--today", "2021-09-09", "--out", out], environment: env)
    #expect(r.status == 73)
    #expect(try Data(contentsOf: URL(fileURLWithPath: out + "/monthly-2021-07.xlsx")) == book)
  }

  @Test("a template that starts with a comment line renders without a leading blank line")
  func commentFirst() throws {
    let dir = try TemporaryDirectory()
    defer { dir.remove() }
    let env = ["REPORT_DB": dir.path("campaign.sqlite")]
    #expect(try runReport(["demo", "--quiet"], environment: env).status == 0)
    try FileManager.default.createDirectory(atPath: dir.path("tpl"), withIntermediateDirectories: true)
    try dir.write("tpl/briefing.zh.mustache", "{{! 我的模板 }}\n{{institution}}\n{{#nonzero(count(units))}}x{{/nonzero(count(units))}}\n")
    let bad = try runReport(["brief", "--month", "2021-07", "--templates", dir.path("tpl")], environment: env)
    #expect(bad.status == 65, "count(list) is an integer: figure transforms do not apply")
    try dir.write("tpl/briefing.zh.mustache", "{{! 我的模板 }}\n{{institution}}\n{{^equalzero(count(units))}}有单位{{/equalzero(count(units))}}\n")
    let r = try runReport(["brief", "--month", "2021-07", "--templates", dir.path("tpl")], environment: env)
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout == "\u{3000}\u{3000}北辰职业技术学院\n\u{3000}\u{3000}有单位\n")
  }
}
