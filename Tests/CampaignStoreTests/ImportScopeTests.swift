import CampaignModel
import CampaignStore
import TestSupport
import Testing

/// `import --root`: an institution's import in a shared store may hold only its own records and
/// may not change anyone else's. On the tiny institution: G1 has G1a and G1b; D1 is elsewhere.
@Suite("Imports limited to a subtree")
struct ImportScopeTests {
  /// The problems of a refused import; fails the test when it was imported.
  func problems(_ t: TestStore, _ name: String, _ text: String, root: String = "G1") throws -> [DataIssue] {
    let before = try t.dump()
    do {
      _ = try t.store.importFile(try t.directory.write(name, text), root: root)
      Issue.record("\(name) was imported")
      return []
    } catch StoreError.badData(_, let issues, _) {
      #expect(try t.dump() == before, "nothing of \(name) is written")
      return issues
    }
  }

  @Test("records of the subtree import and update; a record of another unit is refused on its unit cell")
  func activities() throws {
    let t = try TestStore.tiny()
    let ok = try t.store.importFile(
      try t.directory.write(
        "ok.csv",
        "id,date,unit,kind,title\nG-1,2021-07-20,G1a,seminar,研讨\nG-2,2021-07-21,机关第二党支部,seminar,研讨\nA2,2021-07-03,G1a,branch_study,七月学习一（更正）\n"
      ),
      root: "G1")
    #expect((ok[0].added, ok[0].updated) == (2, 1))
    let outside = try problems(t, "outside.csv", "id,date,unit,kind,title\nG-3,2021-07-20,G1b,seminar,研讨\nG-4,2021-07-22,D1,seminar,研讨\n")
    #expect(outside.map(\.line) == [3])
    #expect(outside.first?.header == "unit")
    #expect(outside.first?.problem == .outsideRoot(root: "G1"))
  }

  @Test("an id that is another unit's record is refused, even when the row names a unit of the subtree")
  func takeover() throws {
    let t = try TestStore.tiny()
    // A5 is D1's activity; M2 is D1's matter.
    let act = try problems(t, "a.csv", "id,date,unit,kind,title\nG-1,2021-07-20,G1a,seminar,研讨\nA5,2021-07-05,G1a,branch_study,改到本支部\n")
    #expect(act.map(\.line) == [3])
    #expect(act.first?.header == "id")
    #expect(act.first?.problem == .belongsElsewhere(organization: "D1", root: "G1"))
    let matters = try problems(t, "m.csv", "id,title,unit,raised,status\nM2,事项二,G1a,2021-07-05,open\n")
    #expect(matters.first?.problem == .belongsElsewhere(organization: "D1", root: "G1"))
  }

  @Test("thousands of rows, the conflict deep in a later write batch, still name its line")
  func takeoverInALaterBatch() throws {
    let t = try TestStore.tiny()
    var text = "id,date,unit,kind,title\n"
    for i in 0..<2400 { text += "G-\(i),2021-07-09,G1b,branch_study,学习\(i)\n" }
    text += "A9,2021-08-02,G1b,branch_study,八月学习\n"  // D2's
    let issues = try problems(t, "many.csv", text)
    #expect(issues.map(\.line) == [2402])
    #expect(issues.first?.problem == .belongsElsewhere(organization: "D2", root: "G1"))
  }

  @Test("organizations: new ones under the root import, others are refused, the root may be renamed but not moved")
  func organizations() throws {
    let t = try TestStore.tiny()
    let ok = try t.store.importFile(
      try t.directory.write(
        "o.csv", "id,name,kind,parent\nG1,机关党总支（更名）,general_branch,C\nG1c,机关第三党支部,branch,G1\nG1c1,机关第三党支部一组,branch,G1c\n"), root: "G1")
    #expect((ok[0].added, ok[0].updated) == (2, 1))
    let bad = try problems(
      t, "bad.csv", "id,name,kind,parent\nD3,新直属支部,direct_branch,C\nD1,图书馆直属党支部,direct_branch,G1\nG1,机关党总支,general_branch,D2\n")
    #expect(bad.map(\.line) == [2, 3, 4])
    #expect(bad.map(\.problem) == [.outsideRoot(root: "G1"), .belongsElsewhere(organization: "D1", root: "G1"), .outsideRoot(root: "G1")])
  }

  @Test("a kinds file and an unknown root are refused before anything is read")
  func refusals() throws {
    let t = try TestStore.tiny()
    let kinds = try t.directory.write("k.csv", "code,name,measure,category\nnew_kind,新类型,次,study\n")
    #expect { try t.store.importFile(kinds, root: "G1") } throws: { error in
      if case StoreError.catalogueWithRoot(_, "G1") = error { return true }
      return false
    }
    let acts = try t.directory.write("a.csv", "id,date,unit,kind,title\nX1,2021-07-20,G1a,seminar,研讨\n")
    #expect { try t.store.importFile(acts, root: "nope") } throws: { error in
      if case StoreError.unknownOrganization("nope") = error { return true }
      return false
    }
  }
}
