// swift-tools-version: 6.0
// h2corridor — hydrogen corridors and refuelling-station economics.
// Layering (DESIGN §5): CGSL/CGLPK/CCBC/CHiGHS (headers only) → H2Numerics (the only Swift that touches C)
// → H2Model (pure domain, no file I/O) → H2IO (files in, results out) → h2corridor (thin CLI).
import PackageDescription

let package = Package(
    name: "h2corridor",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "h2corridor", targets: ["h2corridor"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        // ZIP container of results.xlsx; the OOXML inside is written by H2IO/Workbook.swift.
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        .systemLibrary(
            name: "CGSL",
            pkgConfig: "gsl",
            providers: [.apt(["libgsl-dev"])]
        ),
        // Debian ships no glpk.pc: the module map links `glpk` directly.
        .systemLibrary(
            name: "CGLPK",
            providers: [.apt(["libglpk-dev"])]
        ),
        // COIN-OR CBC, the second MILP backend, through its C interface (Debian ships cbc.pc).
        .systemLibrary(
            name: "CCBC",
            pkgConfig: "cbc",
            providers: [.apt(["coinor-libcbc-dev"])]
        ),
        // HiGHS, the third MILP backend, through its C interface. No Debian package exists:
        // scripts/setup.sh builds the pinned release from its PyPI source archive and installs
        // it with a highs.pc.
        .systemLibrary(
            name: "CHiGHS",
            pkgConfig: "highs"
        ),
        .target(name: "H2Numerics", dependencies: ["CGSL", "CGLPK", "CCBC", "CHiGHS"]),
        .target(name: "H2Model", dependencies: ["H2Numerics"]),
        .target(name: "H2IO", dependencies: [
            "H2Model", .product(name: "TOMLKit", package: "TOMLKit"), .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ]),
        .executableTarget(
            name: "h2corridor",
            dependencies: ["H2Model", "H2IO", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .executableTarget(
            name: "h2bench",
            dependencies: ["H2Numerics", "H2Model", "H2IO"],
            path: "Benchmarks/h2bench"
        ),
        .target(name: "TestSupport", dependencies: ["H2Model"], path: "Tests/TestSupport"),
        .testTarget(name: "H2NumericsTests", dependencies: ["H2Numerics", "H2Model", "TestSupport"]),
        .testTarget(name: "H2ModelTests", dependencies: ["H2Model", "TestSupport"]),
        .testTarget(name: "H2IOTests", dependencies: ["H2IO", "TestSupport", .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        .testTarget(name: "CLITests", dependencies: ["TestSupport", "h2corridor"], exclude: ["Fixtures"]),
    ]
)
