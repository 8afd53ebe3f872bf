import ArgumentParser
import CampaignModel
import CampaignStore
import Writers

extension Report {
  /// `report kinds`: lists the kind catalogue.
  struct KindsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "kinds",
      abstract: tr(
        "列出活动类型目录。修改请用：report import kinds.csv --type kinds。",
        "List the kind catalogue. Change it with: report import kinds.csv --type kinds."))

    @OptionGroup var options: GlobalOptions
    @OptionGroup var campaignOption: CampaignOption

    func run() throws {
      let store = try options.openStore(.existing)
      let catalogue = try Console.guarded(options.language) {
        try store.catalogue(campaign: .given(campaignOption.campaign, else: .current(Day.today())))
      }
      for k in catalogue.kinds {
        print([k.code, k.name, k.measure, k.category, k.nameEn].joined(separator: "\t"))
      }
    }
  }
}
