import Foundation
import Testing
@testable import H2Numerics

@Test func smoothQuadraticMinimum() throws {
    let result = try minimize(in: 0...5) { x in (x - 2) * (x - 2) + 1 }
    // A smooth minimum is located to about √ε·|x|; the default tolerance is 1e-7 relative.
    #expect(isClose(result.x, 2, absolute: 1e-6))
    #expect(isClose(result.value, 1, absolute: 1e-12))
}

@Test func rootFindingToleranceIsRaisedToWhatBrentCanReach() throws {
    // Tolerance() asks 1e-12 relative, below the √ε floor of a smooth minimum; unclamped, GSL's
    // Brent stalls there and the iteration limit is hit.
    let result = try minimize(in: -3...3, tolerance: Tolerance()) { x in cosh(x - 0.7) }
    #expect(isClose(result.x, 0.7, absolute: 1e-6))
}

@Test func kinkedMinimumIsFoundExactly() throws {
    // |x − 0.3| plus a steeper penalty beyond 0.6: piecewise linear, minimum on the kink.
    let f: (Double) -> Double = { x in abs(x - 0.3) + (x > 0.6 ? 2 * (x - 0.6) : 0) }
    let result = try minimize(in: 0...1, f)
    #expect(isClose(result.x, 0.3, absolute: 1e-7))
    #expect(isClose(result.value, 0, absolute: 1e-7))
}

/// Levelised ¥/kg of an electrolyser run `hours` a year under a three-tier time-of-use tariff,
/// buying the cheapest hours first: annualised capex spread over the hours plus the average
/// price of the hours used. Piecewise smooth, kinks where a tier is exhausted.
private func levelisedCost(hours: Double) -> Double {
    let capexPerKgHour = 100_000.0 // ¥·h/kg: annualised capex per kg/h of capacity
    let kWhPerKg = 50.0
    let tiers: [(hours: Double, price: Double)] = [(2920, 0.3), (2555, 0.6), (3285, 1.0)]
    var energyCost = 0.0, remaining = hours
    for tier in tiers {
        let used = min(remaining, tier.hours)
        energyCost += used * tier.price
        remaining -= used
    }
    return capexPerKgHour / hours + kWhPerKg * energyCost / hours
}

@Test func timeOfUseOptimumSitsOnTariffKink() throws {
    // By hand: beyond 5475 h the cost is (A − 3066·k)/h + k with A = 100 000 < 3066·50, so it
    // rises; between 2920 and 5475 h it is (A − 876·k)/h + 0.6k, falling. Minimum: 5475 h.
    let result = try minimize(in: 1000...8760) { levelisedCost(hours: $0) }
    #expect(isClose(result.x, 5475, absolute: 1e-3))
    // Independent check: exhaustive search on a 0.01 h grid.
    var best = (x: 0.0, value: Double.infinity)
    for i in 0...776_000 {
        let h = 1000 + Double(i) * 0.01
        let c = levelisedCost(hours: h)
        if c < best.value { best = (h, c) }
    }
    #expect(isClose(result.x, best.x, absolute: 0.01))
    // Budget: slope ≈ 1.9e-3 ¥/kg per hour beside the kink × x tolerance 5.5e-4 h ≈ 1.1e-6.
    #expect(result.value <= best.value + 2e-6)
}

@Test func increasingFunctionReturnsLowerEnd() throws {
    let result = try minimize(in: 1...3) { exp($0) }
    #expect(result.x == 1)
    #expect(result.value == exp(1.0))
}

@Test func decreasingFunctionReturnsUpperEnd() throws {
    let result = try minimize(in: -2...7) { -$0 * $0 * $0 }
    #expect(result.x == 7)
    #expect(result.value == -343)
}

@Test func minimumJustInsideAnEndIsNotMistakenForTheEnd() throws {
    // The pre-scan's best point is the end 0 (grid step 1), the true minimum is at 0.01.
    let result = try minimize(in: 0...10) { x in (x - 0.01) * (x - 0.01) }
    #expect(isClose(result.x, 0.01, absolute: 1e-6))
}

@Test func minimumBetweenTwoEqualGridPoints() throws {
    // Grid points 3 and 4 (exact in binary) tie at 0.5; the minimum 3.5 lies between them.
    let result = try minimize(in: 0...10) { abs($0 - 3.5) }
    #expect(isClose(result.x, 3.5, absolute: 1e-6))
}

@Test func constantFunctionDoesNotThrow() throws {
    let result = try minimize(in: 0...1) { _ in 4 }
    #expect(result.value == 4)
    #expect((0...1).contains(result.x))
}

@Test func degenerateIntervalReturnsItsPoint() throws {
    let result = try minimize(in: 2...2) { $0 * 3 }
    #expect(result.x == 2 && result.value == 6)
}

@Test func minimizeScalarStartsFromGuess() throws {
    let result = try minimizeScalar(startingAt: 1.5, in: 0...5) { x in (x - 2) * (x - 2) + 1 }
    #expect(isClose(result.x, 2, absolute: 1e-6))
    // A guess not below both ends falls back to the pre-scan.
    let fallback = try minimizeScalar(startingAt: 0, in: 0...5) { x in (x - 2) * (x - 2) + 1 }
    #expect(isClose(fallback.x, 2, absolute: 1e-6))
}

@Test func nonFiniteObjectiveThrows() {
    // NaN in the pre-scan.
    #expect(errorKind { _ = try minimize(in: 0...1) { x in x > 0.5 ? .nan : x } } == .nonFiniteValue)
    #expect(errorKind { _ = try minimize(in: 0...1) { _ in .infinity } } == .nonFiniteValue)
    // NaN only where Brent looks: the grid points 0.3 and 0.4 are finite, the hole holds the minimum.
    let holed: (Double) -> Double = { x in (x > 0.301 && x < 0.309) ? .nan : (x - 0.305) * (x - 0.305) }
    #expect(errorKind { _ = try minimize(in: 0...1, holed) } == .nonFiniteValue)
    #expect(errorKind { _ = try minimizeScalar(startingAt: 0.3, in: 0...1, holed) } == .nonFiniteValue)
}

@Test func infiniteIntervalThrowsBadBracket() {
    #expect(errorKind { _ = try minimize(in: 0...Double.infinity) { $0 } } == .badBracket)
}

@Test func minimizeIterationLimitThrowsNoConvergence() {
    #expect(errorKind { _ = try minimize(in: 0...5, tolerance: Tolerance(maxIterations: 2)) { x in (x - 2.1) * (x - 2.1) } }
            == .noConvergence)
}

// MARK: - N-dimensional (Nelder–Mead)

@Test func rosenbrockMinimumFromClassicStart() throws {
    let rosenbrock: ([Double]) -> Double = { p in
        let (x, y) = (p[0], p[1])
        return 100 * (y - x * x) * (y - x * x) + (1 - x) * (1 - x)
    }
    let result = try minimize(from: [-1.2, 1], initialStep: [0.1, 0.1], rosenbrock)
    #expect(isClose(result.x[0], 1, absolute: 1e-4))
    #expect(isClose(result.x[1], 1, absolute: 1e-4))
    #expect(result.value < 1e-8)
}

@Test func separableQuadraticInThreeDimensions() throws {
    let centre = [3.0, -1.0, 0.5]
    let result = try minimize(from: [0, 0, 0], initialStep: [1, 1, 1]) { p in
        zip(p, centre).enumerated().reduce(7.0) { sum, item in
            let (i, (x, c)) = item
            return sum + Double(i + 1) * (x - c) * (x - c)
        }
    }
    for i in 0..<3 { #expect(isClose(result.x[i], centre[i], absolute: 1e-5)) }
    #expect(isClose(result.value, 7, absolute: 1e-9))
}

@Test func simplexNonFiniteObjectiveThrows() {
    // Finite at the start, NaN on the way to the minimum at (1, 1).
    let f: ([Double]) -> Double = { p in p[0] > 0.5 ? .nan : (p[0] - 1) * (p[0] - 1) + (p[1] - 1) * (p[1] - 1) }
    #expect(errorKind { _ = try minimize(from: [0, 0], initialStep: [0.2, 0.2], f) } == .nonFiniteValue)
    // NaN at the very first evaluation.
    #expect(errorKind { _ = try minimize(from: [0, 0], initialStep: [1, 1]) { _ in .nan } } == .nonFiniteValue)
}

@Test func simplexRejectsBadStartAndStep() {
    #expect(errorKind { _ = try minimize(from: [.nan, 0], initialStep: [1, 1]) { $0[0] } } == .invalidArgument)
    #expect(errorKind { _ = try minimize(from: [0, 0], initialStep: [1, 0]) { $0[0] } } == .invalidArgument)
}

@Test func simplexIterationLimitThrowsNoConvergence() {
    #expect(errorKind { _ = try minimize(from: [-1.2, 1], initialStep: [0.1, 0.1], maxIterations: 5) { p in
        100 * (p[1] - p[0] * p[0]) * (p[1] - p[0] * p[0]) + (1 - p[0]) * (1 - p[0])
    } } == .noConvergence)
}
