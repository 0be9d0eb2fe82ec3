import Foundation
import Testing
@testable import H2Numerics

@Test func triangularQuantileByHand() {
    // low 0, mode 1, high 4: F(mode) = 1/4.
    let d = Distribution.triangular(low: 0, mode: 1, high: 4)
    #expect(d.quantile(0) == 0)
    #expect(d.quantile(1) == 4)
    #expect(isClose(d.quantile(0.25), 1, absolute: 1e-15))
    // Below the mode: x = √(u·4·1); u = 1/8 → √0.5.
    #expect(isClose(d.quantile(0.125), 0.707_106_781_186_547_5, absolute: 1e-15))
    // Above: x = 4 − √((1 − u)·4·3); u = 1/2 → 4 − √6.
    #expect(isClose(d.quantile(0.5), 1.550_510_257_216_822, absolute: 1e-15))
    #expect(isClose(d.mean, 5.0 / 3, absolute: 1e-15))
}

@Test func triangularSamplesFollowTheAnalyticCDF() {
    // Forward check of the inverse: the empirical CDF of 100 000 draws against
    // F(x) = (x − a)²/((b − a)(c − a)) below the mode, 1 − (b − x)²/((b − a)(b − c)) above.
    let (a, c, b) = (20.0, 25.0, 40.0)
    let d = Distribution.triangular(low: a, mode: c, high: b)
    let rng = RandomGenerator(seed: 3, stream: 0)
    let n = 100_000
    let draws = (0..<n).map { _ in rng.draw(from: d) }.sorted()
    for x in [21.0, 23.0, 25.0, 28.0, 33.0, 38.0] {
        let analytic = x <= c ? (x - a) * (x - a) / ((b - a) * (c - a)) : 1 - (b - x) * (b - x) / ((b - a) * (b - c))
        let empirical = Double(draws.firstIndex { $0 > x } ?? n) / Double(n)
        // SE √(F(1−F)/n) ≤ 0.0016; budget 0.006.
        #expect(isClose(empirical, analytic, absolute: 0.006), "x = \(x)")
    }
    #expect(isClose(mean(draws), d.mean, absolute: 0.05)) // SE ≈ 4.25/√n ≈ 0.013
}

@Test func normalQuantileMatchesPublishedValue() {
    #expect(isClose(Distribution.normal(mean: 0, sd: 1).quantile(0.975), 1.959_963_984_540_054, relative: 1e-15))
    #expect(isClose(Distribution.normal(mean: 10, sd: 2).quantile(0.975), 10 + 2 * 1.959_963_984_540_054, relative: 1e-15))
    #expect(Distribution.normal(mean: 10, sd: 2).quantile(0.5) == 10)
    #expect(Distribution.normal(mean: 3, sd: 0).quantile(0.9) == 3)
}

@Test func lognormalQuantileAndMean() {
    let d = Distribution.lognormal(median: 100, sigma: 0.5)
    #expect(isClose(d.quantile(0.5), 100, relative: 1e-14))
    #expect(isClose(d.quantile(0.975), 100 * exp(0.5 * 1.959_963_984_540_054), relative: 1e-14))
    #expect(isClose(d.mean, 100 * exp(0.125), relative: 1e-15))
    // Built from mean and sd: the mean comes back, and the sd is √((e^σ² − 1))·mean.
    let fromMoments = Distribution.lognormal(mean: 30, standardDeviation: 6)
    #expect(isClose(fromMoments.mean, 30, relative: 1e-14))
    if case let .lognormal(_, sigma) = fromMoments {
        #expect(isClose((exp(sigma * sigma) - 1).squareRoot() * 30, 6, relative: 1e-14))
    } else {
        Issue.record("expected a lognormal")
    }
}

@Test func uniformQuantile() {
    let d = Distribution.uniform(low: 2, high: 6)
    #expect(d.quantile(0) == 2 && d.quantile(0.25) == 3 && d.quantile(1) == 6)
    #expect(d.mean == 4)
}

@Test func sobolCoordinatesMapThroughQuantile() throws {
    // Quasi-Monte Carlo path: the first Sobol coordinate 0.5 maps to the median.
    let sobol = try SobolSequence(dimensions: 1)
    let u = try sobol.next()[0]
    #expect(Distribution.triangular(low: 0, mode: 1, high: 4).quantile(u) == 4 - 6.0.squareRoot())
}

@Test(arguments: [
    Distribution.triangular(low: 3, mode: 2, high: 4),
    .triangular(low: 1, mode: 5, high: 4),
    .triangular(low: .nan, mode: 1, high: 2),
    .uniform(low: 2, high: 1),
    .uniform(low: 0, high: .infinity),
    .normal(mean: 0, sd: -1),
    .lognormal(median: 0, sigma: 0.2),
    .lognormal(median: 10, sigma: -0.1),
])
func invalidParametersAreRejected(d: Distribution) {
    #expect(errorKind { try d.validate() } == .invalidArgument)
}

@Test(arguments: [
    Distribution.triangular(low: 1, mode: 1, high: 4),
    .triangular(low: 2, mode: 2, high: 2),
    .uniform(low: 1, high: 1),
    .normal(mean: -5, sd: 0),
    .lognormal(median: 3, sigma: 0),
])
func boundaryParametersAreAccepted(d: Distribution) throws {
    try d.validate()
    #expect(d.quantile(0.3).isFinite)
}
