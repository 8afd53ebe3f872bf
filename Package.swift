// swift-tools-version: 6.1
import PackageDescription

let package = Package(
  name: "CampaignReport",
  platforms: [.macOS(.v14)],
  products: [
    .executable(name: "report", targets: ["report"]),
    .library(name: "CampaignReport", targets: ["CampaignModel", "CampaignStore", "Aggregation", "Writers", "Workflow"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
    .package(url: "https://github.com/hummingbird-project/swift-mustache", exact: "2.1.1"),
    .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
    .package(url: "https://github.com/hummingbird-project/hummingbird", exact: "2.28.1"),
    .package(url: "https://github.com/hummingbird-project/hummingbird-auth", exact: "2.5.0"),
    .package(url: "https://github.com/vapor/multipart-kit", exact: "4.7.1"),
    .package(url: "https://github.com/apple/swift-log", exact: "1.16.2"),
  ],
  targets: [
    .target(name: "CampaignModel"),
    .target(
      name: "CampaignStore",
      dependencies: [
        "CampaignModel", "CPostgres", .product(name: "GRDB", package: "GRDB.swift"),
        .product(name: "ZIPFoundation", package: "ZIPFoundation"),
      ]
    ),
    .systemLibrary(
      name: "CPostgres",
      pkgConfig: "libpq",
      providers: [.apt(["libpq-dev"])]
    ),
    .target(name: "Aggregation", dependencies: ["CampaignModel"]),
    .target(name: "Synthetic", dependencies: ["CampaignModel"]),
    .systemLibrary(
      name: "CXlsxWriter",
      pkgConfig: "xlsxwriter",
      providers: [.apt(["libxlsxwriter-dev"])]
    ),
    .target(
      name: "Writers",
      dependencies: [
        "CampaignModel", "Aggregation", "CXlsxWriter", .product(name: "Mustache", package: "swift-mustache"), "ZIPFoundation",
      ]
    ),
    .target(name: "Workflow", dependencies: ["CampaignModel", "CampaignStore", "Aggregation", "Writers"]),
    .target(
      name: "WebWorkbench",
      dependencies: [
        "CampaignModel", "CampaignStore", "Aggregation", "Writers", "Workflow",
        .product(name: "Hummingbird", package: "hummingbird"),
        .product(name: "HummingbirdAuth", package: "hummingbird-auth"),
        .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
        .product(name: "MultipartKit", package: "multipart-kit"),
        .product(name: "Mustache", package: "swift-mustache"),
        .product(name: "Logging", package: "swift-log"),
      ]
    ),
    .executableTarget(
      name: "report",
      dependencies: [
        "CampaignModel", "CampaignStore", "Aggregation", "Writers", "Synthetic", "Workflow", "WebWorkbench",
        .product(name: "Logging", package: "swift-log"),
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    .target(
      name: "TestSupport", dependencies: ["CampaignStore", .product(name: "GRDB", package: "GRDB.swift")],
      path: "Tests/TestSupport"),
    .testTarget(name: "CampaignModelTests", dependencies: ["CampaignModel"]),
    .testTarget(
      name: "CampaignStoreTests",
      dependencies: ["CampaignStore", "Writers", "Synthetic", "TestSupport", .product(name: "GRDB", package: "GRDB.swift")]
    ),
    .testTarget(name: "AggregationTests", dependencies: ["Aggregation", "CampaignStore", "TestSupport"]),
    .testTarget(name: "WritersTests", dependencies: ["Writers", "Aggregation", "CampaignStore", "TestSupport"]),
    .testTarget(name: "EndToEndTests", dependencies: ["report", "TestSupport"]),
    .testTarget(
      name: "WebWorkbenchTests",
      dependencies: [
        "WebWorkbench", "Workflow", "CampaignStore", "Synthetic", "TestSupport",
        .product(name: "HummingbirdTesting", package: "hummingbird"),
      ]
    ),
  ]
)
