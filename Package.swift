// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "phonebatch",
    // Linux only: the reader calls Glibc, and the job runs on Debian.
    products: [
        .executable(name: "phonebatch", targets: ["phonebatch"]),
        .library(name: "PhoneBatch", targets: ["PhoneBatch"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
    ],
    targets: [
        // libsqlite3 from Debian's libsqlite3-dev.
        .systemLibrary(name: "CSQLite", path: "Sources/CSQLite"),
        // libcrypto from Debian's libssl-dev, for SHA-256 (the input's fingerprint).
        .systemLibrary(name: "CCrypto", path: "Sources/CCrypto"),
        // libphonenumber's metadata compiled into tables and automata: generated C (written by
        // scripts/update-metadata) under a header written by hand.
        .target(name: "CPhoneMetadata", path: "Sources/CPhoneMetadata"),
        // The phone number engine: parsing, validity, types, formats, places, carriers and
        // time zones, from the compiled metadata. No locks, no state: any thread may use it.
        .target(name: "NumberEngine", dependencies: ["CPhoneMetadata"]),
        .target(
            name: "PhoneBatch",
            dependencies: [
                "CSQLite",
                "CCrypto",
                "NumberEngine",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ]
        ),
        // The provider imitations, on Hummingbird: tests start it in-process, users rehearse on it.
        .target(
            name: "PhoneBatchSandbox",
            dependencies: [
                "PhoneBatch",
                .product(name: "Hummingbird", package: "hummingbird"),
            ]
        ),
        .executableTarget(
            name: "phonebatch",
            dependencies: [
                "PhoneBatch",
                "PhoneBatchSandbox",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(name: "NumberEngineTests", dependencies: ["NumberEngine"]),
        .testTarget(
            name: "PhoneBatchTests",
            // The end-to-end tests run the built `phonebatch` binary.
            dependencies: [
                "PhoneBatch", "PhoneBatchSandbox", "phonebatch",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ],
            resources: [.copy("Fixtures")]
        ),
    ]
)
