import Foundation

/// Checks a Mustache template against a context before it is rendered, so a misspelt name is
/// an error naming the template and line, not an empty hole in an official text.
///
/// It follows Mustache's lookup: a name is searched from the innermost section outwards; a
/// dotted name continues inside what its first part found; `.` is the current item.
struct TemplateChecker {
  let template: String

  /// Bounds on a template, so a hostile or broken one is refused before rendering instead of
  /// exhausting the stack (deep nesting) or the time (lists nested in lists multiply, and the
  /// Mustache library's work grows with the square of the tags): the built-in templates use
  /// about a hundred tags, sections four deep and no list inside a list.
  static let maximumTags = 2_000
  static let maximumDepth = 16
  static let maximumListDepth = 2

  func check(_ text: String, context: TemplateValue) throws(WriterError) {
    var scopes: [TemplateValue] = [context]
    var sections: [(name: String, line: Int, pushed: Bool, list: Bool)] = []
    var line = 1
    var tags = 0
    // Counted first, in one pass over the bytes, so an oversized template is refused at once.
    var count = 0, lineOfExcess = 1, lineNumber = 1
    var previous: UInt8 = 0
    for b in text.utf8 {
      if b == 0x0A { lineNumber += 1 }
      if b == 0x7B && previous == 0x7B {
        count += 1
        if count == Self.maximumTags + 1 { lineOfExcess = lineNumber }
        previous = 0
        continue
      }
      previous = b
    }
    if count > Self.maximumTags {
      throw .templateSyntax(
        template: template, line: lineOfExcess, message: "more than \(Self.maximumTags) tags; a briefing needs far fewer")
    }
    var rest = Substring(text)
    while let open = rest.range(of: "{{") {
      tags += 1
      line += rest[..<open.lowerBound].count { $0 == "\n" }
      let afterOpen = rest[open.upperBound...]
      let triple = afterOpen.hasPrefix("{")
      let closer = triple ? "}}}" : "}}"
      let bodyStart = triple ? afterOpen.index(after: afterOpen.startIndex) : afterOpen.startIndex
      guard let close = afterOpen[bodyStart...].range(of: closer) else {
        throw .templateSyntax(template: template, line: line, message: "a tag opened with {{ is never closed")
      }
      let body = String(afterOpen[bodyStart..<close.lowerBound])
      let tagLine = line
      line += body.count { $0 == "\n" }
      rest = afterOpen[close.upperBound...]

      if tags > Self.maximumTags {
        throw .templateSyntax(template: template, line: tagLine, message: "more than \(Self.maximumTags) tags; a briefing needs far fewer")
      }
      let trimmed = body.trimmingCharacters(in: .whitespacesAndNewlines)
      guard let sigil = trimmed.first else {
        throw .templateSyntax(template: template, line: tagLine, message: "an empty tag {{}}")
      }
      let argument = String(trimmed.dropFirst()).trimmingCharacters(in: .whitespaces)
      switch sigil {
      case "!", "%":
        continue
      case "=":
        throw .templateSyntax(template: template, line: tagLine, message: "changing the delimiters is not supported")
      case ">", "<", "$":
        throw .templateSyntax(template: template, line: tagLine, message: "partials and blocks are not supported in briefing templates")
      case "#", "^":
        if sections.count >= Self.maximumDepth {
          throw .templateSyntax(template: template, line: tagLine, message: "sections nested more than \(Self.maximumDepth) deep")
        }
        let value = try resolve(argument, scopes: scopes, line: tagLine)
        var pushed = false, list = false
        if sigil == "#" {
          switch value {
          case .flag: break
          case .list(_, let item):
            scopes.append(item)
            pushed = true
            list = true
          default: scopes.append(value); pushed = true
          }
        }
        if list && sections.filter(\.list).count >= Self.maximumListDepth {
          throw .templateSyntax(
            template: template, line: tagLine,
            message:
              "lists nested more than \(Self.maximumListDepth) deep ({{#\(argument)}} inside \(sections.filter(\.list).map { "{{#\($0.name)}}" }.joined(separator: " inside ")))"
          )
        }
        sections.append((argument, tagLine, pushed, list))
      case "/":
        guard let last = sections.popLast() else {
          throw .templateSyntax(template: template, line: tagLine, message: "{{/\(argument)}} closes no section")
        }
        guard last.name == argument else {
          throw .templateSyntax(
            template: template, line: tagLine, message: "{{/\(argument)}} closes {{#\(last.name)}} of line \(last.line)")
        }
        if last.pushed { scopes.removeLast() }
      case "&":
        _ = try resolve(argument, scopes: scopes, line: tagLine)
      default:
        _ = try resolve(trimmed, scopes: scopes, line: tagLine)
      }
    }
    if let open = sections.last {
      throw .templateSyntax(template: template, line: open.line, message: "{{#\(open.name)}} is never closed with {{/\(open.name)}}")
    }
  }

  /// The value an expression such as `approx(kinds.supervision.cumulative.count)` stands for.
  private func resolve(_ expression: String, scopes: [TemplateValue], line: Int) throws(WriterError) -> TemplateValue {
    var transforms: [String] = []
    var name = Substring(expression)
    while let paren = name.firstIndex(of: "("), name.hasSuffix(")") {
      transforms.append(name[..<paren].trimmingCharacters(in: .whitespaces))
      name = name[name.index(after: paren)..<name.index(before: name.endIndex)]
    }
    let path = name.trimmingCharacters(in: .whitespaces)
    guard var value = lookup(path, scopes: scopes) else {
      throw .templateUnknownName(template: template, line: line, name: path, hint: hint(for: path, scopes: scopes))
    }
    for t in transforms.reversed() {
      guard let next = apply(t, to: value) else {
        throw .templateUnknownName(template: template, line: line, name: "\(t)(…)", hint: "not a transform of what it is given")
      }
      value = next
    }
    return value
  }

  private func lookup(_ path: String, scopes: [TemplateValue]) -> TemplateValue? {
    if path == "." { return scopes.last }
    let parts = path.split(separator: ".").map(String.init)
    guard let first = parts.first else { return nil }
    let start: TemplateValue?
    if path.hasPrefix(".") {
      start = scopes.last.flatMap { child($0, first) }
    } else {
      start = scopes.reversed().lazy.compactMap { self.child($0, first) }.first
    }
    guard var value = start else { return nil }
    for p in parts.dropFirst() {
      guard let next = child(value, p) else { return nil }
      value = next
    }
    return value
  }

  private func child(_ value: TemplateValue, _ key: String) -> TemplateValue? {
    if case .object(let o) = value { return o[key] }
    return nil
  }

  /// What a transform turns a value into, or nil when the value has no such transform.
  private func apply(_ transform: String, to value: TemplateValue) -> TemplateValue? {
    switch value {
    case .figure:
      guard Figure.transforms.contains(transform) else { return nil }
      return transform == "nonzero" || transform == "zero" ? .flag(true) : .text("")
    case .text(let marker) where marker == Self.integerMarker:
      // swift-mustache gives a list's count as an Int, with Int's transforms only.
      switch transform {
      case "equalzero", "even", "odd": return .flag(true)
      case "plusone", "minusone": return value
      default: return nil
      }
    case .text:
      switch transform {
      case "empty": return .flag(true)
      case "capitalized", "lowercased", "uppercased", "reversed": return .text("")
      default: return nil
      }
    case .list(_, let item):
      switch transform {
      case "first", "last": return item
      case "reversed": return value
      case "count": return .text(Self.integerMarker)
      case "empty": return .flag(true)
      default: return nil
      }
    case .flag, .object:
      return nil
    }
  }

  /// Stands for an integer (a list's `count`) while checking.
  private static let integerMarker = "\u{0}integer"

  private func hint(for path: String, scopes: [TemplateValue]) -> String {
    let parts = path.split(separator: ".").map(String.init)
    // Name the keys available where the path stops resolving.
    var known: TemplateValue? = scopes.last { child($0, parts.first ?? "") != nil }.flatMap { child($0, parts[0]) }
    var prefix = parts.first ?? ""
    if known == nil {
      let keys =
        scopes.reversed().compactMap { v -> [String]? in
          if case .object(let o) = v { return o.pairs.map(\.0) }
          return nil
        }.first ?? []
      return "available here: " + keys.prefix(12).joined(separator: ", ")
    }
    for p in parts.dropFirst() {
      guard let next = known.flatMap({ child($0, p) }) else { break }
      known = next
      prefix += "." + p
    }
    if case .object(let o)? = known {
      return "\(prefix) has: " + o.pairs.prefix(16).map(\.0).joined(separator: ", ")
    }
    return ""
  }
}
