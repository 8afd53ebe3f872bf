import ArgumentParser
import CampaignModel
import CampaignStore
import Foundation
import Writers

extension Report {
  /// `report campaign add|list|show`: the store's campaigns.
  struct CampaignCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "campaign",
      abstract: tr(
        "管理学习教育活动：添加新活动、列出和查看活动。每个活动有自己的时间范围、活动类型目录、媒体级别和设置。",
        "Manage the campaigns: add one, list them, show one. Each has its own span, kind catalogue, media levels and settings."),
      subcommands: [Add.self, List.self, Show.self, Rename.self])

    /// `report campaign rename CODE NEW`.
    struct Rename: ParsableCommand {
      static let configuration = CommandConfiguration(
        commandName: "rename",
        abstract: tr(
          "修改活动编码（如把新建数据库的 default 改为 2021）；报表不变。",
          "Change a campaign's code (such as a new store's default to 2021); its reports do not change."))

      @OptionGroup var options: GlobalOptions
      @Argument(help: ArgumentHelp(tr("现在的编码。", "The current code."))) var code: String
      @Argument(help: ArgumentHelp(tr("新编码。", "The new code."))) var new: String

      func run() throws {
        let lock = try options.lock(.writing)
        defer { withExtendedLifetime(lock) {} }
        let store = try options.openStore(.existing)
        try Console.guarded(options.language) { try store.renameCampaign(code, to: new) }
        options.say("\(code) → \(new)")
      }
    }

    /// `report campaign add CODE --name NAME --start DATE …`.
    struct Add: ParsableCommand {
      static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: tr("添加一个活动。", "Add a campaign."),
        discussion: tr(
          """
          活动类型目录取 --kinds 文件（格式同 Templates/kinds.csv），否则取 --from 活动的目录，否则为内置目录。\
          媒体级别取 --levels 文件（code,name,name_en），否则取 --from 活动的，否则为 国家级/区级/盟级/校级。\
          设置取自 --from 活动（否则为默认值），再按 --set 修改。已有活动的报表不受影响。
          """,
          """
          The catalogue is the --kinds file (the format of Templates/kinds.csv), else the --from campaign's, else the \
          built-in one. The media levels are the --levels file (code,name,name_en), else the --from campaign's, else \
          国家级/区级/盟级/校级. The settings are the --from campaign's (else the defaults), then those of --set. Reports \
          of the other campaigns do not change.
          """))

      @OptionGroup var options: GlobalOptions

      @Argument(help: ArgumentHelp(tr("活动编码，如 2023（字母、数字、- 或 _）。", "The campaign's code, such as 2023 (letters, digits, - or _).")))
      var code: String

      @Option(name: .long, help: ArgumentHelp(tr("活动名称。", "The campaign's name."), valueName: "name"))
      var name: String

      @Option(name: .long, help: ArgumentHelp(tr("开始日期。", "The first day."), valueName: "YYYY-MM-DD"))
      var start: Day

      @Option(name: .long, help: ArgumentHelp(tr("结束日期（可选）。", "The last day (optional)."), valueName: "YYYY-MM-DD"))
      var end: Day?

      @Option(
        name: .long, help: ArgumentHelp(tr("活动类型文件（同 Templates/kinds.csv）。", "A kinds file (as Templates/kinds.csv)."), valueName: "file"))
      var kinds: String?

      @Option(
        name: .long, help: ArgumentHelp(tr("媒体级别文件：code,name,name_en。", "A media levels file: code,name,name_en."), valueName: "file"))
      var levels: String?

      @Option(
        name: .long, help: ArgumentHelp(tr("复制该活动的设置、目录和媒体级别。", "Copy this campaign's settings, catalogue and levels."), valueName: "code"))
      var from: String?

      @Option(
        name: .long,
        help: ArgumentHelp(
          tr("设置一项（可重复），如 --set branch_study_kind=branch_study。", "Set a setting (repeatable), e.g. --set branch_study_kind=branch_study."),
          valueName: "key=value"))
      var set: [String] = []

      func run() throws {
        let lang = options.language
        var settings: [(String, String)] = []
        for pair in set {
          guard let eq = pair.firstIndex(of: "=") else {
            Console.error("report: " + lang.pick("--set 应写成 键=值：\(pair)", "--set takes key=value: \(pair)"))
            throw ExitCode(Exit.usage.rawValue)
          }
          settings.append((String(pair[..<eq]), String(pair[pair.index(after: eq)...])))
        }
        let lock = try options.lock(.writing)
        defer { withExtendedLifetime(lock) {} }
        let store = try options.openStore(.createIfMissing)
        try Console.guarded(lang) {
          try store.addCampaign(
            Campaign(code: code, name: name, start: start, end: end), from: from, kinds: kinds, levels: levels, settings: settings)
        }
        options.say(lang.pick("已添加活动 \(code)：\(name)（\(start.iso) 起）", "added campaign \(code): \(name) (from \(start.iso))"))
      }
    }

    /// `report campaign list [--json]`.
    struct List: ParsableCommand {
      static let configuration = CommandConfiguration(
        commandName: "list", abstract: tr("列出所有活动。", "List the campaigns."))

      @OptionGroup var options: GlobalOptions

      @Flag(
        name: .long,
        help: ArgumentHelp(
          tr("输出 JSON：{\"campaigns\": [{code, name, start, end}]}。", "Print JSON: {\"campaigns\": [{code, name, start, end}]}.")))
      var json = false

      func run() throws {
        let store = try options.openStore(.existing)
        let campaigns = try Console.guarded(options.language) { try store.campaigns() }
        if json {
          let items = campaigns.map { c in
            JSONValue.object([
              ("code", .string(c.code)), ("name", .string(c.name)), ("start", c.start.map { .string($0.iso) } ?? .null),
              ("end", c.end.map { .string($0.iso) } ?? .null),
            ])
          }
          print(JSONValue.object([("campaigns", .array(items))]).rendered())
          return
        }
        for c in campaigns {
          print([c.code, c.name, c.start?.iso ?? "—", c.end?.iso ?? "—"].joined(separator: "\t"))
        }
      }
    }

    /// `report campaign show CODE`.
    struct Show: ParsableCommand {
      static let configuration = CommandConfiguration(
        commandName: "show", abstract: tr("显示一个活动：时间范围、设置、活动类型目录和媒体级别。", "Show a campaign: its span, settings, kinds and media levels."))

      @OptionGroup var options: GlobalOptions

      @Argument(help: ArgumentHelp(tr("活动编码。", "The campaign's code.")))
      var code: String

      func run() throws {
        let lang = options.language
        let store = try options.openStore(.existing)
        let (campaign, values, catalogue) = try Console.guarded(lang) {
          (try store.campaign(.code(code)), try store.settingValues(campaign: .code(code)), try store.catalogue(campaign: .code(code)))
        }
        print("\(campaign.code)\t\(campaign.name)\t\(campaign.start?.iso ?? "—")\t\(campaign.end?.iso ?? "—")")
        print(lang.pick("\n设置：", "\nSettings:"))
        for v in values where v.key.isCampaignSetting {
          print("  \(v.key.rawValue) = \(v.value)\(v.isDefault ? lang.pick("  （默认）", "  (default)") : "")")
        }
        print(lang.pick("\n活动类型：", "\nKinds:"))
        for k in catalogue.kinds { print("  " + [k.code, k.name, k.measure, k.category, k.categoryName].joined(separator: "\t")) }
        print(lang.pick("\n媒体级别：", "\nMedia levels:"))
        for l in catalogue.levels { print("  " + [l.code, l.name, l.nameEn].joined(separator: "\t")) }
      }
    }
  }
}
