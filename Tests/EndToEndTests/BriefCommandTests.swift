import Foundation
import TestSupport
import Testing

@Suite("report brief, end to end")
struct BriefCommandTests {
  func demoEnvironment(_ dir: TemporaryDirectory) throws -> [String: String] {
    let env = ["REPORT_DB": dir.path("campaign.sqlite")]
    #expect(try runReport(["demo", "--quiet"], environment: env).status == 0)
    return env
  }

  @Test("prints the same text that report monthly writes, from any directory")
  func sameAsMonthly() throws {
    let dir = try TemporaryDirectory()
    defer { dir.remove() }
    let env = try demoEnvironment(dir)
    let brief = try runReport(["brief", "--month", "2021-07", "--today", "2021-08-03"], in: dir.url, environment: env)
    #expect(brief.status == 0, "\(brief.stderr)")
    #expect(brief.stdout.contains("第六期"))
    #expect(
      try runReport(["monthly", "--month", "2021-07", "--today", "2021-08-03", "--out", dir.path("out")], in: dir.url, environment: env)
        .status == 0)
    #expect(try String(contentsOfFile: dir.path("out/monthly-2021-07.txt"), encoding: .utf8) == brief.stdout)
    let en = try runReport(["brief", "--month", "2021-07", "--today", "2021-08-03", "--lang", "en"], environment: env)
    #expect(en.stdout.contains("No. 6"))
  }

  @Test("--templates uses the user's template; a mistake exits 65 naming file and line and writes nothing")
  func userTemplates() throws {
    let dir = try TemporaryDirectory()
    defer { dir.remove() }
    let env = try demoEnvironment(dir)
    try FileManager.default.createDirectory(atPath: dir.path("tpl"), withIntermediateDirectories: true)
    try dir.write("tpl/briefing.zh.mustache", "本月简报第{{chinese(issue)}}期：督查{{approx(kinds.supervision.cumulative.count)}}。\n")
    let ok = try runReport(["brief", "--month", "2021-07", "--templates", dir.path("tpl")], environment: env)
    #expect(ok.status == 0, "\(ok.stderr)")
    #expect(ok.stdout == "\u{3000}\u{3000}本月简报第六期：督查10余次。\n", "a line of the template is a paragraph, indented by two full-width spaces")

    try dir.write("tpl/briefing.zh.mustache", "第一行\n{{kinds.supervison.period.count}}\n")
    let bad = try runReport(["monthly", "--month", "2021-07", "--templates", dir.path("tpl"), "--out", dir.path("out")], environment: env)
    #expect(bad.status == 65)
    #expect(bad.stderr.contains("briefing.zh.mustache:2: 未知的名称“kinds.supervison.period.count”"), "\(bad.stderr)")
    #expect(!FileManager.default.fileExists(atPath: dir.path("out/monthly-2021-07.xlsx")))

    let missing = try runReport(["brief", "--month", "2021-07", "--lang", "en", "--templates", dir.path("tpl")], environment: env)
    #expect(missing.status == 66)
    #expect(missing.stderr.contains("briefing.en.mustache"))
  }

  @Test("the templates_dir setting points cron runs at the office's templates")
  func setting() throws {
    let dir = try TemporaryDirectory()
    defer { dir.remove() }
    let env = try demoEnvironment(dir)
    try FileManager.default.createDirectory(atPath: dir.path("tpl"), withIntermediateDirectories: true)
    try dir.write("tpl/briefing.zh.mustache", "{{institution}}：{{period.text}}\n")
    #expect(try runReport(["config", "templates_dir", dir.path("tpl")], environment: env).status == 0)
    let r = try runReport(["brief", "--month", "2021-07"], environment: env)
    #expect(r.stdout == "\u{3000}\u{3000}北辰职业技术学院：2021年7月\n", "\(r.stderr)")
  }
}
