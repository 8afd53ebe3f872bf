import CXlsxWriter
import CampaignModel
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// An .xlsx workbook being written: the one owner of libxlsxwriter's workbook, sheet, format and
/// chart pointers. Nothing outside this folder calls `lxw_*` or `workbook_*` functions.
public final class Workbook {
  let handle: UnsafeMutablePointer<lxw_workbook>
  /// The file the workbook is written to when closed.
  public let path: String
  private var formats: [CellStyle: UnsafeMutablePointer<lxw_format>] = [:]
  /// C strings libxlsxwriter keeps pointers to until `workbook_close`.
  private var retained: [UnsafeMutablePointer<CChar>] = []
  private var closed = false
  private(set) var sheets: [Worksheet] = []

  /// Where libxlsxwriter keeps its temporary files (nil: the system's).
  let temporaryDirectory: String?

  /// Starts a workbook at `path` (created when closed).
  ///
  /// - Parameter constantMemory: flush each row once the next is written, so a sheet of any
  ///   length takes constant memory. Rows must then be written in order, and merges only span
  ///   columns of one row.
  public init(path: String, constantMemory: Bool, temporaryDirectory: String? = nil) throws(WriterError) {
    // libxlsxwriter prints numbers with printf: a decimal-comma locale would corrupt them.
    setlocale(LC_NUMERIC, "C")
    self.path = path
    self.temporaryDirectory = temporaryDirectory
    var options = lxw_workbook_options()
    options.constant_memory = constantMemory ? 1 : 0
    options.use_zip64 = 0
    if let dir = temporaryDirectory {
      let c = strdup(dir)!
      options.tmpdir = c
      retained.append(c)
    }
    guard let h = workbook_new_opt(path, &options) else {
      for p in retained { free(p) }
      throw .cannotCreate(path: path, reason: "libxlsxwriter could not start the workbook")
    }
    handle = h
  }

  deinit {
    if !closed { workbook_close(handle) }
    for p in retained { free(p) }
  }

  /// Adds a sheet; the name is cleaned to Excel's rules first.
  public func addSheet(_ name: String) throws(WriterError) -> Worksheet {
    let clean = SheetName.clean(name)
    guard let ws = workbook_add_worksheet(handle, clean) else { throw .invalidSheetName(clean) }
    let sheet = Worksheet(handle: ws, workbook: self, name: clean)
    sheets.append(sheet)
    return sheet
  }

  /// The format for a style, created on first use and reused after.
  func format(_ style: CellStyle?) -> UnsafeMutablePointer<lxw_format>? {
    guard let style else { return nil }
    if let f = formats[style] { return f }
    let f = workbook_add_format(handle)!
    format_set_font_name(f, style.font)
    format_set_font_size(f, style.size)
    if style.bold { format_set_bold(f) }
    if let c = style.color { format_set_font_color(f, lxw_color_t(c)) }
    if let c = style.fill {
      format_set_pattern(f, UInt8(LXW_PATTERN_SOLID.rawValue))
      format_set_bg_color(f, lxw_color_t(c))
    }
    switch style.align {
    case .general: break
    case .left: format_set_align(f, UInt8(LXW_ALIGN_LEFT.rawValue))
    case .center: format_set_align(f, UInt8(LXW_ALIGN_CENTER.rawValue))
    case .right: format_set_align(f, UInt8(LXW_ALIGN_RIGHT.rawValue))
    }
    if style.verticalCenter { format_set_align(f, UInt8(LXW_ALIGN_VERTICAL_CENTER.rawValue)) }
    if style.wrap { format_set_text_wrap(f) }
    if let n = style.numberFormat { format_set_num_format(f, n) }
    if style.top != .none { format_set_top(f, style.top.rawValue) }
    if style.bottom != .none { format_set_bottom(f, style.bottom.rawValue) }
    if style.left != .none { format_set_left(f, style.left.rawValue) }
    if style.right != .none { format_set_right(f, style.right.rawValue) }
    if !style.locked { format_set_unlocked(f) }
    formats[style] = f
    return f
  }

  /// Sets the document properties. `created` is the only time stored in the file, so the same
  /// cells and properties give the same bytes on every run.
  public func setProperties(title: String, subject: String, author: String, company: String, created: Day) throws(WriterError) {
    var props = lxw_doc_properties()
    props.title = retain(title)
    props.subject = retain(subject)
    props.author = retain(author)
    props.company = retain(company)
    props.created = time_t(created.daysSinceEpoch * 86_400)
    try WriterError.check(workbook_set_properties(handle, &props), "setting document properties")
  }

  /// Adds a chart, to be inserted into a sheet.
  public func addChart(_ type: Chart.Kind) -> Chart {
    Chart(handle: workbook_add_chart(handle, type.code)!, workbook: self, kind: type)
  }

  /// Writes the file. Until then nothing exists at `path`.
  public func close() throws(WriterError) {
    guard !closed else { return }
    closed = true
    let code = workbook_close(handle)
    if code == LXW_ERROR_CREATING_XLSX_FILE || code == LXW_ERROR_CREATING_TMPFILE || code == LXW_ERROR_ZIP_FILE_OPERATION
      || code == LXW_ERROR_ZIP_FILE_ADD
    {
      let reason = lxw_strerror(code).map { String(cString: $0) } ?? "error \(code.rawValue)"
      throw .cannotCreate(path: path, reason: reason)
    }
    try WriterError.check(code, "closing \(path)")
    if let part = try PackageCheck.firstIncompletePart(path) {
      throw .cannotCreate(
        path: path,
        reason:
          "\(part) came out incomplete: the disk (or the temporary folder, \(temporaryDirectory ?? NSTemporaryDirectory())) is full or a file-size limit was reached"
      )
    }
  }

  /// A copy of `text` as a C string kept alive until the workbook is closed.
  func retain(_ text: String) -> UnsafeMutablePointer<CChar> {
    let c = strdup(text)!
    retained.append(c)
    return c
  }
}
