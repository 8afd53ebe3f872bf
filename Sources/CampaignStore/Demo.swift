import CampaignModel

extension CampaignStore {
  /// Loads the built-in demo institution (organizations, activities, matters, opinions, the
  /// campaign's requirements and plans, and settings, from `Templates/demo/`). Loading it again changes nothing.
  @discardableResult
  public func loadDemo() throws(StoreError) -> [ImportSummary] {
    let files: [(String, String, RecordType)] = [
      ("organizations.csv", BundledFiles.demoOrganizations, .organizations),
      ("matters.csv", BundledFiles.demoMatters, .matters),
      ("activities.csv", BundledFiles.demoActivities, .activities),
      ("feedback.csv", BundledFiles.demoFeedback, .feedback),
      ("requirements.csv", BundledFiles.demoRequirements, .requirements),
      ("plans.csv", BundledFiles.demoPlans, .plans),
    ]
    var summaries: [ImportSummary] = []
    for (name, text, type) in files {
      summaries.append(try importText(text, named: "demo/" + name, type: type))
    }
    for line in BundledFiles.demoSettings.split(separator: "\n").dropFirst() {
      let parts = line.split(separator: ",", maxSplits: 1, omittingEmptySubsequences: false)
      guard parts.count == 2 else { continue }
      try setSetting(String(parts[0]), to: String(parts[1]))
    }
    // A new store's first campaign is `default`; the demo's is the 2021 campaign.
    if try campaigns().map(\.code) == ["default"] { try renameCampaign("default", to: "2021") }
    return summaries
  }
}
