import CXlsxWriter
import CampaignModel
import Foundation

/// Errors of the writers: output files, the workbook layer and briefing templates, each with what
/// to do about it.
public enum WriterError: Error, LocalizedError, CustomStringConvertible {
  /// An output file or folder cannot be created (not writable, disk full, a file in the way).
  case cannotCreate(path: String, reason: String)
  /// libxlsxwriter refused an operation; `code` is its error number.
  case library(operation: String, code: Int32, message: String)
  /// A number that Excel cannot store (NaN or infinity) reached a cell.
  case notANumber(sheet: String, cell: String)
  /// A sheet name was refused even after cleaning.
  case invalidSheetName(String)
  /// A briefing template cannot be found.
  case templateNotFound(path: String)
  /// A briefing template is not valid Mustache.
  case templateSyntax(template: String, line: Int, message: String)
  /// A briefing template uses a name or transform the context does not have.
  case templateUnknownName(template: String, line: Int, name: String, hint: String)
  /// The reference .docx of the `briefing_reference` setting cannot be used.
  case referenceDocx(path: String, reason: String)
  /// `--pdf` was asked for and LibreOffice is not installed.
  case pdfConverterMissing
  /// LibreOffice failed to convert a file to PDF.
  case pdfConversion(path: String, reason: String)

  public var description: String { message(in: .en) }

  /// The message in a language, saying what to do about it.
  public func message(in lang: Language) -> String {
    switch self {
    case .cannotCreate(let path, let reason):
      return lang.pick(
        "无法写入 \(path)：\(reason)。请检查该文件夹可写且磁盘有剩余空间。",
        "cannot write \(path): \(reason). Check that the folder is writable and has free space.")
    case .library(let operation, let code, let message):
      return lang.pick(
        "生成工作簿时出错（\(operation)）：\(message)（libxlsxwriter 错误 \(code)）。",
        "writing the workbook failed in \(operation): \(message) (libxlsxwriter error \(code)).")
    case .notANumber(let sheet, let cell):
      return lang.pick(
        "\(sheet)!\(cell)：某个数字不是有限数。这是程序错误，请报告。",
        "\(sheet)!\(cell): a figure is not a finite number; this is a bug, please report it.")
    case .invalidSheetName(let name):
      return lang.pick("工作表名称“\(name)”不符合 Excel 的规定。", "the sheet name '\(name)' is not allowed by Excel.")
    case .pdfConverterMissing:
      return lang.pick(
        "--pdf 需要 LibreOffice，但本机没有安装（找不到 soffice）。请安装：sudo apt-get install libreoffice-calc-nogui libreoffice-writer-nogui fonts-noto-cjk，或设置 REPORT_SOFFICE 为 soffice 的路径。工作簿、简报文本和 .docx 已经写出。",
        "--pdf needs LibreOffice, which is not installed (no soffice found). Install it: sudo apt-get install libreoffice-calc-nogui libreoffice-writer-nogui fonts-noto-cjk, or set REPORT_SOFFICE to soffice's path. The workbook, the text briefing and the .docx were written."
      )
    case .pdfConversion(let path, let reason):
      return lang.pick(
        "\(path)：LibreOffice 无法转换为 PDF（\(reason)）。其他文件已写出。",
        "\(path): LibreOffice could not convert it to PDF (\(reason)). The other files were written.")
    case .referenceDocx(let path, let reason):
      return lang.pick(
        "\(path)：参考 .docx 无法使用（\(reason)）。请用 Word 另存一份 .docx，或用 report config briefing_reference \"\" 取消该设置。",
        "\(path): the reference .docx cannot be used (\(reason)). Save it again as .docx from Word, or clear it with report config briefing_reference \"\"."
      )
    case .templateNotFound(let path):
      return lang.pick(
        "\(path)：找不到模板。请把 Templates/briefing.zh.mustache（或 .en）复制到该处，或去掉 --templates / templates_dir 设置。",
        "\(path): no such template. Copy Templates/briefing.zh.mustache (or .en) there, or remove --templates / templates_dir.")
    case .templateSyntax(let template, let line, let message):
      return lang.pick(
        "\(template):\(line): \(TemplateMessages.chinese(message))。请修改模板，参见 docs/templates.md。",
        "\(template):\(line): \(message). Fix the template; see docs/templates.md.")
    case .templateUnknownName(let template, let line, let name, let hint):
      return lang.pick(
        "\(template):\(line): 未知的名称“\(name)”\(hint.isEmpty ? "" : "（\(hint)）")。请使用 docs/templates.md 中列出的名称。",
        "\(template):\(line): unknown name '\(name)'\(hint.isEmpty ? "" : " (\(hint))"). Use a name listed in docs/templates.md.")
    }
  }

  public var errorDescription: String? { description }

  /// Throws when a libxlsxwriter call returned an error.
  static func check(_ code: lxw_error, _ operation: @autoclosure () -> String) throws(WriterError) {
    guard code != LXW_NO_ERROR else { return }
    let message = lxw_strerror(code).map { String(cString: $0) } ?? "unknown error"
    throw .library(operation: operation(), code: Int32(code.rawValue), message: message)
  }
}
