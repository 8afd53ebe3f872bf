import Foundation
import TestSupport
import Testing

@testable import CampaignStore
@testable import Writers

/// The embedded copies must match Templates/; run scripts/embed-resources after editing them.
@Suite("Embedded files")
struct BundledFilesTests {
  @Test(
    "embedded copies equal the files in Templates/",
    arguments: [
      ("kinds.csv", BundledFiles.defaultKinds),
      ("demo/organizations.csv", BundledFiles.demoOrganizations),
      ("demo/activities.csv", BundledFiles.demoActivities),
      ("demo/matters.csv", BundledFiles.demoMatters),
      ("demo/feedback.csv", BundledFiles.demoFeedback),
      ("demo/settings.csv", BundledFiles.demoSettings),
      ("briefing.zh.mustache", BundledTemplates.briefingZh),
      ("briefing.en.mustache", BundledTemplates.briefingEn),
    ])
  func inSync(_ file: String, _ embedded: String) throws {
    let url = Fixtures.packageRoot.appendingPathComponent("Templates/\(file)")
    let text = try String(contentsOf: url, encoding: .utf8)
    #expect(embedded == text, "Templates/\(file) changed: run scripts/embed-resources")
  }
}
