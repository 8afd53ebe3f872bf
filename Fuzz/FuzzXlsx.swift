// libFuzzer target: the .xlsx reader (zip container, workbook, relationships, shared strings,
// styles and sheet XML). Built by `scripts/fuzz xlsx`, not by `swift build`.
//
// The first byte picks what the rest is, so mutations reach the XML parsers and not only the
// zip checksums:
//   0: a whole .xlsx file;
//   1: the sheet XML of an otherwise fixed workbook;
//   2: the parts workbook.xml, workbook.xml.rels, sharedStrings.xml, styles.xml and the sheet,
//      separated by NUL bytes.
// Modes 1 and 2 hand the parts over in memory, so most executions reach the XML parsers.
import CampaignModel
import Foundation
import ZIPFoundation

private let fixedParts: [String: String] = [
  "xl/workbook.xml":
    #"<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><workbookPr date1904="false"/><sheets><sheet name="活动" sheetId="1" r:id="rId1"/></sheets></workbook>"#,
  "xl/_rels/workbook.xml.rels":
    #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#,
  "xl/sharedStrings.xml":
    #"<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="3" uniqueCount="3"><si><t>编号</t></si><si><t>日期</t></si><si><r><t>学</t></r><r><t>习_x000D_</t></r></si></sst>"#,
  "xl/styles.xml":
    #"<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy\-mm\-dd"/></numFmts><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="164"/></cellXfs></styleSheet>"#,
]
private let partOrder = [
  "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/sharedStrings.xml", "xl/styles.xml", "xl/worksheets/sheet1.xml",
]

// A whole file is written to one scratch file and read through the path the importer uses
// (ZIPFoundation's in-memory archives leak when a damaged one is refused).
private let scratch: String = {
  let dir = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()
  return (dir as NSString).appendingPathComponent("fuzz-xlsx-\(getpid()).xlsx")
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzXlsx(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  guard size > 0 else { return 0 }
  let body = Data(bytes: data + 1, count: size - 1)
  let reader: XlsxReader?
  switch data[0] % 3 {
  case 0:
    FileManager.default.createFile(atPath: scratch, contents: body)
    reader = try? XlsxReader(path: scratch)
  case 1:
    var parts = fixedParts.mapValues { Data($0.utf8) }
    parts["xl/worksheets/sheet1.xml"] = body
    reader = XlsxReader(parts: parts, name: "fuzz.xlsx")
  default:
    let pieces = body.split(separator: 0, maxSplits: partOrder.count - 1, omittingEmptySubsequences: false)
    var parts: [String: Data] = [:]
    for (name, piece) in zip(partOrder, pieces) { parts[name] = Data(piece) }
    reader = XlsxReader(parts: parts, name: "fuzz.xlsx")
  }
  guard let reader, let sheets = try? reader.sheets() else { return 0 }
  for sheet in sheets {
    var records = 0
    try? sheet.forEachRecord { record in
      records += 1
      for field in record.fields {
        _ = Day(parsing: field)
        _ = Hours(parsing: field)
      }
      if records > 100_000 { throw CancellationError() }
    }
  }
  return 0
}
