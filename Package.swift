// swift-tools-version:6.0
import PackageDescription

// Linux only, so no platform is claimed: the file walker reads `st_mtim`/`st_ctim` (Glibc's
// names) and the templates are found through /proc/self/exe.

/// Language modes that will be the default later, on now so that the code already reads that way.
let upcoming: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "journal",
    products: [
        .executable(name: "journal", targets: ["journal"]),
        .library(name: "JournalKit", targets: ["JournalKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    ],
    targets: [
        // libcmark from the system (Debian libcmark-dev), found through pkg-config.
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        // The generated first-name list: GFDL data, not under the project's licence (NOTICE).
        .target(
            name: "FirstNameData",
            exclude: ["COPYING.GFDL-1.2"]
        ),
        .target(
            name: "JournalKit",
            dependencies: [
                "CCmark",
                "FirstNameData",
                .product(name: "Yams", package: "Yams"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            // The built-in note templates (templates/ at the top is a link to them).
            resources: [.copy("Templates")],
            swiftSettings: upcoming
        ),
        .executableTarget(
            name: "journal",
            dependencies: [
                "JournalKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: upcoming
        ),
        .testTarget(
            name: "JournalKitTests",
            dependencies: ["JournalKit", "journal", .product(name: "GRDB", package: "GRDB.swift")],
            resources: [.copy("Fixtures")],
            swiftSettings: upcoming
        ),
    ]
)
