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
    Case(file: "contradicting-status.csv", lines: [2, 3, 4], columns: [8, 9, 6], zh: "状态为已解决，但没有解决日期"),
    Case(file: "duplicate-ids.csv", lines: [4], columns: [1], zh: "编号与第 2 行重复"),
    Case(file: "cycle.csv", lines: [2], columns: [4], zh: "形成了循环"),
    Case(file: "control-character.csv", lines: [2], columns: [5], zh: "含有不可见的控制字符 U+0007"),
  ]

  @Test("bad rows are refused with file, line and column; nothing is written", arguments: cases)
  func refused(_ c: Case) throws {
    let t = try TestStore.tiny()
    let before = try t.dump()
    let path = Fixtures.path("bad/\(c.file)")
    let error = #expect(throws: StoreError.self) { try t.store.importOne(path) }
    if case .badData(let file, let issues, _)? = error {
      #expect(file == path)
      #expect(issues.map(\.line) == c.lines)
      #expect(issues.map(\.column) == c.columns)
      let message = StoreError.badData(file: file, issues: issues, omitted: 0).message(in: .zh)
      #expect(message.contains(c.zh))
      #expect(message.contains("\(path):\(c.lines[0])"))
    } else {
      Issue.record("expected bad data, got \(String(describing: error))")
    }
    #expect(try t.dump() == before)
  }

  @Test("every bad row is reported, not only the first; the good rows are not written either")
  func allRowsReported() throws {
    let t = try TestStore.tiny()
    let before = try t.dump()
    let file = try t.directory.write(
      "many.csv",
      """
      id,date,unit,kind,title,hours,participants,count
      G1,2021-07-01,D1,seminar,好,1,1,1
      G2,2021-02-30,D1,seminar,坏日期,1,1,1
      G3,2021-07-01,D9,seminar,坏单位,1,1,1
      G4,2021-07-01,D1,seminar,坏人数,1,-3,1
      G5,2021-07-01,D1,seminar,坏数量,1,1,0
      G6,2021-07-01,D1,seminar,多一格,1,1,1,x,y,z,extra

      """)
    #expect {
      try t.store.importOne(file)
    } throws: { error in
      guard case StoreError.badData(_, let issues, _) = error else { return false }
      return issues.map(\.line) == [3, 4, 5, 6, 7]
    }
    #expect(try t.dump() == before)
  }

  @Test("matters: a claim date without an owner, an owner without a date, dates before raised")
  func matterContradictions() throws {
    let t = try TestStore.tiny()
    let file = try t.directory.write(
      "m.csv",
      """
      id,title,unit,raised,owner,claimed,due,status,resolved
      Y1,甲,D1,2021-07-10,张,,2021-08-01,in_progress,
      Y2,乙,D1,2021-07-10,张,2021-07-01,2021-08-01,in_progress,
      Y3,丙,D1,2021-07-10,,,2021-07-01,open,
      Y4,丁,D1,2021-07-10,张,2021-07-11,2021-08-01,open,2021-07-20

      """)
    #expect {
      try t.store.importOne(file)
    } throws: { error in
      guard case StoreError.badData(_, let issues, _) = error else { return false }
      return issues.map(\.problem) == [
        .ownerWithoutClaim, .dateBeforeRaised(.claimed), .dateBeforeRaised(.due), .resolvedDateWithoutStatus,
      ]
    }
  }

  @Test("organizations: one root only, parents must exist")
  func tree() throws {
    let t = try TestStore.tiny()
    let twoRoots = try t.directory.write("o1.csv", "id,name,kind,parent\nC2,第二个党委,committee,\n")
    let orphan = try t.directory.write("o2.csv", "id,name,kind,parent\nZ1,孤立支部,branch,NOPE\n")
    for f in [twoRoots, orphan] {
      #expect(throws: StoreError.self) { try t.store.importOne(f) }
    }
    let badKind = try t.directory.write("o3.csv", "id,name,kind,parent\nZ1,支部,小组,C\n")
    #expect {
      try t.store.importOne(badKind)
    } throws: { error in
      guard case StoreError.badData(_, let issues, _) = error else { return false }
      return issues.first?.column == 3 && issues.first?.line == 2
    }
  }

  @Test("a unit name shared by two organizations must be given by id")
  func ambiguousName() throws {
    let t = try TestStore.tiny()
    _ = try t.store.importOne(try t.directory.write("o.csv", "id,name,kind,parent\nG1c,第一党支部,branch,G1\nD1a,第一党支部,branch,D1\n"))
    let file = try t.directory.write("a.csv", "date,unit,kind,title\n2021-07-01,第一党支部,seminar,x\n")
    #expect {
      try t.store.importOne(file)
    } throws: { error in
      guard case StoreError.badData(_, let issues, _) = error else { return false }
      return issues.first?.problem == .ambiguousUnit(ids: ["D1a", "G1c"])
    }
  }

  @Test("a cell longer than Excel allows is refused before it can reach a workbook")
  func tooLong() throws {
    let t = try TestStore.tiny()
    let file = try t.directory.write(
      "long.csv", "date,unit,kind,title\n2021-07-01,D1,seminar," + String(repeating: "长", count: 32_768) + "\n")
    #expect {
      try t.store.importFile(file)
    } throws: { error in
      guard case StoreError.badData(_, let issues, _) = error else { return false }
      return issues.first?.problem == .tooLong(limit: 32_767) && issues.first?.column == 4
    }
    let ok = try t.directory.write("ok.csv", "date,unit,kind,title\n2021-07-01,D1,seminar," + String(repeating: "长", count: 32_767) + "\n")
    #expect(try t.store.importOne(ok).added == 1)
  }

  @Test("a missing required column is named")
  func missingColumn() throws {
    let t = try TestStore.tiny()
    let file = try t.directory.write("a.csv", "id,date,unit,title\nZ,2021-07-01,D1,x\n")
    #expect {
      try t.store.importOne(file, type: .activities)
    } throws: { error in
      guard case StoreError.badData(_, let issues, _) = error else { return false }
      return issues.first?.problem == .missingColumn("kind / 类型")
    }
  }

  @Test("a feedback row must name a matter of the ledger")
  func unknownMatter() throws {
    let t = try TestStore.tiny()
    let file = try t.directory.write("f.csv", "date,unit,content,matter\n2021-07-01,D1,意见,M404\n")
    #expect {
      try t.store.importOne(file)
    } throws: { error in
      guard case StoreError.badData(_, let issues, _) = error else { return false }
      return issues.first?.problem == .unknownMatter
    }
  }
}

@Suite("Bad input found in review")
struct ReviewedBadInputTests {
  func problems(_ t: TestStore, _ name: String, _ text: String) throws -> [DataIssue] {
    let file = try t.directory.write(name, text)
    do {
      _ = try t.store.importOne(file)
    } catch {
      if case StoreError.badData(_, let issues, _) = error { return issues }
      throw error
    }
    return []
  }

  @Test("a damaged UTF-8 file is refused, never read as GB18030")
  func damagedUTF8() throws {
    let t = try TestStore.tiny()
    let p = t.directory.path("cut.csv")
    try Data("id,date,unit,kind,title\nZ3,2021-07-05,G1,branch_study,中文".utf8 + [0xE6, 0x96]).write(to: URL(fileURLWithPath: p))
    #expect {
      try t.store.importOne(p)
    } throws: { error in
      guard case StoreError.badEncoding(_, let line, _) = error else { return false }
      return line == 2
    }
  }

  @Test("a GB18030 byte-order mark is dropped with the header intact")
  func gbBOM() throws {
    let t = try TestStore.tiny()
    let p = t.directory.path("g.csv")
    // 84 31 95 33 is U+FEFF in GB18030.
    try Data(
      [0x84, 0x31, 0x95, 0x33] + Array("id,date,unit,kind,title\nGB1,2021-07-05,G1,branch_study,".utf8) + [0xD1, 0xA7, 0xCF, 0xB0, 0x0A]
    )
    .write(to: URL(fileURLWithPath: p))
    let s = try t.store.importOne(p)
    #expect(s.format == .gb18030)
    #expect(s.ignoredColumns.isEmpty)
    #expect(s.added == 1)
  }

  @Test("a bad GB18030 byte is reported on its own line, CR-only files count lines")
  func encodingLines() throws {
    let t = try TestStore.tiny()
    let p = t.directory.path("cr.csv")
    try Data("id,date,unit,kind,title\r1,2021-07-05,G1,seminar,a\r".utf8 + [0xFF, 0xFF, 0x0D]).write(to: URL(fileURLWithPath: p))
    #expect {
      try t.store.importOne(p)
    } throws: { error in
      guard case StoreError.badEncoding(_, let line, _) = error else { return false }
      return line == 3
    }
  }

  @Test("an unclosed quote is listed with the other problems")
  func unclosedQuoteWithOthers() throws {
    let t = try TestStore.tiny()
    let issues = try problems(t, "q.csv", "id,date,unit,kind,title\nQ1,2021-02-30,D1,seminar,x\nQ2,2021-07-01,D1,seminar,\"unterminated\n")
    #expect(issues.map(\.line) == [2, 3])
    #expect(issues.last?.problem == .unclosedQuote)
  }

  @Test("header problems name the header's own line")
  func headerLine() throws {
    let t = try TestStore.tiny()
    let file = try t.directory.write("h.csv", "\n\nid,date,unit,title\nZ,2021-07-01,D1,x\n")
    #expect {
      try t.store.importOne(file, type: .activities)
    } throws: { error in
      guard case StoreError.badData(_, let issues, _) = error else { return false }
      return issues.first?.line == 3
    }
  }

  @Test("the root must be the committee, and a committee has no parent")
  func treeKinds() throws {
    let t = try TestStore()
    let issues = try problems(t, "o.csv", "id,name,kind,parent\nX,某支部,branch,\nY,某党委,committee,X\n")
    #expect(issues.map(\.problem) == [.committeeWithParent])
    let t2 = try TestStore()
    let issues2 = try problems(t2, "o.csv", "id,name,kind,parent\nX,某支部,branch,\nY,某总支,general_branch,X\n")
    #expect(issues2.map(\.problem) == [.rootNotCommittee])
  }

  @Test("a kind setting is stored as the catalogue spells it")
  func settingCase() throws {
    let t = try TestStore.tiny()
    #expect(try t.store.setSetting("branch_study_kind", to: "Branch_Study") == "branch_study")
  }

  @Test("a matter resolved before its claim is refused")
  func resolvedBeforeClaim() throws {
    let t = try TestStore.tiny()
    let issues = try problems(
      t, "m.csv", "id,title,unit,raised,owner,claimed,due,status,resolved\nR1,甲,D1,2021-07-01,张,2021-07-10,2021-08-01,resolved,2021-07-05\n"
    )
    #expect(issues.map(\.problem) == [.resolvedBeforeClaimed])
  }
}

@Suite("Problem lists stay bounded")
struct ProblemLimitTests {
  @Test("a file with more problems than the limit lists the first 1000 and counts the rest")
  func capped() throws {
    let t = try TestStore.tiny()
    defer { t.directory.remove() }
    var text = "id,date,unit,kind,title\n"
    for i in 1...1500 { text += "X\(i),2021-02-30,D1,seminar,t\n" }
    let file = try t.directory.write("many.csv", text)
    do {
      try t.store.importOne(file)
      Issue.record("imported")
    } catch {
      guard let error = error as? StoreError, case .badData(_, let issues, let omitted) = error else { Issue.record("\(error)"); return }
      #expect(issues.count == 1000)
      #expect(omitted == 500)
      #expect(issues.last?.line == 1001)
      let message = error.message(in: .en)
      #expect(message.hasPrefix("\(file): 1500 problem(s)"))
      #expect(message.hasSuffix("… and 500 more not listed (the first 1000 are). Fix these and import again to see the rest."))
    }
  }
}
