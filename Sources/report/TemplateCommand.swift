import ArgumentParser
import CampaignModel
import CampaignStore
import Foundation
import Workflow
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
      let request = Forms.Request(
        unit: unit, month: month, sheet: type, today: today ?? Day.today(), lang: options.language, campaign: campaignOption.campaign)
      let path = URL(fileURLWithPath: out).appendingPathComponent(request.fileName).path
      try RunLog.run(options, command: "template") {
        let store = try options.openStore(.existing)
        try Console.guarded(options.language) { try Forms.write(request, store: store, to: path) }
        options.say(path)
        return [path]
      }
    }
  }
}

extension CollectionTemplate.Sheet: ExpressibleByArgument {}
