// swift-tools-version:6.0
import Foundation
import PackageDescription

// libFuzzer targets, one executable each, built only by scripts/fuzz.sh with
// `-sanitize=fuzzer,address`. A separate package so that `swift build` / `make test` at the root
// never sees them (they cannot link without the fuzzer runtime).
// A path dependency's identity is its directory's name, which differs between clones.
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
let rootIdentity = root.lastPathComponent
// Coverage and ASan for the harnesses, and libFuzzer at link; the libraries under test get the
// same through DX_FUZZ=1 in the root manifest (scripts/fuzz.sh sets it).
let fuzzer: [SwiftSetting] = [.unsafeFlags(["-sanitize=fuzzer,address"])]
let fuzzerLink: [LinkerSetting] = [.unsafeFlags(["-sanitize=fuzzer,address"])]

let package = Package(
    name: "dxserve-fuzz",
    platforms: [.macOS(.v13)],
    dependencies: [.package(path: root.path)],
    targets: [
        .target(name: "FuzzDriver"),
        .executableTarget(
            name: "FuzzHTTPParser",
            dependencies: ["FuzzDriver", .product(name: "DXHTTP", package: rootIdentity)],
            swiftSettings: fuzzer, linkerSettings: fuzzerLink),
        .executableTarget(
            name: "FuzzJSONReader",
            dependencies: ["FuzzDriver", .product(name: "DXServer", package: rootIdentity)],
            swiftSettings: fuzzer, linkerSettings: fuzzerLink),
        .executableTarget(
            name: "FuzzCSVReader",
            dependencies: ["FuzzDriver", .product(name: "DXCore", package: rootIdentity)],
            swiftSettings: fuzzer, linkerSettings: fuzzerLink),
        .executableTarget(
            name: "FuzzQueryParameters",
            dependencies: ["FuzzDriver", .product(name: "DXServer", package: rootIdentity)],
            swiftSettings: fuzzer, linkerSettings: fuzzerLink),
    ],
    swiftLanguageModes: [.v6]
)
