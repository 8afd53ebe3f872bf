import Aggregation
import CampaignModel
import CampaignStore
import Foundation
import TestSupport
import Testing

@testable import Writers

@Suite("Phrases of official texts")
struct PhraseTests {
  @Test(
    "Chinese numerals",
    arguments: [
      (0, "零"), (1, "一"), (7, "七"), (10, "十"), (15, "十五"), (20, "二十"), (21, "二十一"), (100, "一百"), (101, "一百零一"),
      (110, "一百一十"), (1001, "一千零一"), (2021, "二千零二十一"), (10000, "一万"), (10001, "一万零一"), (12345, "一万二千三百四十五"),
    ])
  func numerals(_ n: Int, _ expected: String) {
    #expect(Phrases.chineseNumeral(n) == expected)
  }

  @Test(
    "approximate counts: 23 → 20余",
    arguments: [
      (0, "0"), (9, "9"), (10, "10"), (18, "10余"), (20, "20"), (23, "20余"), (99, "90余"), (100, "100"), (137, "130余"),
      (512, "510余"), (1280, "1200余"),
    ])
  func approximate(_ n: Int, _ expected: String) {
    #expect(Phrases.approximate(n) == expected)
  }

  @Test func englishApproximate() {
    #expect(Phrases.approximateEnglish(23) == "over 20")
    #expect(Phrases.approximateEnglish(20) == "20")
  }

  @Test func changes() {
    #expect(Phrases.change(3, measure: "次", lang: .zh) == "增加3次")
    #expect(Phrases.change(-2, measure: "期", lang: .zh) == "减少2期")
    #expect(Phrases.change(0, measure: "次", lang: .zh) == "持平")
    #expect(Phrases.change(1, measure: "sessions", lang: .en) == "up 1 session")
    #expect(Phrases.change(-4, measure: "classes", lang: .en) == "down 4 classes")
    #expect(Phrases.change(0, measure: "visits", lang: .en) == "unchanged")
  }

  @Test func lists() {
    #expect(Phrases.joined([], lang: .zh) == "")
    #expect(Phrases.joined(["甲"], lang: .zh) == "甲")
    #expect(Phrases.joined(["甲", "乙"], lang: .zh) == "甲和乙")
    #expect(Phrases.joined(["甲", "乙", "丙"], lang: .zh) == "甲、乙和丙")
    #expect(Phrases.joined(["A", "B", "C"], lang: .en) == "A, B and C")
    let many = (1...12).map { "单位\($0)" }
    #expect(Phrases.joined(many, limit: 10, measure: "个单位", lang: .zh) == many.prefix(10).joined(separator: "、") + "等12个单位")
    #expect(Phrases.joined(["A", "B", "C"], limit: 2, measure: "", lang: .en) == "A, B and 1 more")
    #expect(Phrases.joined(["A", "B"], limit: 2, measure: "", lang: .en) == "A and B")
  }

  @Test func dates() {
    #expect(Phrases.date(Day(year: 2021, month: 7, day: 31)!, lang: .zh) == "2021年7月31日")
    #expect(Phrases.date(Day(year: 2021, month: 7, day: 31)!, lang: .en) == "31 July 2021")
  }

  @Test func english() {
    #expect(Phrases.englishCount(1, "activities") == "1 activity")
    #expect(Phrases.englishCount(2, "classes") == "2 classes")
    #expect(Phrases.englishCount(1, "classes") == "1 class")
    #expect(Phrases.englishPlural("young Marxists class") == "young Marxists classes")
  }

  @Test("figures: measure words, percentages with one decimal, dashes for undefined rates")
  func figures() {
    let f = Figure(.count(23), measure: "次", previous: 20, lang: .zh)
    #expect(f.renderText == "23")
    #expect(f.transform("measured") as? String == "23次")
    #expect(f.transform("approx") as? String == "20余次")
    #expect(f.transform("chinese") as? String == "二十三")
    #expect(f.transform("change") as? String == "增加3次")
    #expect(Figure(.rate(Ratio(10, 38)), lang: .zh).renderText == "26.3%")
    #expect(Figure(.rate(nil), lang: .zh).renderText == "—")
    #expect(Figure(.average(Ratio(57, 4)), lang: .zh).renderText == "14.3")
    #expect(Figure(.hours(Hours(hundredths: 850)), measure: "学时", lang: .zh).transform("measured") as? String == "8.5学时")
  }
}

@Suite("The briefing", .serialized)
struct BriefingTests {
  func demo() throws -> TestStore {
    let t = try TestStore()
    try t.store.loadDemo()
    return t
  }

  func render(_ t: TestStore, _ month: Month, lang: Language, template: Briefing.Template? = nil, reportDate: Day) throws -> String {
    try t.store.snapshot { source in
      let report = try PeriodReport.compute(month: month, from: source)
      return try Briefing.render(
        report, template: template ?? Briefing.template(lang: lang, directory: nil), lang: lang, reportDate: reportDate)
    }
  }

  @Test(
    "the demo's briefings match the golden texts",
    arguments: [
      ("2021-07", Language.zh, "2021-08-03"), ("2021-08", .zh, "2021-09-02"), ("2021-08", .en, "2021-09-02"),
    ])
  func golden(_ month: String, _ lang: Language, _ date: String) throws {
    let t = try demo()
    let text = try render(t, Month(parsing: month)!, lang: lang, reportDate: Day(parsing: date)!)
    let mismatch = try goldenMismatch(text, file: "demo-briefing-\(month).\(lang.rawValue).txt")
    #expect(mismatch == nil, "\(mismatch ?? "")")
  }

  @Test("the units' branch sessions in the briefing are the units' sum, as the by-unit sheet's 合计, not the kind's total")
  func branchSentence() throws {
    let t = try TestStore.tiny()
    let text = try render(t, Month(year: 2021, month: 7)!, lang: .zh, reportDate: Day(year: 2021, month: 8, day: 3)!)
    // 6 = 3 + 2 + 0 + 1 (A8 is the committee's own); 7 with June's A1; averages 5 ÷ 3 and 6 ÷ 3.
    // The average's own base is stated beside it: the counted units' 5 and 6.
    #expect(text.contains("基层党组织集中学习本月6次，较上月增加5次，其中计入平均数的3个单位5次，平均每个单位1.7次；"), "\(text)")
    #expect(text.contains("累计7次（计入平均数的单位6次），平均每个单位2.0次。离退休直属党支部不计入平均数。"), "\(text)")
  }

  @Test("every figure of report stats --json is in the context under the same name, with the same value")
  func contextHasEveryFigure() throws {
    let t = try demo()
    let month = Month(year: 2021, month: 7)!
    let (full, context) = try t.store.snapshot { source in
      let report = try PeriodReport.compute(month: month, from: source)
      return (StatisticsJSON.value(report.current), BriefingContext.build(report, lang: .zh, reportDate: month.last))
    }
    // The JSON's campaign object ({code, name, start}) is the context's `campaign`, its name,
    // which templates state as text.
    guard case .object(let top) = full else { Issue.record("the JSON is not an object"); return }
    let json = JSONValue.object(
      top.map { k, v in
        guard k == "campaign", case .object(let c) = v, let name = c.first(where: { $0.0 == "name" })?.1 else { return (k, v) }
        return (k, name)
      })
    var checked = 0
    func walk(_ value: JSONValue, _ path: [String], _ ctx: TemplateValue?) {
      let name = path.joined(separator: ".")
      switch value {
      case .object(let pairs):
        for (k, v) in pairs {
          let child: TemplateValue? = { if case .object(let o)? = ctx { return o[k] } else { return nil } }()
          walk(v, path + [k], child)
        }
      case .array(let items):
        guard case .list(let list, _)? = ctx else { Issue.record("\(name) is not a list in the context"); return }
        #expect(list.count == items.count, "\(name)")
        for (i, item) in items.enumerated() where i < list.count { walk(item, path + ["\(i)"], list[i]) }
      case .int(let n):
        guard case .figure(let f)? = ctx, case .count(let c) = f.value else { Issue.record("\(name): no count in the context"); return }
        #expect(c == n, "\(name)")
        checked += 1
      case .number(let s):
        guard case .figure(let f)? = ctx else { Issue.record("\(name): no figure in the context"); return }
        #expect(f.renderText == s, "\(name)")
        checked += 1
      case .double(let d):
        guard case .figure(let f)? = ctx else { Issue.record("\(name): no figure in the context"); return }
        switch f.value {
        case .average(let r), .rate(let r): #expect(r?.value == d, "\(name)")
        default: Issue.record("\(name): not a ratio in the context")
        }
        checked += 1
      case .null:
        guard case .figure(let f)? = ctx else { Issue.record("\(name): missing"); return }
        #expect(f.renderText == "—", "\(name)")
      case .string(let s):
        switch ctx {
        case .text(let v)?: #expect(v == s, "\(name)")
        case .figure?: break
        default: Issue.record("\(name): no text in the context")
        }
      case .bool(let b):
        guard case .flag(let v)? = ctx else { Issue.record("\(name): no flag in the context"); return }
        #expect(v == b, "\(name)")
      }
    }
    walk(json, [], context)
    #expect(checked > 100)
  }

  @Test("every number in the default briefing is a figure of the engine")
  func numbersComeFromTheEngine() throws {
    let t = try demo()
    let month = Month(year: 2021, month: 7)!
    let text = try render(t, month, lang: .zh, reportDate: Day(year: 2021, month: 8, day: 3)!)
    let stats = try t.store.snapshot { try Statistics.compute(period: month.days, from: $0) }
    #expect(text.contains("党委理论学习中心组集体学习\(stats.kind("central_group_study")!.totals.period.count)次"))
    #expect(text.contains("累计收集意见建议\(stats.matters.asOf.collected)条"))
    #expect(text.contains("解决率\(stats.matters.resolutionRate!.percent)"))
    #expect(text.contains("平均每个单位\(stats.branchStudyAverage.period!.fixed(1))次"))
  }

  @Test("names with & and < come out verbatim")
  func verbatim() throws {
    let t = try TestStore.tiny()
    _ = try t.store.importOne(try t.directory.write("o.csv", "id,name,kind,parent\nG1,研发&创新 <一>支部,general_branch,C\n"))
    let template = Briefing.Template(name: "t.mustache", text: "{{#units}}{{name}}|{{/units}}{{below_average.names}}\n")
    let text = try render(t, Month(year: 2021, month: 7)!, lang: .zh, template: template, reportDate: Day(year: 2021, month: 8, day: 3)!)
    #expect(text.hasPrefix("\u{3000}\u{3000}研发&创新 <一>支部|"))
    #expect(!text.contains("&amp;") && !text.contains("&lt;"))
  }

  @Test("an unknown name is an error with the template's name and line")
  func unknownName() throws {
    let t = try TestStore.tiny()
    let template = Briefing.Template(
      name: "mine.mustache", text: "第一行\n{{kinds.reading_class.period.count}}\n{{kinds.reading_clas.period.count}}\n")
    #expect {
      try render(t, Month(year: 2021, month: 7)!, lang: .zh, template: template, reportDate: Day(year: 2021, month: 8, day: 3)!)
    } throws: { error in
      guard case WriterError.templateUnknownName(let name, let line, let variable, let hint) = error else { return false }
      return name == "mine.mustache" && line == 3 && variable == "kinds.reading_clas.period.count" && hint.contains("reading_class")
    }
  }

  @Test(
    "a template cannot include another file: partials and blocks are refused with their line",
    arguments: [
      "{{> /etc/passwd}}", "{{>../../secret}}", "{{$block}}x{{/block}}", "{{<parent}}{{/parent}}",
    ])
  func noPartials(_ tag: String) throws {
    let t = try TestStore.tiny()
    let template = Briefing.Template(name: "mine.mustache", text: "第一行\n" + tag + "\n")
    #expect {
      try render(t, Month(year: 2021, month: 7)!, lang: .zh, template: template, reportDate: Day(year: 2021, month: 8, day: 3)!)
    } throws: { error in
      guard case WriterError.templateSyntax(let name, let line, let message) = error else { return false }
      return name == "mine.mustache" && line == 2 && message.contains("partials and blocks are not supported")
    }
  }

  @Test(
    "names inside sections resolve against the section's items",
    arguments: [
      ("{{#units}}{{name}}{{branch_study.period}}{{/units}}", true),
      ("{{#units}}{{nonsense}}{{/units}}", false),
      ("{{#below_average.list}}{{.}}{{/below_average.list}}", true),
      ("{{#nonzero(kinds.seminar.period.count)}}{{institution}}{{/nonzero(kinds.seminar.period.count)}}", true),
      ("{{measured(kinds.seminar.period.count)}}", true),
      ("{{bogus(kinds.seminar.period.count)}}", false),
      ("{{#overdue_matters.list}}{{title}}{{due}}{{/overdue_matters.list}}", true),
    ])
  func scoping(_ text: String, _ valid: Bool) throws {
    let t = try TestStore.tiny()
    let template = Briefing.Template(name: "s.mustache", text: text)
    let result = Result {
      try render(t, Month(year: 2021, month: 7)!, lang: .zh, template: template, reportDate: Day(year: 2021, month: 8, day: 3)!)
    }
    if valid {
      #expect(throws: Never.self) { try result.get() }
    } else {
      #expect(throws: WriterError.self) { try result.get() }
    }
  }

  @Test("a syntax error is reported with the template's name and line")
  func syntax() throws {
    let t = try TestStore.tiny()
    for (text, line) in [("a\nb\n{{#units}}\nno end\n", 3), ("a\n{{institution}\n", 2), ("{{#units}}\n{{/unit}}\n", 2)] {
      let template = Briefing.Template(name: "bad.mustache", text: text)
      #expect {
        try render(t, Month(year: 2021, month: 7)!, lang: .zh, template: template, reportDate: Day(year: 2021, month: 8, day: 3)!)
      } throws: { error in
        guard case WriterError.templateSyntax(let name, let l, _) = error else { return false }
        return name == "bad.mustache" && l == line
      }
    }
  }

  @Test("issues are numbered by month from the campaign start or a configured first month")
  func issueNumbers() throws {
    let s = CampaignSettings(values: ["campaign_start": "2021-02-20"])
    #expect(s.briefingIssue(for: Month(year: 2021, month: 2)!) == 1)
    #expect(s.briefingIssue(for: Month(year: 2021, month: 7)!) == 6)
    #expect(s.briefingIssue(for: Month(year: 2022, month: 1)!) == 12)
    #expect(CampaignSettings(values: ["briefing_first_month": "2021-05"]).briefingIssue(for: Month(year: 2021, month: 7)!) == 3)
    #expect(CampaignSettings(values: [:]).briefingIssue(for: Month(year: 2021, month: 7)!) == 7)
    // Before the campaign's first month, issues count from January of that year.
    #expect(s.briefingIssue(for: Month(year: 2020, month: 12)!) == 12)
  }
}
