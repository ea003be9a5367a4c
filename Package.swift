// swift-tools-version:6.0
import Foundation
import PackageDescription

// scripts/fuzz.sh sets DX_FUZZ=1 for its own scratch build: the libraries the fuzz targets read
// bytes with get libFuzzer's coverage and ASan (compile only; fuzz/ links). Flags for only these
// targets, not -Xswiftc, because the EmbedOpenAPI build tool must link as a normal program.
let fuzzSettings: [SwiftSetting] =
    ProcessInfo.processInfo.environment["DX_FUZZ"] == "1" ? [.unsafeFlags(["-sanitize=fuzzer,address"])] : []
// The engine calls the parser, clock and encoder of DXHTTP on every request: in release builds
// their bodies are offered to the calling module for inlining, as they were when both lived in
// one module (`make profile` counts the instructions per request).
let crossModuleInlining: [SwiftSetting] = [.unsafeFlags(["-cross-module-optimization"], .when(configuration: .release))]
// The parser and the engine keep their state in final classes whose fields the hot loops touch
// several times a request; release builds skip the run-time exclusivity check of those
// accesses (about 630 instructions a cached request, issue 9). A trade-off: an overlapping
// access would then be undefined instead of a trap, so debug builds, which run every test,
// keep the checks, and only these two targets, which do no concurrency of their own on a
// connection, go unchecked.
let uncheckedExclusivity: [SwiftSetting] = [.unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))]

let package = Package(
    name: "dxserve",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "dxserve", targets: ["dxserve"]),
        // Libraries only so that the fuzzing package (fuzz/) can depend on this one by path.
        .library(name: "DXHTTP", targets: ["DXHTTP"]),
        .library(name: "DXCore", targets: ["DXCore"]),
        .library(name: "DXServer", targets: ["DXServer"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CSQLite",
            providers: [.apt(["libsqlite3-dev"])]
        ),
        .systemLibrary(
            name: "CZlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        // epoll, eventfd and accept4 are not in Glibc's Swift module; this shim exposes them
        // the way swift-nio's CNIOLinux does.
        .target(name: "CDXSystem"),
        .target(
            name: "DXCore",
            dependencies: ["CSQLite", "DXTime", "DXSync", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: fuzzSettings
        ),
        // Dates and instants (RFC 3339 date-time, YYYY-MM-DD, day numbers): one reader and
        // writer of each format, shared by the store and the engine's access log.
        .target(name: "DXTime", swiftSettings: crossModuleInlining),
        // The lock for shared tables, one that ThreadSanitizer can see (Locked.swift says why).
        .target(name: "DXSync", swiftSettings: crossModuleInlining),
        // The pure HTTP/1.1 pieces: parser, request and response values, response encoder.
        // No sockets, so the compiler keeps the parser testable byte for byte.
        .target(name: "DXHTTP", swiftSettings: fuzzSettings + crossModuleInlining + uncheckedExclusivity),
        // The epoll loops, connections, sockets and replay cache; it knows its caller only
        // through `HTTPResponder`.
        .target(name: "DXEngine", dependencies: ["DXHTTP", "DXTime", "DXSync", "CDXSystem"], swiftSettings: crossModuleInlining + uncheckedExclusivity),
        .target(
            name: "DXServer",
            dependencies: [
                "DXHTTP", "DXEngine", "DXCore", "DXSync", "CZlib", "CDXSystem",
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ],
            swiftSettings: fuzzSettings,
            plugins: ["EmbedOpenAPI"]
        ),
        // openapi/openapi.json, compiled into DXServer (Plugins/EmbedOpenAPI).
        .executableTarget(name: "OpenAPIEmbedder"),
        .plugin(name: "EmbedOpenAPI", capability: .buildTool(), dependencies: ["OpenAPIEmbedder"]),
        .executableTarget(
            name: "dxserve",
            dependencies: [
                "DXServer",
                "DXCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(name: "DXCoreTests", dependencies: ["DXCore", "DXSync"], exclude: ["Fixtures"]),
        .testTarget(
            name: "DXServerTests", dependencies: ["DXServer", "DXHTTP", "DXEngine", "DXCore", "CZlib"], exclude: ["Fixtures"]),
    ],
    swiftLanguageModes: [.v6]
)
