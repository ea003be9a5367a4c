// swift-tools-version:6.0
import Foundation
import PackageDescription

// libFuzzer targets, one executable each, built only by scripts/fuzz.sh with
// `-sanitize=fuzzer,address`. A separate package so that `swift build` / `make test` at the root
// never sees them (they cannot link without the fuzzer runtime).
// A path dependency's identity is its directory's name, which differs between clones.
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
let rootIdentity = root.lastPathComponent

let package = Package(
    name: "dxserve-fuzz",
    platforms: [.macOS(.v13)],
    dependencies: [.package(path: root.path)],
    targets: [
        .target(name: "FuzzDriver"),
        .executableTarget(
            name: "FuzzHTTPParser",
            dependencies: ["FuzzDriver", .product(name: "DXHTTP", package: rootIdentity)]),
        .executableTarget(
            name: "FuzzJSONReader",
            dependencies: ["FuzzDriver", .product(name: "DXServer", package: rootIdentity)]),
        .executableTarget(
            name: "FuzzCSVReader",
            dependencies: ["FuzzDriver", .product(name: "DXCore", package: rootIdentity)]),
        .executableTarget(
            name: "FuzzQueryParameters",
            dependencies: ["FuzzDriver", .product(name: "DXServer", package: rootIdentity)]),
    ],
    swiftLanguageModes: [.v6]
)
