// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "portal",
    // macOS 15: Synchronization's Mutex and String(validating:as:) are there from 15 on.
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "portal", targets: ["portal"]),
        .library(name: "PortalCore", targets: ["PortalCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0"),
        // Already used by Hummingbird; named here for the preview server's bind errors, shutdown and logger.
        .package(url: "https://github.com/apple/swift-nio", from: "2.0.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.0.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.0.0"),
        // SHA-256 of every output file for the manifest (already in the graph through Hummingbird's).
        .package(url: "https://github.com/apple/swift-crypto", "3.0.0"..<"5.0.0"),
    ],
    targets: [
        // The C library from Debian's libcmark-gfm-dev / Homebrew's cmark-gfm.
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"]), .brew(["cmark-gfm"])]
        ),
        // libdeflate (Debian's libdeflate-dev) and libbrotlienc (libbrotli-dev) for the precompressed
        // .gz and .br files; each behind the one target that touches its pointers.
        .systemLibrary(name: "CLibdeflate", pkgConfig: "libdeflate", providers: [.apt(["libdeflate-dev"]), .brew(["libdeflate"])]),
        .target(name: "Gzip", dependencies: ["CLibdeflate"]),
        .systemLibrary(name: "CBrotli", pkgConfig: "libbrotlienc", providers: [.apt(["libbrotli-dev"]), .brew(["brotli"])]),
        .target(name: "Brotli", dependencies: ["CBrotli"]),
        // The C library from Debian's libvips-dev / Homebrew's vips, with a header of fixed-argument calls.
        .systemLibrary(
            name: "CVips",
            pkgConfig: "vips",
            providers: [.apt(["libvips-dev"]), .brew(["vips"])]
        ),
        // The only code that touches libvips' pointers: headers, decode, orient, sRGB, resize, encode.
        .target(name: "Images", dependencies: ["CVips"]),
        // The one HTML escaper and the one byte search, on UTF-8 bytes, for every target that touches markup.
        .target(name: "ByteText"),
        // Vietnamese text rules: slugs, mark folding, numbers and dates the Vietnamese way.
        .target(name: "VietnameseText"),
        // SVG charts drawn at build time: scales, ticks, axes, bar/line/bullet/donut, accessible text.
        .target(name: "Charts", dependencies: ["ByteText", "VietnameseText"]),
        // The only code that touches cmark-gfm pointers.
        .target(name: "Markdown", dependencies: ["ByteText", "CCmarkGFM", "VietnameseText"]),
        // Model, loading, resolving, findings, rendering with templates, writing.
        .target(
            name: "PortalCore",
            dependencies: [
                "ByteText",
                "Markdown",
                "Charts",
                "Images",
                "VietnameseText",
                "Gzip",
                "Brotli",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "CSV", package: "CSV.swift"),
            ]
        ),
        // The preview server: HTTP on 127.0.0.1, file watching, rebuild, live reload, error page.
        // The only target that imports Hummingbird, so the rest of the project builds without it.
        .target(
            name: "PreviewServer",
            dependencies: [
                "ByteText",
                "PortalCore",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // The commands: parses arguments and calls PortalCore, nothing more.
        .executableTarget(
            name: "portal",
            dependencies: [
                "PortalCore",
                "PreviewServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // jemalloc (Debian's libjemalloc-dev) in place of glibc's malloc: a build allocates millions of
            // short-lived strings on every core, and glibc's malloc was a tenth of its time
            // (Benchmarks/run.sh: about 10 % less wall time at 10,000 items, the same output).
            linkerSettings: [.linkedLibrary("jemalloc", .when(platforms: [.linux]))]
        ),
        .testTarget(name: "ByteTextTests", dependencies: ["ByteText"]),
        .testTarget(name: "VietnameseTextTests", dependencies: ["VietnameseText"]),
        .testTarget(name: "ChartsTests", dependencies: ["Charts"], exclude: ["Golden"]),
        .testTarget(name: "MarkdownTests", dependencies: ["Markdown"]),
        .testTarget(name: "CompressionTests", dependencies: ["Gzip", "Brotli"]),
        .testTarget(name: "ImagesTests", dependencies: ["Images", "PortalTestSupport"]),
        // Writes small sites inline in a test, with the bundled theme, and reads what was built.
        .target(name: "PortalTestSupport", dependencies: ["PortalCore"], path: "Tests/PortalTestSupport"),
        .testTarget(name: "PortalCoreTests", dependencies: ["PortalCore", "PortalTestSupport"]),
        .testTarget(name: "PortalCommandTests", dependencies: ["portal", "PortalTestSupport"]),
        .testTarget(name: "PreviewServerTests", dependencies: ["PreviewServer", "PortalTestSupport"]),
    ]
)
