// libFuzzer target: the .xlsx reader. The first byte chooses how the rest is read:
//   0: as a whole .xlsx file (zip archive, then every part);
//   1: as the XML of one sheet, in a workbook whose other parts are fixed and valid;
//   2: as the workbook's five parts separated by NUL bytes (workbook, relationships, shared
//      strings, styles, sheet), to reach the parsers of the other parts;
//   3: as a part streaming in, checked chunk by chunk against the whole-part check.
// Built by scripts/fuzz.
import CampaignStore
import Foundation
import FuzzDriver

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

// A whole file is written to one scratch file and read through the path the importer uses.
private let scratch: String = {
  let dir = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()
  return (dir as NSString).appendingPathComponent("fuzz-xlsx-\(getpid()).xlsx")
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzXlsx(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  guard size > 0 else { return 0 }
  let body = Data(bytes: data + 1, count: size - 1)
  switch data[0] % 4 {
  case 0:
    FileManager.default.createFile(atPath: scratch, contents: body)
    ReaderProbe.workbook(path: scratch)
  case 1:
    var parts = fixedParts.mapValues { Data($0.utf8) }
    parts["xl/worksheets/sheet1.xml"] = body
    ReaderProbe.workbook(parts: parts)
  case 2:
    let pieces = body.split(separator: 0, maxSplits: partOrder.count - 1, omittingEmptySubsequences: false)
    var parts: [String: Data] = [:]
    for (name, piece) in zip(partOrder, pieces) { parts[name] = Data(piece) }
    ReaderProbe.workbook(parts: parts)
  default:
    ReaderProbe.partCheck(body)
  }
  return 0
}

// The entry point SwiftPM links `main` to (see FuzzDriver).
@_cdecl("FuzzXlsx_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
  runLibFuzzer(argc, argv, fuzzXlsx)
}
