import ArgumentParser
import CampaignModel
import CampaignStore
import Dispatch
import Foundation
import Logging
import WebWorkbench
import Workflow
import Writers

extension Report {
  /// `report serve`: the web workbench.
  struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "serve",
      abstract: tr(
        "启动网页工作台：各单位凭链接下载和上传报送表，办公室登录后查看报送情况、退回、撤销和下载报表。",
        "Start the web workbench: units download and upload their forms through their links; the office logs in to see the board, return, undo and download reports."
      ),
      discussion: tr(
        """
        默认只在本机（127.0.0.1）监听；在校园网中使用时，请放在配置了 TLS 的 nginx 之后（见 README）。\
        办公室账号用 report user add 添加，各单位的链接用 report links 列出。按 Ctrl-C 停止。
        """,
        """
        Listens on this machine only (127.0.0.1) unless --host says otherwise; on a campus network put \
        it behind nginx with TLS (see the README). Add office accounts with report user add; list the \
        units' links with report links. Stop it with Ctrl-C.
        """))

    @OptionGroup var options: GlobalOptions

    @Option(
      name: .long, help: ArgumentHelp(tr("监听的地址（默认仅本机）。", "The address to listen on (default: this machine only)."), valueName: "address"))
    var host = "127.0.0.1"

    @Option(name: .long, help: ArgumentHelp(tr("监听的端口。", "The port to listen on."), valueName: "port"))
    var port = 8080

    @Option(
      name: .long,
      help: ArgumentHelp(
        tr(
          "单位链接的开头，如经 nginx 访问时的 https://report.example.edu.cn（默认 http://地址:端口）。",
          "The start of the units' links, e.g. https://report.example.edu.cn behind nginx (default: http://host:port)."),
        valueName: "url"))
    var baseURL: String?

    @Option(
      name: .long,
      help: ArgumentHelp(
        tr("办公室自己的模板文件夹（web/*.mustache 与简报模板）。", "A folder of the office's own templates (web/*.mustache and the briefing's)."),
        valueName: "dir"))
    var templates: String?

    func run() throws {
      let lang = options.language
      guard (1...65535).contains(port) else {
        throw ValidationError(lang.pick("--port 应为 1 到 65535。", "--port must be 1 to 65535."))
      }
      let store = try options.openStore(.existing)
      let configuration = WorkbenchConfiguration(
        database: options.databasePath, host: host, port: port, lang: lang, wait: options.wait, templates: templates, baseURL: baseURL)
      var logger = Logger(label: "report.serve")
      logger.logLevel = .info
      let done = DispatchSemaphore(value: 0)
      let outcome = Outcome()
      Task {
        do { try await Workbench.run(configuration, store: store, logger: logger) } catch { outcome.error = error }
        done.signal()
      }
      done.wait()
      if let error = outcome.error {
        Console.error("report serve: \(error)")
        throw ExitCode(Exit.unavailable.rawValue)
      }
    }

    final class Outcome: @unchecked Sendable { var error: Error? }
  }

  /// `report user add|list|remove`: the office's accounts.
  struct UserCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "user",
      abstract: tr("管理网页工作台的办公室账号。", "Manage the office's accounts of the web workbench."),
      subcommands: [AddUser.self, ListUsers.self, RemoveUser.self])

    struct AddUser: ParsableCommand {
      static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: tr(
          "添加办公室账号（已有则修改其密码）；密码以 bcrypt 散列保存。", "Add an office account (or set its password); the password is stored as a bcrypt hash."))

      @OptionGroup var options: GlobalOptions

      @Argument(help: ArgumentHelp(tr("用户名。", "The user name."), valueName: "name"))
      var name: String

      @Option(
        name: .long,
        help: ArgumentHelp(
          tr("从文件的第一行读取密码（否则在终端上询问）。", "Read the password from the file's first line (else it is asked on the terminal)."),
          valueName: "file"))
      var passwordFile: String?

      func run() throws {
        let lang = options.language
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty, trimmed.count <= 64, !trimmed.contains(where: \.isNewline) else {
          throw ValidationError(lang.pick("用户名不能为空，且不超过 64 个字符。", "the user name must be 1 to 64 characters."))
        }
        let password = try readPassword(lang)
        try RunLog.run(options, command: "user add") {
          let lock = try options.lock(.writing)
          defer { withExtendedLifetime(lock) {} }
          let store = try options.openStore(.existing)
          let added: Bool
          do {
            added = try Console.guarded(lang) { try Access.addUser(name: trimmed, password: password, store: store) }
          }
          options.say(
            lang.pick(
              added ? "已添加办公室账号 \(trimmed)。" : "已修改 \(trimmed) 的密码。",
              added ? "added the office account \(trimmed)." : "set the password of \(trimmed)."))
          return []
        }
      }

      private func readPassword(_ lang: Language) throws -> String {
        if let passwordFile {
          guard let data = FileManager.default.contents(atPath: passwordFile) else {
            Console.error(StoreError.missingFile(path: passwordFile).message(in: lang))
            throw ExitCode(Exit.noInput.rawValue)
          }
          let line = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).first ?? ""
          return try checked(String(line).trimmingCharacters(in: CharacterSet(charactersIn: "\r")), lang)
        }
        guard isatty(0) == 1 else {
          throw ValidationError(
            lang.pick("不在终端上运行时，请用 --password-file 给出密码。", "not on a terminal: give the password with --password-file."))
        }
        let first = String(cString: getpass(lang.pick("密码：", "Password: ")))
        let second = String(cString: getpass(lang.pick("再输入一次：", "Again: ")))
        guard first == second else { throw ValidationError(lang.pick("两次输入的密码不同。", "the two passwords differ.")) }
        return try checked(first, lang)
      }

      private func checked(_ password: String, _ lang: Language) throws -> String {
        guard password.count >= 8 else { throw ValidationError(Access.WeakPassword().message(in: lang)) }
        return password
      }
    }

    struct ListUsers: ParsableCommand {
      static let configuration = CommandConfiguration(commandName: "list", abstract: tr("列出办公室账号。", "List the office accounts."))

      @OptionGroup var options: GlobalOptions

      func run() throws {
        try RunLog.run(options, command: "user list") {
          let store = try options.openStore(.existing)
          let users = try Console.guarded(options.language) { try store.officeUsers() }
          for u in users { print("\(u.name)\t\(u.created)") }
          return []
        }
      }
    }

    struct RemoveUser: ParsableCommand {
      static let configuration = CommandConfiguration(commandName: "remove", abstract: tr("删除办公室账号。", "Remove an office account."))

      @OptionGroup var options: GlobalOptions

      @Argument(help: ArgumentHelp(tr("用户名。", "The user name."), valueName: "name"))
      var name: String

      func run() throws {
        let lang = options.language
        try RunLog.run(options, command: "user remove") {
          let lock = try options.lock(.writing)
          defer { withExtendedLifetime(lock) {} }
          let store = try options.openStore(.existing)
          let removed = try Console.guarded(lang) { try store.removeOfficeUser(name: name) }
          guard removed else {
            Console.error(lang.pick("没有办公室账号 \(name)（见 report user list）。", "there is no office account \(name) (see report user list)."))
            throw ExitCode(Exit.usage.rawValue)
          }
          options.say(lang.pick("已删除办公室账号 \(name)。", "removed the office account \(name)."))
          return []
        }
      }
    }
  }

  /// `report links`: the units' links.
  struct LinksCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "links",
      abstract: tr(
        "列出各单位的填报链接（每个单位一个，持链接即可报送本单位数据）。", "Print each unit's link to the workbench (whoever holds it can submit that unit's data)."),
      discussion: tr(
        """
        链接中的口令无法猜测，数据库只保存其散列。链接泄露时，用 --revoke 单位编码 撤换：旧链接立即失效。
        """,
        """
        The token in a link cannot be guessed, and the store keeps only its hash. When a link leaks, \
        replace it with --revoke ID: the old one stops working at once.
        """))

    @OptionGroup var options: GlobalOptions
    @OptionGroup var scope: RootOption

    @Option(name: .long, help: ArgumentHelp(tr("链接打开该月的报送页。", "Links open this month's page."), valueName: "YYYY-MM"))
    var month: Month?

    @Option(
      name: .long,
      help: ArgumentHelp(
        tr("链接的开头（默认 http://127.0.0.1:8080）。", "The start of the links (default: http://127.0.0.1:8080)."), valueName: "url"))
    var baseURL = "http://127.0.0.1:8080"

    @Option(name: .long, help: ArgumentHelp(tr("撤换该单位的链接。", "Replace this unit's link."), valueName: "id"))
    var revoke: String?

    @Flag(
      name: .long,
      help: ArgumentHelp(
        tr("输出 JSON：{\"links\": [{\"id\", \"name\", \"url\"}]}。", "Print JSON: {\"links\": [{\"id\", \"name\", \"url\"}]}.")))
    var json = false

    func run() throws {
      let lang = options.language
      try RunLog.run(options, command: "links", period: month?.iso) {
        let lock = try options.lock(.writing)
        defer { withExtendedLifetime(lock) {} }
        let store = try options.openStore(.existing)
        let status = try Console.guarded(lang) {
          try Submissions.status(of: month ?? Day.today().monthOfYear.previous, in: store, root: scope.root)
        }
        let units = status.units.map { ($0.unit.id, $0.unit.name) }
        if let revoke {
          guard units.contains(where: { $0.0 == revoke }) else {
            Console.error(StoreError.unknownOrganization(id: revoke).message(in: lang))
            throw ExitCode(Exit.usage.rawValue)
          }
          try Console.guarded(lang) { try Access.revokeLink(unit: revoke, store: store) }
        }
        let shown = revoke.map { id in units.filter { $0.0 == id } } ?? units
        var links = try Console.guarded(lang) { try Access.links(for: shown, base: baseURL, store: store) }
        if let month {
          links = links.map {
            var l = $0; l.url += "?month=\(month.iso)"; return l
          }
        }
        if json {
          let value = JSONValue.object([
            ("links", .array(links.map { .object([("id", .string($0.id)), ("name", .string($0.name)), ("url", .string($0.url))]) }))
          ])
          print(value.rendered())
        } else {
          for l in links { print("\(l.id)\t\(l.name)\t\(l.url)") }
        }
        return []
      }
    }
  }

  /// `report token add NAME`: an API token for scripts.
  struct TokenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "token",
      abstract: tr("管理 JSON 接口（/api/stats、/api/status）的访问口令。", "Manage the tokens of the JSON API (/api/stats, /api/status)."),
      subcommands: [AddToken.self, RemoveToken.self])

    struct AddToken: ParsableCommand {
      static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: tr(
          "生成一个新口令并只显示这一次（数据库只保存其散列）；同名的旧口令失效。",
          "Make a token and print it this once (the store keeps only its hash); a name's old token stops working."))

      @OptionGroup var options: GlobalOptions

      @Argument(help: ArgumentHelp(tr("口令的名称，如使用它的系统。", "The token's name, e.g. the system that uses it."), valueName: "name"))
      var name: String

      func run() throws {
        try RunLog.run(options, command: "token add") {
          let lock = try options.lock(.writing)
          defer { withExtendedLifetime(lock) {} }
          let store = try options.openStore(.existing)
          let token = try Console.guarded(options.language) { try Access.addAPIToken(name: name, store: store) }
          print(token)
          return []
        }
      }
    }

    struct RemoveToken: ParsableCommand {
      static let configuration = CommandConfiguration(commandName: "remove", abstract: tr("吊销一个口令。", "Revoke a token."))

      @OptionGroup var options: GlobalOptions

      @Argument(help: ArgumentHelp(tr("口令的名称。", "The token's name."), valueName: "name"))
      var name: String

      func run() throws {
        let lang = options.language
        try RunLog.run(options, command: "token remove") {
          let lock = try options.lock(.writing)
          defer { withExtendedLifetime(lock) {} }
          let store = try options.openStore(.existing)
          guard try Console.guarded(lang, { try store.removeToken(kind: "api", subject: name) }) else {
            Console.error(lang.pick("没有名为 \(name) 的口令。", "there is no token named \(name)."))
            throw ExitCode(Exit.usage.rawValue)
          }
          options.say(lang.pick("已吊销口令 \(name)。", "revoked the token \(name)."))
          return []
        }
      }
    }
  }
}
