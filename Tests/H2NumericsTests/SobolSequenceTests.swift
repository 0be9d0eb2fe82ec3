import Testing
@testable import H2Numerics

// SciPy 1.17 `qmc.Sobol(d=2, scramble=False).random(9)` rows 1...8 (SciPy starts with the
// origin, GSL does not); dimensions 1 and 2 have the same direction numbers in Joe–Kuo and
// Bratley–Fox (van der Corput, then the polynomial x + 1 with m₁ = 1).
private let first2D: [[Double]] = [
    [0.5, 0.5], [0.75, 0.25], [0.25, 0.75], [0.375, 0.375],
    [0.875, 0.875], [0.625, 0.125], [0.125, 0.625], [0.1875, 0.3125],
]

@Test func firstTwoDimensionalPointsMatchPublishedSequence() throws {
    let sobol = try SobolSequence(dimensions: 2)
    for expected in first2D {
        #expect(try sobol.next() == expected)
    }
}

@Test func resetSkipAndNextIntoAgree() throws {
    let sobol = try SobolSequence(dimensions: 2)
    try sobol.skip(3)
    #expect(try sobol.next() == first2D[3])
    sobol.reset()
    var buffer = [0.0, 0.0]
    try sobol.next(into: &buffer)
    #expect(buffer == first2D[0])
}

@Test func dimensionsOutsideGSLRangeThrow() throws {
    #expect(SobolSequence.maximumDimensions == 40)
    #expect(errorKind { _ = try SobolSequence(dimensions: 0) } == .invalidArgument)
    #expect(errorKind { _ = try SobolSequence(dimensions: 41) } == .invalidArgument)
    #expect(try SobolSequence(dimensions: 40).next().count == 40)
}

@Test func everyCoordinateIsStratified() throws {
    // With the origin, the first 2^m points put exactly one coordinate value in each interval
    // [k/2^m, (k+1)/2^m), in every one of the 40 dimensions.
    let m = 10, count = 1 << m
    let sobol = try SobolSequence(dimensions: 40)
    var hits = [[Int]](repeating: [Int](repeating: 0, count: count), count: 40)
    for d in 0..<40 { hits[d][0] = 1 } // the origin GSL skips
    for _ in 1..<count {
        let point = try sobol.next()
        for d in 0..<40 { hits[d][Int(point[d] * Double(count))] += 1 }
    }
    for d in 0..<40 { #expect(hits[d].allSatisfy { $0 == 1 }, "dimension \(d + 1)") }
}

@Test func firstTwoDimensionsFormANet() throws {
    // Dimensions 1–2 of Sobol form a (0, m, 2)-net: with the origin, the first 2^m points put
    // exactly one point in every box of 2^a × 2^(m−a) equal slabs.
    let m = 8, count = 1 << m
    let sobol = try SobolSequence(dimensions: 2)
    var points: [[Double]] = [[0, 0]]
    for _ in 1..<count { points.append(try sobol.next()) }
    for a in 0...m {
        let cellsX = 1 << a, cellsY = 1 << (m - a)
        var hits = Set<Int>()
        for p in points { hits.insert(Int(p[0] * Double(cellsX)) * cellsY + Int(p[1] * Double(cellsY))) }
        #expect(hits.count == count, "boxes \(cellsX) × \(cellsY)")
    }
}
