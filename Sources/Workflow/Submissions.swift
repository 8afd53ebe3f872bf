import Aggregation
import CampaignModel
import CampaignStore
import Writers

/// The monthly collection, as the command line and any other front end use it: submissions,
/// their status, reminders (催报), returns (退回), the history and undo. Each call is one
/// read snapshot or one writing transaction of the store; the definitions are Aggregation's,
/// the texts are Writers'.
public enum Submissions {
  /// A unit's file imported as its submission for a month (or, for a workbook bound to a unit
  /// and month, as that submission); any other file is imported without a scope.
  public static func submit(
    _ source: ImportSource, to store: CampaignStore, request: ImportRequest, progress: ((Int) -> Void)? = nil
  ) throws(StoreError) -> ImportResult {
    try store.importFile(source, request: request, progress: progress)
  }

  /// Opens the files to import (a pipe is read once) and orders them so references resolve:
  /// by the first record type each holds (organizations, kinds, matters, activities, feedback),
  /// files of one type in the order given.
  public static func importOrder(of paths: [String], type: RecordType? = nil) throws(StoreError) -> [ImportSource] {
    var entries: [(offset: Int, source: ImportSource, order: Int)] = []
    for (offset, path) in paths.enumerated() {
      let source = try ImportSource(path: path)
      let types: [RecordType]
      if let type { types = [type] } else { types = try CampaignStore.recordTypes(of: source) }
      entries.append((offset, source, types.map(\.dependencyOrder).min() ?? 0))
    }
    return entries.sorted { ($0.order, $0.offset) < ($1.order, $1.offset) }.map(\.source)
  }

  /// The lock a kind of work takes beside a SQLite store, waiting at most `wait` seconds
  /// (exit 75 past it): one report run at a time, one writer at a time. A PostgreSQL store
  /// needs none: the server keeps concurrent writers apart, and reports read snapshots.
  public static func lock(_ purpose: RunLock.Purpose, database: String, wait: Double) throws(StoreError) -> RunLock? {
    if CampaignStore.isServerURL(database) { return nil }
    return try RunLock(database: database, purpose: purpose, wait: wait)
  }

  /// The submission status of a month for the units of `root` (the whole tree when nil), as it
  /// stood at the end of `asOf` (now when nil).
  ///
  /// The deadline is the setting of the campaign given (`--campaign`), else of the one in
  /// force at the month's end.
  public static func status(
    of month: Month, in store: CampaignStore, root: String? = nil, asOf: Day? = nil, campaign: String? = nil
  ) throws -> SubmissionStatus {
    try store.snapshot(root: root, campaign: .given(campaign, else: .current(month.last))) { source in
      try SubmissionStatus.compute(month: month, from: source, asOf: asOf)
    }
  }

  /// The 催报 notice for a month's units that have not reported; nil when all have.
  ///
  /// - Parameters:
  ///   - today: the notice's date.
  ///   - asOf: the status as it stood at the end of this day (now when nil).
  public static func reminder(
    for month: Month, in store: CampaignStore, root: String? = nil, campaign: String? = nil, today: Day, asOf: Day? = nil,
    lang: Language
  ) throws -> String? {
    try store.snapshot(root: root, campaign: .given(campaign, else: .current(month.last))) { source in
      let status = try SubmissionStatus.compute(month: month, from: source, asOf: asOf)
      let heading = try NoticeHeading.compute(from: source)
      return CollectionText.reminder(status, campaign: heading.campaign, issuer: heading.issuer, today: today, lang: lang)
    }
  }

  /// Returns (退回) a unit's submission with the office's opinion.
  public static func returnSubmission(
    _ scope: SubmissionScope, in store: CampaignStore, reason: String, author: String, today: Day
  ) throws(StoreError) -> BatchRecord {
    try store.returnSubmission(scope, reason: reason, author: author, today: today)
  }

  /// Undoes a batch.
  public static func undo(batch: Int, in store: CampaignStore, author: String, today: Day) throws(StoreError) -> BatchRecord {
    try store.undo(batch: batch, author: author, today: today)
  }

  /// The batches, oldest first, limited to a month's or a unit's submissions and returns.
  public static func history(in store: CampaignStore, month: Month? = nil, unit: String? = nil) throws(StoreError) -> [BatchRecord] {
    try store.history(month: month, unit: unit)
  }
}
