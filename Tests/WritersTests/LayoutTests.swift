import Aggregation
import CampaignModel
import CampaignStore
import Foundation
import TestSupport
import Testing

@testable import Writers

/// The printed layout: headers break at sensible places, rows grow for wrapped names, no page
/// holds only a sheet's last few rows, count charts step by whole numbers.
@Suite("Workbook layout", .serialized)
struct LayoutTests {
  @Test("a header too wide for its column breaks before a bracket or between two-character words")
  func headerBreaks() {
    #expect(TextWidth.breakingLines("状态（截至月末）", width: 13) == "状态\n（截至月末）")
    #expect(TextWidth.breakingLines("状态（截至月末）", width: 16) == "状态（截至月末）")
    #expect(TextWidth.breakingLines("计划完成日期", width: 9) == "计划完成\n日期")
    #expect(TextWidth.breakingLines("用时（天）", width: 6) == "用时\n（天）")
    #expect(TextWidth.breakingLines("其他学习宣讲活动（次）", width: 16) == "其他学习宣讲活动\n（次）")
    #expect(TextWidth.breakingLines("办实事（项）", width: 11) == "办实事\n（项）")
    #expect(TextWidth.breakingLines("Status at month end", width: 8) == "Status at month end")
  }

  @Test("count charts step by 1, 2, 5, 10, … up to about six steps")
  func integerSteps() {
    #expect([0, 1, 6, 7, 12, 13, 30, 31, 60, 137, 1000].map { Chart.integerStep(maximum: $0) } == [1, 1, 1, 2, 2, 5, 5, 10, 10, 50, 200])
  }

  /// A sheet of one column 100 characters wide (528.75 pt: no scaling on A4 landscape, whose
  /// printable height is 595 − 93.6 = 501.4 pt), a 20 pt header repeated on every page and
  /// `rows` rows of 18 pt: a page holds the header and 26 rows (20 + 26 × 18 = 488 pt).
  func printSetup(rows: Int) throws -> (PrintSetup, pages: Int, fill: Double) {
    let dir = try TemporaryDirectory()
    defer { dir.remove() }
    let workbook = try Workbook(path: dir.path("layout.xlsx"), constantMemory: true)
    let sheet = try workbook.addSheet("S")
    let b = SheetBuilder(sheet, fixed: [0: 100])
    try b.nextRow(height: 20)
    try b.put(0, .text("header"), ReportStyles.header)
    for i in 0..<rows {
      try b.nextRow(height: 18)
      try b.put(0, .integer(i), ReportStyles.integer)
    }
    try b.finish()
    var setup = PrintSetup()
    setup.repeatRows = 0...0
    let estimate = try #require(b.pageEstimate(setup))
    let result = b.avoidingOrphans(setup)
    try workbook.close()
    return (result, estimate.pageStarts.count, estimate.lastPageFill)
  }

  @Test("a last page of a few rows is avoided by fitting one page fewer")
  func orphans() throws {
    // 26 + 3 rows: the second page would hold 3 rows (20 + 54 = 74 pt, 15%): fit to one page.
    let few = try printSetup(rows: 29)
    #expect(few.pages == 2 && abs(few.fill - 74 / 501.4) < 1e-9)
    #expect(few.0.pagesTall == 1)
    // 26 + 10 rows: 200 pt, 40% of a page: left as it is.
    let more = try printSetup(rows: 36)
    #expect(more.pages == 2 && more.0.pagesTall == nil)
    // 26 + 26 + 2 rows: three pages, the last 56 pt: fit to two (a scale 5% smaller).
    let three = try printSetup(rows: 54)
    #expect(three.pages == 3 && three.0.pagesTall == 2)
    // A full last page: nothing to do.
    #expect(try printSetup(rows: 26).0.pagesTall == nil)
  }

  @Test("on 支部统计 a long unit name wraps and its row grows; the ledger's headers break sensibly")
  func wrappedNames() throws {
    let t = try TestStore.tiny()
    let long = "马克思主义学院（思想政治理论课教学部）直属党支部"
    _ = try t.store.importOne(try t.directory.write("o.csv", "id,name,kind,parent,counted\nD1,\(long),direct_branch,C,yes\n"))
    let path = t.directory.path("monthly.xlsx")
    try t.store.snapshot { source in
      let r = try PeriodReport.compute(month: Month(year: 2021, month: 7)!, from: source)
      try ReportWorkbook.write(r, source: source, to: path, lang: .zh, reportDate: Day(year: 2021, month: 8, day: 3)!)
    }
    let wb = try ReadWorkbook(path: path)
    let row = try #require(wb.row(of: long, in: "支部统计", column: "B"))
    let heights = wb.sheet("支部统计")["row_heights"] as? [String: Double] ?? [:]
    #expect(heights[String(row)] == 30, "two lines of 14 pt")
    #expect(heights[String(row - 1)] == 18)
    #expect(wb.value("办实事台账", "I3") as? String == "状态\n（截至月末）")
    #expect(wb.value("办实事台账", "H3") as? String == "计划完成\n日期")
    #expect(wb.value("支部统计", "F3") as? String == "其他学习宣讲活动\n（次）")
  }
}
