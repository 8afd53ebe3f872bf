import Aggregation
import CampaignModel
import Foundation
import Mustache

/// The plain-text briefing (简报) of a month, rendered from an editable Mustache template.
public enum Briefing {
  /// A template's text and the name its errors use.
  public struct Template: Sendable {
    public var name: String
    public var text: String

    public init(name: String, text: String) {
      self.name = name
      self.text = text
    }
  }

  /// The file name of a language's template: `briefing.zh.mustache`.
  public static func fileName(_ lang: Language) -> String { "briefing.\(lang.rawValue).mustache" }

  /// The template for a language: from `directory` when given (it must hold the file), else the
  /// built-in one compiled into the program.
  public static func template(lang: Language, directory: String?) throws(WriterError) -> Template {
    guard let directory else {
      return Template(name: "built-in \(fileName(lang))", text: lang == .zh ? BundledTemplates.briefingZh : BundledTemplates.briefingEn)
    }
    let path = URL(fileURLWithPath: directory).appendingPathComponent(fileName(lang)).path
    guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { throw .templateNotFound(path: path) }
    return Template(name: path, text: text)
  }

  /// Renders a template with a context after checking every name it uses. Nothing is
  /// HTML-escaped: `&` and `<` come out as written.
  public static func render(_ template: Template, context: TemplateValue) throws(WriterError) -> String {
    // Our checker first: it names the line where an unclosed section opens.
    try TemplateChecker(template: template.name).check(template.text, context: context)
    let mustache: MustacheTemplate
    do {
      // The pragma makes the output plain text. On a line of its own it is removed with its line
      // break, so the template's first line keeps Mustache's standalone rules; errors count from 1.
      mustache = try MustacheTemplate(string: "{{% CONTENT_TYPE: TEXT}}\n" + template.text)
    } catch let e as MustacheTemplate.ParserError {
      throw .templateSyntax(template: template.name, line: max(1, e.context.lineNumber - 1), message: describe(e.error))
    } catch {
      throw .templateSyntax(template: template.name, line: 1, message: "\(error)")
    }
    var text = mustache.render(context)
    if !text.hasSuffix("\n") { text += "\n" }
    return text
  }

  /// Renders a period's briefing as text.
  public static func render(_ report: PeriodReport, template: Template, lang: Language, reportDate: Day) throws(WriterError) -> String {
    try document(report, template: template, lang: lang, reportDate: reportDate).text
  }

  /// A period's briefing as one model (报头, title, headings, paragraphs, 报尾): the template
  /// renders its markup (see `BriefingDocument`), which the text and the .docx both render.
  public static func document(_ report: PeriodReport, template: Template, lang: Language, reportDate: Day) throws(WriterError)
    -> BriefingDocument
  {
    let markup = try render(template, context: BriefingContext.build(report, lang: lang, reportDate: reportDate))
    return BriefingDocument.parse(markup, lang: lang)
  }

  private static func describe(_ error: any Error) -> String {
    guard let e = error as? MustacheTemplate.Error else { return "\(error)" }
    switch e {
    case .sectionCloseNameIncorrect: return "a section is closed with another name than it was opened with"
    case .unfinishedName: return "a tag is not finished"
    case .expectedSectionEnd: return "a section is never closed"
    case .invalidSetDelimiter: return "invalid delimiter change"
    case .invalidConfigVariableSyntax, .unrecognisedConfigVariable: return "invalid {{% }} pragma"
    default: return "\(e)"
    }
  }
}
