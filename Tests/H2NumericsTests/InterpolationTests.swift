import Testing
@testable import H2Numerics

@Test(arguments: [Interpolation.Method.linear, .steffen])
func linearDataIsReproducedExactly(method: Interpolation.Method) throws {
    let xs = [0.0, 0.5, 2, 3.25, 10]
    let curve = try Interpolation(xs: xs, ys: xs.map { 3 * $0 - 1 }, method: method)
    for x in [0.0, 0.1, 0.5, 1.7, 3.0, 9.99, 10] {
        #expect(isClose(try curve.value(at: x), 3 * x - 1, absolute: 1e-12), "x = \(x)")
    }
}

@Test func linearInterpolationByHand() throws {
    let curve = try Interpolation(xs: [0, 10, 20], ys: [100, 200, 150])
    #expect(try curve.value(at: 2.5) == 125)
    #expect(try curve.value(at: 15) == 175)
}

@Test func steffenIsMonotoneAndDoesNotOvershoot() throws {
    // A step in the data: a natural cubic spline would overshoot above 5.2 and dip below 0.
    let xs = [0.0, 1, 2, 3, 4, 5], ys = [0.0, 0.1, 0.2, 5, 5.1, 5.2]
    let curve = try Interpolation(xs: xs, ys: ys, method: .steffen)
    for (x, y) in zip(xs, ys) { #expect(isClose(try curve.value(at: x), y, absolute: 1e-12)) }
    var previous = -Double.infinity
    for i in 0...5000 {
        let y = try curve.value(at: Double(i) * 0.001)
        #expect(y >= previous)
        #expect(y >= 0 && y <= 5.2)
        previous = y
    }
}

@Test func badTablesAreRejected() {
    #expect(errorKind { _ = try Interpolation(xs: [0, 1, 1], ys: [0, 1, 2]) } == .invalidArgument)
    #expect(errorKind { _ = try Interpolation(xs: [0, 2, 1], ys: [0, 1, 2]) } == .invalidArgument)
    #expect(errorKind { _ = try Interpolation(xs: [0, 1, 2], ys: [0, 1]) } == .invalidArgument)
    #expect(errorKind { _ = try Interpolation(xs: [0], ys: [0]) } == .invalidArgument)
    #expect(errorKind { _ = try Interpolation(xs: [0, 1], ys: [0, 1], method: .steffen) } == .invalidArgument)
    #expect(errorKind { _ = try Interpolation(xs: [0, 1, 2], ys: [0, .nan, 2]) } == .invalidArgument)
    #expect(errorKind { _ = try Interpolation(xs: [0, .nan, 2], ys: [0, 1, 2]) } == .invalidArgument)
}

@Test func outsideTheTableThrowsOrClamps() throws {
    let strict = try Interpolation(xs: [1, 2, 3], ys: [10, 20, 40])
    #expect(errorKind { _ = try strict.value(at: 0.999) } == .invalidArgument)
    #expect(errorKind { _ = try strict.value(at: 3.001) } == .invalidArgument)
    #expect(errorKind { _ = try strict.value(at: .nan) } == .invalidArgument)
    let clamped = try Interpolation(xs: [1, 2, 3], ys: [10, 20, 40], method: .steffen, outsideRange: .clampToEnds)
    #expect(try clamped.value(at: -100) == 10)
    #expect(try clamped.value(at: 1e9) == 40)
    #expect(errorKind { _ = try clamped.value(at: .nan) } == .invalidArgument)
}
