import CampaignModel
import Testing

@Suite("Choosing a campaign")
struct CampaignChoiceTests {
  let d = { (s: String) in Day(parsing: s)! }

  @Test("the campaign whose span holds the day, the latest started when several do; none before every start or after a closed end")
  func inForce() {
    let first = Campaign(code: "default", name: "党史学习教育", start: nil, end: nil)
    let c2021 = Campaign(code: "2021", name: "党史学习教育", start: d("2021-02-20"), end: d("2022-01-31"))
    let c2023 = Campaign(code: "2023", name: "主题教育", start: d("2023-04-01"), end: d("2023-12-31"))
    let c2024 = Campaign(code: "2024", name: "党纪学习教育", start: d("2024-04-01"), end: nil)
    let all = [c2021, c2023, c2024]
    #expect(Campaign.inForce(on: d("2021-07-31"), among: all) == c2021)
    #expect(Campaign.inForce(on: d("2022-01-31"), among: all) == c2021)  // the last day is in
    #expect(Campaign.inForce(on: d("2022-02-01"), among: all) == nil)  // after 2021's end, before 2023's start
    #expect(Campaign.inForce(on: d("2021-02-19"), among: all) == nil)  // before every start
    #expect(Campaign.inForce(on: d("2023-04-01"), among: all) == c2023)  // the first day is in
    #expect(Campaign.inForce(on: d("2030-12-31"), among: all) == c2024)  // open end
    // A campaign without a start holds every day, and loses to any started one.
    #expect(Campaign.inForce(on: d("2019-05-31"), among: [first] + all) == first)
    #expect(Campaign.inForce(on: d("2023-05-31"), among: [first] + all) == c2023)
    // Equal starts: the one added later.
    let again = Campaign(code: "2023b", name: "主题教育（第二批）", start: d("2023-04-01"), end: nil)
    #expect(Campaign.inForce(on: d("2023-05-31"), among: all + [again]) == again)
  }

  @Test("codes are 1 to 32 ASCII letters, digits, - or _")
  func codes() {
    #expect(Campaign.isValidCode("2023"))
    #expect(Campaign.isValidCode("zt-2023_a"))
    #expect(!Campaign.isValidCode(""))
    #expect(!Campaign.isValidCode("a b"))
    #expect(!Campaign.isValidCode("主题教育"))
    #expect(!Campaign.isValidCode(String(repeating: "a", count: 33)))
  }
}
