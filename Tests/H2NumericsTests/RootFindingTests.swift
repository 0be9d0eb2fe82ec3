import Testing
@testable import H2Numerics

@Test func brentFindsSquareRootOfTwo() throws {
    let root = try findRoot(in: 0...2) { $0 * $0 - 2 }
    #expect(abs(root - 2.0.squareRoot()) < 1e-12)
}
