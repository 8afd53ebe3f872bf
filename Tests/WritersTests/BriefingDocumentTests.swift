import Aggregation
import CampaignModel
import CampaignStore
import Foundation
import TestSupport
import Testing

@testable import Writers

/// The briefing as one model rendered twice (text and .docx), the generic built-in template,
/// numbering per series and empty periods.
@Suite("The briefing's model and its .docx", .serialized)
struct BriefingDocumentTests {
  func demo() throws -> TestStore {
    let t = try TestStore()
    try t.store.loadDemo()
    return t
  }

  func document(
    _ t: TestStore, _ period: ReportPeriod, lang: Language = .zh, template: Briefing.Template? = nil, reportDate: Day
  ) throws -> BriefingDocument {
    try t.store.snapshot { source in
      let report = try PeriodReport.compute(period: period, from: source, reportDate: reportDate)
      return try Briefing.document(
        report, template: template ?? Briefing.template(lang: lang, directory: nil), lang: lang, reportDate: reportDate)
    }
  }

  static let july = ReportPeriod.month(Month(year: 2021, month: 7)!)
  static let august3 = Day(year: 2021, month: 8, day: 3)!

  @Test("the markup: @fields, # title, ## and ##+ headings, paragraphs; blank lines dropped")
  func markup() {
    let d = BriefingDocument.parse(
      "@name: 某简报\n@number: 第二期\n@issuer: 办公室\n@date: 2021年8月3日\n@report: 上级\n@send: 平级\n@distribute: 下级\n@copies: 60\n\n"
        + "# 标题\n\n##+ 甲\n第一段\n  第二段  \n##+ 乙\n## 三、丙\n@unknown: 照样是段落\n",
      lang: .zh)
    #expect(d.masthead == .init(name: "某简报", number: "第二期", issuer: "办公室", date: "2021年8月3日"))
    #expect(d.title == "标题")
    #expect(
      d.blocks == [.heading("一、甲"), .paragraph("第一段"), .paragraph("第二段"), .heading("二、乙"), .heading("三、丙"), .paragraph("@unknown: 照样是段落")])
    #expect(d.distributionLines.map { $0.label + $0.text } == ["报：上级", "送：平级", "发：下级"])
    #expect(d.copiesLine == "共印60份")
    let text = d.text
    #expect(text.contains("\n\u{3000}\u{3000}第一段\n\u{3000}\u{3000}第二段\n"), "paragraphs indented by two full-width spaces")
    #expect(text.contains("报：上级\n送：平级\n发：下级\n"))
    #expect(!text.contains("    第一段"))
  }

  @Test("the July demo: every headline figure with its cumulative count, no zero recited, the 报尾 as 报/送/发")
  func julyText() throws {
    let t = try demo()
    let text = try document(t, Self.july, reportDate: Self.august3).text
    for phrase in [
      "党委理论学习中心组集体学习2次", "累计党委理论学习中心组集体学习14次", "读书班4期（92学时）", "专题研讨17次",
      "累计专题讲座8期", "累计青马班5期", "参加34人次",
      // The branch sentence states the counted units' own total beside their average (14 ÷ 9 = 1.6).
      "基层党组织集中学习本月15次", "其中计入平均数的9个单位14次，平均每个单位1.6次", "累计96次（计入平均数的单位92次），平均每个单位10.2次",
      "累计开展督查督导18次", "已解决7项、推进中16项", "梳理汇总为38项（其中重点民生项目6项）",
      "本月解决的事项有“开通校园一卡通线上充值”", "媒体刊发15条（国家级1条、区级3条、盟级7条、校级4条）", "累计宣传动态417篇、简报56期、媒体刊发46条",
      "报：自治区党委教育工委", "送：学院党委班子成员", "发：各党总支、直属党支部", "共印60份",
    ] {
      #expect(text.contains(phrase), "missing: \(phrase)")
    }
    #expect(text.range(of: "(^|[^0-9.])0(次|期|条|项|篇|学时|人次|个)", options: .regularExpression) == nil, "a zero is recited")
    #expect(!text.contains("主送") && !text.contains("抄送"))
  }

  @Test("the exact 2021 wording ships as an example office template and still renders, fixed the same way")
  func example2021() throws {
    let t = try demo()
    let folder = Fixtures.packageRoot.appendingPathComponent("Templates/examples/2021").path
    let template = try Briefing.template(lang: .zh, directory: folder)
    let text = try document(t, Self.july, template: template, reportDate: Self.august3).text
    for phrase in [
      "一、学习教育开展情况", "本月党委理论学习中心组集体学习2次，累计集体学习14次", "累计举办读书班4期、92学时", "累计开展专题讲座8期",
      "其中计入平均数的9个单位14次", "自2021年2月20日以来累计督查10余次", "三、“我为群众办实事”进展", "推进中16项",
      "累计发布宣传动态410余篇", "报：自治区党委教育工委",
    ] {
      #expect(text.contains(phrase), "missing: \(phrase)")
    }
    #expect(text.range(of: "(^|[^0-9.])0(次|期|条|项|篇|学时)", options: .regularExpression) == nil, "a zero is recited")
  }

  @Test("a new category of the catalogue is stated in the built-in briefing with its own names and measure words")
  func newCategory() throws {
    let t = try demo()
    let kinds = try String(contentsOfFile: Fixtures.packageRoot.appendingPathComponent("Templates/kinds.csv").path, encoding: .utf8)
    _ = try t.store.importOne(try t.directory.write("kinds.csv", kinds + "research,专题调研,field study,次,studies,research,调查研究,Research\n"))
    _ = try t.store.importOne(
      try t.directory.write(
        "a.csv", "date,unit,kind,title,hours,participants\n2021-07-05,JG,research,调研一,,\n2021-07-09,JG,research,调研二,,8\n"))
    let text = try document(t, Self.july, reportDate: Self.august3).text
    #expect(text.contains("调查研究方面，本月专题调研2次（参加8人次）；累计专题调研2次。"), "\(text)")
    let en = try document(t, Self.july, lang: .en, reportDate: Self.august3).text
    #expect(en.contains("Research: 2 field studies (8 participants) this month; 2 field studies in all."), "\(en)")
  }

  @Test("the supervision sentence follows the supervision_kind setting, not a literal code")
  func supervisionSetting() throws {
    let t = try demo()
    _ = try t.store.setSetting("supervision_kind", to: "seminar")
    _ = try t.store.setSetting("section_supervision", to: "研讨督办")
    let text = try document(t, Self.july, reportDate: Self.august3).text
    #expect(text.contains("二、研讨督办\n\u{3000}\u{3000}本月开展专题研讨4次"), "\(text)")
    #expect(text.contains("督导方面，本月督查督导3次"), "the former supervision kind is now stated in its category")
  }

  @Test("a month with no records says plainly that nothing was reported, and praises nobody")
  func emptyMonth() throws {
    let t = try demo()
    let period = ReportPeriod.month(Month(year: 2022, month: 3)!)
    let text = try document(t, period, reportDate: Day(year: 2022, month: 4, day: 2)!).text
    #expect(text.contains("各单位未报送党史学习教育的任何数据，本期没有可以通报的工作情况"), "\(text)")
    #expect(!text.contains("总体均衡") && !text.contains("按计划推进") && !text.contains("—"))
    let unfinished = try document(t, period, reportDate: Day(year: 2022, month: 3, day: 10)!).text
    #expect(unfinished.contains("统计期尚未结束"))
  }

  @Test("numbering per series: monthly, quarterly and annual briefings never share a name and number; a range is a 专刊")
  func numbering() throws {
    let t = try demo()
    let settings = try t.store.settings()
    // The campaign starts 2021-02-20: February is issue 1 of each series.
    #expect(settings.briefingIssue(for: .month(Month(year: 2021, month: 6)!)) == 5)
    #expect(settings.briefingIssue(for: .quarter(year: 2021, quarter: 1)) == 1)
    #expect(settings.briefingIssue(for: .quarter(year: 2021, quarter: 2)) == 2)
    #expect(settings.briefingIssue(for: .quarter(year: 2022, quarter: 1)) == 5)
    #expect(settings.briefingIssue(for: .year(2021)) == 1)
    #expect(settings.briefingIssue(for: .range(DayRange(Day(year: 2021, month: 6, day: 1)!, Day(year: 2021, month: 6, day: 30)!)!)) == nil)
    var seen: [String: String] = [:]
    var periods: [ReportPeriod] = (2...12).map { .month(Month(year: 2021, month: $0)!) }
    periods += (1...4).map { .quarter(year: 2021, quarter: $0) } + [.year(2021)]
    periods.append(.range(DayRange(Day(year: 2021, month: 4, day: 1)!, Day(year: 2021, month: 6, day: 30)!)!))
    for period in periods {
      let d = try document(t, period, reportDate: Day(year: 2022, month: 1, day: 10)!)
      let key = d.masthead.name + "|" + d.masthead.number
      #expect(seen[key] == nil, "\(period) and \(seen[key] ?? "") are both \(key)")
      seen[key] = period.description
    }
    #expect(seen["党史学习教育简报（季度）|第二期"] == "2021Q2")
    #expect(seen["党史学习教育简报（专刊）|"] != nil)
  }

  @Test("the July .docx: valid Open XML, A4 with GB/T 9704 margins, the same blocks as the text, the fonts of a 简报")
  func julyDocx() throws {
    let t = try demo()
    let doc = try document(t, Self.july, reportDate: Self.august3)
    let dir = try TemporaryDirectory()
    defer { dir.remove() }
    let path = dir.path("monthly-2021-07.docx")
    try BriefingDocx.data(doc).write(to: URL(fileURLWithPath: path))
    let audit = try auditWorkbook(path)
    #expect(audit.errors == 0, "\(audit.output)")
    let read = try ReadDocument(path: path)
    let section = try #require(read.sections.first)
    #expect(section["width"] as? Int == 11906 && section["height"] as? Int == 16838, "A4")
    #expect(section["top"] as? Int == 2098 && section["bottom"] as? Int == 1984, "37 mm and 35 mm")
    #expect(section["left"] as? Int == 1588 && section["right"] as? Int == 1474, "28 mm and 26 mm")
    #expect(section["odd_footer"] as? String == "— 1 —" && section["even_footer"] as? String == "— 1 —")
    #expect(section["odd_footer_fields"] as? Int == 1, "the number is a PAGE field")
    #expect(read.json["even_and_odd"] as? Bool == true)
    let paragraphs = read.paragraphs
    #expect(paragraphs.prefix(4).map(\.style) == ["Masthead", "MastheadNumber", "MastheadLine", "Title"])
    #expect(paragraphs[0].text == "党史学习教育简报" && paragraphs[1].text == "第六期")
    #expect(paragraphs[2].text == "学院党史学习教育领导小组办公室\t2021年8月3日")
    #expect(paragraphs[3].text == doc.title)
    let body = paragraphs.filter { $0.style == "BodyText" || $0.style == "Heading1" }
    let expected = doc.blocks.map { block -> (String, String) in
      switch block {
      case .heading(let h): ("Heading1", h)
      case .paragraph(let p): ("BodyText", p)
      }
    }
    #expect(body.map(\.style) == expected.map(\.0) && body.map(\.text) == expected.map(\.1))
    #expect(
      paragraphs.filter { $0.style.hasPrefix("Distribution") }.map(\.text) == [
        "报：自治区党委教育工委，盟委党史学习教育领导小组办公室", "送：学院党委班子成员", "发：各党总支、直属党支部", "共印60份",
      ])
    #expect(read.style("BodyText")["east_asia"] as? String == "仿宋_GB2312" && read.style("BodyText")["size"] as? Double == 16)
    #expect(read.style("BodyText")["line"] as? String == "579" && read.style("BodyText")["line_rule"] as? String == "exact")
    #expect(read.style("Heading1")["east_asia"] as? String == "黑体")
    #expect(read.style("Title")["east_asia"] as? String == "方正小标宋简体" && read.style("Title")["size"] as? Double == 22)
    #expect(read.style("Masthead")["color"] as? String == "FF0000")
    #expect(read.style("Footer")["east_asia"] as? String == "宋体" && read.style("Footer")["size"] as? Double == 14)
  }

  @Test("the issuer defaults to the campaign's 领导小组办公室; a subtree's briefing is issued by its own committee")
  func issuer() throws {
    let t = try demo()
    _ = try t.store.setSetting("briefing_issuer", to: "")
    #expect(try document(t, Self.july, reportDate: Self.august3).masthead.issuer == "党史学习教育领导小组办公室")
    let sub = try t.store.snapshot(root: "JG") { source in
      let report = try PeriodReport.compute(period: Self.july, from: source, reportDate: Self.august3)
      return try Briefing.document(report, template: Briefing.template(lang: .zh, directory: nil), lang: .zh, reportDate: Self.august3)
    }
    #expect(sub.masthead.issuer == "机关党总支")
  }

  @Test("the masthead is 36 pt, smaller when a long name would not fit one line of the 版心")
  func mastheadSize() {
    #expect(BriefingDocx.mastheadSize("党史学习教育简报", lang: .zh) == 72)
    let long = BriefingDocx.mastheadSize("党史学习教育简报（季度）", lang: .zh)
    #expect(long < 72 && Double(long) / 2 * 12 + 2 * 12 <= 8844 / 20, "12 characters and their spacing fit 442 pt")
  }

  @Test("names with & < > \" and control characters are escaped in the .docx, read back verbatim")
  func escaping() throws {
    var doc = BriefingDocument.parse("@name: 甲&乙 <简报>\n# 研发&创新 <一>\"支部\"\n正文\u{1}含控制字符&\n", lang: .zh)
    doc.distribution.report = "上级<机关>"
    let dir = try TemporaryDirectory()
    defer { dir.remove() }
    try BriefingDocx.data(doc).write(to: URL(fileURLWithPath: dir.path("e.docx")))
    #expect(try auditWorkbook(dir.path("e.docx")).errors == 0)
    let texts = try ReadDocument(path: dir.path("e.docx")).paragraphs.map(\.text)
    #expect(texts.contains("甲&乙 <简报>") && texts.contains("研发&创新 <一>\"支部\"") && texts.contains("正文含控制字符&"))
    #expect(texts.contains("报：上级<机关>"))
  }

  @Test("the same briefing gives the same .docx bytes")
  func deterministic() throws {
    let t = try demo()
    let doc = try document(t, Self.july, reportDate: Self.august3)
    let a = try BriefingDocx.data(doc)
    let b = try BriefingDocx.data(try document(t, Self.july, reportDate: Self.august3))
    #expect(a == b)
    #expect(a.count > 4_000)
  }

  @Test("a sentence changed in the template appears in the text and in the .docx")
  func oneModelTwoRenderings() throws {
    let t = try demo()
    var template = try Briefing.template(lang: .zh, directory: nil)
    template.text = template.text.replacingOccurrences(of: "扎实推进各项工作。", with: "扎实推进各项工作，本句由办公室改写。")
    let doc = try document(t, Self.july, template: template, reportDate: Self.august3)
    #expect(doc.text.contains("本句由办公室改写。"))
    let dir = try TemporaryDirectory()
    defer { dir.remove() }
    try BriefingDocx.data(doc).write(to: URL(fileURLWithPath: dir.path("b.docx")))
    #expect(try ReadDocument(path: dir.path("b.docx")).paragraphs.contains { $0.text.contains("本句由办公室改写。") })
  }

  @Test("a reference .docx gives its page and its styles; ours fill the styles it lacks; a bad one is refused")
  func reference() throws {
    let t = try demo()
    let doc = try document(t, Self.july, reportDate: Self.august3)
    let dir = try TemporaryDirectory()
    defer { dir.remove() }
    try ReadDocument.writeDefault(to: dir.path("reference.docx"))
    try BriefingDocx.data(doc, reference: dir.path("reference.docx")).write(to: URL(fileURLWithPath: dir.path("b.docx")))
    let read = try ReadDocument(path: dir.path("b.docx"))
    let section = try #require(read.sections.first)
    #expect(section["width"] as? Int == 12240 && section["height"] as? Int == 15840, "the reference's Letter page")
    #expect(read.style("Title")["east_asia"] as? String != "方正小标宋简体", "the reference's own Title style")
    #expect(read.style("Masthead")["color"] as? String == "FF0000", "ours where the reference has none")
    #expect(try auditWorkbook(dir.path("b.docx")).errors == 0)
    let bad = try dir.write("bad.docx", "not a zip")
    #expect(throws: WriterError.self) { try BriefingDocx.data(doc, reference: bad) }
  }
}
