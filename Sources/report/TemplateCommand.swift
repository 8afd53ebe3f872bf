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
      abstract: tr(
        "生成供基层填报的工作簿（.xlsx）；填好后用 report import 导入。",
        "Write a collection workbook (.xlsx) for branches to fill in; import it back with report import."))

    @OptionGroup var options: GlobalOptions
    @OptionGroup var campaignOption: CampaignOption

    @Option(
      name: .long,
      help: ArgumentHelp(tr("单位下拉列表只含该组织及其下属支部。", "Limit the unit lists to this organization and its sub-branches."), valueName: "id"))
    var unit: String?

    @Option(
      name: .long,
      help: ArgumentHelp(
        tr(
          "与 --unit 同用：生成该月的报送表，日期只能填该月，report import 将其作为该单位该月的报送导入。",
          "With --unit: a submission form (报送表) for this month: dates only of the month, and report import takes the file as the unit's submission for it."
        ),
        valueName: "YYYY-MM"))
    var month: Month?

    @Option(
      name: .long,
      help: ArgumentHelp(
        tr(
          "只含该类数据：activities、matters 或 feedback（默认三类都有）；requirements 或 plans 为党委办公室填写考核要求或计划的表。",
          "Only this record type: activities, matters or feedback (default: all three); requirements or plans: the office's form for the campaign's requirements or plans."
        ),
        valueName: "type"))
    var type: CollectionTemplate.Sheet?

    @Option(name: .long, help: ArgumentHelp(tr("输出文件夹（不存在时自动创建）。", "The folder to write into (created when missing)."), valueName: "dir"))
    var out = "Output"

    @Option(
      name: .long,
      help: ArgumentHelp(
        tr(
          "模板的制作日期（默认今天）：记入文件属性；未绑定月份时，日期可填到次年年底。",
          "The template's date (default: today): in the file's properties; without --month, dates may run to the end of the next year."),
        valueName: "YYYY-MM-DD"))
    var today: Day?

    func validate() throws {
      if month != nil && unit == nil {
        throw ValidationError(
          options.language.pick(
            "--month 须与 --unit 一起使用：报送表属于一个单位的一个月。", "--month needs --unit: a submission form belongs to one unit and one month."))
      }
    }

    func run() throws {
      let name = OutputFile.safeFileName(joining: ["template", unit, month?.iso, type?.rawValue]) + ".xlsx"
      let path = URL(fileURLWithPath: out).appendingPathComponent(name).path
      try RunLog.run(options, command: "template") {
        let lang = options.language
        let store = try options.openStore(.existing)
        try Console.guarded(lang) {
          // The campaign of the form's month (of today for a blank form): its kinds, levels and dates.
          let choice = CampaignChoice.given(campaignOption.campaign, else: .current(month?.last ?? (today ?? Day.today())))
          let settings = try store.settings(campaign: choice)
          var organizations = try store.organizations()
          var binding: (scope: SubmissionScope, unitName: String)?
          if let unit {
            guard let subtree = organizations.subtree(of: unit) else { throw StoreError.unknownOrganization(id: unit) }
            organizations = subtree
            if let month { binding = (SubmissionScope(unit: unit, month: month), subtree.first { $0.id == unit }?.name ?? unit) }
          }
          // The campaign's requirements and plans, for the instruction sheet: with --unit, those
          // that concern the unit the organization counts for.
          var targets = try store.snapshot(campaign: choice) { try $0.targets() }
          if let unit {
            let all = try store.organizations()
            let byID = Dictionary(all.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            var counted = byID[unit]
            while let o = counted, let parent = o.parent, byID[parent]?.parent != nil { counted = byID[parent] }
            if let o = counted, o.parent != nil {
              targets.requirements = targets.requirements.filter { r in
                o.counted && !r.exempt.contains(o.id) && (r.appliesTo == .all || r.appliesTo == .kind(o.kind) || r.appliesTo == .unit(o.id))
              }
              targets.plans = targets.plans.filter { $0.organization == o.id }
            }
          }
          var contents = CollectionTemplate.Contents(
            catalogue: try store.catalogue(campaign: choice), organizations: organizations, matterIDs: try store.matterIDs(),
            dates: CollectionTemplate.dates(month: month, campaignStart: settings.campaignStart, today: (today ?? Day.today())),
            matterDates: CollectionTemplate.dates(month: nil, campaignStart: settings.campaignStart, today: (today ?? Day.today())),
            sheets: type.map { [$0] } ?? CollectionTemplate.Sheet.records, campaign: settings.campaign, binding: binding)
          contents.targets = targets
          contents.targetNames = Dictionary(try store.organizations().map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
          try OutputFile.write(path) { temp in try CollectionTemplate.write(contents, to: temp, lang: lang, created: (today ?? Day.today()))
          }
        }
        options.say(path)
        return [path]
      }
    }
  }
}

extension CollectionTemplate.Sheet: ExpressibleByArgument {}
