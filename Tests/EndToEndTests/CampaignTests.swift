import Foundation
import TestSupport
import Testing

/// Campaigns as data (issue 17): one store serves the 2021 campaign and a 2023 campaign with
/// other kinds, and the 2021 reports stay byte for byte what they were.
@Suite("Campaigns as data")
struct CampaignTests {
  /// Runs a command that must succeed and returns its stdout.
  @discardableResult
  func ok(_ args: [String], _ env: [String: String]) throws -> String {
    let r = try runReport(args, environment: env)
    #expect(r.status == 0, "\(args): \(r.stderr)")
    return r.stdout
  }

  /// Every text of every cell of a workbook, read back by openpyxl.
  func texts(_ path: String) throws -> Set<String> {
    let book = try ReadWorkbook(path: path)
    var all: Set<String> = []
    for name in book.sheets {
      for case let cell as [String: Any] in (book.sheet(name)["cells"] as? [String: Any] ?? [:]).values {
        if let s = cell["value"] as? String { all.insert(s) }
      }
    }
    return all
  }

  /// The 2021 campaign's July, Q3 and stats outputs.
  func outputs2021(_ env: [String: String], into folder: String) throws -> [String: Data] {
    try ok(["monthly", "--month", "2021-07", "--today", "2021-08-03", "--out", folder], env)
    try ok(["quarterly", "--quarter", "2021Q3", "--today", "2021-10-08", "--out", folder], env)
    let json = try ok(["stats", "--month", "2021-07", "--today", "2021-08-03", "--json"], env)
    var files: [String: Data] = ["stats.json": Data(json.utf8)]
    for name in ["monthly-2021-07.xlsx", "monthly-2021-07.txt", "quarterly-2021Q3.xlsx", "quarterly-2021Q3.txt"] {
      files[name] = try Data(contentsOf: URL(fileURLWithPath: folder + "/" + name))
    }
    return files
  }

  @Test("adding and changing a 2023 campaign changes no byte of 2021's reports; 2023's show only its own kinds and levels")
  func twoCampaigns() throws {
    let dir = try TemporaryDirectory()
    defer { dir.remove() }
    let env = ["REPORT_DB": dir.path("campaign.sqlite")]
    try ok(["demo", "--quiet"], env)
    let list = try ok(["campaign", "list", "--json"], env)
    #expect(list.contains("\"code\": \"2021\""), "\(list)")
    let before = try outputs2021(env, into: dir.path("before"))
    #expect(String(decoding: before["stats.json"]!, as: UTF8.self).contains("\"code\": \"2021\""))

    try ok(
      [
        "campaign", "add", "2023", "--name", "学习贯彻习近平新时代中国特色社会主义思想主题教育", "--start", "2023-04-01", "--end", "2023-12-31",
        "--kinds", Fixtures.path("campaigns/kinds-2023.csv"), "--levels", Fixtures.path("campaigns/levels-2023.csv"), "--from", "2021",
      ], env)
    try ok(["config", "--campaign", "2023", "briefing_issuer", "学院主题教育领导小组办公室"], env)
    try ok(["import", Fixtures.path("campaigns/activities-2023.csv"), "--today", "2023-06-01"], env)
    let after = try outputs2021(env, into: dir.path("after"))
    for (name, data) in before { #expect(after[name] == data, "\(name) changed after the 2023 campaign was added") }

    // 2023: only its own kinds, named its own way, with its own levels.
    try ok(["monthly", "--month", "2023-05", "--today", "2023-06-05", "--out", dir.path("out")], env)
    let workbook = try texts(dir.path("out/monthly-2023-05.xlsx"))
    for retired in ["青马班", "志愿服务", "读书班", "盟级", "讲党课"] { #expect(!workbook.contains(retired), "\(retired) in the 2023 workbook") }
    for present in ["调查研究", "专题党课", "巡回督导", "省级"] { #expect(workbook.contains(present), "\(present) missing") }
    // The built-in briefing states the new category and level with the campaign's own names.
    let briefing = try String(contentsOfFile: dir.path("out/monthly-2023-05.txt"), encoding: .utf8)
    for text in ["调查研究方面，本月调查研究3次", "专题党课1次", "省级1条", "学院主题教育领导小组办公室"] {
      #expect(briefing.contains(text), "\(text) not in the 2023 briefing")
    }
    #expect(!briefing.contains("青马班") && !briefing.contains("讲党课"))
    let stats = try ok(["stats", "--month", "2023-05", "--json"], env)
    let json = try #require(try JSONSerialization.jsonObject(with: Data(stats.utf8)) as? [String: Any])
    let kinds = try #require(json["kinds"] as? [String: Any])
    #expect(
      Set(kinds.keys) == ["central_group_study", "branch_study", "party_lecture", "survey", "supervision", "news_post", "media_report"])
    let survey = try #require(kinds["survey"] as? [String: Any])
    #expect((survey["period"] as? [String: Any])?["count"] as? Int == 3)
    let campaign = try #require(json["campaign"] as? [String: Any])
    #expect(campaign["code"] as? String == "2023")
    #expect(campaign["start"] as? String == "2023-04-01")
    // Cumulative figures run from the 2023 campaign's start, and its ledger is its own: the 137
    // opinions and 38 matters of 2021 are not 2023's.
    #expect(json["cumulative_start"] as? String == "2023-04-01")
    let matters = try #require((json["matters"] as? [String: Any])?["cumulative"] as? [String: Any])
    #expect(matters["collected"] as? Int == 0 && matters["consolidated"] as? Int == 0 && matters["overdue"] as? Int == 0)

    // The collection template of a 2023 month lists 2023's kinds and levels only.
    try ok(["template", "--unit", "JD", "--month", "2023-05", "--today", "2023-05-02", "--out", dir.path("forms")], env)
    let form = try texts(dir.path("forms/template-JD-2023-05.xlsx"))
    #expect(form.contains("调查研究") && form.contains("省级"))
    #expect(!form.contains("青马班") && !form.contains("盟级"))

    // A period after a closed campaign's end, in no other campaign, is refused.
    try ok(["config", "--campaign", "2021", "campaign_end", "2022-01-31"], env)
    let late = try runReport(["monthly", "--month", "2024-03", "--out", dir.path("out")], environment: env)
    #expect(late.status == 64)
    #expect(late.stderr.contains("2024年3月31日不在任何活动的时间范围内"), "\(late.stderr)")
    // --campaign names one explicitly; an unknown code is refused.
    try ok(["stats", "--month", "2023-05", "--campaign", "2021"], env)
    #expect(try runReport(["stats", "--month", "2023-05", "--campaign", "2019"], environment: env).status == 64)
  }

  @Test("a media level is read against the campaign in force on the record's date")
  func levelsByDate() throws {
    let dir = try TemporaryDirectory()
    defer { dir.remove() }
    let env = ["REPORT_DB": dir.path("campaign.sqlite")]
    try ok(["demo", "--quiet"], env)
    try ok(
      [
        "campaign", "add", "2023", "--name", "主题教育", "--start", "2023-04-01", "--from", "2021", "--levels",
        Fixtures.path("campaigns/levels-2023.csv"),
      ], env)
    try dir.write(
      "media.csv",
      """
      date,unit,kind,title,level
      2023-05-25,BC,media_report,省级媒体报道,省级
      2021-07-25,BC,media_report,自治区媒体报道,省级

      """)
    let refused = try runReport(["import", dir.path("media.csv")], environment: env)
    #expect(refused.status == 65)
    #expect(refused.stderr.contains(":3:"), "\(refused.stderr)")
    #expect(refused.stderr.contains("盟级") && !refused.stderr.contains(":2:"), "\(refused.stderr)")
    try dir.write("media.csv", "date,unit,kind,title,level\n2023-05-25,BC,media_report,省级媒体报道,省级\n")
    try ok(["import", dir.path("media.csv")], env)
    let stats = try ok(["stats", "--month", "2023-05", "--json"], env)
    #expect(stats.contains("\"media_report\""))
  }

  @Test("bad campaigns are refused with a message, and nothing is added")
  func refusals() throws {
    let dir = try TemporaryDirectory()
    defer { dir.remove() }
    let env = ["REPORT_DB": dir.path("campaign.sqlite")]
    try ok(["demo", "--quiet"], env)
    let before = try ok(["campaign", "list"], env)
    for (args, text) in [
      (["campaign", "add", "2021", "--name", "x", "--start", "2023-01-01"], "已有编码为“2021”的活动"),
      (["campaign", "add", "a b", "--name", "x", "--start", "2023-01-01"], "活动编码“a b”无效"),
      (["campaign", "add", "2023", "--name", "x", "--start", "2023-05-01", "--end", "2023-04-01"], "早于开始日期"),
      (["campaign", "add", "2023", "--name", "x", "--start", "2023-05-01", "--from", "1999"], "没有编码为“1999”的活动"),
      (
        [
          "campaign", "add", "2023", "--name", "x", "--start", "2023-05-01", "--kinds", Fixtures.path("campaigns/kinds-2023.csv"), "--set",
          "branch_study_kind=reading_class",
        ],
        "没有设置项 branch_study_kind 所用的类型“reading_class”"
      ),
    ] {
      let r = try runReport(args, environment: env)
      #expect(r.status == 64, "\(args): \(r.stderr)")
      #expect(r.stderr.contains(text), "\(args): \(r.stderr)")
    }
    try dir.write("levels.csv", "code,name\nprovince,省级\nprovince,省级\n")
    let dup = try runReport(
      ["campaign", "add", "2023", "--name", "x", "--start", "2023-05-01", "--levels", dir.path("levels.csv")], environment: env)
    #expect(dup.status == 65)
    #expect(dup.stderr.contains("levels.csv:3"), "\(dup.stderr)")
    #expect(try ok(["campaign", "list"], env) == before)
  }

  @Test("sheet names are campaign settings; a duplicate or an invalid name is refused")
  func sheetNames() throws {
    let dir = try TemporaryDirectory()
    defer { dir.remove() }
    let env = ["REPORT_DB": dir.path("campaign.sqlite")]
    try ok(["demo", "--quiet"], env)
    try ok(["config", "--campaign", "2021", "sheet_units", "各单位统计"], env)
    #expect(try runReport(["config", "sheet_publicity", "总览"], environment: env).status == 64)
    #expect(try runReport(["config", "sheet_ledger", "a:b"], environment: env).status == 64)
    try ok(["monthly", "--month", "2021-07", "--today", "2021-08-03", "--out", dir.path("out")], env)
    let book = try ReadWorkbook(path: dir.path("out/monthly-2021-07.xlsx"))
    #expect(book.sheets.prefix(2) == ["总览", "各单位统计"])
    let en = try runReport(
      ["monthly", "--month", "2021-07", "--today", "2021-08-03", "--lang", "en", "--out", dir.path("en")], environment: env)
    #expect(en.status == 0)
    #expect(try ReadWorkbook(path: dir.path("en/monthly-2021-07.xlsx")).sheets.prefix(2) == ["Overview", "By unit"])
  }
}
