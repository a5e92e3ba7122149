// swift-tools-version: 6.0
import PackageDescription

// The engine's modules call each other's generic code in every inner loop (decoding the parse cache, building the
// site's indexes); letting the optimiser specialise it across modules took about a tenth off an edit build.
let engine: [SwiftSetting] = [.unsafeFlags(["-cross-module-optimization"], .when(configuration: .release))]

let package = Package(
    name: "Briefing",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "briefing", targets: ["briefing"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        // The preview server: small, no SwiftNIO.
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
        // Test/benchmark-only oracle for our own Mustache engine.
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        // `briefing fetch`: timeouts, redirects, decompression limits and connection pooling.
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        // Named directly for their error types (too many bytes, decompression limit); async-http-client uses them.
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.35.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
    ],
    targets: [
        .systemLibrary(
            name: "CMark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        .target(
            name: "BriefingCore",
            dependencies: [.product(name: "Yams", package: "Yams")],
            swiftSettings: engine
        ),
        .target(name: "BriefingTemplates", swiftSettings: engine),
        .target(
            name: "BriefingIngest",
            dependencies: ["BriefingCore", "CLibXML2"]
        ),
        .target(
            name: "BriefingRender",
            dependencies: ["BriefingCore", "BriefingTemplates", "CMark"],
            swiftSettings: engine
        ),
        .target(
            name: "BriefingBuild",
            dependencies: [
                "BriefingCore", "BriefingRender", "BriefingTemplates",
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: engine
        ),
        .target(
            name: "BriefingServe",
            dependencies: [
                "BriefingBuild", "BriefingTemplates",
                .product(name: "FlyingFox", package: "FlyingFox"),
                .product(name: "FlyingSocks", package: "FlyingFox"),
            ]
        ),
        .target(name: "BriefingScaffold", dependencies: ["BriefingCore"]),
        .target(
            name: "BriefingFetch",
            dependencies: [
                "BriefingCore", "BriefingIngest",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "NIOHTTPCompression", package: "swift-nio-extras"),
            ]
        ),
        .target(name: "BriefingCheck", dependencies: ["BriefingCore", "BriefingRender", "BriefingBuild"]),
        .executableTarget(
            name: "briefing",
            dependencies: [
                "BriefingBuild",
                "BriefingServe",
                "BriefingCheck",
                "BriefingIngest",
                "BriefingScaffold",
                "BriefingFetch",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "template-bench",
            dependencies: [
                "BriefingTemplates",
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            path: "Benchmarks/TemplateBench"
        ),
        .testTarget(name: "BriefingCoreTests", dependencies: ["BriefingCore"]),
        .testTarget(
            name: "BriefingTemplatesTests",
            dependencies: [
                "BriefingTemplates",
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(name: "BriefingRenderTests", dependencies: ["BriefingRender"]),
        .testTarget(
            name: "BriefingIngestTests",
            dependencies: ["BriefingIngest"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(name: "BriefingBuildTests", dependencies: ["BriefingBuild", "BriefingIngest"]),
        .testTarget(name: "BriefingServeTests", dependencies: ["BriefingServe", .product(name: "FlyingFox", package: "FlyingFox")]),
        .testTarget(
            name: "BriefingFetchTests",
            dependencies: ["BriefingFetch", "BriefingIngest", "BriefingBuild", "briefing"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(name: "BriefingCheckTests", dependencies: ["BriefingCheck", "BriefingScaffold", "briefing"]),
    ],
    swiftLanguageModes: [.v6]
)
