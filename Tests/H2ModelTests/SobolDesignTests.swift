// Saltelli design: row layout, shard independence, sampler contracts and errors.
import Testing
import H2Model
import H2Numerics

/// Exact comparison of [[Double]]: the rows must be bit-for-bit the same whatever the split.
private func rows(_ design: SaltelliDesign, _ range: Range<Int>) throws -> [[Double]] {
    try design.rows(range)
}

@Test(arguments: SaltelliSampler.allCases)
func designRowsDoNotDependOnHowTheyAreSplit(sampler: SaltelliSampler) throws {
    let design = try SaltelliDesign(parameters: 3, baseSamples: 64, seed: 2024, sampler: sampler)
    #expect(design.rowCount == 64 * 5)
    let all = try rows(design, 0..<design.rowCount)
    #expect(all.count == design.rowCount)
    // Splits inside a block, on block boundaries, at the ends, and a three-way split.
    for k in [0, 1, 4, 5, 7, 123, 160, 319, 320] {
        #expect(try rows(design, 0..<k) + rows(design, k..<design.rowCount) == all, "split at \(k)")
    }
    #expect(try rows(design, 0..<37) + rows(design, 37..<211) + rows(design, 211..<320) == all)
    // forEachRow streams the same rows with their numbers.
    var streamed: [(Int, [Double])] = []
    try design.forEachRow(50..<75) { streamed.append(($0, $1)) }
    #expect(streamed.map(\.0) == Array(50..<75))
    #expect(streamed.map(\.1) == Array(all[50..<75]))
    #expect(try rows(design, 10..<10).isEmpty)
}

@Test(arguments: SaltelliSampler.allCases)
func designRowLayoutIsABThenAWithOneColumnFromB(sampler: SaltelliSampler) throws {
    let d = 4
    let design = try SaltelliDesign(parameters: d, baseSamples: 32, seed: 9, sampler: sampler)
    let all = try design.rows(0..<design.rowCount)
    for k in 0..<32 {
        let a = all[k * (d + 2)], b = all[k * (d + 2) + 1]
        #expect(a.count == d && b.count == d)
        #expect(a != b)
        for j in 0..<d {
            var expected = a
            expected[j] = b[j]
            #expect(all[k * (d + 2) + 2 + j] == expected, "block \(k), parameter \(j)")
        }
        // Strictly inside the unit cube: safe for normal and log-normal quantiles.
        #expect((a + b).allSatisfy { $0 > 0 && $0 < 1 })
    }
}

/// D = 1, N = 4: the base samples are Sobol points 4…7 (the first power of two ≥ N), read off
/// SciPy's unscrambled `qmc.Sobol(d=2).random(8)` (whose 2-D points GSL shares):
/// (0.375, 0.375), (0.875, 0.875), (0.625, 0.125), (0.125, 0.625). With one parameter each
/// block is [A, B, AB¹ = B].
@Test func sobolDesignUsesPointsFromTheFirstPowerOfTwoOnward() throws {
    let design = try SaltelliDesign(parameters: 1, baseSamples: 4, seed: 0, sampler: .sobol)
    let expected: [[Double]] = [
        [0.375], [0.375], [0.375],
        [0.875], [0.875], [0.875],
        [0.625], [0.125], [0.125],
        [0.125], [0.625], [0.625],
    ]
    #expect(try design.rows(0..<12) == expected)
}

/// N a power of two: every coordinate of A and of B puts exactly one base sample in each of the
/// N equal bins of [0, 1) — the balance the power-of-two skip preserves.
@Test func sobolBaseSamplesAreStratifiedInEveryCoordinate() throws {
    let n = 256, d = 5
    let design = try SaltelliDesign(parameters: d, baseSamples: n, seed: 0, sampler: .sobol)
    let all = try design.rows(0..<design.rowCount)
    for role in 0..<2 { // A, then B
        for c in 0..<d {
            let bins = (0..<n).map { Int(all[$0 * (d + 2) + role][c] * Double(n)) }
            #expect(bins.sorted() == Array(0..<n), "role \(role), coordinate \(c)")
        }
    }
}

@Test func sobolDesignIgnoresTheSeed() throws {
    let a = try SaltelliDesign(parameters: 2, baseSamples: 16, seed: 1, sampler: .sobol)
    let b = try SaltelliDesign(parameters: 2, baseSamples: 16, seed: 2, sampler: .sobol)
    #expect(try a.rows(0..<a.rowCount) == b.rows(0..<b.rowCount))
}

/// MT: base sample k is 2D uniforms from RandomGenerator(seed:stream: k), A first.
@Test func mtDesignDrawsEachBaseSampleFromItsOwnStream() throws {
    let d = 3, seed: UInt64 = 77
    let design = try SaltelliDesign(parameters: d, baseSamples: 10, seed: seed, sampler: .mt)
    let all = try design.rows(0..<design.rowCount)
    for k in [0, 3, 9] {
        let generator = RandomGenerator(seed: seed, stream: UInt64(k))
        let draws = (0..<(2 * d)).map { _ in generator.uniformPositive() }
        #expect(all[k * (d + 2)] == Array(draws[0..<d]))
        #expect(all[k * (d + 2) + 1] == Array(draws[d...]))
    }
    let otherSeed = try SaltelliDesign(parameters: d, baseSamples: 10, seed: seed + 1, sampler: .mt)
    #expect(try otherSeed.rows(0..<5) != Array(all[0..<5]))
}

@Test func sobolSamplerRejectsMoreThanTwentyParameters() throws {
    _ = try SaltelliDesign(parameters: 20, baseSamples: 8, seed: 0, sampler: .sobol) // 2D = 40: allowed
    #expect(throws: SobolAnalysisError.tooManyParametersForSobolSampler(parameters: 21, maximumParameters: 20)) {
        _ = try SaltelliDesign(parameters: 21, baseSamples: 8, seed: 0, sampler: .sobol)
    }
    do {
        _ = try SaltelliDesign(parameters: 25, baseSamples: 8, seed: 0, sampler: .sobol)
        Issue.record("25 parameters with the Sobol sampler should throw")
    } catch {
        #expect("\(error)".contains("--sampler mt"))
    }
    // MT has no such limit.
    let wide = try SaltelliDesign(parameters: 50, baseSamples: 4, seed: 0, sampler: .mt)
    #expect(try wide.rows(0..<wide.rowCount).allSatisfy { $0.count == 50 })
}

@Test func designRejectsUnusableSizesAndRanges() throws {
    #expect(throws: SobolAnalysisError.self) { _ = try SaltelliDesign(parameters: 0, baseSamples: 8, seed: 0, sampler: .mt) }
    #expect(throws: SobolAnalysisError.self) { _ = try SaltelliDesign(parameters: 2, baseSamples: 1, seed: 0, sampler: .mt) }
    #expect(throws: SobolAnalysisError.self) { _ = try SaltelliDesign(parameters: 2, baseSamples: (1 << 29) + 1, seed: 0, sampler: .sobol) }
    let design = try SaltelliDesign(parameters: 2, baseSamples: 8, seed: 0, sampler: .sobol)
    #expect(throws: SobolAnalysisError.rowsOutOfRange(requested: 30..<33, rowCount: 32)) { _ = try design.rows(30..<33) }
}
