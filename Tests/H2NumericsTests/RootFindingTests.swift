import Foundation
import Testing
@testable import H2Numerics

@Test func brentFindsSquareRootOfTwo() throws {
    let root = try findRoot(in: 0...2) { $0 * $0 - 2 }
    #expect(abs(root - 2.0.squareRoot()) < 1e-12)
}

// Every failure below must surface as a thrown NumericsError: GSL's default handler would
// abort the process, so reaching the #expect at all proves it is off.

@Test func bracketWithoutSignChangeThrowsBadBracket() {
    #expect(errorKind { _ = try findRoot(in: -1...1) { $0 * $0 + 1 } } == .badBracket)
    #expect(errorKind { _ = try findRoot(in: 1...3) { $0 } } == .badBracket)
}

@Test func nonFiniteInsideBracketThrowsNonFiniteValue() {
    // The first secant step from (0, −0.45) and (1, 0.55) lands at 0.45, inside the NaN hole.
    let f: (Double) -> Double = { x in (x > 0.40 && x < 0.50) ? .nan : x - 0.45 }
    #expect(throws: NumericsError(.nonFiniteValue, operation: "findRoot",
                                  detail: "the function returned a non-finite value inside the bracket")) {
        try findRoot(in: 0...1, f)
    }
}

@Test(arguments: [Double.nan, .infinity, -.infinity])
func nonFiniteAtBracketEndThrowsNonFiniteValue(bad: Double) {
    #expect(errorKind { _ = try findRoot(in: 0...1) { x in x == 1 ? bad : x - 0.5 } } == .nonFiniteValue)
    #expect(errorKind { _ = try findRoot(in: 0...1) { x in x == 0 ? bad : x - 0.5 } } == .nonFiniteValue)
}

@Test func infiniteBracketThrowsBadBracket() {
    #expect(errorKind { _ = try findRoot(in: -Double.infinity...1) { $0 } } == .badBracket)
    #expect(errorKind { _ = try findRoot(in: 0...Double.infinity) { $0 - 1 } } == .badBracket)
}

@Test func findRootIterationLimitThrowsNoConvergence() {
    #expect(errorKind { _ = try findRoot(in: 0...10, tolerance: Tolerance(maxIterations: 1)) { exp($0) - 2 } }
            == .noConvergence)
}
