// libFuzzer target: briefing templates. The bytes are a template, checked (names, sections,
// nesting, size) and rendered against a context with text, numbers, flags, nested objects and
// lists, as `report brief --templates DIR` does with an office's own template; what it renders
// is read as the briefing's markup and written as text and as a .docx. A template may
// be refused; it must never crash, hang or take unbounded memory. Built by scripts/fuzz.
import CampaignModel
import Foundation
import FuzzDriver
import Writers

/// The context, made afresh for each input (a global would be reported as a leak at exit).
private func makeContext() -> TemplateValue {
  let item = TemplateValue.object([("name", .text("机关党总支")), ("id", .text("G1")), ("flag", .flag(true))])
  return TemplateValue.object([
    ("institution", .text("北辰职业技术学院")),
    ("empty", .text("")),
    ("yes", .flag(true)),
    ("no", .flag(false)),
    ("units", .list(Array(repeating: item, count: 10), item: item)),
    ("none", .list([], item: item)),
    ("kinds", .object([("seminar", .object([("name", .text("专题研讨")), ("period", item)]))])),
  ])
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTemplate(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
  guard let markup = try? Briefing.render(Briefing.Template(name: "fuzz.mustache", text: text), context: makeContext()) else { return 0 }
  // What the template wrote becomes the briefing's model, rendered as text and as a .docx.
  let document = BriefingDocument.parse(markup, lang: .zh)
  _ = document.text
  _ = try? BriefingDocx.data(document)
  return 0
}

// The entry point SwiftPM links `main` to (see FuzzDriver).
@_cdecl("FuzzTemplate_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
  runLibFuzzer(argc, argv, fuzzTemplate)
}
