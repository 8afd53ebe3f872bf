import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// What hostile data and a shared machine must not achieve: formulas that run, files written
/// outside the output folder, records readable by other users, a shell started with user data.
@Suite("Security", .serialized)
struct SecurityTests {
  static let hostile = [
    "=HYPERLINK(\"http://example.com\",\"点击查看\")", "=1+1", "+1+2", "-3+4", "@SUM(1,2)", "=cmd|' /C calc'!A0",
  ]

  /// A store whose unit names, ids and titles look like formulas and paths.
  func hostileStore(_ dir: TemporaryDirectory) throws -> [String: String] {
    let env = ["REPORT_DB": dir.path("campaign.sqlite")]
    func quoted(_ s: String) -> String { "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
    var orgs = "id,name,kind,parent,counted\nC,中共测试学院委员会,committee,,\n../evil,\(quoted(Self.hostile[0])),branch,C,\n"
    for (i, name) in Self.hostile.dropFirst().enumerated() { orgs += "B\(i),\(quoted(name)),branch,C,\n" }
    var acts = "id,date,unit,kind,title\n"
    for (i, title) in Self.hostile.enumerated() { acts += "A\(i),2021-07-0\(i + 1),../evil,branch_study,\(quoted(title))\n" }
    try dir.write("organizations.csv", orgs)
    try dir.write("activities.csv", acts)
    let r = try runReport(["import", "--quiet", dir.path("organizations.csv"), dir.path("activities.csv")], environment: env)
    #expect(r.status == 0, "\(r.stderr)")
    return env
  }

  @Test("text that looks like a formula stays text in every workbook")
  func formulasStayText() throws {
    let dir = try TemporaryDirectory()
    defer { dir.remove() }
    let env = try hostileStore(dir)
    let out = dir.path("out")
    for args in [["monthly", "--month", "2021-07"], ["template"]] {
      let r = try runReport(args + ["--out", out], environment: env)
      #expect(r.status == 0, "\(args): \(r.stderr)")
    }
    var seen = 0
    for file in ["monthly-2021-07.xlsx", "template.xlsx"] {
      let book = try ReadWorkbook(path: out + "/" + file)
      for sheet in book.sheets {
        for case let (ref, cell as [String: Any]) in book.sheet(sheet)["cells"] as? [String: Any] ?? [:] {
          let formula = cell["formula"] as? String ?? ""
          #expect(!Self.hostile.contains { formula.contains($0.dropFirst()) }, "\(file)[\(sheet)]!\(ref) runs \(formula)")
          if let v = cell["value"] as? String, Self.hostile.contains(where: { v.contains($0) }) {
            #expect(cell["type"] as? String == "s", "\(file)[\(sheet)]!\(ref)")
            seen += 1
          }
        }
      }
    }
    #expect(seen >= Self.hostile.count * 2)  // each name in the monthly workbook and the template's lists
  }

  @Test("an output name made from an organization id stays in the output folder")
  func namesStayInFolder() throws {
    let dir = try TemporaryDirectory()
    defer { dir.remove() }
    let env = try hostileStore(dir)
    let out = dir.path("out/inner")
    let r = try runReport(["template", "--unit", "../evil", "--out", out], environment: env)
    #expect(r.status == 0, "\(r.stderr)")
    #expect(try FileManager.default.contentsOfDirectory(atPath: out) == ["template-..%2Fevil.xlsx"])
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path("out")) == ["inner"])
    // A report on that organization's subtree takes its id into the file names, made safe too.
    let sub = dir.path("out/sub")
    let m = try runReport(["monthly", "--month", "2021-07", "--root", "../evil", "--out", sub, "--quiet"], environment: env)
    #expect(m.status == 0, "\(m.stderr)")
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: sub).sorted() == [
        "monthly-2021-07-..%2Fevil.docx", "monthly-2021-07-..%2Fevil.txt", "monthly-2021-07-..%2Fevil.xlsx",
      ])
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path("out")).sorted() == ["inner", "sub"])
  }

  @Test("the database, its lock and the log are the owner's alone; reports are not readable by others")
  func permissions() throws {
    let dir = try TemporaryDirectory()
    defer { dir.remove() }
    let db = dir.path("data/campaign.sqlite")
    let env = ["REPORT_DB": db]
    #expect(try runReport(["demo", "--quiet", "--log", dir.path("report.log")], environment: env).status == 0)
    #expect(
      try runReport(["monthly", "--month", "2021-07", "--out", dir.path("out"), "--log", dir.path("report.log")], environment: env).status
        == 0)
    func mode(_ path: String) throws -> Int {
      (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int ?? -1) & 0o777
    }
    #expect(try mode(dir.path("data")) == 0o700)
    #expect(try mode(db) == 0o600)
    #expect(try mode(db + ".lock") == 0o600)
    #expect(try mode(dir.path("report.log")) == 0o600)
    let mask = umask(0o022)
    umask(mask)
    for file in ["monthly-2021-07.xlsx", "monthly-2021-07.txt"] {
      let m = try mode(dir.path("out/" + file))
      #expect(m == 0o640 & ~Int(mask), "\(file): \(String(m, radix: 8))")
      #expect(m & 0o007 == 0, "\(file) is readable by other users")
    }
  }

  @Test("no source file starts a process or a shell, but the PDF export's one LibreOffice, by path and an argument list")
  func noShell() throws {
    // `--pdf` runs LibreOffice: a fixed program found on the PATH (or $REPORT_SOFFICE), with the
    // file as one argument of a list, never through a shell.
    let allowed: [String: Set<String>] = ["Writers/Pdf/PDFExport.swift": ["Process("]]
    let sources = Fixtures.packageRoot.appendingPathComponent("Sources")
    let files = FileManager.default.enumerator(atPath: sources.path)?.compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") } ?? []
    #expect(files.count > 50)
    for file in files {
      let text = try String(contentsOfFile: sources.appendingPathComponent(file).path, encoding: .utf8)
      for call in ["Process(", "posix_spawn", "popen(", "system(", "execv", "execl", "NSTask"] where !(allowed[file] ?? []).contains(call) {
        #expect(!text.contains(call), "\(file) calls \(call)")
      }
    }
  }
}
