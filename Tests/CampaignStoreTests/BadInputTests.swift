import CampaignModel
import CampaignStore
import Foundation
import TestSupport
import Testing

/// Every bad input names the file, the line and the column, and leaves the store unchanged.
@Suite("Bad input")
struct BadInputTests {
  struct Case: Sendable, CustomTestStringConvertible {
    var file: String
    var lines: [Int]
    var columns: [Int?]
    var zh: String
    var testDescription: String { file }
  }

  static let cases: [Case] = [
    Case(file: "bad-date.csv", lines: [3], columns: [2], zh: "不是有效日期"),
    Case(file: "negative-hours.csv", lines: [2], columns: [6], zh: "学时须为不小于 0 的数"),
    Case(file: "unknown-unit.csv", lines: [2], columns: [3], zh: "找不到该单位"),
    Case(file: "unknown-kind.csv", lines: [2], columns: [4], zh: "不是目录中的活动类型"),
    Case(file: "contradicting-status.csv", lines: [2, 3, 4], columns: [8, 9, 6], zh: "状态为已解决,但没有解决日期"),
    Case(file: "duplicate-ids.csv", lines: [4], columns: [1], zh: "编号与第 2 行重复"),
    Case(file: "cycle.csv", lines: [2], columns: [4], zh: "形成了循环"),
  ]

  @Test("bad rows are refused with file, line and column; nothing is written", arguments: cases)
  func refused(_ c: Case) throws {
    let t = try TestStore.tiny()
    let before = try dumpTables(atPath: t.store.path)
    let path = Fixtures.path("bad/\(c.file)")
    let error = #expect(throws: StoreError.self) { try t.store.importFile(path) }
    if case .badData(let file, let issues)? = error {
      #expect(file == path)
      #expect(issues.map(\.line) == c.lines)
      #expect(issues.map(\.column) == c.columns)
      let message = StoreError.badData(file: file, issues: issues).message(in: .zh)
      #expect(message.contains(c.zh))
      #expect(message.contains("\(path):\(c.lines[0])"))
    } else {
      Issue.record("expected bad data, got \(String(describing: error))")
    }
    #expect(try dumpTables(atPath: t.store.path) == before)
  }

  @Test("every bad row is reported, not only the first; the good rows are not written either")
  func allRowsReported() throws {
    let t = try TestStore.tiny()
    let before = try dumpTables(atPath: t.store.path)
    let file = try t.directory.write("many.csv", """
      id,date,unit,kind,title,hours,participants,count
      G1,2021-07-01,D1,seminar,好,1,1,1
      G2,2021-02-30,D1,seminar,坏日期,1,1,1
      G3,2021-07-01,D9,seminar,坏单位,1,1,1
      G4,2021-07-01,D1,seminar,坏人数,1,-3,1
      G5,2021-07-01,D1,seminar,坏数量,1,1,0
      G6,2021-07-01,D1,seminar,多一格,1,1,1,x,y,z,extra

      """)
    #expect {
      try t.store.importFile(file)
    } throws: { error in
      guard case StoreError.badData(_, let issues) = error else { return false }
      return issues.map(\.line) == [3, 4, 5, 6, 7]
    }
    #expect(try dumpTables(atPath: t.store.path) == before)
  }

  @Test("matters: a claim date without an owner, an owner without a date, dates before raised")
  func matterContradictions() throws {
    let t = try TestStore.tiny()
    let file = try t.directory.write("m.csv", """
      id,title,unit,raised,owner,claimed,due,status,resolved
      Y1,甲,D1,2021-07-10,张,,2021-08-01,in_progress,
      Y2,乙,D1,2021-07-10,张,2021-07-01,2021-08-01,in_progress,
      Y3,丙,D1,2021-07-10,,,2021-07-01,open,
      Y4,丁,D1,2021-07-10,张,2021-07-11,2021-08-01,open,2021-07-20

      """)
    #expect {
      try t.store.importFile(file)
    } throws: { error in
      guard case StoreError.badData(_, let issues) = error else { return false }
      return issues.map(\.problem) == [.ownerWithoutClaim, .dateBeforeRaised(.claimed), .dateBeforeRaised(.due), .resolvedDateWithoutStatus]
    }
  }

  @Test("organizations: one root only, parents must exist")
  func tree() throws {
    let t = try TestStore.tiny()
    let twoRoots = try t.directory.write("o1.csv", "id,name,kind,parent\nC2,第二个党委,committee,\n")
    let orphan = try t.directory.write("o2.csv", "id,name,kind,parent\nZ1,孤立支部,branch,NOPE\n")
    for f in [twoRoots, orphan] {
      #expect(throws: StoreError.self) { try t.store.importFile(f) }
    }
    let badKind = try t.directory.write("o3.csv", "id,name,kind,parent\nZ1,支部,小组,C\n")
    #expect {
      try t.store.importFile(badKind)
    } throws: { error in
      guard case StoreError.badData(_, let issues) = error else { return false }
      return issues.first?.column == 3 && issues.first?.line == 2
    }
  }

  @Test("a unit name shared by two organizations must be given by id")
  func ambiguousName() throws {
    let t = try TestStore.tiny()
    _ = try t.store.importFile(try t.directory.write("o.csv", "id,name,kind,parent\nG1c,第一党支部,branch,G1\nD1a,第一党支部,branch,D1\n"))
    let file = try t.directory.write("a.csv", "date,unit,kind,title\n2021-07-01,第一党支部,seminar,x\n")
    #expect {
      try t.store.importFile(file)
    } throws: { error in
      guard case StoreError.badData(_, let issues) = error else { return false }
      return issues.first?.problem == .ambiguousUnit(ids: ["D1a", "G1c"])
    }
  }

  @Test("a missing required column is named")
  func missingColumn() throws {
    let t = try TestStore.tiny()
    let file = try t.directory.write("a.csv", "id,date,unit,title\nZ,2021-07-01,D1,x\n")
    #expect {
      try t.store.importFile(file, type: .activities)
    } throws: { error in
      guard case StoreError.badData(_, let issues) = error else { return false }
      return issues.first?.problem == .missingColumn("kind / 类型")
    }
  }

  @Test("a feedback row must name a matter of the ledger")
  func unknownMatter() throws {
    let t = try TestStore.tiny()
    let file = try t.directory.write("f.csv", "date,unit,content,matter\n2021-07-01,D1,意见,M404\n")
    #expect {
      try t.store.importFile(file)
    } throws: { error in
      guard case StoreError.badData(_, let issues) = error else { return false }
      return issues.first?.problem == .unknownMatter
    }
  }
}
