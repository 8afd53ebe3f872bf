/// What a batch of the store's log did.
public enum BatchAction: String, Sendable, CaseIterable {
  /// An import without a scope: rows are added or updated (upsert).
  case `import`
  /// A unit's submission for a month (报送): the scope's rows become exactly the file's.
  case submission
  /// The office returned a unit's submission for correction (退回).
  case `return`
  /// An earlier batch was undone.
  case undo

  /// 导入 / 报送 / 退回 / 撤销.
  public var chineseName: String {
    switch self {
    case .import: "导入"
    case .submission: "报送"
    case .return: "退回"
    case .undo: "撤销"
    }
  }
}

/// The unit and month a submission speaks for.
public struct SubmissionScope: Hashable, Sendable, CustomStringConvertible {
  /// The organization that submits: a unit, or an organization under one.
  public var unit: String
  public var month: Month

  public init(unit: String, month: Month) {
    self.unit = unit
    self.month = month
  }

  public var description: String { "\(unit) \(month.iso)" }

  /// The sheet of a collection workbook that binds it to a unit and month (hidden; rows
  /// `unit` and `month`), written by `report template --unit --month` and read by the importer.
  public static let bindingSheet = "报送信息"
}

/// One numbered entry of the store's log: an import, a submission, a return or an undo.
public struct BatchRecord: Sendable, Equatable {
  /// 1, 2, 3… in the order the batches were made.
  public var batch: Int
  /// When it was made: local time with its offset, `2021-08-03T09:12:00+08:00`.
  public var at: String
  /// The day it counts as received (the local date of `at`, or the day given on import).
  public var day: Day
  public var action: BatchAction
  /// The record types the file held, in import order (empty for a return or an undo).
  public var types: [String]
  /// The file's name, or nil for a return.
  public var file: String?
  /// The SHA-256 of the file's bytes, in hex.
  public var sha256: String?
  /// The submission's scope; nil for an import without one.
  public var scope: SubmissionScope?
  /// Who made it (`--by`, else the system user).
  public var author: String
  /// Data rows in the file.
  public var rows: Int
  public var added: Int
  public var updated: Int
  public var removed: Int
  public var unchanged: Int
  /// The office's opinion of a return (退回意见).
  public var reason: String?
  /// The batch an undo undid.
  public var undoes: Int?
  /// The undo that undid this batch.
  public var undoneBy: Int?

  public init(
    batch: Int, at: String, day: Day, action: BatchAction, types: [String], file: String?, sha256: String?, scope: SubmissionScope?,
    author: String, rows: Int, added: Int, updated: Int, removed: Int, unchanged: Int, reason: String?, undoes: Int?, undoneBy: Int?
  ) {
    self.batch = batch
    self.at = at
    self.day = day
    self.action = action
    self.types = types
    self.file = file
    self.sha256 = sha256
    self.scope = scope
    self.author = author
    self.rows = rows
    self.added = added
    self.updated = updated
    self.removed = removed
    self.unchanged = unchanged
    self.reason = reason
    self.undoes = undoes
    self.undoneBy = undoneBy
  }
}
