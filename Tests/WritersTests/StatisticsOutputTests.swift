import Aggregation
import CampaignModel
import CampaignStore
import Foundation
import TestSupport
import Testing
import Writers

@Suite("Statistics as JSON and as a table")
struct StatisticsOutputTests {
  func julyStats() throws -> (TestStore, Statistics) {
    let t = try TestStore.tinyWithTargets()
    let s = try t.store.snapshot { try Statistics.compute(period: Month(year: 2021, month: 7)!.days, from: $0) }
    return (t, s)
  }

  @Test("JSON of the tiny institution's July matches the golden file (as stats --json prints it, with the by-unit figures)")
  func jsonGolden() throws {
    let (t, s) = try julyStats()
    let units = try t.store.snapshot { try UnitTable.compute(s, from: $0) }
    let mismatch = try goldenMismatch(StatisticsJSON.value(s, units: units).rendered() + "\n", file: "tiny-2021-07.json")
    #expect(mismatch == nil, "\(mismatch ?? "")")
  }

  @Test("JSON has the documented shape: parse it back and walk the keys")
  func jsonShape() throws {
    let (_, s) = try julyStats()
    let data = Data(StatisticsJSON.value(s).rendered().utf8)
    let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    let period = try #require(root["period"] as? [String: Any])
    #expect(period["start"] as? String == "2021-07-01")
    #expect(period["end"] as? String == "2021-07-31")
    #expect(root["cumulative_start"] as? String == "2021-01-01")
    let kinds = try #require(root["kinds"] as? [String: Any])
    #expect(kinds.count == 14)
    let branch = try #require(kinds["branch_study"] as? [String: Any])
    let bp = try #require(branch["period"] as? [String: Any])
    #expect(bp["count"] as? Int == 7)
    #expect(bp["hours"] as? Double == 8.5)
    #expect(bp["participants"] as? Int == 81)
    #expect((branch["cumulative"] as? [String: Any])?["count"] as? Int == 8)
    let units = try #require(root["units"] as? [[String: Any]])
    #expect(units.map { $0["id"] as? String } == ["G1", "D1", "D2", "R"])
    #expect((units[2]["branch_study"] as? [String: Any])?["period"] as? Int == 0)
    #expect(units[3]["counted"] as? Bool == false)
    let avg = try #require(root["branch_study_average"] as? [String: Any])
    #expect(abs((avg["period"] as? Double ?? 0) - 5.0 / 3.0) < 1e-12)
    let matters = try #require(root["matters"] as? [String: Any])
    let mp = try #require(matters["period"] as? [String: Any])
    #expect(["collected", "consolidated", "claimed", "resolved"].map { mp[$0] as? Int } == [3, 2, 1, 1])
    let mc = try #require(matters["cumulative"] as? [String: Any])
    #expect(["collected", "consolidated", "claimed", "resolved", "overdue", "key_projects"].map { mc[$0] as? Int } == [5, 4, 3, 1, 2, 2])
    #expect(mc["resolution_rate"] as? Double == 0.25)
  }

  @Test("an undefined rate is null in JSON and — in the table")
  func undefinedRates() throws {
    let t = try TestStore()
    let s = try t.store.snapshot { try Statistics.compute(period: Month(year: 2021, month: 7)!.days, from: $0) }
    let json = StatisticsJSON.value(s).rendered()
    #expect(json.contains("\"resolution_rate\": null"))
    #expect(!json.lowercased().contains("nan"))
    #expect(StatisticsTable.render(s, lang: .zh).contains("—"))
  }

  @Test("the tables in Chinese and English match the golden files", arguments: [Language.zh, .en])
  func tableGolden(_ lang: Language) throws {
    let (_, s) = try julyStats()
    let mismatch = try goldenMismatch(StatisticsTable.render(s, lang: lang), file: "tiny-2021-07-\(lang.rawValue).txt")
    #expect(mismatch == nil, "\(mismatch ?? "")")
  }

  @Test("JSON strings are escaped")
  func escaping() {
    #expect(JSONValue.string("研发&创新 <一>\"支部\"\n\u{1}").rendered() == #""研发&创新 <一>\"支部\"\n\u0001""#)
  }

  @Test("display width counts CJK as two cells")
  func width() {
    #expect(TextWidth.of("党史abc") == 7)
    #expect(TextWidth.padRight("党", to: 4) == "党  ")
    // A cell's column is as wide as its widest line.
    #expect(TextWidth.ofLongestLine("ab\n党史学习\nabc") == 8)
    #expect(TextWidth.ofLongestLine("党史学习\r\nab") == 8)
    #expect(TextWidth.ofLongestLine("") == 0)
    #expect(TextWidth.lineWidths("党\n\nab\n") == [2, 0, 2, 0])
  }
}
