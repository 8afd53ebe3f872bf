import ArgumentParser
import CampaignModel
import CampaignStore
import Foundation

extension Report {
  /// `report config [KEY [VALUE]]`: shows or sets the campaign settings kept in the store.
  struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "config",
      abstract: tr("显示活动设置，或修改一项：report config 键 值。", "Show the campaign settings, or set one: report config KEY VALUE."),
      discussion: tr("设置项：", "Keys: ")
        + SettingKey.allCases.map { "\n  \($0.rawValue): \(Console.argumentLanguage == .zh ? $0.summaryZh : $0.summary)" }.joined())

    @OptionGroup var options: GlobalOptions
    @OptionGroup var campaignOption: CampaignOption

    @Argument(help: ArgumentHelp(tr("要显示或修改的设置项。", "The setting to show or set.")))
    var key: String?

    @Argument(help: ArgumentHelp(tr("新值（空字符串即清除）。", "The new value (an empty string clears it).")))
    var value: String?

    /// `--campaign`, else the campaign in force today (the latest started when none is).
    var choice: CampaignChoice { .given(campaignOption.campaign, else: .current(Day.today())) }

    func run() throws {
      let lang = options.language
      if let key, let value {
        let lock = try options.lock(.writing)
        defer { withExtendedLifetime(lock) {} }
        let store = try options.openStore(.createIfMissing)
        // A folder or file is kept absolute, so a cron job that runs elsewhere finds it.
        let paths = [SettingKey.templatesDir.rawValue, SettingKey.briefingReference.rawValue]
        let given = paths.contains(key) && !value.isEmpty ? URL(fileURLWithPath: value).standardizedFileURL.path : value
        let stored = try Console.guarded(lang) { try store.setSetting(key, to: given, campaign: choice) }
        options.say("\(key) = \(stored)")
        return
      }
      let store = try options.openStore(.existing)
      let values = try Console.guarded(lang) { try store.settingValues(campaign: choice) }
      if let key {
        guard let entry = values.first(where: { $0.key.rawValue == key }) else {
          Console.error("report: " + CampaignModelError.unknownSetting(key: key).message(in: lang))
          throw ExitCode(Exit.usage.rawValue)
        }
        print(entry.value)
        return
      }
      for v in values {
        let mark = v.isDefault ? lang.pick("  （默认）", "  (default)") : ""
        print("\(v.key.rawValue) = \(v.value)\(mark)")
      }
    }
  }
}
