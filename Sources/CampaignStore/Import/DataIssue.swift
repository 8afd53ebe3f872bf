import CampaignModel

/// One problem in one cell (or row) of an imported file.
public struct DataIssue: Sendable, Equatable {
  public var file: String
  /// Line as the file counts it; the header is line 1.
  public var line: Int
  /// 1-based column position, or nil when the problem is the whole row.
  public var column: Int?
  /// The column's header as the file wrote it.
  public var header: String?
  /// The offending value as written.
  public var value: String
  /// Whether the column is shown as a letter (a workbook's `C`) rather than a number.
  public var columnLetters = false
  public var problem: Problem

  /// What is wrong.
  public enum Problem: Sendable, Equatable {
    case unclosedQuote
    case missingColumn(String)
    case duplicateColumn(firstColumn: Int)
    case tooManyCells(expected: Int)
    case tooLong(limit: Int)
    case formulaError
    case controlCharacter(codePoint: UInt32)
    case required
    case badDate
    case badHours
    case badWholeNumber
    case badCount
    case badChoice(allowed: String)
    case unknownUnit
    case ambiguousUnit(ids: [String])
    case unknownKind
    case unknownMatter
    case unknownParent
    case duplicateId(firstLine: Int)
    case rootCount(roots: [String])
    case rootNotCommittee
    case committeeWithParent
    case cycle(path: [String])
    case resolvedWithoutDate
    case resolvedDateWithoutStatus
    case dateBeforeRaised(MatterDate)
    case claimWithoutOwner
    case resolvedBeforeClaimed
    case ownerWithoutClaim
    case idReserved
    /// `import --root`: the row's organization is not the root or under it.
    case outsideRoot(root: String)
    /// `import --root`: the id is already a record of an organization outside the root.
    case belongsElsewhere(organization: String, root: String)
    /// A submission for a month holds a record dated in another month.
    case outsideMonth(Month)
    /// The date is before the campaign start: no report counts it.
    case beforeCampaign(Day)
    /// The date is after the day of the import.
    case afterToday(Day)
    /// A 合计/小计/总计 row, skipped (a note, not an error).
    case totalRow
    /// A submission's file is bound to another scope than the one asked for.
    case otherScope(bound: String)
    /// A row with more cells than a sheet can have columns.
    case tooManyColumns(limit: Int)
    /// A date before 1900-01-01.
    case dateTooEarly
    /// A number beyond what a row may hold.
    case tooLarge(maximum: String)
    /// An end date before the start date of the same row.
    case endBeforeStart
    /// A plan's organization is neither the top committee nor a unit directly under it.
    case notAUnit
    /// A requirement's 适用单位 is neither all, an organization kind of the units, nor a unit.
    case badAppliesTo
    /// A requirement's minimum or a plan's target is not a whole number ≥ 1.
    case atLeastOne
  }

  public init(file: String, line: Int, column: Int?, header: String?, value: String, problem: Problem) {
    self.file = file
    self.line = line
    self.column = column
    self.header = header
    self.value = value
    self.problem = problem
  }

  /// `file:line:column: column "value": what is wrong. How to fix it.`
  public func message(in lang: Language) -> String {
    var place = "\(file):\(line)"
    if let column { place += ":" + (columnLetters ? DataIssue.letters(column) : String(column)) }
    var subject = ""
    if let header { subject = lang.pick("列“\(header)”", "column \"\(header)\"") }
    if !value.isEmpty { subject += (subject.isEmpty ? "" : " ") + "\"\(value)\"" }
    let text = explanation(in: lang)
    return subject.isEmpty ? "\(place): \(text)" : "\(place): \(subject): \(text)"
  }

  /// A copy that names its column by letter.
  func withColumnLetters() -> DataIssue {
    var d = self
    d.columnLetters = true
    return d
  }

  /// Excel's column letters of a 1-based column number: 1 → A, 27 → AA.
  static func letters(_ column: Int) -> String {
    var n = column
    var s = ""
    while n > 0 {
      s = String(UnicodeScalar(UInt8(65 + (n - 1) % 26))) + s
      n = (n - 1) / 26
    }
    return s
  }

  private func explanation(in lang: Language) -> String {
    switch problem {
    case .unclosedQuote:
      return lang.pick("引号没有闭合。请检查该行起的引号是否成对。", "a quote is never closed. Check that quotes from this line on come in pairs.")
    case .missingColumn(let name):
      return lang.pick("缺少必需的列“\(name)”。请在表头中加上这一列。", "the required column \"\(name)\" is missing. Add it to the header.")
    case .duplicateColumn(let first):
      return lang.pick("与第 \(first) 列重复。请删除或改名其中一列。", "repeats column \(first). Remove or rename one of them.")
    case .tooManyCells(let expected):
      return lang.pick(
        "本行的单元格比表头多（表头 \(expected) 列）。请检查是否有多余的逗号，含逗号的内容要加引号。",
        "the row has more cells than the header's \(expected). Look for a stray comma; quote text that contains commas.")
    case .controlCharacter(let codePoint):
      let u = "U+" + String(format: "%04X", codePoint)
      return lang.pick(
        "含有不可见的控制字符 \(u)（常见于从网页或其他系统复制的文字）。请删除该字符后重新导入。",
        "holds the invisible control character \(u) (often pasted from a web page or another system). Delete it and import again.")
    case .formulaError:
      return lang.pick("单元格中的公式计算出错。请改正公式或直接填写数值。", "the cell's formula failed. Correct the formula or type the value.")
    case .tooLong(let limit):
      return lang.pick(
        "内容超过 \(limit) 个字符（Excel 单元格的上限），报表无法容纳。请删减或拆分。",
        "longer than \(limit) characters, Excel's limit for a cell, so no report could hold it. Shorten or split it.")
    case .required:
      return lang.pick("不能为空。请填写。", "must not be empty. Fill it in.")
    case .badDate:
      return lang.pick("不是有效日期。请写成 2021-07-03、2021/7/3 或 2021年7月3日。", "not a real date. Write it as 2021-07-03, 2021/7/3 or 2021年7月3日.")
    case .badHours:
      return lang.pick("学时须为不小于 0 的数，最多两位小数，如 2 或 1.5。", "hours must be a number ≥ 0 with at most two decimals, such as 2 or 1.5.")
    case .badWholeNumber:
      return lang.pick("须为不小于 0 的整数。", "must be a whole number ≥ 0.")
    case .badCount:
      return lang.pick("数量须为不小于 1 的整数（留空即为 1）。", "count must be a whole number ≥ 1 (empty means 1).")
    case .badChoice(let allowed):
      return lang.pick("不是可选值。可选：\(allowed)。", "not one of the allowed values: \(allowed).")
    case .unknownUnit:
      return lang.pick(
        "找不到该单位。请填写组织编码或准确的单位全称，并先导入 organizations 文件。",
        "no organization has this id or exact name. Use an id or exact name, and import the organizations file first.")
    case .ambiguousUnit(let ids):
      return lang.pick(
        "有多个单位同名（编码 \(ids.joined(separator: "、"))）。请改填组织编码。",
        "several organizations have this name (ids \(ids.joined(separator: ", "))). Use the id instead.")
    case .unknownKind:
      return lang.pick(
        "不是目录中的活动类型。请填写类型编码或中文名称（见 report kinds），或先在目录中添加该类型。",
        "not a kind in the catalogue. Use a kind code or its Chinese name (see `report kinds`), or add the kind to the catalogue first.")
    case .unknownMatter:
      return lang.pick(
        "找不到该事项编号。请先导入 matters 台账，或留空表示未采纳。",
        "no matter has this id. Import the matters ledger first, or leave it empty for an opinion not adopted.")
    case .unknownParent:
      return lang.pick(
        "上级组织不存在。请填写本文件或已导入组织中的编码。", "the parent does not exist. Use the id of an organization in this file or already imported.")
    case .duplicateId(let first):
      return lang.pick("编号与第 \(first) 行重复。同一文件中编号必须唯一。", "the id repeats line \(first). Ids must be unique within a file.")
    case .rootCount(let roots):
      if roots.isEmpty {
        return lang.pick(
          "组织没有顶级党委（上级为空的一行）。请为党委留空上级。",
          "the organizations have no top committee (a row with an empty parent). Leave the committee's parent empty.")
      }
      return lang.pick(
        "上级为空的组织有多个（\(roots.joined(separator: "、"))）。只有顶级党委的上级可以为空。",
        "several organizations have an empty parent (\(roots.joined(separator: ", "))). Only the top committee may.")
    case .rootNotCommittee:
      return lang.pick(
        "上级为空的组织必须是党委（committee）。请填写其上级，或把类型改为党委。",
        "the organization without a parent must be the committee. Give it a parent, or make its kind committee.")
    case .committeeWithParent:
      return lang.pick(
        "党委（committee）是顶级组织，不能有上级。请清空上级，或改正类型。",
        "the committee is the top of the tree and cannot have a parent. Clear the parent or correct the kind.")
    case .cycle(let path):
      return lang.pick(
        "组织的上级关系形成了循环（\(path.joined(separator: " → "))）。请改正上级。",
        "the parents form a cycle (\(path.joined(separator: " → "))). Correct the parent.")
    case .resolvedWithoutDate:
      return lang.pick(
        "状态为已解决，但没有解决日期。请填写解决日期或更正状态。", "the status is resolved but there is no resolved date. Add the date or correct the status.")
    case .resolvedDateWithoutStatus:
      return lang.pick(
        "有解决日期，但状态不是已解决。请更正状态或删去解决日期。", "there is a resolved date but the status is not resolved. Correct the status or remove the date.")
    case .dateBeforeRaised(let date):
      let zh = date == .claimed ? "认领日期" : date == .due ? "计划完成日期" : "解决日期"
      return lang.pick("\(zh)早于汇总日期。请检查日期。", "the \(date.rawValue) date is before the raised date. Check the dates.")
    case .resolvedBeforeClaimed:
      return lang.pick("解决日期早于认领日期。请检查日期。", "the resolved date is before the claim date. Check the dates.")
    case .claimWithoutOwner:
      return lang.pick("有认领日期但没有认领领导。请填写认领领导或删去认领日期。", "there is a claim date but no owner. Add the owner or remove the claim date.")
    case .ownerWithoutClaim:
      return lang.pick("有认领领导但没有认领日期。请填写认领日期。", "there is an owner but no claim date. Add the claim date.")
    case .idReserved:
      return lang.pick("编号不能以 # 开头（为系统保留）。", "ids must not start with # (reserved).")
    case .outsideRoot(let root):
      return lang.pick(
        "该组织不是 \(root) 或其下级。按 --root \(root) 导入或作为 \(root) 的报送时，只能包含 \(root) 及其下级组织的记录。",
        "this organization is not \(root) or under it. With --root \(root), or in a submission of \(root), only records of \(root) and the organizations under it may be imported."
      )
    case .belongsElsewhere(let organization, let root):
      return lang.pick(
        "该编号已是 \(organization) 的记录，不在 \(root) 之下，不能由本单位修改。编号在整个数据库中唯一：请给本单位的编号加上单位前缀。",
        "this id is already a record of \(organization), which is not under \(root), and cannot be changed from here. Ids are unique across the whole store: prefix your ids with your organization's code."
      )
    case .outsideMonth(let month):
      return lang.pick(
        "日期不在本次报送的月份（\(month.chinese)）内。请改正日期，或把该记录放到所属月份的报送表中。",
        "the date is not in the month of this submission (\(month.iso)). Correct the date, or submit the record with its own month.")
    case .beforeCampaign(let start):
      return lang.pick(
        "日期早于活动开始日期（\(start.chinese)），任何报表都不会计入该记录。请检查日期。",
        "the date is before the campaign start (\(start.iso)), so no report will count the record. Check the date.")
    case .afterToday(let today):
      return lang.pick("日期晚于今天（\(today.chinese)）。请检查日期。", "the date is after today (\(today.iso)). Check the date.")
    case .totalRow:
      return lang.pick("合计行，已跳过。", "a total row, skipped.")
    case .tooManyColumns(let limit):
      return lang.pick(
        "该行超过 \(limit) 列（Excel 的列数上限），超出的列无法读取。请删去多余的列。",
        "the row has more than \(limit) columns (Excel's limit), and the columns past it cannot be read. Remove the extra columns.")
    case .dateTooEarly:
      return lang.pick("日期早于1900年1月1日，报表无法表示。请检查年份。", "the date is before 1900-01-01, which no workbook can show. Check the year.")
    case .tooLarge(let maximum):
      return lang.pick(
        "数值过大：一行最多为 \(maximum)。请检查是否多输了数字，或把记录拆成几行。",
        "too large: a row holds at most \(maximum). Check for extra digits, or split the record into several rows.")
    case .endBeforeStart:
      return lang.pick("结束日期早于开始日期。请检查日期。", "the end date is before the start date. Check the dates.")
    case .notAUnit:
      return lang.pick(
        "计划只能针对党委本身或党委直接下属的单位（党总支、直属党支部），不能针对其下的党支部。请填写党委或所属单位的编码。",
        "a plan is for the committee itself or a unit directly under it (a general or direct branch), not a branch below one. Use the committee's or the unit's id."
      )
    case .badAppliesTo:
      return lang.pick(
        "适用单位须为“全部”（all）、单位类型（党总支 general_branch 或 直属党支部 direct_branch），或一个单位的编码或全称。",
        "applies_to must be all (全部), a kind of unit (general_branch 党总支 or direct_branch 直属党支部), or one unit's id or exact name."
      )
    case .atLeastOne:
      return lang.pick("须为不小于 1 的整数。", "must be a whole number ≥ 1.")
    case .otherScope(let bound):
      return lang.pick(
        "该工作簿是 \(bound) 的报送表，与命令中的 --unit/--month 不符。请核对单位和月份，或为该单位和月份重新生成模板。",
        "this workbook is the submission form of \(bound), not of the --unit/--month given. Check the unit and month, or write a new template for them."
      )
    }
  }
}
