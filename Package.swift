// swift-tools-version: 6.1
import PackageDescription

// Module split (see shared/design/ARCHITECTURE.md):
// - RundbordCore: the model, the pure session engine, templates, the string catalogue.
// - RundbordTemplates: the files in Sources/RundbordTemplates/Templates/ embedded in the binary, so an
//   installed binary and a fresh clone find the same templates.
// - RundbordStore: SQLite through GRDB, behind EventStore.
// - RundbordHarvest: exporters.
// - RundbordTUI: buffer, screens, keys, app loop; talks to a TerminalBackend protocol.
// - NcursesBackend: the only module that imports the C library.
// - RundbordSuggest: duplicate suggestions; the only module that imports libstemmer (CStemmer).
// - rundbord: the shipped command line, with its own strings (CLIText, TableText,
//   KeyTryText); rundbord-bench: the benchmarks, a
//   program of its own so the shipped binary carries no bench or tmux code.
// - RundbordProcess: child processes (rundbord runs rundbord-pdf with it).
// - RundbordHarness (tmux) and RundbordTestSupport serve only the tests and the benchmarks.
let package = Package(
    name: "rundbord",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "rundbord", targets: ["rundbord"]),
        // The typeset PDF of the harvest; `rundbord export --format pdf` runs it from beside itself.
        .executable(name: "rundbord-pdf", targets: ["rundbord-pdf"]),
        .executable(name: "rundbord-bench", targets: ["rundbord-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        // Tests only: property-based tests of the engine's invariants and the text wrapper.
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CNcursesw",
            pkgConfig: "ncursesw",
            providers: [.apt(["libncurses-dev"])]
        ),
        // Pango (text layout) and Cairo (PDF): linked only by rundbord-pdf, never by rundbord.
        .systemLibrary(
            name: "CPangoCairo",
            pkgConfig: "pangocairo",
            providers: [.apt(["libpango1.0-dev", "libcairo2-dev"])]
        ),
        // Snowball stemming (Danish) for duplicate suggestions; Debian's
        // libstemmer-dev has no .pc file, so the module map names the library.
        .systemLibrary(
            name: "CStemmer",
            providers: [.apt(["libstemmer-dev"])]
        ),
        // GNU libidn2: addresses with æ/ø/å in the domain written in their ASCII
        // (IDNA) form in the follow-up mail's headers. Only RundbordHarvest imports it.
        .systemLibrary(
            name: "CIDN2",
            pkgConfig: "libidn2",
            providers: [.apt(["libidn2-dev"])]
        ),
        // The template files live in Sources/RundbordTemplates/Templates/ and are
        // compiled into the binary; their documentation is in docs/TEMPLATES*.md.
        .target(
            name: "RundbordTemplates",
            resources: [.embedInCode("Templates")]
        ),
        .target(
            name: "RundbordCore",
            dependencies: ["RundbordTemplates", .product(name: "Yams", package: "Yams")]
        ),
        .target(
            name: "RundbordStore",
            dependencies: ["RundbordCore", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .target(
            name: "RundbordSuggest",
            dependencies: ["RundbordCore", "CStemmer"]
        ),
        .target(
            name: "RundbordHarvest",
            dependencies: ["RundbordCore", "RundbordStore", "RundbordProcess", "CIDN2",
                           .product(name: "Mustache", package: "swift-mustache")]
        ),
        .target(
            name: "RundbordTUI",
            dependencies: ["RundbordCore", "RundbordStore", "RundbordHarvest", "RundbordSuggest"]
        ),
        .target(
            name: "NcursesBackend",
            dependencies: ["CNcursesw", "RundbordTUI"]
        ),
        // The harvest typeset with Pango and Cairo: a layout engine and the document's blocks.
        .target(
            name: "RundbordPDF",
            dependencies: ["CPangoCairo", "RundbordCore", "RundbordHarvest"]
        ),
        .executableTarget(
            name: "rundbord-pdf",
            dependencies: [
                "RundbordPDF", "RundbordCore", "RundbordStore", "RundbordHarvest",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Child processes: rundbord runs rundbord-pdf; the tests and benchmarks run rundbord.
        .target(name: "RundbordProcess"),
        // tmux on a private socket, for the end-to-end tests and `rundbord-bench`;
        // never linked into the shipped `rundbord`.
        .target(name: "RundbordHarness", dependencies: ["RundbordProcess"]),
        .executableTarget(
            name: "rundbord",
            dependencies: [
                "RundbordCore", "RundbordStore", "RundbordHarvest", "RundbordTUI", "NcursesBackend", "RundbordProcess",
                "RundbordSuggest", .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The benchmarks, a separate program so the shipped binary carries none of their code.
        .executableTarget(
            name: "rundbord-bench",
            dependencies: [
                "RundbordCore", "RundbordStore", "RundbordHarvest", "RundbordTUI", "RundbordHarness",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // What the test targets share: the test world, temporary events, the
        // binary finder, the snapshot helper, key presses by command.
        .target(
            name: "RundbordTestSupport",
            dependencies: ["RundbordCore", "RundbordStore", "RundbordTUI", "RundbordHarness"],
            path: "Tests/RundbordTestSupport"
        ),
        .testTarget(name: "RundbordCoreTests", dependencies: [
            "RundbordCore", "RundbordTemplates", "RundbordTestSupport", .product(name: "PropertyBased", package: "swift-property-based"),
        ]),
        .testTarget(name: "RundbordStoreTests", dependencies: [
            "RundbordStore", "RundbordCore", "RundbordTestSupport", .product(name: "PropertyBased", package: "swift-property-based"),
        ]),
        .testTarget(name: "RundbordHarvestTests", dependencies: [
            "RundbordHarvest", "RundbordPDF", "RundbordStore", "RundbordCore", "RundbordTestSupport", .product(name: "PropertyBased", package: "swift-property-based"),
        ], exclude: ["__Snapshots__"]),
        .testTarget(name: "RundbordTUITests", dependencies: ["RundbordTUI", "RundbordStore", "RundbordCore", "RundbordHarvest",
                                                         "RundbordProcess", "RundbordTestSupport"],
                    exclude: ["__Snapshots__"]),
        .testTarget(name: "RundbordSuggestTests", dependencies: ["RundbordSuggest", "RundbordCore"],
                    exclude: ["DuplicatePairs.tsv"]),
        // Also the `rundbord` module itself, whose command-line strings are checked here.
        .testTarget(name: "EndToEndTests", dependencies: ["RundbordCore", "RundbordStore", "RundbordHarness", "RundbordTemplates",
                                                           "RundbordTestSupport", "rundbord"]),
    ],
    swiftLanguageModes: [.v6]
)
