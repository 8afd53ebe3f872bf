import CampaignModel
import CampaignStore

extension StoreError {
  /// The message as a web page shows it: the same as `message(in:)` except where that advises a
  /// command-line option or command (`--wait`, `report init`), which a page's reader cannot use.
  public func pageMessage(in lang: Language) -> String {
    switch self {
    case .busy:
      return lang.pick(
        "另一个任务（导入或生成报表）正在使用数据库，等待超时，本次操作没有保存任何内容。请稍后重试。",
        "Another run (an import or a report) is using the database and did not finish in time; nothing was saved. Please try again in a minute."
      )
    case .missingDatabase, .emptyDatabase:
      return lang.pick(
        "数据库还没有建立。请联系办公室：由管理员先建立数据库并导入组织机构。",
        "The database has not been set up yet. Please tell the office: an administrator sets it up and imports the organizations first.")
    case .readOnly:
      return lang.pick(
        "服务器不能写入数据库，本次操作没有保存任何内容。请联系管理员检查数据库的权限。",
        "The server cannot write the database; nothing was saved. Please have the administrator check the database's permissions.")
    case .unknownOrganization(let id):
      return lang.pick("\(id)：没有这个组织编号。", "\(id): there is no organization with this id.")
    default:
      return message(in: lang)
    }
  }
}
