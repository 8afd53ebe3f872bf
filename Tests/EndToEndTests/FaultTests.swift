import Foundation
import Synchronization
import TestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// Faults a scheduled job meets, each driven through the built binary: a kill midway through an
/// import, a full disk, a database that is read-only, damaged or from a newer version, and many
/// runs at once. `FAULT_RUNS` and `FAULT_SECONDS` make the long versions (docs/reliability.md).
@Suite("Faults", .serialized)
struct FaultTests {
  static let environment = ProcessInfo.processInfo.environment
  static let killRuns = Int(environment["FAULT_RUNS"] ?? "") ?? 4
  static let parallelSeconds = Double(environment["FAULT_SECONDS"] ?? "") ?? 6

  /// Generated files of one institution: organizations plus `activities` activity rows.
  func generated(_ dir: TemporaryDirectory, activities: Int) throws -> String {
    let out = dir.path("gen")
    let r = try runReport(["generate", "--units", "20", "--activities", "\(activities)", "--matters", "50", "--out", out])
    #expect(r.status == 0, "\(r.stderr)")
    return out
  }

  func sql(_ db: String, _ query: String) throws -> String {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    p.arguments = [
      "python3", "-c",
      "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); rows=c.execute(sys.argv[2]).fetchall(); c.commit(); print('|'.join(str(r[0]) for r in rows))",
      db, query,
    ]
    let out = Pipe()
    p.standardOutput = out
    try p.run()
    let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    p.waitUntilExit()
    return text.trimmingCharacters(in: .whitespacesAndNewlines)
  }

  @Test("kill -9 at random points of an import: the store is intact and holds all of the file or none")
  func killDuringImport() throws {
    let dir = try TemporaryDirectory()
    defer { dir.remove() }
    let gen = try generated(dir, activities: 40_000)
    let base = dir.path("base.sqlite")
    #expect(try runReport(["import", "--quiet", "--db", base, gen + "/organizations.csv"]).status == 0)
    var generator = SystemRandomNumberGenerator()
    var outcomes: [String] = []
    // First two kills at injected points, so both outcomes are certainly seen: in the middle of
    // the rows (after 5,000 of 40,000; nothing may stay) and after the commit (all stays).
    for (point, expected) in [("mid-import", "0"), ("after-import", "40000")] {
      let db = dir.path("\(point).sqlite")
      try FileManager.default.copyItem(atPath: base, toPath: db)
      let marker = dir.path("\(point).reached")
      let p = Process()
      p.executableURL = reportExecutable
      p.arguments = ["import", "--quiet", "--db", db, gen + "/activities.csv"]
      p.environment = ProcessInfo.processInfo.environment.merging(["REPORT_INJECT_PAUSE": "\(point):\(marker)"]) { $1 }
      p.standardOutput = FileHandle.nullDevice
      p.standardError = FileHandle.nullDevice
      try p.run()
      let deadline = Date().addingTimeInterval(60)
      while !FileManager.default.fileExists(atPath: marker) && Date() < deadline { usleep(20_000) }
      #expect(FileManager.default.fileExists(atPath: marker), "\(point) was reached")
      kill(p.processIdentifier, SIGKILL)
      p.waitUntilExit()
      #expect(try sql(db, "PRAGMA integrity_check") == "ok", "\(point)")
      let count = try sql(db, "SELECT COUNT(*) FROM activity")
      #expect(count == expected, "\(point): \(count) activities")
      outcomes.append(count)
    }
    for run in 0..<Self.killRuns {
      let db = dir.path("run\(run).sqlite")
      try? FileManager.default.removeItem(atPath: db)
      try FileManager.default.copyItem(atPath: base, toPath: db)
      let p = Process()
      p.executableURL = reportExecutable
      p.arguments = ["import", "--quiet", "--db", db, gen + "/activities.csv"]
      p.standardOutput = FileHandle.nullDevice
      p.standardError = FileHandle.nullDevice
      try p.run()
      usleep(UInt32.random(in: 50_000...2_500_000, using: &generator))
      kill(p.processIdentifier, SIGKILL)
      p.waitUntilExit()
      #expect(try sql(db, "PRAGMA integrity_check") == "ok", "run \(run)")
      let count = try sql(db, "SELECT COUNT(*) FROM activity")
      #expect(count == "0" || count == "40000", "run \(run): \(count) activities")
      outcomes.append(count)
      // The store takes the file afterwards, whatever the kill left.
      let again = try runReport(["import", "--quiet", "--db", db, gen + "/activities.csv"])
      #expect(again.status == 0, "run \(run): \(again.stderr)")
      #expect(try sql(db, "SELECT COUNT(*) FROM activity") == "40000")
      try? FileManager.default.removeItem(atPath: db)
    }
    print("kill -9 outcomes (activities present):", outcomes)
    #expect(outcomes.contains("0") && outcomes.contains("40000"), "both outcomes seen: \(outcomes)")
  }

  @Test(
    "out of space while writing a report: exit 73, the previous files intact, no temporary files",
    .disabled(if: environment["TSAN_OPTIONS"] != nil, "ThreadSanitizer's own runtime faults (SIGBUS) under a file-size limit"),
    arguments: [33, 48])
  func diskFull(limitKB: Int) throws {
    let dir = try TemporaryDirectory()
    defer { dir.remove() }
    let env = ["REPORT_DB": dir.path("campaign.sqlite")]
    #expect(try runReport(["demo", "--quiet"], environment: env).status == 0)
    let out = dir.path("out")
    #expect(try runReport(["annual", "--year", "2021", "--out", out], environment: env).status == 0)
    let before = try FileManager.default.contentsOfDirectory(atPath: out).sorted().map { name in
      (name, try Data(contentsOf: URL(fileURLWithPath: out + "/" + name)))
    }
    // bash counts `ulimit -f` in KiB; the report ignores SIGXFSZ and sees EFBIG. At 33 KiB the
    // workbook itself cannot be written; at 48 KiB it can, but a sheet's temporary file is cut.
    let script = "ulimit -f \(limitKB); exec \"$0\" annual --year 2021 --out \"$1\""
    let r = try runShell(script, [reportExecutable.path, out], environment: env)
    #expect(r.status == 73, "\(r.stderr)")
    #expect(r.stderr.contains("annual-2021.xlsx"))
    let after = try FileManager.default.contentsOfDirectory(atPath: out).sorted().map { name in
      (name, try Data(contentsOf: URL(fileURLWithPath: out + "/" + name)))
    }
    #expect(after.map(\.0) == before.map(\.0))
    #expect(after.map(\.1) == before.map(\.1))
  }

  @Test("a read-only database gets exit 77 and a message saying whose it must be")
  func readOnly() throws {
    let dir = try TemporaryDirectory()
    defer { dir.remove() }
    let folder = dir.path("store")
    let db = folder + "/campaign.sqlite"
    #expect(try runReport(["demo", "--quiet", "--db", db]).status == 0)
    // Root may write anything: then run as `nobody`, who may read but not write.
    let asRoot = geteuid() == 0
    chmod(dir.url.path, 0o755)
    chmod(folder, asRoot ? 0o755 : 0o555)
    for f in [db, db + ".lock"] { chmod(f, 0o444) }
    defer { chmod(folder, 0o755) }
    for args in [["import", "--db", db, Fixtures.path("tiny/matters.csv")], ["stats", "--month", "2021-07", "--db", db]] {
      let r =
        asRoot
        ? try runCommand("/usr/bin/setpriv", ["--reuid=65534", "--regid=65534", "--clear-groups", reportExecutable.path] + args)
        : try runReport(args)
      #expect(r.status == 77, "\(args): \(r.stderr)")
      #expect(r.stderr.contains("当前用户不能写入该数据库"), "\(r.stderr)")
    }
  }

  @Test("a damaged database file exits 65 and says so; nothing is written to it")
  func truncated() throws {
    let dir = try TemporaryDirectory()
    defer { dir.remove() }
    let db = dir.path("campaign.sqlite")
    #expect(try runReport(["demo", "--quiet", "--db", db]).status == 0)
    let size = (try FileManager.default.attributesOfItem(atPath: db)[.size] as? Int) ?? 0
    #expect(truncate(db, off_t(size / 3)) == 0)
    let damaged = try Data(contentsOf: URL(fileURLWithPath: db))
    for args in [
      ["stats", "--month", "2021-07"], ["import", Fixtures.path("tiny/matters.csv")],
      ["monthly", "--month", "2021-07", "--out", dir.path("out")],
    ] {
      let r = try runReport(args + ["--db", db])
      #expect(r.status == 65, "\(args): \(r.stderr)")
      #expect(r.stderr.contains("文件已损坏"), "\(r.stderr)")
    }
    #expect(try Data(contentsOf: URL(fileURLWithPath: db)) == damaged)
    #expect(!FileManager.default.fileExists(atPath: dir.path("out")))
  }

  @Test("a database from a newer version is refused, not migrated backwards")
  func newerSchema() throws {
    let dir = try TemporaryDirectory()
    defer { dir.remove() }
    let db = dir.path("campaign.sqlite")
    #expect(try runReport(["demo", "--quiet", "--db", db]).status == 0)
    _ = try sql(db, "INSERT INTO grdb_migrations(identifier) VALUES ('v99-from-the-future')")
    #expect(try sql(db, "SELECT COUNT(*) FROM grdb_migrations WHERE identifier = 'v99-from-the-future'") == "1")
    let tables = try sql(db, "SELECT group_concat(name) FROM sqlite_master")
    for args in [["stats", "--month", "2021-07"], ["import", Fixtures.path("tiny/matters.csv")]] {
      let r = try runReport(args + ["--db", db])
      #expect(r.status == 65, "\(args): \(r.stderr)")
      #expect(r.stderr.contains("更新版本"), "\(r.stderr)")
    }
    #expect(try sql(db, "SELECT group_concat(name) FROM sqlite_master") == tables)
  }

  @Test("4 importers and 4 reports at once: each run succeeds or exits 75, and the figures equal a serial run's")
  func parallel() throws {
    let dir = try TemporaryDirectory()
    defer { dir.remove() }
    let gen = try generated(dir, activities: 8_000)
    // Four files with disjoint rows of one institution.
    let lines = try String(contentsOfFile: gen + "/activities.csv", encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: true)
    // Each importer alternates between its file and a variant with other hours, ending on its
    // file: every import writes, and the last state is the serial one.
    var parts: [String] = [], variants: [String] = []
    for k in 0..<4 {
      let rows = lines.dropFirst().enumerated().filter { $0.offset % 4 == k }.map(\.element)
      parts.append(try dir.write("part\(k).csv", ([lines[0]] + rows).joined(separator: "\n") + "\n"))
      let changed = rows.map { row in
        var cells = row.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        cells[5] = "9"
        return cells.joined(separator: ",")
      }
      variants.append(try dir.write("variant\(k).csv", ([String(lines[0])] + changed).joined(separator: "\n") + "\n"))
    }
    let serial = dir.path("serial.sqlite"), shared = dir.path("shared.sqlite")
    for db in [serial, shared] {
      #expect(try runReport(["import", "--quiet", "--db", db, gen + "/organizations.csv", gen + "/matters.csv"]).status == 0)
    }
    #expect(try runReport(["import", "--quiet", "--db", serial] + parts).status == 0)

    let files = parts, others = variants
    let deadline = Date().addingTimeInterval(Self.parallelSeconds)
    let statuses = Mutex<[Int32]>([])
    DispatchQueue.concurrentPerform(iterations: 8) { worker in
      var runs = 0
      while Date() < deadline || runs == 0 || (worker < 4 && runs % 2 == 1) {
        let args =
          worker < 4
          ? ["import", "--quiet", "--wait", "2", "--db", shared, runs % 2 == 0 ? others[worker] : files[worker]]
          : [
            "monthly", "--month", ["2021-03", "2021-07", "2021-10", "2021-12"][worker - 4], "--quiet", "--wait", "2", "--db", shared,
            "--out", dir.path("out\(worker)"),
          ]
        let status = (try? runReport(args).status) ?? -1
        statuses.withLock { $0.append(status) }
        // A busy import is tried again, so each importer ends on its own file.
        if worker >= 4 || status == 0 { runs += 1 }
        if status != 0 && status != 75 { break }
      }
    }
    let all = statuses.withLock { $0 }
    print("parallel runs: \(all.count), exit statuses: \(Dictionary(grouping: all, by: { $0 }).mapValues(\.count))")
    #expect(all.allSatisfy { $0 == 0 || $0 == 75 })
    #expect(all.filter { $0 == 0 }.count >= 8)
    #expect(try sql(shared, "PRAGMA integrity_check") == "ok")
    for month in ["2021-03", "2021-07", "2021-12"] {
      let figures = { (db: String) throws -> String in try runReport(["stats", "--month", month, "--json", "--db", db]).stdout }
      #expect(try figures(shared) == figures(serial), "\(month)")
      #expect(try figures(serial).contains("\"branch_study\""))
    }
    #expect(try sql(shared, "SELECT COUNT(*) FROM activity") == "8000")
  }
}
