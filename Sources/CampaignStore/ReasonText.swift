/// The reasons the readers give for refusing a file (`StoreError.badWorkbook`,
/// `unreadableFile`) are written once, in English; this gives them in Chinese for messages in
/// Chinese. A reason it does not know (a system's own error text) stays as it is.
enum ReasonText {
  private static var rules: [(Regex<(Substring, Substring, Substring)>, (String, String) -> String)] {
    [
      (
        /(.*) unpacks to more than (\d+) MB; save the sheet as CSV \(UTF-8\) or split the workbook/,
        { p, n in "\(p) 解压后超过 \(n) MB；请把工作表另存为 CSV（UTF-8）或拆分工作簿" }
      ),
      (
        /(.*) unpacks to more than (\d+) times its packed size, which no spreadsheet program writes \(a zip bomb, or a damaged file\); save the sheet as CSV \(UTF-8\)/,
        { p, n in "\(p) 解压后超过压缩大小的 \(n) 倍，表格软件不会写出这样的文件（压缩炸弹或文件已损坏）；请把工作表另存为 CSV（UTF-8）" }
      ),
      (/(.*) is damaged; open the file in Excel or WPS and save it again as \.xlsx()/, { p, _ in "\(p) 已损坏" }),
      (/(.*) is encrypted; save the workbook without a password()/, { p, _ in "\(p) 已加密；请去掉密码后另存" }),
      (/(.*) is not UTF-8 text; open the file in Excel or WPS and save it again as \.xlsx()/, { p, _ in "\(p) 不是 UTF-8 文本" }),
      (/(.*) is not well-formed XML()/, { p, _ in "\(p) 不是格式正确的 XML" }),
      (/(.*) is missing()/, { p, _ in "缺少 \(p)" }),
      (
        /(.*) holds (.*), which spreadsheet programs do not write; open the file in Excel or WPS and save it again as \.xlsx/,
        { p, what in "\(p) 含有表格软件不会写出的内容（\(markup(what))）" }
      ),
      (
        /(.*) (not UTF-8 text|holds a NUL byte|an XML processing instruction|a DTD .*), which spreadsheet programs do not write; .*/,
        { p, what in "\(p) 含有表格软件不会写出的内容（\(markup(what))）" }
      ),
      (/row (\d+) refers to shared text number (.*), which the workbook does not have/, { r, n in "第 \(r) 行引用了工作簿中不存在的第 \(n) 号共享文本" }),
      (/the sheet (.*) cannot be read()/, { s, _ in "“\(s)”工作表无法读取" }),
      (
        /not a zip archive \(an \.xlsx file is one\); open it in Excel or WPS and save it again as \.xlsx()()/,
        { _, _ in "不是 zip 压缩包（.xlsx 文件是 zip 压缩包）" }
      ),
      (/the file is a ZIP64 archive, .*()()/, { _, _ in "这是 ZIP64 压缩包，表格软件不会为这种大小的工作簿使用它；请重新另存为 .xlsx" }),
      (/(.*) is compressed with method (\d+), .*/, { p, m in "\(p) 使用了表格软件不用的压缩方法 \(m)；请重新另存为 .xlsx" }),
      (/sheet (.*) has no part()/, { s, _ in "工作表 \(s) 没有内容部件" }),
      (/the sheet is not well-formed XML()()/, { _, _ in "工作表不是格式正确的 XML" }),
      (
        /its sheet (.*) does not name a unit and a month; .*()/,
        { s, _ in "其“\(s)”工作表没有写明单位和月份；请用 report template --unit 编码 --month 年-月 重新生成报送表" }
      ),
      (/it is a device or a socket, not a file: save the data to a file first()()/, { _, _ in "这是设备或套接字，不是文件；请先把数据保存为文件" }),
      (/it is a (?:folder|directory)(?:, not a file)?()()/, { _, _ in "这是文件夹，不是文件" }),
      (/it brings more than (\d+) GB, or never ends; save the data to a file first()/, { n, _ in "数据超过 \(n) GB 或没有结尾；请先保存为文件" }),
      (/cannot create a temporary file: (.*)()/, { e, _ in "无法创建临时文件：\(e)" }),
      (/cannot write a temporary file: (.*)()/, { e, _ in "无法写入临时文件：\(e)" }),
      (/cannot read a temporary file()()/, { _, _ in "无法读取临时文件" }),
      (/cannot be opened()()/, { _, _ in "无法打开" }),
    ]
  }

  /// What a part holds that spreadsheet programs never write, in Chinese.
  private static func markup(_ what: String) -> String {
    switch what {
    case "an XML processing instruction": "XML 处理指令"
    case "not UTF-8 text": "非 UTF-8 文本"
    case "holds a NUL byte": "NUL 字节"
    default: what.hasPrefix("a DTD") ? "DTD 声明（<!DOCTYPE、<!ENTITY…）" : what
    }
  }

  /// The reason in Chinese, or as it is when it is none of ours.
  static func chinese(_ reason: String) -> String {
    for (regex, make) in rules {
      if let m = try? regex.wholeMatch(in: reason) { return make(String(m.output.1), String(m.output.2)) }
    }
    return reason
  }
}
