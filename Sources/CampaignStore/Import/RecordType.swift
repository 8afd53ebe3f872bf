import CampaignModel
import Foundation

/// The kinds of file the importer takes, each with its contract columns.
public enum RecordType: String, CaseIterable, Sendable {
  case organizations
  case kinds
  case matters
  case activities
  case feedback
  /// Requirements (考核要求) of the target campaign.
  case requirements
  /// Plans (计划) of the target campaign.
  case plans

  /// A contract column: its English name, its Chinese alias and whether the header must have it.
  public struct Column: Sendable {
    public let name: String
    public let alias: String
    public let required: Bool
  }

  /// The columns of the contract, in the documented order.
  public var columns: [Column] {
    func c(_ n: String, _ a: String, _ r: Bool = false) -> Column { Column(name: n, alias: a, required: r) }
    switch self {
    case .organizations:
      return [c("id", "编码", true), c("name", "名称", true), c("kind", "类型", true), c("parent", "上级", true), c("counted", "参与统计")]
    case .kinds:
      return [
        c("code", "编码", true), c("name", "名称", true), c("name_en", "英文名称"), c("measure", "量词", true),
        c("measure_en", "英文量词"), c("category", "类别", true), c("category_name", "类别名称"),
        c("category_name_en", "类别英文名称"),
      ]
    case .activities:
      return [
        c("id", "编号"), c("date", "日期", true), c("unit", "单位", true), c("kind", "类型", true), c("title", "主题"),
        c("hours", "学时"), c("participants", "参加人数"), c("count", "数量"), c("level", "级别"), c("lead", "负责人"),
        c("note", "备注"),
      ]
    case .matters:
      return [
        c("id", "编号", true), c("title", "事项", true), c("unit", "责任单位", true), c("raised", "汇总日期", true),
        c("owner", "认领领导"), c("claimed", "认领日期"), c("due", "计划完成日期"), c("status", "状态", true),
        c("resolved", "解决日期"), c("key_project", "重点项目"), c("note", "备注"),
      ]
    case .feedback:
      return [
        c("id", "编号"), c("date", "日期", true), c("unit", "单位", true), c("channel", "渠道"), c("content", "内容", true),
        c("matter", "归入事项"),
      ]
    case .requirements:
      return [
        c("kind", "类型", true), c("min", "最少次数"), c("per", "周期", true), c("applies_to", "适用单位"), c("exempt", "免于考核单位"),
        c("from", "开始日期"), c("to", "结束日期"),
      ]
    case .plans:
      return [
        c("id", "编号"), c("unit", "单位", true), c("kind", "类型", true), c("target", "目标数", true), c("from", "开始日期", true),
        c("to", "结束日期", true),
      ]
    }
  }

  /// The table of a type whose files may hold millions of rows, loaded with `BulkLoad` when empty.
  var bulkTable: String? {
    switch self {
    case .activities: "activity"
    case .feedback: "feedback"
    case .organizations, .kinds, .matters, .requirements, .plans: nil
    }
  }

  /// Whether the type is a campaign's own data (its catalogue, requirements and plans): written
  /// for the target campaign (`ImportRequest.campaign`), never in a submission or with --root.
  public var isCampaignData: Bool { self == .kinds || self == .requirements || self == .plans }

  /// The order in which types must be imported so references resolve.
  public var dependencyOrder: Int { RecordType.allCases.firstIndex(of: self)! }

  /// Recognises the type from a header row: the type all of whose required columns are present
  /// and which names the most of the header's cells. Nil when no type fits.
  public static func detect(headers: [String]) -> RecordType? {
    var best: (RecordType, Int)?
    for type in allCases {
      let map = HeaderMap(headers: headers, type: type)
      guard map.missingRequired.isEmpty else { continue }
      let score = map.known.count
      if best == nil || score > best!.1 { best = (type, score) }
    }
    return best?.0
  }
}

/// Where each contract column sits in a file's header.
struct HeaderMap {
  /// Column name → 0-based position.
  var position = ColumnPositions()
  /// Positions of cells that match a column.
  var known: Set<Int> = []
  /// Contract columns the header lacks although they are required.
  var missingRequired: [RecordType.Column] = []
  /// Header cells matched twice: (position, first position).
  var duplicates: [(Int, Int)] = []
  /// Header cells that are no contract column.
  var unknown: [Int] = []
  let headers: [String]

  init(headers: [String], type: RecordType) {
    self.headers = headers
    for (i, raw) in headers.enumerated() {
      let h = HeaderMap.normalise(raw)
      guard let col = type.columns.first(where: { $0.name == h || $0.alias == h }) else {
        if !h.isEmpty { unknown.append(i) }
        continue
      }
      if let first = position[col.name] {
        duplicates.append((i, first))
      } else {
        position[col.name] = i
        known.insert(i)
      }
    }
    missingRequired = type.columns.filter { $0.required && position[$0.name] == nil }
  }

  /// Lower-cased, trimmed, spaces and hyphens as underscores; Chinese left as is.
  static func normalise(_ header: String) -> String {
    String(header.trimmingWhitespace()).lowercased()
      .replacingOccurrences(of: " ", with: "_")
      .replacingOccurrences(of: "-", with: "_")
  }

  /// The header as the file wrote it, for messages.
  func header(_ column: String) -> String? { position[column].map { headers[$0] } }
}

/// Column name → 0-based position, for the dozen columns of a record type. Looked up several
/// times for every row, so by comparing names (small strings compare as two machine words)
/// rather than hashing them.
struct ColumnPositions {
  private var names: [String] = []
  private var positions: [Int] = []

  subscript(name: String) -> Int? {
    get {
      for i in names.indices where names[i] == name { return positions[i] }
      return nil
    }
    set {
      if let i = names.firstIndex(of: name) {
        if let newValue { positions[i] = newValue } else { names.remove(at: i); positions.remove(at: i) }
      } else if let newValue {
        names.append(name)
        positions.append(newValue)
      }
    }
  }
}
