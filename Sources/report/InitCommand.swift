import ArgumentParser
import CampaignStore

extension Report {
  /// `report init`: creates the store or migrates an older one.
  struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "init",
      abstract: tr("创建数据库，或升级旧版数据库（可重复运行）。", "Create the database, or migrate an older one (safe to run again)."))

    @OptionGroup var options: GlobalOptions

    func run() throws {
      try RunLog.run(options, command: "init") {
        let lock = try options.lock(.writing)
        defer { withExtendedLifetime(lock) {} }
        let store = try options.openStore(.createIfMissing)
        options.say(options.language.pick("数据库已就绪：\(store.path)", "Database ready: \(store.path)"))
        return [store.path]
      }
    }
  }
}
