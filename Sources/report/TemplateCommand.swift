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

    @Option(
      name: .long,
      help: ArgumentHelp(
        "With --unit: a submission form (报送表) for this month: dates only of the month, and report import takes the file as the unit's submission for it.",
        valueName: "YYYY-MM"))
    var month: Month?

    @Option(name: .long, help: ArgumentHelp("Only this record type: activities, matters or feedback (default: all three).", valueName: "type"))
    var type: CollectionTemplate.Sheet?

    @Option(name: .long, help: ArgumentHelp("The folder to write into (created when missing).", valueName: "dir"))
    var out = "Output"

    @OptionGroup var today: TodayOption

    func validate() throws {
      if month != nil && unit == nil {
        throw ValidationError(options.language.pick("--month 须与 --unit 一起使用：报送表属于一个单位的一个月。", "--month needs --unit: a submission form belongs to one unit and one month."))
      }
    }

    func run() throws {
      let name = OutputFile.safeFileName(joining: ["template", unit, month?.iso, type?.rawValue]) + ".xlsx"
      let path = URL(fileURLWithPath: out).appendingPathComponent(name).path
      try RunLog.run(options, command: "template") {
        let lang = options.language
        let store = try options.openStore(.existing)
        try Console.guarded(lang) {
          let settings = try store.settings()
          var organizations = try store.organizations()
          var binding: (scope: SubmissionScope, unitName: String)?
          if let unit {
            guard let subtree = organizations.subtree(of: unit) else { throw StoreError.unknownOrganization(id: unit) }
            organizations = subtree
            if let month { binding = (SubmissionScope(unit: unit, month: month), subtree.first { $0.id == unit }?.name ?? unit) }
          }
          let contents = CollectionTemplate.Contents(
            catalogue: try store.catalogue(), organizations: organizations, matterIDs: try store.matterIDs(),
            dates: CollectionTemplate.dates(month: month, campaignStart: settings.campaignStart, today: today.day),
            matterDates: CollectionTemplate.dates(month: nil, campaignStart: settings.campaignStart, today: today.day),
            sheets: type.map { [$0] } ?? CollectionTemplate.Sheet.allCases, campaign: settings.campaign, binding: binding)
          try OutputFile.write(path) { temp in try CollectionTemplate.write(contents, to: temp, lang: lang, created: today.day) }
        }
        options.say(path)
        return [path]
      }
    }
  }
}

extension CollectionTemplate.Sheet: ExpressibleByArgument {}
