// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "dxserve",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "dxserve", targets: ["dxserve"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
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
            dependencies: ["CSQLite", .product(name: "Crypto", package: "swift-crypto")]
        ),
        // The pure HTTP/1.1 pieces: parser, request and response values, response encoder.
        // No sockets, so the compiler keeps the parser testable byte for byte.
        .target(name: "DXHTTP"),
        // The epoll loops, connections, sockets and replay cache; it knows its caller only
        // through `HTTPResponder`.
        .target(name: "DXEngine", dependencies: ["DXHTTP", "CDXSystem"]),
        .target(
            name: "DXServer",
            dependencies: ["DXHTTP", "DXEngine", "DXCore", "CZlib", "CDXSystem"],
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
            ]
        ),
        .testTarget(name: "DXCoreTests", dependencies: ["DXCore"], exclude: ["Fixtures"]),
        .testTarget(
            name: "DXServerTests", dependencies: ["DXServer", "DXHTTP", "DXEngine", "DXCore", "CZlib"], exclude: ["Fixtures"]),
    ],
    swiftLanguageModes: [.v6]
)
