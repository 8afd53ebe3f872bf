import Foundation
import TestSupport
import Testing

/// The messages a newcomer meets on a fresh store: in Chinese by default, with a way forward.
@Suite("Messages a newcomer meets")
struct MessagesTests {
  @Test("a mistyped subcommand suggests the nearest one; options before the subcommand work")
  func commandLine() throws {
    let dir = try TemporaryDirectory()
    defer { dir.remove() }
    let typo = try runReport(["montly", "--month", "2021-07"])
    #expect(typo.status == 64)
    #expect(typo.stderr.contains("没有子命令“montly”。您要用的是不是 report monthly？"), "\(typo.stderr)")
    #expect(try runReport(["--lang", "en", "histroy"]).stderr.contains("Did you mean 'report history'?"))
    #expect(try runReport(["init", "--db", dir.path("s.sqlite"), "--quiet"]).status == 0)
    let before = try runReport(["--db", dir.path("s.sqlite"), "--lang", "en", "stats", "--month", "2021-07"])
    #expect(before.status == 0, "\(before.stderr)")
    #expect(before.stdout.contains("statistics"))
  }

  @Test("argument errors, settings and help are in Chinese by default, and the log gets one line")
  func chinese() throws {
    let dir = try TemporaryDirectory()
    defer { dir.remove() }
    let log = dir.path("f.log")
    let month = try runReport(["monthly", "--month", "2021-13", "--log", log])
    #expect(month.status == 64)
    #expect(month.stderr.contains("错误：“2021-13”不是 --month <YYYY-MM> 的有效值。"), "\(month.stderr)")
    let lines = try String(contentsOfFile: log, encoding: .utf8).split(separator: "\n")
    #expect(lines.count == 1)
    #expect(try runReport(["config", "foo", "bar", "--db", dir.path("s.sqlite")]).stderr.contains("没有设置项“foo”"))
    #expect(try runReport(["config", "rate_divisor", "x", "--db", dir.path("s.sqlite")]).stderr.contains("应为consolidated 或 claimed"))
    let help = try runReport(["import", "--help"])
    #expect(help.stdout.contains("要导入的 CSV 文件或 .xlsx 工作簿"))
    #expect(try runReport(["--help"]).stdout.contains("74  写入数据库时磁盘已满"))
    #expect(try runReport(["--help", "--lang", "en"]).stdout.contains("Exit codes:"))
    let template = try runReport(["template", "--help"])
    #expect(!template.stdout.contains("--previous"))
  }
}
