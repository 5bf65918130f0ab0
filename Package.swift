// swift-tools-version:6.0
// Newsroom: a self-hosted HTTP/1.1 JSON API over Chinese local-newspaper pages.
// No package dependencies by design: Foundation, Glibc, Dispatch, Synchronization only.
import PackageDescription

// Every product target: no warnings in debug builds; in release builds, generic code of one module
// (SortedMap, SlotSet, the search cursors) is specialised in the modules that use it instead of
// being called through witness tables (measured: article detail at 100k about 10% less CPU).
let productSettings: [SwiftSetting] = [
    .unsafeFlags(["-warnings-as-errors"], .when(configuration: .debug)),
    .unsafeFlags(["-cross-module-optimization"], .when(configuration: .release)),
]

let package = Package(
    name: "Newsroom",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "newsroom", targets: ["newsroom"]),
    ],
    targets: [
        // HTTP/1.1 over raw POSIX sockets. Knows nothing about newspapers.
        .target(name: "HTTPServer", dependencies: ["CLinux", "CZlib"], swiftSettings: productSettings),
        // epoll, eventfd, signalfd, accept4, malloc tuning, thread names and SCHED_IDLE, with their
        // constants (a C shim, not a package).
        .target(name: "CLinux"),
        // The system's zlib (zlib1g-dev), for gzip bodies.
        .systemLibrary(name: "CZlib", path: "Sources/CZlib", providers: [.apt(["zlib1g-dev"])]),
        // Ordered JSON values written straight to bytes (CLI output, API responses).
        .target(name: "JSONValue", swiftSettings: productSettings),
        // Persistent (copy-on-write, shared) collections and the checksummed, memory-mapped state
        // file format that derived state is kept in. Knows nothing about newspapers.
        .target(name: "Persistence", swiftSettings: productSettings),
        // Character classes and text primitives for Chinese text, shared by parser and analysis.
        .target(name: "ChineseText", swiftSettings: productSettings),
        // Page text -> Page/Article values. Knows nothing about sockets.
        .target(name: "PageParser", dependencies: ["ChineseText"], swiftSettings: productSettings),
        // Tags, localities, initiatives, authors, full-text index over parsed articles.
        .target(name: "Analysis", dependencies: ["PageParser", "ChineseText", "Persistence"], swiftSettings: productSettings),
        // Immutable archive snapshots, cross-links, queries, durable page storage.
        .target(name: "Archive", dependencies: ["PageParser", "Analysis", "Persistence", "CLinux"], swiftSettings: productSettings),
        // REST handlers, JSON shapes, OpenAPI document, static frontend.
        .target(name: "NewsroomAPI", dependencies: ["HTTPServer", "Archive", "JSONValue"], swiftSettings: productSettings),
        // Command line: serve, parse, analyze, healthcheck; configuration; signals.
        .executableTarget(
            name: "newsroom",
            dependencies: ["HTTPServer", "CLinux", "PageParser", "Analysis", "Archive", "NewsroomAPI", "JSONValue", "Persistence"],
            swiftSettings: productSettings
        ),

        // Test-only helpers (the repository's location); never linked into the product.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "HTTPServerTests", dependencies: ["HTTPServer"]),
        .testTarget(name: "PersistenceTests", dependencies: ["Persistence", "TestSupport"]),
        .testTarget(name: "PageParserTests", dependencies: ["PageParser", "TestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "AnalysisTests", dependencies: ["Analysis", "PageParser", "ChineseText", "Persistence", "TestSupport"]),
        .testTarget(name: "ArchiveTests", dependencies: ["Archive", "Analysis", "PageParser", "Persistence", "TestSupport", "CLinux"]),
        .testTarget(name: "NewsroomAPITests", dependencies: ["NewsroomAPI", "HTTPServer", "Archive", "Analysis", "PageParser", "JSONValue", "TestSupport"]),
        // Real headless Chromium against a live server; skipped (with a notice) where no browser is installed.
        .testTarget(name: "BrowserTests", dependencies: ["NewsroomAPI", "HTTPServer", "Archive", "Analysis", "PageParser", "TestSupport"],
                    exclude: ["browser"]),
    ],
    swiftLanguageModes: [.v6]
)
