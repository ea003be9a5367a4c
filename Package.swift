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
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
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
        .target(
            name: "DXServer",
            dependencies: ["DXCore", "CZlib", "CDXSystem", .product(name: "Mustache", package: "swift-mustache")]
        ),
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
            name: "DXServerTests", dependencies: ["DXServer", "DXCore", "CZlib"], exclude: ["Fixtures"]),
    ],
    swiftLanguageModes: [.v6]
)
