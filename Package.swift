// swift-tools-version:6.1
// policyq — Chinese government policy documents: ingest, segment, extract, index, search, diff.
//
// The targets mirror the pipeline; dependencies point one way:
//
//   CICU, CLibXML2          native bindings (system ICU behind our own C functions; libxml2)
//   PolicyCore              model, normalized text with offset map, Chinese numerals, gazetteer, JSON
//   PolicyIngest            readers (text/GBK, HTML, DOCX, PDF), document splitting, metadata
//   PolicySegment           numbered clause tree
//   PolicyExtract           typed records (amount, percent, quantity, time, agency, citation)
//   PolicyPipeline          file → documents + clauses + records (ingest → segment → extract)
//   PolicyStore             SQLite index (GRDB), Chinese FTS5 tokenizer, incremental ingest
//   PolicyDiff              provincial vs national: measures aligned by content, typed values compared
//   PolicyQuery             search, show, export, stats, cross-reference, diff over the index
//   PolicyFormat            output: tables by display width, RFC 4180 CSV, JSON Lines
//   policyq                 thin command-line front end (swift-argument-parser)
import PackageDescription

let strict: [SwiftSetting] = [.swiftLanguageMode(.v6)]

let package = Package(
    name: "policyq",
    products: [
        .executable(name: "policyq", targets: ["policyq"]),
        .library(name: "PolicyKit", targets: ["PolicyCore", "PolicyIngest", "PolicySegment", "PolicyExtract",
                                             "PolicyPipeline", "PolicyStore", "PolicyQuery", "PolicyFormat", "PolicyDiff"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        // Native bindings
        .target(
            name: "CICU",
            path: "Sources/CICU",
            linkerSettings: [.linkedLibrary("icui18n"), .linkedLibrary("icuuc"), .linkedLibrary("icudata")]),
        .systemLibrary(
            name: "CLibXML2",
            path: "Sources/CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]),

        // Pipeline stages
        .target(name: "PolicyCore", dependencies: ["CICU"], swiftSettings: strict),
        .target(name: "PolicyIngest",
                dependencies: ["PolicyCore", "CLibXML2", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
                swiftSettings: strict),
        .target(name: "PolicySegment", dependencies: ["PolicyCore"], swiftSettings: strict),
        .target(name: "PolicyExtract", dependencies: ["PolicyCore"], swiftSettings: strict),
        .target(name: "PolicyPipeline", dependencies: ["PolicyIngest", "PolicySegment", "PolicyExtract"],
                swiftSettings: strict),
        .target(name: "PolicyStore",
                dependencies: ["PolicyPipeline", "PolicyIngest", .product(name: "GRDB", package: "GRDB.swift"),
                               .product(name: "GRDBSQLite", package: "GRDB.swift")],
                swiftSettings: strict),
        .target(name: "PolicyFormat", dependencies: ["PolicyCore"], swiftSettings: strict),
        .target(name: "PolicyDiff", dependencies: ["PolicyCore", "PolicyFormat"], swiftSettings: strict),
        .target(name: "PolicyQuery",
                dependencies: ["PolicyStore", "PolicyExtract", "PolicyFormat", "PolicyDiff", .product(name: "GRDB", package: "GRDB.swift")],
                swiftSettings: strict),
        .executableTarget(
            name: "policyq",
            dependencies: ["PolicyQuery", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            swiftSettings: strict),
        .executableTarget(name: "PolicyFuzz", dependencies: ["PolicyPipeline"], path: "Sources/PolicyFuzz",
                          swiftSettings: strict),
        .executableTarget(name: "ExtractionEval", dependencies: ["PolicyPipeline"], path: "Sources/ExtractionEval",
                          swiftSettings: strict),
        .executableTarget(name: "ExtractionBenchmark", dependencies: ["PolicyPipeline"], path: "Sources/ExtractionBenchmark",
                          swiftSettings: strict),
        .executableTarget(name: "IndexBenchmark",
                          dependencies: ["PolicyStore", "PolicyQuery", .product(name: "GRDB", package: "GRDB.swift")],
                          swiftSettings: strict),

        // Tests
        .target(name: "TestSupport", dependencies: ["PolicyCore", "PolicyPipeline"], path: "Tests/TestSupport", swiftSettings: strict),
        .testTarget(name: "NativeBindingTests", dependencies: ["CICU", "CLibXML2", "PolicyCore", "TestSupport"],
                    swiftSettings: strict),
        .testTarget(name: "PolicyCoreTests", dependencies: ["PolicyCore", "TestSupport"], swiftSettings: strict),
        .testTarget(name: "PolicyIngestTests", dependencies: ["PolicyIngest", "TestSupport"], swiftSettings: strict),
        .testTarget(name: "PolicySegmentTests", dependencies: ["PolicySegment", "PolicyIngest", "TestSupport"], swiftSettings: strict),
        .testTarget(name: "PolicyExtractTests", dependencies: ["PolicyExtract", "TestSupport"], swiftSettings: strict),
        .testTarget(name: "PolicyPipelineTests", dependencies: ["PolicyPipeline", "TestSupport"], swiftSettings: strict),
        .testTarget(name: "PolicyStoreTests", dependencies: ["PolicyStore", "TestSupport"], swiftSettings: strict),
        .testTarget(name: "PolicyQueryTests", dependencies: ["PolicyQuery", "PolicyExtract", "TestSupport"], swiftSettings: strict),
        .testTarget(name: "PolicyDiffTests", dependencies: ["PolicyDiff", "TestSupport"], swiftSettings: strict),
        .testTarget(name: "PolicyFormatTests", dependencies: ["PolicyFormat", "TestSupport"], swiftSettings: strict),
        .testTarget(name: "EndToEndTests",
                    dependencies: ["TestSupport", "PolicyStore", .product(name: "GRDB", package: "GRDB.swift"),
                                   .product(name: "ZIPFoundation", package: "ZIPFoundation")],
                    swiftSettings: strict),
    ]
)
