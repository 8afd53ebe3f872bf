import ArgumentParser
import CampaignModel
import CampaignStore
import Foundation
import Writers

extension Report {
  /// `report template`: the collection workbook branches fill in.
  struct TemplateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "template",
      abstract: "Write a collection workbook (.xlsx) for branches to fill in; import it back with report import.")

    @OptionGroup var options: GlobalOptions

    @Option(name: .long, help: ArgumentHelp("Limit the unit lists to this organization and its sub-branches.", valueName: "id"))
    var unit: String?

    @Option(name: .long, help: ArgumentHelp("Only this record type: activities, matters or feedback (default: all three).", valueName: "type"))
    var type: CollectionTemplate.Sheet?

    @Option(name: .long, help: ArgumentHelp("The folder to write into (created when missing).", valueName: "dir"))
    var out = "Output"

    @OptionGroup var today: TodayOption

    func run() throws {
      let name = OutputFile.safeFileName(joining: ["template", unit, type?.rawValue]) + ".xlsx"
      let path = URL(fileURLWithPath: out).appendingPathComponent(name).path
      try RunLog.run(options, command: "template") {
        let lang = options.language
        let store = try options.openStore(.existing)
        try Console.guarded(lang) {
          let settings = try store.settings()
          var organizations = try store.organizations()
          if let unit {
            guard let subtree = organizations.subtree(of: unit) else {
              throw CampaignModelError.invalidSetting(key: "--unit", value: unit, expected: "an organization id (see the organizations file)")
            }
            organizations = subtree
          }
          let year = settings.campaignStart?.year ?? today.day.year
          let contents = CollectionTemplate.Contents(
            catalogue: try store.catalogue(), organizations: organizations, matterIDs: try store.matterIDs(),
            dates: DayRange(Day(year: year, month: 1, day: 1)!, Day(year: year, month: 12, day: 31)!)!,
            sheets: type.map { [$0] } ?? CollectionTemplate.Sheet.allCases)
          try OutputFile.write(path) { temp in try CollectionTemplate.write(contents, to: temp, lang: lang, created: today.day) }
        }
        options.say(path)
        return [path]
      }
    }
  }
}

extension CollectionTemplate.Sheet: ExpressibleByArgument {}
