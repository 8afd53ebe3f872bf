import CampaignModel
import CampaignStore
import Foundation
import TestSupport
import Testing

@Suite("Importing CSV files")
struct ImportTests {
  @Test("the tiny institution imports with the expected counts")
  func tinyImports() throws {
    let t = try TestStore()
    let orgs = try t.store.importOne(Fixtures.path("tiny/organizations.csv"))
    #expect(orgs.type == .organizations)
    #expect((orgs.rows, orgs.added, orgs.updated, orgs.unchanged) == (7, 7, 0, 0))
    let matters = try t.store.importOne(Fixtures.path("tiny/matters.csv"))
    #expect(matters.type == .matters && matters.added == 5)
    let acts = try t.store.importOne(Fixtures.path("tiny/activities.csv"))
    #expect(acts.type == .activities)
    // The two identical news-post rows without ids stay two rows.
    #expect((acts.rows, acts.added) == (13, 13))
    let fb = try t.store.importOne(Fixtures.path("tiny/feedback.csv"))
    #expect(fb.type == .feedback && fb.added == 6)
    #expect(try t.rowCount("activity") == 13)
  }

  @Test("importing the identical file twice changes nothing")
  func idempotent() throws {
    let t = try TestStore.tiny()
    let before = try t.dump(batches: false)
    for f in ["organizations", "matters", "activities", "feedback"] {
      let s = try t.store.importOne(Fixtures.path("tiny/\(f).csv"))
      #expect(s.added == 0 && s.updated == 0 && s.unchanged == s.rows, "\(f)")
    }
    // The records are as they were; the history has four more batches, each all unchanged.
    #expect(try t.dump(batches: false) == before)
    #expect(try t.store.history().suffix(4).allSatisfy { $0.added + $0.updated + $0.removed == 0 && $0.unchanged == $0.rows })
  }

  @Test("thousands of rows: added, updated and unchanged counted across write batches, in file order")
  func manyRows() throws {
    let t = try TestStore.tiny()
    func file(_ name: String, _ rows: [(Int, String)]) throws -> String {
      try t.directory.write(
        name, "id,date,unit,kind,title,hours,participants\n" + rows.map { "B\($0.0),2021-07-09,G1a,branch_study,\($0.1),1,5\n" }.joined())
    }
    let first = try t.store.importOne(try file("first.csv", (0..<2500).map { ($0, "学习\($0)") }))
    #expect((first.rows, first.added, first.updated, first.unchanged) == (2500, 2500, 0, 0))
    // 1,200 unchanged, 600 retitled, 700 new: outcomes spread over several batches.
    let again = try file(
      "again.csv", (0..<1200).map { ($0, "学习\($0)") } + (1200..<1800).map { ($0, "改\($0)") } + (2500..<3200).map { ($0, "新\($0)") })
    let second = try t.store.importOne(again)
    #expect((second.rows, second.added, second.updated, second.unchanged) == (2500, 700, 600, 1200))
    // One day's rows list in the order they were first imported.
    var ids: [String] = []
    try t.store.snapshot { source in
      try source.forEachActivity(
        dated: .within(DayRange(Day(year: 2021, month: 7, day: 9)!, Day(year: 2021, month: 7, day: 9)!)!), kinds: nil
      ) {
        if let id = $0.activity.id, id.hasPrefix("B") { ids.append(id) }
      }
    }
    #expect(ids == (0..<3200).map { "B\($0)" })
  }

  @Test("a row with a known id is updated in place")
  func upsert() throws {
    let t = try TestStore.tiny()
    let file = try t.directory.write(
      "fix.csv",
      """
      id,date,unit,kind,title,hours,participants
      A1,2021-06-16,G1a,branch_study,六月学习(更正),2.5,11
      A99,2021-06-17,G1a,seminar,新增研讨,2,10

      """)
    let s = try t.store.importOne(file)
    #expect((s.rows, s.added, s.updated, s.unchanged) == (2, 1, 1, 0))
    #expect(try t.rowCount("activity") == 14)
  }

  @Test("GB18030 with Chinese headers and CRLF, and UTF-8 with a BOM, read the same as UTF-8")
  func encodings() throws {
    let plain = try TestStore.tiny()
    for variant in ["activities-gb18030.csv", "activities-bom.csv"] {
      let t = try TestStore()
      _ = try t.store.importOne(Fixtures.path("tiny/organizations.csv"))
      _ = try t.store.importOne(Fixtures.path("tiny/matters.csv"))
      let s = try t.store.importOne(Fixtures.path("tiny/\(variant)"))
      _ = try t.store.importOne(Fixtures.path("tiny/feedback.csv"))
      #expect(s.type == .activities)
      #expect(s.format == (variant.contains("gb") ? .gb18030 : .utf8))
      #expect(try t.dump(batches: false) == plain.dump(batches: false), "\(variant)")
    }
  }

  @Test("quoted cells keep commas, doubled quotes and line breaks; line numbers count physical lines")
  func quoting() throws {
    let t = try TestStore.tiny()
    let file = try t.directory.write(
      "q.csv", "id,date,unit,kind,title,note\r\nQ1,2021-07-01,D1,seminar,\"研讨,\"\"七一\"\"讲话\",\"两行\n备注\"\r\nQ2,2021-02-30,D1,seminar,x,\r\n")
    #expect {
      try t.store.importOne(file)
    } throws: { error in
      guard case StoreError.badData(_, let issues, _) = error else { return false }
      return issues.map(\.line) == [4]
    }
    let ok = try t.directory.write("q2.csv", "id,date,unit,kind,title,note\nQ1,2021-07-01,D1,seminar,\"研讨,\"\"七一\"\"讲话\",\"两行\n备注\"\n")
    #expect(try t.store.importOne(ok).added == 1)
  }

  @Test("blank rows are skipped, unknown columns are reported as ignored")
  func blankRowsAndExtraColumns() throws {
    let t = try TestStore.tiny()
    let file = try t.directory.write("x.csv", "序号,id,date,unit,kind,title\n1,Z1,2021-07-01,D1,seminar,研讨\n,,,,,\n\n")
    let s = try t.store.importOne(file)
    #expect(s.rows == 1 && s.added == 1)
    #expect(s.ignoredColumns == ["序号"])
  }

  @Test("a header of no known type is refused")
  func unknownHeader() throws {
    let t = try TestStore()
    let file = try t.directory.write("x.csv", "a,b,c\n1,2,3\n")
    #expect(throws: StoreError.self) { try t.store.importOne(file) }
  }

  @Test("a missing file is its own error")
  func missingFile() throws {
    let t = try TestStore()
    #expect {
      try t.store.importOne(t.directory.path("nope.csv"))
    } throws: { error in
      if case StoreError.missingFile = error { return true }
      return false
    }
  }

  @Test("bytes that are neither UTF-8 nor GB18030 are refused with the line")
  func badEncoding() throws {
    let t = try TestStore.tiny()
    let p = t.directory.path("bad.csv")
    try Data("id,date,unit,kind,title\nZ,2021-07-01,D1,seminar,".utf8 + [0xFF, 0xFF, 0x0A]).write(to: URL(fileURLWithPath: p))
    #expect {
      try t.store.importOne(p)
    } throws: { error in
      guard case StoreError.badEncoding(_, let line, _) = error else { return false }
      return line == 2
    }
  }

  @Test("a kinds file renames and adds kinds without recompiling")
  func catalogueChange() throws {
    let t = try TestStore.tiny()
    let file = try t.directory.write(
      "kinds.csv",
      """
      code,name,measure,category,category_name
      seminar,专题研讨交流,次,study,学习
      red_tour,红色研学,次,event,活动

      """)
    let s = try t.store.importOne(file)
    #expect(s.type == .kinds && s.added == 1 && s.updated == 1)
    let c = try t.store.catalogue()
    #expect(c.kinds.prefix(2).map(\.code) == ["seminar", "red_tour"])
    #expect(c.kind(code: "seminar")?.name == "专题研讨交流")
    #expect(c.kinds.count == 15)
    let acts = try t.directory.write("a.csv", "date,unit,kind,title\n2021-07-01,D1,红色研学,参观\n")
    #expect(try t.store.importOne(acts).added == 1)
  }
}
