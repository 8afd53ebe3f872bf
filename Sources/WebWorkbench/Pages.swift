import CampaignModel
import Foundation
import Mustache

/// The workbench's pages: swift-mustache templates (the office's own in `<templates>/web`, else
/// the built-in copies of Templates/web) and the words they show, in Chinese or English.
struct Pages: Sendable {
  static let names = ["header", "footer", "login", "unit", "board", "downloads", "history", "links", "message", "figures"]
  let library: MustacheLibrary
  let stylesheet: String

  /// Loads the templates; a file in `folder/web` replaces the built-in one of its name.
  init(folder: String?) throws {
    let builtIn: [String: String] = [
      "header": BundledPages.header, "footer": BundledPages.footer, "login": BundledPages.login, "unit": BundledPages.unit,
      "board": BundledPages.board, "downloads": BundledPages.downloads, "history": BundledPages.history,
      "links": BundledPages.links, "message": BundledPages.message, "figures": BundledPages.figures,
    ]
    var library = MustacheLibrary()
    for name in Self.names {
      var text = builtIn[name] ?? ""
      if let folder {
        let path = URL(fileURLWithPath: folder).appendingPathComponent("web").appendingPathComponent(name + ".mustache").path
        if let own = FileManager.default.contents(atPath: path) { text = String(decoding: own, as: UTF8.self) }
      }
      do {
        try library.register(text, named: name)
      } catch {
        throw PageTemplateError(name: name, detail: "\(error)")
      }
    }
    self.library = library
    var css = BundledPages.stylesheet
    if let folder, let own = FileManager.default.contents(atPath: folder + "/web/workbench.css") {
      css = String(decoding: own, as: UTF8.self)
    }
    stylesheet = css
  }

  /// A page as HTML; every `{{value}}` is HTML-escaped by Mustache.
  func render(_ name: String, _ values: [String: Any], lang: Language) -> String {
    var context = values
    context["t"] = Words.table(lang)
    context["lang"] = lang == .zh ? "zh-CN" : "en"
    return library.render(context, withTemplate: name) ?? ""
  }
}

/// A page template that does not parse.
public struct PageTemplateError: Error, CustomStringConvertible {
  public var name: String
  public var detail: String
  public var description: String { "web page template \(name).mustache does not parse: \(detail)" }
}

/// The words of the pages.
enum Words {
  static func table(_ lang: Language) -> [String: String] { lang == .zh ? zh : en }

  static let zh: [String: String] = [
    "app": "学习教育统计工作台", "board": "报送情况", "downloads": "报表下载", "history": "历史记录", "links": "填报链接",
    "logout": "退出登录", "login": "登录", "loginTitle": "办公室登录", "loginFailed": "用户名或密码不正确。", "userName": "用户名",
    "password": "密码", "month": "月份", "show": "查看", "receivedAt": "报送时间", "rows": "行数", "returnReason": "退回意见：",
    "accepted": "已收到报送", "refused": "文件未被接受，没有保存任何内容", "step1": "第一步：下载本月报送表",
    "downloadTemplate": "下载报送表（.xlsx）", "step2": "第二步：上传填好的报送表", "upload": "上传",
    "uploadHint": "上传后，本单位该月的记录与文件完全一致；可重复上传更正后的文件。文件不超过 20 MB。",
    "ownHistory": "本单位的报送记录", "noHistory": "暂无记录。", "batch": "批次", "time": "时间", "action": "操作", "note": "说明",
    "deadline": "报送截止日期", "reportedCount": "已报送", "unit": "单位", "state": "状态", "link": "填报链接",
    "returnAction": "退回", "reasonPlaceholder": "退回意见", "reminder": "催报通知（可复制到工作群）", "allReported": "各单位均已报送。",
    "downloadsHint": "报表与 report monthly / quarterly / annual 生成的文件完全相同，日期为今天。", "monthly": "月报",
    "quarterly": "季报", "annual": "年报", "quarter": "季度", "year": "年份", "workbook": "统计工作簿", "briefing": "简报",
    "download": "下载", "allBatches": "全部批次", "file": "文件", "author": "操作人", "undo": "撤销",
    "linksHint": "每个单位一个链接，持链接即可查看和报送本单位的数据，请只发给该单位。撤换链接：report links --revoke 单位编码。",
    "linksText": "全部链接（可复制到工作群）", "back": "返回", "unitPage": "报送",
    "figures": "统计数据", "overview": "总览", "belowAverage": "累计集中学习低于平均数的单位", "overdue": "逾期未解决的办实事事项", "none": "无。",
    "matterId": "编号", "matterTitle": "事项", "due": "计划完成日期",
  ]

  static let en: [String: String] = [
    "app": "Campaign workbench", "board": "Submissions", "downloads": "Reports", "history": "History", "links": "Unit links",
    "logout": "Log out", "login": "Log in", "loginTitle": "Office login", "loginFailed": "Wrong user name or password.",
    "userName": "User name", "password": "Password", "month": "Month", "show": "Show", "receivedAt": "Received", "rows": "Rows",
    "returnReason": "Returned: ", "accepted": "Submission received", "refused": "The file was not accepted; nothing was stored",
    "step1": "Step 1: download the month's form", "downloadTemplate": "Download the form (.xlsx)",
    "step2": "Step 2: upload the filled-in form", "upload": "Upload",
    "uploadHint":
      "After an upload the unit's records of the month are exactly the file's; upload a corrected file any time. At most 20 MB.",
    "ownHistory": "This unit's submissions", "noHistory": "Nothing yet.", "batch": "Batch", "time": "Time", "action": "Action",
    "note": "Note", "deadline": "Deadline", "reportedCount": "Reported", "unit": "Unit", "state": "State", "link": "Link",
    "returnAction": "Return", "reasonPlaceholder": "what to correct", "reminder": "Reminder (催报, to paste into the work chat)",
    "allReported": "Every unit has reported.",
    "downloadsHint": "The files are those report monthly / quarterly / annual write, dated today.", "monthly": "Monthly",
    "quarterly": "Quarterly", "annual": "Annual", "quarter": "Quarter", "year": "Year", "workbook": "Workbook",
    "briefing": "Briefing", "download": "Download", "allBatches": "All batches", "file": "File", "author": "By", "undo": "Undo",
    "linksHint":
      "One link per unit: whoever holds it can see and submit that unit's data, so send it only to that unit. Replace one with report links --revoke ID.",
    "linksText": "All links (to paste into the work chat)", "back": "Back", "unitPage": "Submission",
    "figures": "Figures", "overview": "Overview", "belowAverage": "Units below the average (cumulative branch sessions)",
    "overdue": "Overdue matters", "none": "None.", "matterId": "No.", "matterTitle": "Matter", "due": "Due",
  ]
}
