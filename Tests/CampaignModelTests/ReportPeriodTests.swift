import CampaignModel
import Testing

@Suite("Report periods")
struct ReportPeriodTests {
  func day(_ s: String) -> Day { Day(parsing: s)! }

  @Test("--previous: the last complete month, quarter and year before today")
  func previous() {
    #expect(ReportPeriod.previousMonth(before: day("2021-08-03")) == .month(Month(year: 2021, month: 7)!))
    #expect(ReportPeriod.previousMonth(before: day("2021-01-05")) == .month(Month(year: 2020, month: 12)!))
    #expect(ReportPeriod.previousQuarter(before: day("2021-10-08")) == .quarter(year: 2021, quarter: 3))
    #expect(ReportPeriod.previousQuarter(before: day("2021-08-03")) == .quarter(year: 2021, quarter: 2))
    #expect(ReportPeriod.previousQuarter(before: day("2021-02-01")) == .quarter(year: 2020, quarter: 4))
    #expect(ReportPeriod.previousYear(before: day("2022-01-02")) == .year(2021))
  }

  @Test("days, file names and the previous period of each kind")
  func shapes() {
    let q3 = ReportPeriod.quarter(year: 2021, quarter: 3)
    #expect(q3.days == DayRange(day("2021-07-01"), day("2021-09-30")))
    #expect(q3.fileStem == "quarterly-2021Q3")
    #expect(q3.previous == .quarter(year: 2021, quarter: 2))
    #expect(ReportPeriod.quarter(year: 2021, quarter: 1).previous == .quarter(year: 2020, quarter: 4))
    #expect(q3.months.map(\.iso) == ["2021-07", "2021-08", "2021-09"])
    #expect(ReportPeriod.year(2020).days == DayRange(day("2020-01-01"), day("2020-12-31")))
    #expect(ReportPeriod.year(2021).fileStem == "annual-2021")
    #expect(ReportPeriod.month(Month(year: 2021, month: 7)!).fileStem == "monthly-2021-07")
    let range = ReportPeriod.range(DayRange(day("2021-02-25"), day("2021-08-04"))!)
    #expect(range.fileStem == "range-2021-02-25_2021-08-04")
    #expect(range.previous == nil)
    #expect(range.months.count == 7)
    #expect(ReportPeriod.month(Month(year: 2021, month: 1)!).previous == .month(Month(year: 2020, month: 12)!))
  }

  @Test("parsing quarters and years")
  func parsing() {
    #expect(ReportPeriod.quarter(parsing: "2021Q3") == .quarter(year: 2021, quarter: 3))
    #expect(ReportPeriod.quarter(parsing: "2021q1") == .quarter(year: 2021, quarter: 1))
    #expect(ReportPeriod.quarter(parsing: "2021Q5") == nil)
    #expect(ReportPeriod.quarter(parsing: "21Q3") == nil)
    #expect(ReportPeriod.quarter(parsing: "2021QQ3") == nil)
    #expect(ReportPeriod.quarter(parsing: "+021Q3") == nil)
    #expect(ReportPeriod.year(parsing: "+021") == nil)
    #expect(ReportPeriod.year(parsing: "2021") == .year(2021))
    #expect(ReportPeriod.year(parsing: "21") == nil)
  }
}
