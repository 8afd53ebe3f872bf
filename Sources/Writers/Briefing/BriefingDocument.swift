import CampaignModel
import Foundation

/// A briefing (简报) as one value: its 报头 (masthead), title, headings and paragraphs, and its
/// 报尾 (distribution). The text briefing and the .docx are two renderings of it.
///
/// It is read from what the briefing's Mustache template renders, a light line markup:
///
/// | line                 | meaning                                  |
/// |----------------------|------------------------------------------|
/// | `@name: 党史学习教育简报` | 报头: the briefing's name             |
/// | `@number: 第六期`      | 报头: the issue                          |
/// | `@issuer: …`          | 报头: the issuing office (left)          |
/// | `@date: 2021年8月3日`  | 报头: the date (right)                   |
/// | `@report: …`          | 报尾: 报 (superiors)                      |
/// | `@send: …`            | 报尾: 送 (peers)                          |
/// | `@distribute: …`      | 报尾: 发 (subordinates)                   |
/// | `@copies: 60`         | 报尾: 共印60份                             |
/// | `# 标题`              | the title                                |
/// | `## 一、…`            | a heading                                |
/// | `##+ …`              | a heading numbered in order: 一、 二、 (1. 2.) |
/// | any other line       | a paragraph                              |
///
/// Blank lines separate nothing and are dropped; a field whose value is empty is left out.
public struct BriefingDocument: Sendable, Equatable {
  /// The 报头's fields.
  public struct Masthead: Sendable, Equatable {
    public var name = ""
    public var number = ""
    public var issuer = ""
    public var date = ""
  }

  /// The 报尾's fields; empty ones are left out.
  public struct Distribution: Sendable, Equatable {
    /// 报: the superiors it is reported to.
    public var report = ""
    /// 送: the peers it is sent to.
    public var send = ""
    /// 发: the subordinates it is issued to.
    public var distribute = ""
    /// 共印X份: the number of printed copies, as written.
    public var copies = ""

    public var isEmpty: Bool { report.isEmpty && send.isEmpty && distribute.isEmpty && copies.isEmpty }
  }

  /// A block of the body.
  public enum Block: Sendable, Equatable {
    case heading(String)
    case paragraph(String)
  }

  public var lang: Language
  public var masthead = Masthead()
  public var title = ""
  public var blocks: [Block] = []
  public var distribution = Distribution()

  public init(lang: Language) { self.lang = lang }

  /// Reads the markup a briefing template rendered.
  public static func parse(_ markup: String, lang: Language) -> BriefingDocument {
    var d = BriefingDocument(lang: lang)
    var numbered = 0
    for raw in markup.split(separator: "\n", omittingEmptySubsequences: false) {
      let line = raw.trimmingCharacters(in: .whitespacesAndFullWidthSpaces)
      if line.isEmpty { continue }
      if line.hasPrefix("@"), let colon = line.firstIndex(of: ":") {
        let key = line[line.index(after: line.startIndex)..<colon].trimmingCharacters(in: .whitespaces)
        let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespacesAndFullWidthSpaces)
        switch key {
        case "name": d.masthead.name = value
        case "number": d.masthead.number = value
        case "issuer": d.masthead.issuer = value
        case "date": d.masthead.date = value
        case "report": d.distribution.report = value
        case "send": d.distribution.send = value
        case "distribute": d.distribution.distribute = value
        case "copies": d.distribution.copies = value
        default: d.blocks.append(.paragraph(line))
        }
      } else if line.hasPrefix("##+ ") {
        numbered += 1
        let number = lang == .zh ? Phrases.chineseNumeral(numbered) + "、" : "\(numbered). "
        d.blocks.append(.heading(number + line.dropFirst(4).trimmingCharacters(in: .whitespacesAndFullWidthSpaces)))
      } else if line.hasPrefix("## ") {
        d.blocks.append(.heading(line.dropFirst(3).trimmingCharacters(in: .whitespacesAndFullWidthSpaces)))
      } else if line.hasPrefix("# ") {
        d.title = line.dropFirst(2).trimmingCharacters(in: .whitespacesAndFullWidthSpaces)
      } else {
        d.blocks.append(.paragraph(line))
      }
    }
    return d
  }

  /// The 报尾's lines: 报：… / 送：… / 发：…, and 共印X份 (To: / Copy: / Distribution: in English).
  public var distributionLines: [(label: String, text: String)] {
    let x = distribution
    var lines: [(String, String)] = []
    if !x.report.isEmpty { lines.append((lang.pick("报：", "To: "), x.report)) }
    if !x.send.isEmpty { lines.append((lang.pick("送：", "Copy: "), x.send)) }
    if !x.distribute.isEmpty { lines.append((lang.pick("发：", "Distribution: "), x.distribute)) }
    return lines
  }

  /// "共印60份" / "60 copies printed", or nil.
  public var copiesLine: String? {
    distribution.copies.isEmpty ? nil : lang.pick("共印\(distribution.copies)份", "\(distribution.copies) copies printed")
  }

  /// The indentation of a paragraph's first line: two full-width spaces in Chinese, as Word
  /// and 公文 indent by two characters; four spaces in English.
  var indent: String { lang.pick("\u{3000}\u{3000}", "    ") }

  /// The plain-text rendering: centred masthead over a double rule, the title, headings and
  /// paragraphs indented, and the 报尾 between rules.
  public var text: String {
    let width = BriefingContext.mastheadWidth
    var out: [String] = []
    if !masthead.name.isEmpty { out += [BriefingContext.centered(masthead.name, spaced: lang == .zh), ""] }
    if !masthead.number.isEmpty { out += [BriefingContext.centered(masthead.number, spaced: false), ""] }
    if !masthead.issuer.isEmpty || !masthead.date.isEmpty {
      out.append(BriefingContext.spread(masthead.issuer, masthead.date))
    }
    if !out.isEmpty { out += [String(repeating: "═", count: width), ""] }
    if !title.isEmpty { out += [BriefingContext.centered(title, spaced: false), ""] }
    for (i, block) in blocks.enumerated() {
      switch block {
      case .heading(let h):
        if i > 0 { out.append("") }
        out.append(indent + h)
      case .paragraph(let p): out.append(indent + p)
      }
    }
    if !distribution.isEmpty {
      out += ["", String(repeating: "─", count: width)]
      for line in distributionLines { out.append(line.label + line.text) }
      if let copies = copiesLine {
        out.append(String(repeating: " ", count: max(0, width - TextWidth.of(copies))) + copies)
      }
      out.append(String(repeating: "─", count: width))
    }
    return out.joined(separator: "\n") + "\n"
  }
}

extension CharacterSet {
  /// Spaces, tabs, line breaks and the full-width space (U+3000).
  static let whitespacesAndFullWidthSpaces = CharacterSet.whitespacesAndNewlines.union(CharacterSet(charactersIn: "\u{3000}"))
}
