import Foundation
import TestSupport
import Testing

/// Every formula of the workbooks, recalculated by LibreOffice headless, gives the value we cached
/// (Tests/Helpers/recalc_check.py). Excel recalculates on load (libxlsxwriter sets
/// fullCalcOnLoad), so a formula that disagreed with its cached value would show a reader
/// another figure than the statistics engine's.
@Suite("Formulas recalculated by LibreOffice")
struct FormulaRecalcTests {
  /// scripts/test sets REPORT_REQUIRE_LIBREOFFICE=1: there (CI) a missing LibreOffice fails the
  /// test; a local `swift test` without it skips the test and says why.
  static let canRun =
    ProcessInfo.processInfo.environment["REPORT_REQUIRE_LIBREOFFICE"] == "1" || libreOfficeInstalled

  static var libreOfficeInstalled: Bool {
    (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").contains {
      FileManager.default.isExecutableFile(atPath: "\($0)/soffice")
    }
  }

  @Test(
    "every formula of the demo's and a generated campaign's workbooks equals its cached value",
    .enabled(
      if: canRun,
      "LibreOffice is not installed (soffice not on PATH): apt-get install libreoffice-calc-nogui, or run scripts/install-deps --test"
    ))
  func recalculated() throws {
    #expect(Self.libreOfficeInstalled, "soffice not found on PATH; scripts/install-deps --test installs libreoffice-calc-nogui")
    guard Self.libreOfficeInstalled else { return }
    let dir = try TemporaryDirectory()
    defer { dir.remove() }
    // The demo: a month, a quarter (with its month-by-month sheet), a month in English.
    let demo = ["REPORT_DB": dir.path("demo.sqlite")]
    #expect(try runReport(["demo", "--quiet"], environment: demo).status == 0)
    var files: [String] = []
    for args in [
      ["monthly", "--month", "2021-07", "--today", "2021-08-03"], ["quarterly", "--quarter", "2021Q3", "--today", "2021-10-08"],
      ["monthly", "--month", "2021-08", "--today", "2021-09-02", "--lang", "en"],
    ] {
      let out = dir.path("demo-\(args[0])-\(args.last!)")
      let r = try runReport(args + ["--out", out, "--quiet"], environment: demo)
      #expect(r.status == 0, "\(r.stderr)")
      files += try FileManager.default.contentsOfDirectory(atPath: out).filter { $0.hasSuffix(".xlsx") }.map { "\(out)/\($0)" }
    }
    // A generated campaign (the Synthetic module, through report generate): a month and the year.
    let generated = ["REPORT_DB": dir.path("generated.sqlite")]
    let gen = try runReport([
      "generate", "--units", "14", "--activities", "3000", "--matters", "180", "--seed", "19", "--out", dir.path("gen"),
    ])
    #expect(gen.status == 0, "\(gen.stderr)")
    let csv = ["organizations", "activities", "matters", "feedback"].map { dir.path("gen/\($0).csv") }
    let imported = try runReport(["import"] + csv + ["--today", "2022-01-10", "--quiet"], environment: generated)
    #expect(imported.status == 0, "\(imported.stderr)")
    for args in [["monthly", "--month", "2021-06", "--today", "2021-07-06"], ["annual", "--year", "2021", "--today", "2022-01-10"]] {
      let out = dir.path("gen-\(args[0])")
      let r = try runReport(args + ["--out", out, "--quiet"], environment: generated)
      #expect(r.status == 0, "\(r.stderr)")
      files += try FileManager.default.contentsOfDirectory(atPath: out).filter { $0.hasSuffix(".xlsx") }.map { "\(out)/\($0)" }
    }
    #expect(files.count == 5)

    let helper = Fixtures.packageRoot.appendingPathComponent("Tests/Helpers/recalc_check.py").path
    let r = try runCommand("/usr/bin/env", ["python3", helper, "--tamper", dir.path("recalculated")] + files)
    #expect(r.status == 0, "\(r.stderr)")
    let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
    let results = try #require(json["files"] as? [String: [String: Any]])
    for file in files {
      let result = try #require(results[file], "\(file)")
      let formulas = result["formulas"] as? Int ?? 0
      #expect(formulas > 20, "\(file): \(formulas) formulas")
      let differences = result["differences"] as? [[String: Any]] ?? [["unreadable": true]]
      #expect(differences.isEmpty, "\(file): \(differences)")
    }
    // The check can fail: one cached value raised by one is the one difference found.
    let tampered = try #require(results[dir.path("recalculated/tampered.xlsx")])
    #expect((tampered["differences"] as? [Any])?.count == 1, "\(tampered)")
  }
}
