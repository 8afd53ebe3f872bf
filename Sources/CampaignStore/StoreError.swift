import CampaignModel
import Foundation

/// Errors of the store: missing files and databases, bad data in imports, database failures.
///
/// Each message names what went wrong and how to fix it.
public enum StoreError: Error, LocalizedError, CustomStringConvertible {
  /// An input file does not exist.
  case missingFile(path: String)
  /// An input file exists but cannot be read.
  case unreadableFile(path: String, reason: String)
  /// A report was asked of a database that does not exist.
  case missingDatabase(path: String)
  /// The file is in neither UTF-8 nor GB18030.
  case badEncoding(file: String, line: Int, detail: String)
  /// The file is not a readable .xlsx workbook.
  case badWorkbook(file: String, reason: String)
  /// No row among the first ones says which record type the file holds; `line` is the first
  /// non-blank row, shown in the message.
  case unrecognisedHeader(file: String, headers: [String], line: Int = 1)
  /// One or more rows are bad; nothing of the file was written.
  case badData(file: String, issues: [DataIssue], omitted: Int = 0)
  /// A PostgreSQL database that exists but holds no store yet (reports do not create one).
  case emptyDatabase(path: String)
  /// The file is not a database of this tool, or it is damaged.
  case notADatabase(path: String)
  /// The database was written by a newer version of this tool.
  case newerSchema(path: String)
  /// The database file cannot be opened or is damaged.
  case database(path: String, message: String)
  /// The disk (or the file-size limit) is full: nothing of the run was kept.
  case diskFull(path: String)
  /// The disk failed to read or write the database.
  case ioError(path: String, message: String)
  /// `--db` names a folder.
  case databaseIsFolder(path: String)
  /// Another run holds the database's write lock and did not release it in time.
  case busy(path: String)
  /// This user may not write the database, its lock or its folder.
  case readOnly(path: String)
  /// A setting key or value is invalid.
  case setting(CampaignModelError)
  /// `--root`, `--unit` or a workbook's binding names no organization of the store.
  case unknownOrganization(id: String)
  /// `import --root` with a kinds file: the catalogue is the whole store's.
  case catalogueWithRoot(file: String, root: String)
  /// The PostgreSQL URL cannot be understood.
  case badServerURL(target: String, reason: String)
  /// The PostgreSQL server cannot be reached (wrong host or port, down, or a firewall).
  case serverUnreachable(target: String, reason: String)
  /// The PostgreSQL server refused the login (wrong user or password).
  case serverRefused(target: String, reason: String)
  /// `report undo` or `report return` cannot do what was asked.
  case batch(BatchError)
  /// A campaign that does not exist, a period in no campaign, or a campaign that cannot be added.
  case campaign(CampaignError)

  public var description: String { message(in: .en) }

  /// Text from a file, fit for a one-line message: at most 80 characters, control characters
  /// and other invisible ones shown as \u{…}, and "…" when cut.
  static func quotedPrefix(_ text: String, limit: Int = 80) -> String {
    var out = ""
    var count = 0
    for scalar in text.unicodeScalars {
      if count == limit { return out + "…" }
      let p = scalar.properties.generalCategory
      if p == .control || p == .format || p == .lineSeparator || p == .paragraphSeparator {
        out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
      } else {
        out.unicodeScalars.append(scalar)
      }
      count += 1
    }
    return out
  }
  public var errorDescription: String? { description }

  /// The message in a language; data issues list one line per problem.
  public func message(in lang: Language) -> String {
    switch self {
    case .missingFile(let path):
      return lang.pick("\(path): 文件不存在。请检查路径和文件名。", "\(path): no such file. Check the path and the file name.")
    case .unreadableFile(let path, let reason):
      return lang.pick("\(path): 无法读取（\(ReasonText.chinese(reason))）。", "\(path): cannot be read (\(reason)).")
    case .missingDatabase(let path) where PostgresURL.hasScheme(path):
      return lang.pick(
        "\(path): 服务器上没有这个数据库。请让数据库管理员创建它（createdb，属主为连接用户），再运行 report init。",
        "\(path): the server has no such database. Have it created (createdb, owned by the connecting user), then run `report init`.")
    case .missingDatabase(let path):
      return lang.pick(
        "\(path): 数据库不存在。请先运行 report init 或 report import（或用 --db / REPORT_DB 指定已有的数据库）。",
        "\(path): no such database. Create it with `report init` or `report import`, or point --db / REPORT_DB at an existing one.")
    case .badEncoding(let file, let line, let detail):
      return lang.pick(
        "\(file):\(line): 文件编码无法识别（\(detail)）。请用 Excel 或 WPS 另存为“CSV UTF-8”或“CSV（逗号分隔）”。",
        "\(file):\(line): unreadable text encoding (\(detail)). Save it from Excel or WPS as \"CSV UTF-8\" or \"CSV (comma delimited)\".")
    case .badWorkbook(let file, let reason):
      return lang.pick(
        "\(file)：不是可读取的 .xlsx 工作簿（\(ReasonText.chinese(reason))）。请用 Excel 或 WPS 打开后另存为“Excel 工作簿（*.xlsx）”。",
        "\(file): not a readable .xlsx workbook (\(reason)). Open it in Excel or WPS and save it as an Excel workbook (*.xlsx).")
    case .unrecognisedHeader(let file, let headers, let line):
      let seen = StoreError.quotedPrefix(headers.joined(separator: ","))
      return lang.pick(
        "\(file):\(line): 前 10 个非空行中没有可识别的表头（第 \(line) 行为“\(seen)”）。请使用数据约定中的列名（见 README），或用 --type 指定 organizations、activities、matters、feedback 或 kinds。",
        "\(file):\(line): none of the first 10 non-blank rows is a header that tells the record type (row \(line) is \"\(seen)\"). Use the contract's column names (see the README) or give --type organizations|activities|matters|feedback|kinds."
      )
    case .badData(let file, let issues, let omitted):
      let total = issues.count + omitted
      let head = lang.pick(
        "\(file): 发现 \(total) 处错误，本文件未导入任何数据。请改正后重新导入：",
        "\(file): \(total) problem(s); nothing from this file was imported. Fix them and import again:")
      let tail =
        omitted == 0
        ? []
        : [
          lang.pick(
            "……另有 \(omitted) 处错误未列出（只列出前 \(issues.count) 处）。请先改正以上错误，再导入一次即可看到其余错误。",
            "… and \(omitted) more not listed (the first \(issues.count) are). Fix these and import again to see the rest.")
        ]
      return ([head] + issues.map { $0.message(in: lang) } + tail).joined(separator: "\n")
    case .diskFull(let path):
      return lang.pick(
        "\(path)：磁盘已满（或超出文件大小限制），本次操作未保存任何内容。请清理磁盘空间后重试。",
        "\(path): the disk is full (or a file-size limit was reached); nothing of this run was kept. Free some space and run it again.")
    case .ioError(let path, let message):
      return lang.pick(
        "\(path)：读写磁盘出错（\(message)）。请检查磁盘和文件系统（dmesg、fsck），必要时用备份恢复。",
        "\(path): the disk failed to read or write (\(message)). Check the disk and the file system (dmesg, fsck); restore a backup if need be."
      )
    case .databaseIsFolder(let path):
      return lang.pick(
        "\(path)：这是一个文件夹。--db / REPORT_DB 应指向数据库文件，如 \(path)/campaign.sqlite。",
        "\(path): this is a folder. --db / REPORT_DB names the database file, e.g. \(path)/campaign.sqlite.")
    case .emptyDatabase(let path):
      return lang.pick(
        "\(path)：该数据库中还没有 report 的数据。生成报表不会建表：请先运行 report init 或 report import。",
        "\(path): the database holds no report store yet, and reports do not create one. Run `report init` or `report import` first.")
    case .notADatabase(let path):
      return lang.pick(
        "\(path)：不是 report 的数据库，或文件已损坏。请检查 --db / REPORT_DB 指向的文件，必要时用备份恢复。",
        "\(path): not a report database, or a damaged one. Check the file --db / REPORT_DB points at; restore a backup if need be.")
    case .newerSchema(let path):
      return lang.pick(
        "\(path): 数据库由更新版本的 report 创建，本版本无法使用。请升级 report。",
        "\(path): the database was written by a newer version of report. Upgrade report to use it.")
    case .database(let path, let message):
      return lang.pick(
        "\(path): 数据库错误：\(message)",
        "\(path): database error: \(message)")
    case .busy(let path):
      return lang.pick(
        "\(path): 另一个任务（导入或生成报表）正在使用该数据库，等待超时。请稍后重试，或用 --wait 延长等待时间。",
        "\(path): another run (an import or a report) is using the database and did not finish in time. Try again later, or wait longer with --wait."
      )
    case .readOnly(let path) where PostgresURL.hasScheme(path):
      return lang.pick(
        "\(path)：连接用户没有写入这些表的权限。请用数据库的属主连接，或让管理员授予权限（GRANT）。",
        "\(path): the connecting user may not write the store's tables. Connect as the database's owner, or have the rights granted (GRANT)."
      )
    case .unknownOrganization(let id):
      return lang.pick(
        "\(id)：数据库中没有这个组织编号。请使用组织文件中“编码”列的值（report status 列出各单位的编码）。",
        "\(id): the store has no organization with this id. Use a value of the organizations file's id column (report status lists the units' ids)."
      )
    case .catalogueWithRoot(let file, let root):
      return lang.pick(
        "\(file)：活动类型目录、考核要求和计划属于整个数据库，不能按 --root \(root) 导入。请由数据库管理单位不加 --root 导入。",
        "\(file): the kind catalogue, requirements and plans belong to the whole store and cannot be imported with --root \(root). Import them without --root (the store's own office does)."
      )
    case .badServerURL(let target, let reason):
      return lang.pick(
        "\(target)：数据库地址写法有误（\(reason)）。格式为 postgresql://用户@主机:端口/数据库名。",
        "\(target): the database URL is malformed (\(reason)). The form is postgresql://user@host:port/dbname.")
    case .serverUnreachable(let target, let reason):
      return lang.pick(
        "\(target)：无法连接数据库服务器（\(reason)）。请检查主机名、端口和服务器是否在运行。",
        "\(target): cannot reach the database server (\(reason)). Check the host, the port and that the server is running.")
    case .serverRefused(let target, let reason):
      return lang.pick(
        "\(target)：数据库服务器拒绝登录（\(reason)）。请检查用户名和密码（URL、PGPASSWORD 或 ~/.pgpass）。",
        "\(target): the database server refused the login (\(reason)). Check the user name and the password (in the URL, PGPASSWORD or ~/.pgpass)."
      )
    case .readOnly(let path):
      return lang.pick(
        "\(path)：当前用户不能写入该数据库（或其所在文件夹）。导入和生成报表都需要写权限（锁文件和 SQLite 的预写日志文件也在该文件夹中）。请用拥有该数据库的用户运行，或调整文件和文件夹的权限。",
        "\(path): this user cannot write the database (or its folder). Imports and reports both need to (the lock and write-ahead log files live beside it). Run as the user who owns the database, or change the permissions of the file and folder."
      )
    case .setting(let e):
      return e.message(in: lang)
    case .batch(let e):
      return e.message(in: lang)
    case .campaign(let e):
      return e.message(in: lang)
    }
  }
}

extension BatchError {
  /// The message in a language, with what to do.
  public func message(in lang: Language) -> String {
    switch self {
    case .unknownBatch(let b):
      return lang.pick("没有第 \(b) 批。请用 report history 查看批次编号。", "there is no batch \(b). See the batch numbers with report history.")
    case .alreadyUndone(let b, let by):
      return lang.pick("第 \(b) 批已由第 \(by) 批撤销。", "batch \(b) was undone already, by batch \(by).")
    case .undoOfUndo(let b):
      return lang.pick(
        "第 \(b) 批本身是撤销操作，不能再撤销。如需恢复，请重新导入原文件。",
        "batch \(b) is itself an undo and cannot be undone. To redo the import, import its file again.")
    case .structural(let b, let types):
      return lang.pick(
        "第 \(b) 批导入了\(types.joined(separator: "、"))（组织机构、活动类型目录、考核要求或计划），撤销不能恢复这些。请导入更正后的文件。",
        "batch \(b) imported \(types.joined(separator: ", ")) (the organization tree, the kind catalogue, requirements or plans), which undo cannot restore. Import a corrected file instead."
      )
    case .laterBatches(let b, let later):
      let zh = later.map { "第 \($0) 批" }.joined(separator: "、")
      let en = later.map(String.init).joined(separator: ", ")
      return lang.pick(
        "第 \(b) 批之后，\(zh)又修改了同一批记录。请先撤销\(zh)（report undo \(later[0])），再撤销第 \(b) 批。",
        "later batches changed the same records after batch \(b): \(en). Undo them first (report undo \(later[0])), then batch \(b).")
    case .nothingToReturn(let scope):
      return lang.pick(
        "\(scope.unit) 没有 \(scope.month.chinese)的报送，无法退回。请用 report status --month \(scope.month.iso) 查看报送情况。",
        "\(scope.unit) has no submission for \(scope.month.iso) to return. See report status --month \(scope.month.iso).")
    case .overlappingSubmission(let s, let standing, let batch):
      return lang.pick(
        "\(s.unit) 的 \(s.month.chinese)报送与第 \(batch) 批 \(standing) 的报送范围重叠（上下级组织不能分别报送同一个月）。请把记录并入 \(standing) 的报送表，或先撤销第 \(batch) 批（report undo \(batch)）。",
        "the submission of \(s.unit) for \(s.month.iso) overlaps the standing submission of \(standing) (batch \(batch)): an organization and one above or below it cannot both submit one month. Put the records in \(standing)'s form, or undo batch \(batch) first (report undo \(batch))."
      )
    case .submissionOfTop(let unit):
      return lang.pick(
        "\(unit) 是最上级党委，其报送会覆盖所有单位，不能按报送导入。党委本级的记录请不加 --unit/--month 导入，或在报送时指定下级单位。",
        "\(unit) is the top committee: its submission would cover every unit. Import the committee's own records without --unit/--month, or submit for a unit under it."
      )
    case .structureInSubmission(let file, let s):
      return lang.pick(
        "\(file)：报送（\(s.unit) \(s.month.chinese)）只能包含活动、办实事事项和意见建议，不能包含组织机构、活动类型、考核要求或计划。请单独导入这些文件。",
        "\(file): a submission (\(s.unit), \(s.month.iso)) holds activities, matters and opinions only, not organizations, kinds, requirements or plans. Import those files on their own."
      )
    case .laterSubmission(let b, let later):
      return lang.pick(
        "第 \(b) 批之后，同一单位同一月份又报送了第 \(later) 批。请先撤销第 \(later) 批（report undo \(later)）。",
        "the same unit submitted the same month again after batch \(b), in batch \(later). Undo batch \(later) first (report undo \(later))."
      )
    case .laterReturn(let b, let later):
      return lang.pick(
        "第 \(b) 批的报送已被第 \(later) 批退回。请先撤销退回（report undo \(later)）。",
        "the submission of batch \(b) was returned in batch \(later). Undo the return first (report undo \(later)).")
    case .emptyReason:
      return lang.pick("退回须写明意见（--reason），告诉报送单位要改什么。", "a return needs the office's opinion (--reason), telling the unit what to correct.")
    }
  }
}
