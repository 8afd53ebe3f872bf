import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// The failures an adversarial run found (issue 16), each reproduced through the binary. The
/// numbers are the issue's; docs/reliability.md lists them with their outcomes.
@Suite("Hardening: the adversarial run's reproductions", .serialized)
struct HardeningTests {
  let dir: TemporaryDirectory
  let env: [String: String]

  init() throws {
    dir = try TemporaryDirectory()
    env = ["REPORT_DB": dir.path("campaign.sqlite")]
    let r = try runReport(["import", Fixtures.path("tiny/organizations.csv"), "--quiet"], environment: env)
    #expect(r.status == 0, "\(r.stderr)")
  }

  func run(_ arguments: [String], environment: [String: String]? = nil) throws -> RunResult {
    try runReport(arguments, environment: environment ?? env)
  }

  @Test("1. a count, participants or hours no figure could carry is refused at import")
  func bounds() throws {
    try dir.write("a.csv", "date,unit,kind,count\n2021-07-01,D1,news_post,999999999999\n")
    let r = try run(["import", dir.path("a.csv")])
    #expect(r.status == 65)
    #expect(r.stderr.contains("数值过大：一行最多为 1000000"), "\(r.stderr)")
    try dir.write("b.csv", "date,unit,kind,count,participants,hours\n2021-07-01,D1,news_post,1000000,1000000,100000\n")
    #expect(try run(["import", dir.path("b.csv")]).status == 0)
    for args in [
      ["stats", "--month", "2021-07"], ["brief", "--month", "2021-07"], ["monthly", "--month", "2021-07", "--out", dir.path("o")],
    ] {
      #expect(try run(args).status == 0, "\(args)")
    }
  }

  @Test("2. a workbook of 60,000 rows written by openpyxl imports (its sheet part is over 10,000,000 bytes)")
  func largeWorkbook() throws {
    let path = dir.path("rows.xlsx")
    try makeWorkbook(["rows", path, "60000"])
    let r = try run(["import", path])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.contains("60000 行，新增 60000"))
  }

  @Test("3. a report refuses a database that is not a store, and writes nothing to it")
  func foreignDatabase() throws {
    let foreign = dir.path("o.sqlite")
    #expect(
      try runCommand(
        "/usr/bin/env",
        ["python3", "-c", "import sqlite3; c = sqlite3.connect('\(foreign)'); c.execute('create table foo(x)'); c.commit()"]
      ).status == 0)
    let before = try Data(contentsOf: URL(fileURLWithPath: foreign))
    let r = try run(["stats", "--db", foreign, "--month", "2021-07"])
    #expect(r.status == 65)
    #expect(r.stderr.contains("不是 report 的数据库"))
    #expect(try Data(contentsOf: URL(fileURLWithPath: foreign)) == before)
    #expect(!FileManager.default.fileExists(atPath: foreign + "-wal"))
    let empty = dir.path("empty.sqlite")
    FileManager.default.createFile(atPath: empty, contents: Data())
    #expect(try run(["monthly", "--db", empty, "--month", "2021-07", "--out", dir.path("o")]).status == 65)
    #expect(try FileManager.default.attributesOfItem(atPath: empty)[.size] as? Int == 0)
  }

  @Test("4. no part of a password is printed or logged, even with an unencoded @ in it")
  func password() throws {
    let log = dir.path("l.log")
    let r = try run([
      "stats", "--db", "postgresql://report:Sup3r@Secret@127.0.0.1:1/campaign", "--month", "2021-07", "--log", log, "--wait", "1",
    ])
    #expect(r.status == 69, "\(r.stderr)")
    let logged = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
    for text in [r.stderr, r.stdout, logged] {
      #expect(!text.contains("Secret") && !text.contains("Sup3r"), "\(text)")
    }
  }

  @Test("5. temporary files are the owner's only, and a killed run's are removed by the next")
  func temporaries() throws {
    try dir.write("a.csv", "date,unit,kind\n2021-07-01,D1,seminar\n")
    #expect(try run(["import", dir.path("a.csv"), "--quiet"]).status == 0)
    let out = dir.path("out")
    try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
    // A process that has ended: its pid names the stale file.
    let ended = try runCommand("/bin/sh", ["-c", "echo $$"])
    let pid = ended.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    let stale = out + "/.monthly-2021-07.xlsx.\(pid).abcd1234.tmp"
    let other = out + "/.someone-else.tmp"
    FileManager.default.createFile(atPath: stale, contents: Data("half".utf8))
    FileManager.default.createFile(atPath: other, contents: Data())
    // The run itself checks its temporary file's mode before renaming it (below, via strace-free means:
    // the final file's mode, and no temporary left).
    let r = try run(["monthly", "--month", "2021-07", "--out", out])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(!FileManager.default.fileExists(atPath: stale))
    #expect(FileManager.default.fileExists(atPath: other))
    let names = try FileManager.default.contentsOfDirectory(atPath: out).sorted()
    #expect(names == [".someone-else.tmp", "monthly-2021-07.docx", "monthly-2021-07.txt", "monthly-2021-07.xlsx"])
  }

  @Test("6. a header past Excel's 16,384 columns is refused, not cut")
  func wideHeader() throws {
    let header = "id,date,unit,kind,title," + (1...16_400).map { "x\($0)" }.joined(separator: ",") + ",hours,participants"
    try dir.write("wide.csv", header + "\n")
    let r = try run(["import", dir.path("wide.csv")])
    #expect(r.status == 65)
    #expect(r.stderr.contains("超过 16384 列"), "\(r.stderr.prefix(300))")
  }

  @Test("7. a zip bomb is refused after a few megabytes, in little memory")
  func bomb() throws {
    let path = dir.path("bomb.xlsx")
    try makeWorkbook(["bomb", path, "300"])
    let r = try run(["import", path])
    #expect(r.status == 65)
    #expect(r.stderr.contains("解压后超过压缩大小的 1000 倍"), "\(r.stderr)")
  }

  @Test(
    "8. periods outside 1900–9998 are refused with exit 64 by every command",
    arguments: [
      ["brief", "--month", "9999-12"], ["monthly", "--month", "0001-01"], ["annual", "--year", "9999"],
      ["monthly", "--previous", "--today", "0001-01-15"], ["stats", "--month", "9999-12"], ["quarterly", "--quarter", "9999Q4"],
      ["range", "--from", "1899-12-01", "--to", "1900-01-31"], ["status", "--month", "9999-12"],
      ["monthly", "--previous", "--today", "1900-01-15"],
    ])
  func edgePeriods(_ args: [String]) throws {
    let r = try run(args)
    #expect(r.status == 64, "\(args): \(r.stderr)")
    #expect(!r.stderr.contains("Fatal error"))
  }

  @Test("10. dates before 1900 are refused at import")
  func earlyDates() throws {
    try dir.write("a.csv", "date,unit,kind\n1899-12-31,D1,seminar\n0001-01-01,D1,seminar\n")
    let r = try run(["import", dir.path("a.csv")])
    #expect(r.status == 65)
    #expect(r.stderr.components(separatedBy: "日期早于1900年1月1日").count == 3, "\(r.stderr)")
  }

  @Test("11. output names from ids are one-to-one and within the file system's limits")
  func outputNames() throws {
    let long = String(repeating: "长", count: 300)
    try dir.write("o.csv", "id,name,kind,parent\na/b,甲,direct_branch,C\na_b,乙,direct_branch,C\n\(long),丙,direct_branch,C\n")
    #expect(try run(["import", dir.path("o.csv"), "--quiet"]).status == 0)
    let out = dir.path("names")
    for root in ["a/b", "a_b", long] {
      let r = try run(["monthly", "--month", "2021-07", "--root", root, "--out", out, "--quiet"])
      #expect(r.status == 0, "\(r.stderr)")
    }
    let names = try FileManager.default.contentsOfDirectory(atPath: out)
    #expect(names.count == 9)
    #expect(names.contains("monthly-2021-07-a%2Fb.xlsx") && names.contains("monthly-2021-07-a_b.xlsx"))
    #expect(names.allSatisfy { $0.utf8.count <= 255 })
  }

  @Test("12. a byte order mark inside a file is not part of an id")
  func innerBOM() throws {
    try dir.write("a.csv", "id,date,unit,kind\nX0,2021-07-01,D1,seminar\n\u{FEFF}X1,2021-07-02,D1,seminar\n")
    #expect(try run(["import", dir.path("a.csv"), "--quiet"]).status == 0)
    try dir.write("b.csv", "id,date,unit,kind\nX1,2021-07-02,D1,seminar\n")
    let r = try run(["import", dir.path("b.csv")])
    #expect(r.stdout.contains("新增 0，更新 0，未变 1"), "\(r.stdout)")
  }

  @Test("16. an unrecognised header is quoted short and escaped")
  func headerEcho() throws {
    try dir.write("h.csv", String(repeating: "乱码", count: 60_000) + "\n1,2\n")
    let r = try run(["import", dir.path("h.csv")])
    #expect(r.status == 65)
    #expect(r.stderr.utf8.count < 1_000, "\(r.stderr.utf8.count) bytes")
    FileManager.default.createFile(atPath: dir.path("nul.csv"), contents: Data([0x61, 0x01, 0x62, 0x0A]))
    let nul = try run(["import", dir.path("nul.csv")])
    #expect(nul.status == 65)
    #expect(!nul.stderr.contains("\u{1}"))
  }

  @Test("17. a number cell holding hex is text, refused as hours as in CSV")
  func hexNumber() throws {
    let path = dir.path("hex.xlsx")
    let sheet = """
      <?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>\
      <row r="1"><c r="A1" t="inlineStr"><is><t>date</t></is></c><c r="B1" t="inlineStr"><is><t>unit</t></is></c><c r="C1" t="inlineStr"><is><t>kind</t></is></c><c r="D1" t="inlineStr"><is><t>hours</t></is></c></row>\
      <row r="2"><c r="A2" t="inlineStr"><is><t>2021-07-01</t></is></c><c r="B2" t="inlineStr"><is><t>D1</t></is></c><c r="C2" t="inlineStr"><is><t>seminar</t></is></c><c r="D2"><v>0x10</v></c></row>\
      </sheetData></worksheet>
      """
    try makeWorkbook(["raw", path, sheet])
    let r = try run(["import", path])
    #expect(r.status == 65)
    #expect(r.stderr.contains("\"0x10\""), "\(r.stderr)")
  }

  @Test("9. a full disk exits 74, a folder as the database 64, each with what to do")
  func environment() throws {
    let rows = (1...30_000).map { "2021-07-\(String(format: "%02d", $0 % 28 + 1)),D1,seminar,研讨第\($0)次,很长的备注很长的备注很长的备注" }
    try dir.write("many.csv", "date,unit,kind,title,note\n" + rows.joined(separator: "\n") + "\n")
    let full = try runShell(
      "ulimit -f 1500; exec \"$0\" import \"$1\"", [reportExecutable.path, dir.path("many.csv")], environment: env)
    #expect(full.status == 74, "\(full.stderr)")
    #expect(full.stderr.contains("磁盘已满"))
    #expect(try run(["stats", "--month", "2021-07"]).status == 0)
    let folder = try run(["stats", "--db", dir.path(""), "--month", "2021-07"])
    #expect(folder.status == 64)
    #expect(folder.stderr.contains("这是一个文件夹"))
  }

  @Test(
    "14. a template nested too deep, with lists in lists, or with too many tags is refused with its line",
    arguments: [
      (String(repeating: "{{#institution}}", count: 1_000) + String(repeating: "{{/institution}}", count: 1_000), "区块嵌套超过 16 层"),
      (String(repeating: "{{#units}}", count: 12) + "{{name}}" + String(repeating: "{{/units}}", count: 12), "列表嵌套超过 2 层"),
      (String(repeating: "{{institution}}\n", count: 40_000), "briefing.zh.mustache:2001: 标签超过 2000 个"),
    ])
  func templates(_ template: String, _ message: String) throws {
    try FileManager.default.createDirectory(atPath: dir.path("t"), withIntermediateDirectories: true)
    try dir.write("t/briefing.zh.mustache", template)
    let r = try run(["brief", "--month", "2021-07", "--templates", dir.path("t")])
    #expect(r.status == 65, "\(r.stderr.prefix(300))")
    #expect(r.stderr.contains(message) && r.stderr.contains("briefing.zh.mustache:"), "\(r.stderr.prefix(300))")
  }

  @Test("15. a pipe is read once; a device is refused at once")
  func inputs() throws {
    try dir.write("p.csv", "date,unit,kind,title\n2021-07-05,D1,seminar,管道\n")
    let piped = try runShell("exec \"$0\" import <(cat \"$1\")", [reportExecutable.path, dir.path("p.csv")], environment: env)
    #expect(piped.status == 0, "\(piped.stderr)")
    #expect(piped.stdout.contains("1 行，新增 1"))
    let device = try runShell("exec timeout 20 \"$0\" import /dev/zero", [reportExecutable.path], environment: env)
    #expect(device.status == 66, "\(device.stderr)")
    let fifo = dir.path("ff")
    #expect(mkfifo(fifo, 0o600) == 0)
    let fed = try runShell(
      "cat \"$1\" > \"$2\" & exec timeout 20 \"$0\" import \"$2\"", [reportExecutable.path, dir.path("p.csv"), fifo], environment: env)
    #expect(fed.status == 0, "\(fed.stderr)")
    #expect(fed.stdout.contains("未变 1"))
  }
}
