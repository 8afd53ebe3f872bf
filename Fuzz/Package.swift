// swift-tools-version: 6.1
// The libFuzzer targets, as a package of their own that depends on the library (as
// swift-protobuf's FuzzTesting does): `swift build` of the main package never compiles them.
// scripts/fuzz builds them with -sanitize=fuzzer,address and runs them on their corpora. The
// dependency is named, so its identity does not depend on the folder the repository is in.
import PackageDescription

let package = Package(
  name: "CampaignReportFuzz",
  platforms: [.macOS(.v14)],
  dependencies: [.package(name: "CampaignReport", path: "..")],
  targets: [
    .target(name: "FuzzDriver"),
    .executableTarget(name: "FuzzCSV", dependencies: ["FuzzDriver", .product(name: "CampaignReport", package: "CampaignReport")]),
    .executableTarget(name: "FuzzXlsx", dependencies: ["FuzzDriver", .product(name: "CampaignReport", package: "CampaignReport")]),
    .executableTarget(
      name: "FuzzTemplate", dependencies: ["FuzzDriver", .product(name: "CampaignReport", package: "CampaignReport")]),
  ]
)
