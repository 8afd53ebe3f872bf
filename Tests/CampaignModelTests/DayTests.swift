import CampaignModel
import Testing

@Suite("Days and months")
struct DayTests {
  @Test(
    "the three documented spellings are the same day",
    arguments: ["2021-07-03", "2021/7/3", "2021年7月3日", " 2021-7-3 ", "2021.7.3", "2021/07/03"])
  func spellings(_ text: String) {
    #expect(Day(parsing: text) == Day(year: 2021, month: 7, day: 3))
  }

  @Test(
    "days that do not exist and malformed text are refused",
    arguments: [
      "2021-02-30", "2021-02-29", "2021-13-01", "2021-00-10", "2021-04-31", "2021-07", "07/03/2021x", "2021-07-03-01",
      "2021/7-3", "2021年7月3", "", "abc", "20210703", "2021-7-3日", "7/3/21", "21-7-3", "0021-07-03x", "2021-007-03",
      "2021-07-003", "202-07-03",
    ])
  func refused(_ text: String) {
    #expect(Day(parsing: text) == nil)
  }

  @Test func leapYears() {
    #expect(Day(parsing: "2020-02-29") != nil)
    #expect(Day(parsing: "2000-02-29") != nil)
    #expect(Day(parsing: "1900-02-29") == nil)
  }

  @Test func epochRoundTrip() {
    #expect(Day(year: 1970, month: 1, day: 1)!.daysSinceEpoch == 0)
    #expect(Day(year: 2021, month: 7, day: 3)!.daysSinceEpoch == 18811)
    for n in stride(from: -800_000, through: 800_000, by: 997) {
      #expect(Day(daysSinceEpoch: n).daysSinceEpoch == n)
    }
    #expect(Day(year: 2021, month: 2, day: 28)!.adding(days: 1) == Day(year: 2021, month: 3, day: 1))
  }

  @Test func formats() {
    let d = Day(year: 2021, month: 7, day: 3)!
    #expect(d.iso == "2021-07-03")
    #expect(d.chinese == "2021年7月3日")
  }

  @Test("months: first and last days, January and December neighbours")
  func months() throws {
    let feb = try #require(Month(parsing: "2021-02"))
    #expect(feb.last == Day(year: 2021, month: 2, day: 28))
    #expect(Month(parsing: "2020-02")!.last == Day(year: 2020, month: 2, day: 29))
    #expect(Month(parsing: "2021-01")!.previous == Month(year: 2020, month: 12))
    #expect(Month(parsing: "2021-12")!.next == Month(year: 2022, month: 1))
    #expect(Month(parsing: "2021-12")!.days.dayCount == 31)
    #expect(Month(parsing: "2021-13") == nil)
    #expect(Month(parsing: "21-07") == nil)
    #expect(Month(parsing: "2021-7") == Month(year: 2021, month: 7))
  }
}

@Suite("Contract values")
struct ValueTests {
  @Test func hours() {
    #expect(Hours(parsing: "2")?.hundredths == 200)
    #expect(Hours(parsing: "1.5")?.hundredths == 150)
    #expect(Hours(parsing: "0.25")?.hundredths == 25)
    #expect(Hours(parsing: "0") == .zero)
    #expect(Hours(parsing: "-2") == nil)
    #expect(Hours(parsing: "1.255") == nil)
    #expect(Hours(parsing: "abc") == nil)
    #expect(Hours(parsing: ".5") == nil)
    #expect(Hours(hundredths: 150).description == "1.5")
    #expect(Hours(hundredths: 6400).description == "64")
    #expect(Hours(hundredths: 5).description == "0.05")
  }

  @Test func choices() {
    #expect(parseYesNo("是") == true)
    #expect(parseYesNo("NO") == false)
    #expect(parseYesNo("maybe") == nil)
    #expect(MatterStatus(contractValue: "已办结") == .resolved)
    #expect(MatterStatus(contractValue: "推进中") == .inProgress)
    #expect(MatterStatus(contractValue: "In_Progress") == .inProgress)
    #expect(MediaLevel.matching("盟级", in: MediaLevel.defaults)?.code == "league")
    #expect(MediaLevel.matching(" NATIONAL ", in: MediaLevel.defaults)?.name == "国家级")
    #expect(MediaLevel.matching("省级", in: MediaLevel.defaults) == nil)
    #expect(OrganizationKind(contractValue: "直属党支部") == .directBranch)
  }

  @Test func catalogueLookup() {
    let c = Catalogue(kinds: [
      ActivityKind(
        code: "reading_class", name: "读书班", nameEn: "reading class", measure: "期", measureEn: "classes", category: "study",
        categoryName: "学习", categoryNameEn: "Study"),
      ActivityKind(
        code: "lecture", name: "专题讲座", nameEn: "lecture", measure: "期", measureEn: "lectures", category: "lecture", categoryName: "宣讲",
        categoryNameEn: "Lectures"),
    ])
    #expect(c.kind(matching: "READING_CLASS")?.code == "reading_class")
    #expect(c.kind(matching: "专题讲座")?.code == "lecture")
    #expect(c.kind(matching: "专题学习") == nil)
    #expect(c.categories == ["study", "lecture"])
  }

  @Test("cumulative starts at the campaign start, else 1 January of the period's year")
  func cumulativeStart() {
    let end = Day(year: 2021, month: 7, day: 31)!
    let july = DayRange(Day(year: 2021, month: 7, day: 1)!, end)!
    #expect(CampaignSettings(values: [:]).cumulativeStart(for: july) == Day(year: 2021, month: 1, day: 1))
    #expect(CampaignSettings(values: ["campaign_start": "2021-02-20"]).cumulativeStart(for: july) == Day(year: 2021, month: 2, day: 20))
    // A period that begins before the campaign start: cumulative begins with the period.
    #expect(CampaignSettings(values: ["campaign_start": "2021-07-10"]).cumulativeStart(for: july) == july.start)
    #expect(CampaignSettings(values: ["campaign_start": "2021-09-01"]).cumulativeStart(for: july) == july.start)
  }

  @Test func settingValidation() throws {
    #expect(try SettingKey.campaignStart.validate("2021/2/20") == "2021-02-20")
    #expect(throws: CampaignModelError.self) { try SettingKey.campaignStart.validate("2021-02-30") }
    #expect(throws: CampaignModelError.self) { try SettingKey.rateDivisor.validate("resolved") }
    #expect(try SettingKey.rateDivisor.validate("Claimed") == "claimed")
  }
}
