import CampaignModel
import Foundation

/// What is known of a batch when it starts.
struct BatchStart {
  var action: BatchAction
  var file: String?
  var sha256: String?
  var scope: SubmissionScope?
  var author: String
  var today: Day
  var reason: String? = nil
  var undoes: Int? = nil
  /// The file's SHA-256 when it is still being computed (written when the batch finishes).
  var digest: FileDigest? = nil
}

/// The SHA-256 of a file, computed on another thread from the moment it is asked for.
final class FileDigest: @unchecked Sendable {
  private let done = DispatchSemaphore(value: 0)
  private var result: Result<String, StoreError> = .success("")

  init(path: String) {
    DispatchQueue.global(qos: .userInitiated).async {
      self.result = Result { () throws(StoreError) in try SHA256.hex(ofFile: path) }
      self.done.signal()
    }
  }

  /// Waits for the digest.
  func value() throws(StoreError) -> String {
    done.wait()
    done.signal()
    return try result.get()
  }
}

/// The batch table: one numbered row per import, submission, return and undo.
enum BatchLog {
  static let columns =
    "batch, at, day, action, types, file, sha256, unit, month, author, rows, added, updated, removed, unchanged, reason, undoes, undone_by"

  /// Records a batch's start inside the writing transaction; returns its number.
  static func start(_ b: BatchStart, types: [String], db: any SQLDatabase) throws -> Int {
    let values: [any SQLBindable] = [
      Clock.timestamp(), b.today.iso, b.action.rawValue, types.joined(separator: ","), b.file, b.sha256, b.scope?.unit,
      b.scope?.month.iso, b.author, b.reason, b.undoes,
    ]
    let rows = try db.fetchAll(
      """
      INSERT INTO batch (at, day, action, types, file, sha256, unit, month, author, reason, undoes, rows, added, updated, removed, unchanged)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, 0, 0, 0) RETURNING batch
      """, values)
    return try rows[0].get(0)
  }

  /// Writes an import's counts, and the file's fingerprint when it came later, into its batch.
  static func finish(_ batch: Int, summaries: [ImportSummary], sha256: String?, db: any SQLDatabase) throws {
    if let sha256 { try db.execute("UPDATE batch SET sha256 = ? WHERE batch = ?", [sha256, batch]) }
    func sum(_ k: KeyPath<ImportSummary, Int>) -> Int { summaries.reduce(0) { $0 + $1[keyPath: k] } }
    try setCounts(
      batch, rows: sum(\.rows), added: sum(\.added), updated: sum(\.updated), removed: sum(\.removed), unchanged: sum(\.unchanged), db: db)
  }

  static func setCounts(_ batch: Int, rows: Int, added: Int, updated: Int, removed: Int, unchanged: Int, db: any SQLDatabase) throws {
    try db.execute(
      "UPDATE batch SET rows = ?, added = ?, updated = ?, removed = ?, unchanged = ? WHERE batch = ?",
      [rows, added, updated, removed, unchanged, batch])
  }

  /// Refuses a submission whose scope overlaps a standing submission of the same month made by
  /// an organization above or below it (a unit's own submission covers its branches, so a
  /// branch and its unit cannot both stand for one month), and a submission of the top
  /// committee, which would cover every unit.
  static func checkNoOverlap(_ submission: SubmissionScope, scope: ImportScope, db: any SQLDatabase) throws {
    guard !scope.ancestors.isEmpty else { throw StoreError.batch(.submissionOfTop(submission.unit)) }
    let others = scope.members.subtracting([submission.unit]).union(scope.ancestors).sorted()
    let placeholders = others.map { _ in "?" }.joined(separator: ", ")
    let standing = try fetch(
      "action = 'submission' AND month = ? AND undone_by IS NULL AND unit IN (\(placeholders))", [submission.month.iso] + others, db: db)
    if let other = standing.last, let by = other.scope?.unit {
      throw StoreError.batch(.overlappingSubmission(submission, standing: by, batch: other.batch))
    }
  }

  /// Batches matching a condition, in order.
  static func fetch(_ condition: String = "1 = 1", _ arguments: [any SQLBindable] = [], db: any SQLDatabase) throws -> [BatchRecord] {
    try db.fetchAll("SELECT \(columns) FROM batch WHERE \(condition) ORDER BY batch", arguments).map { r in
      let unit: String? = try r.get(7)
      let month: String? = try r.get(8)
      let types: String = try r.get(4)
      return BatchRecord(
        batch: try r.get(0), at: try r.get(1), day: Day(parsing: try r.get(2, as: String.self)) ?? Day(year: 1970, month: 1, day: 1)!,
        action: BatchAction(rawValue: try r.get(3)) ?? .import, types: types.split(separator: ",").map(String.init), file: try r.get(5),
        sha256: try r.get(6), scope: unit.flatMap { u in month.flatMap(Month.init(parsing:)).map { SubmissionScope(unit: u, month: $0) } },
        author: try r.get(9), rows: try r.get(10), added: try r.get(11), updated: try r.get(12), removed: try r.get(13),
        unchanged: try r.get(14), reason: try r.get(15), undoes: try r.get(16), undoneBy: try r.get(17))
    }
  }
}

extension CampaignStore {
  /// The batches, oldest first; with a month or a unit, the submissions and returns of that
  /// month or unit (a unit's own, and those of organizations under it).
  public func history(month: Month? = nil, unit: String? = nil) throws(StoreError) -> [BatchRecord] {
    try readDB { db in
      var all = try BatchLog.fetch(db: db)
      if let month { all = all.filter { $0.scope?.month == month } }
      if let unit {
        var tree: [(id: String, parent: String?)] = []
        try db.forEachRow("SELECT id, parent FROM organization", []) { row in tree.append((try row.get(0), try row.get(1))) }
        guard let members = Organization.subtree(of: unit, in: tree) else { throw StoreError.unknownOrganization(id: unit) }
        all = all.filter { $0.scope.map { members.contains($0.unit) } ?? false }
      }
      return all
    }
  }

  /// Returns (退回) a unit's submission for a month with the office's opinion: status shows it
  /// as returned until the unit submits again. The records stay and count in the figures.
  public func returnSubmission(_ scope: SubmissionScope, reason: String, author: String, today: Day) throws(StoreError) -> BatchRecord {
    let reason = String(reason.trimmingWhitespace())
    guard !reason.isEmpty else { throw .batch(.emptyReason) }
    return try writeDB { db in
      try db.serialize(.submissions)
      guard try db.fetchOne("SELECT COUNT(*) FROM organization WHERE id = ?", [scope.unit], as: Int.self) ?? 0 > 0 else {
        throw StoreError.unknownOrganization(id: scope.unit)
      }
      // The unit's own submission, or those of organizations under it.
      let standing =
        try db.fetchOne(
          """
          SELECT COUNT(*) FROM batch b JOIN organization o ON o.id = b.unit
          WHERE b.action = 'submission' AND b.month = ? AND b.undone_by IS NULL AND (b.unit = ? OR o.unit = ?)
          """, [scope.month.iso, scope.unit, scope.unit], as: Int.self) ?? 0
      guard standing > 0 else { throw StoreError.batch(.nothingToReturn(scope)) }
      let b = try BatchLog.start(
        BatchStart(action: .return, scope: scope, author: author, today: today, reason: reason), types: [], db: db)
      return try BatchLog.fetch("batch = ?", [b], db: db)[0]
    }
  }

  /// Undoes a batch: every record it added is removed, and every record it changed or removed
  /// is put back as it was before it, so the figures are exactly as before the batch. Refused
  /// when a later batch (not itself undone) touched the same records: undo those first. The
  /// undo is a batch of its own; an undone return or submission no longer counts in the status.
  public func undo(batch: Int, author: String, today: Day) throws(StoreError) -> BatchRecord {
    try writeDB { db in
      try db.serialize(.submissions)
      guard let target = try BatchLog.fetch("batch = ?", [batch], db: db).first else { throw StoreError.batch(.unknownBatch(batch)) }
      if let by = target.undoneBy { throw StoreError.batch(.alreadyUndone(batch: batch, by: by)) }
      if target.action == .undo { throw StoreError.batch(.undoOfUndo(batch)) }
      let structural = target.types.filter { t in
        t == RecordType.organizations.rawValue || RecordType(rawValue: t)?.isCampaignData == true
      }
      if !structural.isEmpty { throw StoreError.batch(.structural(batch: batch, types: structural)) }
      if target.action == .submission, let scope = target.scope {
        // A later submission of the same scope re-sent rows unchanged (they keep this batch's
        // stamp), and a later return refers to this one: either must go first.
        let unitOfScope = try db.fetchOne("SELECT unit FROM organization WHERE id = ?", [scope.unit], as: String?.self) ?? nil
        let later = try BatchLog.fetch(
          "batch > ? AND month = ? AND undone_by IS NULL AND ((action = 'submission' AND unit = ?) OR (action = 'return' AND unit IN (?, ?)))",
          [batch, scope.month.iso, scope.unit, scope.unit, unitOfScope ?? scope.unit], db: db)
        if let s = later.last(where: { $0.action == .submission }) {
          throw StoreError.batch(.laterSubmission(batch: batch, later: s.batch))
        }
        if let r = later.last { throw StoreError.batch(.laterReturn(batch: batch, later: r.batch)) }
      }
      let later = try laterBatches(touching: batch, db: db)
      if !later.isEmpty { throw StoreError.batch(.laterBatches(batch: batch, later: later)) }

      let undo = try BatchLog.start(
        BatchStart(action: .undo, file: target.file, scope: target.scope, author: author, today: today, undoes: batch), types: target.types,
        db: db)
      var added = 0, updated = 0, removed = 0
      for t in BatchSchema.records {
        let columns = t.columns.joined(separator: ", ")
        let restoredUpdates =
          try db.fetchOne("SELECT COUNT(*) FROM \(t.history) WHERE batch = ? AND op = 'updated'", [batch], as: Int.self) ?? 0
        // Rows the batch wrote: added ones go, changed ones come back from the history below.
        let deleted = try db.execute("DELETE FROM \(t.name) WHERE batch = ?", [batch])
        if t.name == BatchSchema.activity.name {
          try db.execute(
            "INSERT INTO activity_month_dirty (month) SELECT DISTINCT substr(date, 1, 7) FROM activity_history WHERE batch = ? ON CONFLICT DO NOTHING",
            [batch])
        }
        // The row goes back under its old insertion number, so listings keep their order; on
        // SQLite a later row may have been given that rowid again (SQLite reuses the largest
        // one), and then the row takes a new one. PostgreSQL never reuses `seq`.
        let (target, source, overriding): (String, String, String)
        switch db.dialect {
        case .sqlite:
          (target, source, overriding) = (
            "rowid, ", "CASE WHEN EXISTS (SELECT 1 FROM \(t.name) WHERE rowid = h.seq) THEN NULL ELSE h.seq END, ", ""
          )
        case .postgresql: (target, source, overriding) = t.postgresSeq ? ("seq, ", "h.seq, ", " OVERRIDING SYSTEM VALUE") : ("", "", "")
        }
        let restored = try db.execute(
          """
          INSERT INTO \(t.name) (\(target)\(columns), batch)\(overriding)
          SELECT \(source)\(t.columns.map { "h." + $0 }.joined(separator: ", ")), h.prior FROM \(t.history) h WHERE h.batch = ? ORDER BY h.seq
          """, [batch])
        removed += deleted - restoredUpdates
        updated += restoredUpdates
        added += restored - restoredUpdates
      }
      try ActivityMonths.refresh(db)
      try BatchLog.setCounts(undo, rows: 0, added: added, updated: updated, removed: removed, unchanged: 0, db: db)
      try db.execute("UPDATE batch SET undone_by = ? WHERE batch = ?", [undo, batch])
      return try BatchLog.fetch("batch = ?", [undo], db: db)[0]
    }
  }

  /// The later batches, not undone, that touched records `batch` touched, newest first. Batch
  /// numbers follow commit order here: every batch holds the batch lock (`SerialWork.submissions`)
  /// until it commits, exclusively or, for imports without a scope, shared, and two imports
  /// that write the same row wait on each other's row lock, which the `prior` test catches.
  private func laterBatches(touching batch: Int, db: any SQLDatabase) throws -> [Int] {
    var later = Set<Int>()
    for t in BatchSchema.records {
      // Another batch changed or removed a row this batch wrote (necessarily after it).
      later.formUnion(
        try db.fetchColumn(
          """
          SELECT h.batch FROM \(t.history) h JOIN batch b ON b.batch = h.batch
          WHERE h.prior = ? AND h.batch <> ? AND b.undone_by IS NULL
          """, [batch, batch], as: Int.self))
      // A row this batch changed or removed is there again, written by another batch.
      later.formUnion(
        try db.fetchColumn(
          """
          SELECT r.batch FROM \(t.name) r JOIN \(t.history) h ON h.\(t.key) = r.\(t.key)
          WHERE h.batch = ? AND r.batch <> ?
          """, [batch, batch], as: Int.self))
      // A later batch touched a row this batch had changed or removed (re-added it and removed
      // it again, say).
      later.formUnion(
        try db.fetchColumn(
          """
          SELECT h2.batch FROM \(t.history) h2 JOIN batch b ON b.batch = h2.batch
          WHERE h2.batch > ? AND b.undone_by IS NULL AND h2.\(t.key) IN (SELECT \(t.key) FROM \(t.history) WHERE batch = ?)
          """, [batch, batch], as: Int.self))
    }
    // Opinions written later that name a matter this batch added, which undo would remove.
    later.formUnion(
      try db.fetchColumn(
        """
        SELECT f.batch FROM feedback f JOIN matter m ON m.id = f.matter
        WHERE m.batch = ? AND f.batch <> ? AND NOT EXISTS (SELECT 1 FROM matter_history h WHERE h.batch = ? AND h.id = m.id)
        """, [batch, batch, batch], as: Int.self))
    return later.subtracting([batch, 0]).sorted(by: >)
  }
}
