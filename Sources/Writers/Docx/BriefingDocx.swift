import CampaignModel
import Foundation
import ZIPFoundation

/// The briefing (简报) as a Word document, laid out as an office sends it: A4 with the margins of
/// GB/T 9704-2012, a red 报头 over a red rule, the title in 方正小标宋简体 二号, headings in 黑体,
/// the body in 仿宋_GB2312 三号 at a fixed line spacing of 22 lines of 28 characters, the 报尾
/// between rules at the foot of the last page, and page numbers "— 1 —" in 宋体 四号, odd pages
/// right and even pages left.
///
/// Written by our own small WordprocessingML writer and ZIPFoundation, with fixed timestamps, so
/// the same briefing gives the same bytes.
public enum BriefingDocx {
  /// Page geometry and type sizes, in twentieths of a point (twips) and half-points.
  enum Layout {
    static let pageWidth = 11906, pageHeight = 16838  // A4
    static let top = 2098, bottom = 1984, left = 1588, right = 1474  // 37, 35, 28, 26 mm
    static let textWidth = pageWidth - left - right  // 8844: the 156 mm 版心
    static let header = 851, footer = 1304  // 15 mm; the page number 7 mm under the 版心
    /// 225 mm of 版心 ÷ 22 lines = 28.9 pt.
    static let line = 579
    /// 16 pt characters condensed by 0.25 pt (in twentieths) so 28 fit the 156 mm line.
    static let condense = -5
    static let body = 32, title = 44, masthead = 72, footerSize = 28, distribution = 28
    /// Two characters of 三号: the first-line indent of paragraphs and headings.
    static let indent = 640
    /// One character of 四号: how far the page number and the 报尾 sit from the edge.
    static let oneChar = 280
  }

  /// The fonts named in the file, each with the fallback a reader without it should use.
  static let fonts: [(name: String, alt: String, family: String)] = [
    ("仿宋_GB2312", "仿宋", "modern"), ("方正小标宋简体", "宋体", "roman"), ("黑体", "SimHei", "modern"),
    ("宋体", "SimSun", "roman"), ("楷体_GB2312", "楷体", "modern"), ("Times New Roman", "Liberation Serif", "roman"),
  ]

  /// The .docx package's bytes.
  ///
  /// - Parameter reference: the path of an office's reference .docx: its styles (those it
  ///   lacks are added from ours) and its page size and margins are used, as pandoc's
  ///   reference.docx works.
  public static func data(_ doc: BriefingDocument, reference: String? = nil) throws -> Data {
    var styles = stylesXML(doc.lang)
    var page = (size: pageSize, margins: pageMargins)
    if let reference {
      let ref = try ReferenceDocx(path: reference)
      if let s = ref.styles { styles = merge(reference: s, ours: styles) }
      if let size = ref.pageSize { page.size = size }
      if let margins = ref.pageMargins { page.margins = margins }
    }
    let parts: [(String, String)] = [
      ("[Content_Types].xml", contentTypes),
      ("_rels/.rels", packageRels),
      ("docProps/core.xml", coreXML(doc)),
      ("docProps/app.xml", appXML),
      ("word/document.xml", documentXML(doc, pageSize: page.size, pageMargins: page.margins)),
      ("word/styles.xml", styles),
      ("word/settings.xml", settingsXML(doc.lang)),
      ("word/fontTable.xml", fontTableXML),
      ("word/theme/theme1.xml", themeXML),
      ("word/footer1.xml", footerXML(odd: true)),
      ("word/footer2.xml", footerXML(odd: false)),
      ("word/_rels/document.xml.rels", documentRels),
    ]
    let archive: Archive
    do { archive = try Archive(data: Data(), accessMode: .create) } catch {
      throw WriterError.cannotCreate(path: "(.docx)", reason: "\(error)")
    }
    // A fixed time (2000-01-01 00:00 UTC; ZIPFoundation converts with gmtime) keeps the bytes.
    let fixed = Date(timeIntervalSince1970: 946_684_800)
    for (path, text) in parts {
      let bytes = Data(text.utf8)
      try archive.addEntry(
        with: path, type: .file, uncompressedSize: Int64(bytes.count), modificationDate: fixed, permissions: 0o644,
        compressionMethod: .deflate
      ) { position, size in
        bytes.subdata(in: Int(position)..<Int(position) + size)
      }
    }
    guard let data = archive.data else { throw WriterError.cannotCreate(path: "(.docx)", reason: "the package is empty") }
    return data
  }

  /// Writes the .docx to a path (inside `OutputFile.writeAll`, which has created the file).
  public static func write(_ doc: BriefingDocument, to path: String, reference: String? = nil) throws {
    try OutputFile.writeData(try data(doc, reference: reference), to: path)
  }

  // MARK: - document.xml

  static let pageSize = "<w:pgSz w:w=\"\(Layout.pageWidth)\" w:h=\"\(Layout.pageHeight)\"/>"
  static let pageMargins =
    "<w:pgMar w:top=\"\(Layout.top)\" w:right=\"\(Layout.right)\" w:bottom=\"\(Layout.bottom)\" w:left=\"\(Layout.left)\" "
    + "w:header=\"\(Layout.header)\" w:footer=\"\(Layout.footer)\" w:gutter=\"0\"/>"

  static func documentXML(_ doc: BriefingDocument, pageSize: String, pageMargins: String) -> String {
    var body: [String] = []
    let m = doc.masthead
    if !m.name.isEmpty {
      // A long name (党史学习教育简报（季度）) is set smaller so it stays on one line.
      let size = mastheadSize(m.name, lang: doc.lang)
      body.append(paragraph(style: "Masthead", runs: [run(m.name, size: size == Layout.masthead ? nil : size)]))
    }
    if !m.number.isEmpty { body.append(paragraph(style: "MastheadNumber", runs: [run(m.number)])) }
    if !m.issuer.isEmpty || !m.date.isEmpty {
      body.append(paragraph(style: "MastheadLine", runs: [run(m.issuer), "<w:r><w:tab/></w:r>", run(m.date)]))
    }
    if !doc.title.isEmpty { body.append(paragraph(style: "Title", runs: [run(doc.title)])) }
    for block in doc.blocks {
      switch block {
      case .heading(let h): body.append(paragraph(style: "Heading1", runs: [run(h)]))
      case .paragraph(let p): body.append(paragraph(style: "BodyText", runs: [run(p)]))
      }
    }
    // The 报尾: a frame at the foot of the last page's 版心. Its paragraphs share one frame and
    // one border, so Word and LibreOffice draw a rule above the first line and below the last
    // (paragraphs with differing borders would not be joined into one frame).
    var lines = doc.distributionLines.map { (style: "Distribution", text: $0.label + $0.text) }
    if let copies = doc.copiesLine { lines.append((style: "DistributionCopies", text: copies)) }
    let frame =
      "<w:framePr w:w=\"\(Layout.textWidth)\" w:wrap=\"around\" w:vAnchor=\"margin\" w:hAnchor=\"margin\" w:xAlign=\"center\" w:yAlign=\"bottom\"/>"
      + "<w:pBdr><w:top w:val=\"single\" w:sz=\"8\" w:space=\"4\" w:color=\"000000\"/>"
      + "<w:bottom w:val=\"single\" w:sz=\"8\" w:space=\"4\" w:color=\"000000\"/></w:pBdr>"
    for line in lines {
      body.append("<w:p><w:pPr><w:pStyle w:val=\"\(line.style)\"/>\(frame)</w:pPr>\(run(line.text))</w:p>")
    }
    if lines.isEmpty { body.append("<w:p/>") }
    let sectPr =
      "<w:sectPr><w:footerReference w:type=\"default\" r:id=\"rIdFooterOdd\"/><w:footerReference w:type=\"even\" r:id=\"rIdFooterEven\"/>"
      + pageSize + pageMargins + "<w:pgNumType w:fmt=\"decimal\" w:start=\"1\"/><w:cols w:space=\"425\"/>"
      + "<w:docGrid w:type=\"lines\" w:linePitch=\"\(Layout.line)\"/></w:sectPr>"
    return xmlHeader
      + "<w:document xmlns:w=\"\(ns.w)\" xmlns:r=\"\(ns.r)\"><w:body>" + body.joined() + sectPr + "</w:body></w:document>"
  }

  static func paragraph(style: String, runs: [String]) -> String {
    "<w:p><w:pPr><w:pStyle w:val=\"\(style)\"/></w:pPr>" + runs.joined() + "</w:p>"
  }

  static func run(_ text: String, size: Int? = nil) -> String {
    guard !text.isEmpty else { return "" }
    let rPr = size.map { "<w:rPr><w:sz w:val=\"\($0)\"/><w:szCs w:val=\"\($0)\"/></w:rPr>" } ?? ""
    return "<w:r>\(rPr)<w:t xml:space=\"preserve\">\(escape(text))</w:t></w:r>"
  }

  /// The masthead's size in half-points: 36 pt, or less so that the name fits the line (a
  /// full-width character is one em plus the style's 2 pt of letter spacing; Latin half an em).
  static func mastheadSize(_ name: String, lang: Language) -> Int {
    let ems = Double(TextWidth.of(name)) / 2
    let spacing = lang == .zh ? 2.0 : 0
    let fits = (Double(Layout.textWidth) / 20 - spacing * Double(name.count)) / max(ems, 1)
    return max(Layout.body, min(Layout.masthead, Int(fits * 2)))
  }

  // MARK: - styles.xml

  static func fonts(eastAsia: String, latin: String = "Times New Roman") -> String {
    "<w:rFonts w:ascii=\"\(latin)\" w:hAnsi=\"\(latin)\" w:eastAsia=\"\(eastAsia)\" w:cs=\"\(latin)\"/>"
  }

  static func spacing(before: Int = 0, after: Int = 0) -> String {
    "<w:spacing w:before=\"\(before)\" w:after=\"\(after)\" w:line=\"\(Layout.line)\" w:lineRule=\"exact\"/>"
  }

  static func style(_ id: String, name: String, basedOn: String? = "Normal", next: String? = nil, pPr: String, rPr: String) -> String {
    "<w:style w:type=\"paragraph\" w:customStyle=\"\(["Normal", "Title", "Heading1", "Footer"].contains(id) ? 0 : 1)\" w:styleId=\"\(id)\">"
      + "<w:name w:val=\"\(name)\"/>" + (basedOn.map { "<w:basedOn w:val=\"\($0)\"/>" } ?? "")
      + (next.map { "<w:next w:val=\"\($0)\"/>" } ?? "") + "<w:qFormat/><w:pPr>\(pPr)</w:pPr><w:rPr>\(rPr)</w:rPr></w:style>"
  }

  /// Our styles, each a separate element so a reference document's styles can be completed.
  static func styleElements(_ lang: Language) -> [(id: String, xml: String)] {
    let L = Layout.self
    let red = "<w:color w:val=\"FF0000\"/>"
    func size(_ half: Int) -> String { "<w:sz w:val=\"\(half)\"/><w:szCs w:val=\"\(half)\"/>" }
    let rule = "<w:pBdr><w:bottom w:val=\"single\" w:sz=\"18\" w:space=\"6\" w:color=\"FF0000\"/></w:pBdr>"
    return [
      (
        "Normal",
        style(
          "Normal", name: "Normal", basedOn: nil, pPr: "<w:widowControl/>" + spacing() + "<w:jc w:val=\"both\"/>",
          rPr: fonts(eastAsia: "仿宋_GB2312") + "<w:kern w:val=\"2\"/>" + size(L.body))
      ),
      (
        "BodyText",
        style(
          "BodyText", name: "Body Text", pPr: spacing() + "<w:ind w:firstLine=\"\(L.indent)\"/><w:jc w:val=\"both\"/>",
          rPr: fonts(eastAsia: "仿宋_GB2312") + "<w:spacing w:val=\"\(L.condense)\"/>" + size(L.body))
      ),
      (
        "Heading1",
        style(
          "Heading1", name: "heading 1", next: "BodyText",
          pPr: "<w:keepNext/><w:keepLines/>" + spacing()
            + "<w:ind w:firstLine=\"\(L.indent)\"/><w:jc w:val=\"both\"/><w:outlineLvl w:val=\"0\"/>",
          rPr: fonts(eastAsia: "黑体") + "<w:spacing w:val=\"\(L.condense)\"/>" + size(L.body))
      ),
      (
        "Title",
        style(
          "Title", name: "Title", next: "BodyText",
          pPr: "<w:keepNext/><w:spacing w:before=\"\(2 * L.line)\" w:after=\"\(L.line)\" w:line=\"\(L.line + 140)\" w:lineRule=\"exact\"/>"
            + "<w:jc w:val=\"center\"/><w:outlineLvl w:val=\"0\"/>",
          rPr: fonts(eastAsia: "方正小标宋简体") + size(L.title))
      ),
      (
        "Masthead",
        style(
          "Masthead", name: "Briefing Masthead", next: "MastheadNumber",
          pPr:
            "<w:keepNext/><w:spacing w:before=\"\(L.line)\" w:after=\"\(L.line / 2)\" w:line=\"1200\" w:lineRule=\"exact\"/><w:jc w:val=\"center\"/>",
          rPr: fonts(eastAsia: "方正小标宋简体") + red + "<w:spacing w:val=\"\(lang == .zh ? 40 : 0)\"/>" + size(L.masthead))
      ),
      (
        "MastheadNumber",
        style(
          "MastheadNumber", name: "Briefing Number", next: "MastheadLine",
          pPr: "<w:keepNext/>" + spacing(after: L.line / 2) + "<w:jc w:val=\"center\"/>", rPr: fonts(eastAsia: "仿宋_GB2312") + size(L.body))
      ),
      (
        "MastheadLine",
        style(
          "MastheadLine", name: "Briefing Issuer and Date", next: "Title",
          pPr: "<w:keepNext/>" + rule + "<w:tabs><w:tab w:val=\"right\" w:pos=\"\(L.textWidth)\"/></w:tabs>" + spacing()
            + "<w:ind w:left=\"\(L.oneChar)\" w:right=\"\(L.oneChar)\"/>",
          rPr: fonts(eastAsia: "仿宋_GB2312") + size(L.body))
      ),
      (
        "Distribution",
        style(
          "Distribution", name: "Briefing Distribution", next: "Distribution",
          pPr: "<w:spacing w:before=\"0\" w:after=\"0\" w:line=\"\(L.line)\" w:lineRule=\"exact\"/>"
            + "<w:ind w:left=\"\(L.oneChar + 4 * L.oneChar)\" w:right=\"\(L.oneChar)\" w:hanging=\"\(4 * L.oneChar)\"/><w:jc w:val=\"left\"/>",
          rPr: fonts(eastAsia: "仿宋_GB2312") + size(L.distribution))
      ),
      (
        "DistributionCopies",
        style(
          "DistributionCopies", name: "Briefing Copies", next: "Distribution",
          pPr:
            "<w:spacing w:before=\"0\" w:after=\"0\" w:line=\"\(L.line)\" w:lineRule=\"exact\"/><w:ind w:right=\"\(L.oneChar)\"/><w:jc w:val=\"right\"/>",
          rPr: fonts(eastAsia: "仿宋_GB2312") + size(L.distribution))
      ),
      (
        "Footer",
        style(
          "Footer", name: "footer",
          pPr: "<w:spacing w:before=\"0\" w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/>",
          rPr: fonts(eastAsia: "宋体", latin: "宋体") + size(L.footerSize))
      ),
    ]
  }

  /// The styles part. Latin text (digits, dates) is marked English and Chinese text Chinese, so
  /// a number is never broken across lines ("20日" stays whole).
  static func stylesXML(_ lang: Language) -> String {
    xmlHeader + "<w:styles xmlns:w=\"\(ns.w)\"><w:docDefaults><w:rPrDefault><w:rPr>" + fonts(eastAsia: "仿宋_GB2312")
      + "<w:sz w:val=\"\(Layout.body)\"/><w:szCs w:val=\"\(Layout.body)\"/><w:lang w:val=\"en-GB\" w:eastAsia=\"zh-CN\"/>"
      + "</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr>" + spacing() + "</w:pPr></w:pPrDefault></w:docDefaults>"
      + styleElements(lang).map(\.xml).joined() + "</w:styles>"
  }

  /// A reference document's styles, with ours added for every style id it lacks.
  static func merge(reference: String, ours: String) -> String {
    guard let end = reference.range(of: "</w:styles>", options: .backwards) else { return ours }
    let missing = styleElements(.zh).filter { !reference.contains("w:styleId=\"\($0.id)\"") }.map(\.xml).joined()
    return reference.replacingCharacters(in: end, with: missing + "</w:styles>")
  }

  // MARK: - the other parts

  static func footerXML(odd: Bool) -> String {
    let L = Layout.self
    let pPr =
      "<w:pPr><w:pStyle w:val=\"Footer\"/>"
      + (odd ? "<w:ind w:right=\"\(L.oneChar)\"/><w:jc w:val=\"right\"/>" : "<w:ind w:left=\"\(L.oneChar)\"/><w:jc w:val=\"left\"/>")
      + "</w:pPr>"
    let field =
      "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText xml:space=\"preserve\"> PAGE </w:instrText></w:r>"
      + "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r>"
    return xmlHeader + "<w:ftr xmlns:w=\"\(ns.w)\" xmlns:r=\"\(ns.r)\"><w:p>\(pPr)" + run("— ") + field + run(" —") + "</w:p></w:ftr>"
  }

  static func settingsXML(_ lang: Language) -> String {
    xmlHeader + "<w:settings xmlns:w=\"\(ns.w)\"><w:defaultTabStop w:val=\"420\"/><w:evenAndOddHeaders/>"
      + "<w:characterSpacingControl w:val=\"compressPunctuation\"/>"
      + "<w:compat><w:compatSetting w:name=\"compatibilityMode\" w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat>"
      + "</w:settings>"
  }

  static var fontTableXML: String {
    xmlHeader + "<w:fonts xmlns:w=\"\(ns.w)\">"
      + fonts.map { f in
        "<w:font w:name=\"\(f.name)\"><w:altName w:val=\"\(f.alt)\"/>"
          + (f.name == "Times New Roman" ? "" : "<w:charset w:val=\"86\"/>")
          + "<w:family w:val=\"\(f.family)\"/><w:pitch w:val=\"variable\"/></w:font>"
      }.joined() + "</w:fonts>"
  }

  static func coreXML(_ doc: BriefingDocument) -> String {
    xmlHeader
      + "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
      + "xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:title>\(escape(doc.title))</dc:title>"
      + "<dc:creator>\(escape(doc.masthead.issuer))</dc:creator></cp:coreProperties>"
  }

  static let appXML =
    xmlHeader
    + "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\"><Application>CampaignReport</Application></Properties>"

  static let contentTypes =
    xmlHeader + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
    + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
    + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
    + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
    + "<Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>"
    + "<Override PartName=\"/word/settings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml\"/>"
    + "<Override PartName=\"/word/theme/theme1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.theme+xml\"/>"
    + "<Override PartName=\"/word/fontTable.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml\"/>"
    + "<Override PartName=\"/word/footer1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml\"/>"
    + "<Override PartName=\"/word/footer2.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml\"/>"
    + "<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
    + "<Override PartName=\"/docProps/app.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/>"
    + "</Types>"

  static let packageRels =
    xmlHeader + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>"
    + "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>"
    + "<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties\" Target=\"docProps/app.xml\"/>"
    + "</Relationships>"

  static let documentRels =
    xmlHeader + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    + "<Relationship Id=\"rIdStyles\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>"
    + "<Relationship Id=\"rIdSettings\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings\" Target=\"settings.xml\"/>"
    + "<Relationship Id=\"rIdTheme\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme\" Target=\"theme/theme1.xml\"/>"
    + "<Relationship Id=\"rIdFonts\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable\" Target=\"fontTable.xml\"/>"
    + "<Relationship Id=\"rIdFooterOdd\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer\" Target=\"footer1.xml\"/>"
    + "<Relationship Id=\"rIdFooterEven\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer\" Target=\"footer2.xml\"/>"
    + "</Relationships>"

  /// The smallest complete DrawingML theme: Word expects one; its fonts name the 公文 faces.
  static var themeXML: String {
    let colors = [
      ("dk1", "<a:sysClr val=\"windowText\" lastClr=\"000000\"/>"), ("lt1", "<a:sysClr val=\"window\" lastClr=\"FFFFFF\"/>"),
      ("dk2", "<a:srgbClr val=\"1F1F1F\"/>"), ("lt2", "<a:srgbClr val=\"E7E6E6\"/>"), ("accent1", "<a:srgbClr val=\"C00000\"/>"),
      ("accent2", "<a:srgbClr val=\"FF0000\"/>"), ("accent3", "<a:srgbClr val=\"A5A5A5\"/>"), ("accent4", "<a:srgbClr val=\"FFC000\"/>"),
      ("accent5", "<a:srgbClr val=\"4472C4\"/>"), ("accent6", "<a:srgbClr val=\"70AD47\"/>"), ("hlink", "<a:srgbClr val=\"0563C1\"/>"),
      ("folHlink", "<a:srgbClr val=\"954F72\"/>"),
    ].map { "<a:\($0.0)>\($0.1)</a:\($0.0)>" }.joined()
    func font(_ kind: String, _ ea: String) -> String {
      "<a:\(kind)><a:latin typeface=\"Times New Roman\"/><a:ea typeface=\"\(ea)\"/><a:cs typeface=\"Times New Roman\"/></a:\(kind)>"
    }
    let solid = "<a:solidFill><a:schemeClr val=\"phClr\"/></a:solidFill>"
    let line = "<a:ln w=\"6350\">\(solid)</a:ln>"
    return xmlHeader
      + "<a:theme xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" name=\"Briefing\"><a:themeElements>"
      + "<a:clrScheme name=\"Briefing\">\(colors)</a:clrScheme>"
      + "<a:fontScheme name=\"Briefing\">\(font("majorFont", "方正小标宋简体"))\(font("minorFont", "仿宋_GB2312"))</a:fontScheme>"
      + "<a:fmtScheme name=\"Briefing\"><a:fillStyleLst>\(solid)\(solid)\(solid)</a:fillStyleLst>"
      + "<a:lnStyleLst>\(line)\(line)\(line)</a:lnStyleLst>"
      + "<a:effectStyleLst><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle>"
      + "<a:effectStyle><a:effectLst/></a:effectStyle></a:effectStyleLst>"
      + "<a:bgFillStyleLst>\(solid)\(solid)\(solid)</a:bgFillStyleLst></a:fmtScheme></a:themeElements></a:theme>"
  }

  static let xmlHeader = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"

  enum ns {
    static let w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    static let r = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
  }

  /// Text as XML character data: the five special characters escaped, and characters XML 1.0
  /// does not allow dropped.
  static func escape(_ s: String) -> String {
    var out = ""
    out.reserveCapacity(s.utf8.count)
    for u in s.unicodeScalars {
      switch u {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "\t", "\n", "\r": out.unicodeScalars.append(u)
      default:
        if u.value < 0x20 || (0xFFFE...0xFFFF).contains(u.value) { continue }
        out.unicodeScalars.append(u)
      }
    }
    return out
  }
}

/// The parts of an office's reference .docx that the briefing takes: its styles and its page.
struct ReferenceDocx {
  var styles: String?
  var pageSize: String?
  var pageMargins: String?

  init(path: String) throws {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw WriterError.referenceDocx(path: path, reason: lang2("文件无法读取", "the file cannot be read"))
    }
    let archive: Archive
    do { archive = try Archive(data: data, accessMode: .read) } catch {
      throw WriterError.referenceDocx(path: path, reason: lang2("不是 .docx（zip）文件", "it is not a .docx (zip) package"))
    }
    func part(_ path: String) -> String? {
      guard let entry = archive[path], entry.uncompressedSize < 16 << 20 else { return nil }
      var bytes = Data()
      guard (try? archive.extract(entry, skipCRC32: false) { bytes.append($0) }) != nil else { return nil }
      return String(data: bytes, encoding: .utf8)
    }
    guard let document = part("word/document.xml") else {
      throw WriterError.referenceDocx(path: path, reason: lang2("缺少 word/document.xml", "it has no word/document.xml"))
    }
    styles = part("word/styles.xml")
    pageSize = Self.lastElement("w:pgSz", in: document)
    pageMargins = Self.lastElement("w:pgMar", in: document)
  }

  private func lang2(_ zh: String, _ en: String) -> String { "\(zh) / \(en)" }

  /// The last empty element `<name …/>` of a part (the final section's).
  static func lastElement(_ name: String, in xml: String) -> String? {
    guard let start = xml.range(of: "<\(name) ", options: .backwards),
      let end = xml[start.upperBound...].range(of: "/>")
    else { return nil }
    return String(xml[start.lowerBound..<end.upperBound])
  }
}
