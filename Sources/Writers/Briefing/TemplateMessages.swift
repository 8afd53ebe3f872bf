/// The template checker's and the Mustache parser's messages are written once, in English;
/// this gives them in Chinese for messages in Chinese. One it does not know stays as it is.
enum TemplateMessages {
  private static var rules: [(Regex<(Substring, Substring, Substring, Substring)>, (String, String, String) -> String)] {
    [
      (/more than (\d+) tags; a briefing needs far fewer()()/, { n, _, _ in "标签超过 \(n) 个，简报用不了这么多" }),
      (/a tag opened with \{\{ is never closed()()()/, { _, _, _ in "有一个以 {{ 开始的标签没有闭合" }),
      (/an empty tag \{\{\}\}()()()/, { _, _, _ in "空标签 {{}}" }),
      (/changing the delimiters is not supported()()()/, { _, _, _ in "不支持修改标签分隔符" }),
      (/partials and blocks are not supported in briefing templates()()()/, { _, _, _ in "简报模板不能引用其他模板（partial、block）" }),
      (/sections nested more than (\d+) deep()()/, { n, _, _ in "区块嵌套超过 \(n) 层" }),
      (/lists nested more than (\d+) deep \((.*)\)()/, { n, where_, _ in "列表嵌套超过 \(n) 层（\(where_)）" }),
      (/\{\{\/(.*)\}\} closes no section()()/, { name, _, _ in "{{/\(name)}} 没有对应的开始标签" }),
      (/\{\{\/(.*)\}\} closes \{\{#(.*)\}\} of line (\d+)/, { a, b, line in "{{/\(a)}} 关闭的是第 \(line) 行的 {{#\(b)}}" }),
      (/\{\{#(.*)\}\} is never closed with \{\{\/.*\}\}()()/, { name, _, _ in "{{#\(name)}} 没有用 {{/\(name)}} 关闭" }),
      (/a section is closed with another name than it was opened with()()()/, { _, _, _ in "区块的结束名称与开始名称不同" }),
      (/a tag is not finished()()()/, { _, _, _ in "有一个标签没有写完" }),
      (/a section is never closed()()()/, { _, _, _ in "有一个区块没有关闭" }),
      (/invalid delimiter change()()()/, { _, _, _ in "标签分隔符修改有误" }),
      (/invalid \{\{% \}\} pragma()()()/, { _, _, _ in "{{% }} 指令有误" }),
    ]
  }

  /// The message in Chinese, or as it is when it is none of ours.
  static func chinese(_ message: String) -> String {
    for (regex, make) in rules {
      if let m = try? regex.wholeMatch(in: message) { return make(String(m.output.1), String(m.output.2), String(m.output.3)) }
    }
    return message
  }
}
