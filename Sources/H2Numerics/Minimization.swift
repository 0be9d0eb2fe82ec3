// One-dimensional minimisation: a short grid and golden-section pre-scan that finds a bracket
// GSL accepts, then GSL's Brent minimiser (gsl_min_fminimizer_brent) to polish.
import CGSL

extension Tolerance {
    /// Default for `minimize(in:)`: x to about 1e-7 relative (a few seconds on 8760 hours).
    public static let scalarMinimum = Tolerance(absolute: 1e-10, relative: 1e-7, maxIterations: 200)
}

/// A smooth minimum is flat, so x cannot be located better than about √ε·|x| ≈ 1.5e-8·|x|, and
/// GSL's Brent never steps closer than that to its current best point: a smaller relative
/// tolerance stalls (measured: 1e-9 never converges) and would end in `.noConvergence`. Relative
/// tolerances below 4√ε ≈ 6e-8 are therefore raised to it, so `Tolerance()` works here too.
let smallestScalarMinimumRelativeTolerance = 4 * GSL_SQRT_DBL_EPSILON

/// Number of evenly spaced points evaluated before Brent starts. Enough to isolate the basin of
/// a quasi-convex function with kinks (a tariff step, a capacity limit) and cheap next to the
/// Brent iterations that follow.
private let preScanPoints = 11

/// Finds the minimum of `f` on `interval`.
///
/// Contract: `f` should be quasi-convex on the interval (decreasing then increasing, kinks and
/// flat stretches allowed); the result is then the global minimum. For other functions it is a
/// local minimum near the best of 11 evenly spaced pre-scan points.
///
/// GSL's Brent needs a guess strictly below both ends. The pre-scan finds one; when the best
/// point is an end of the interval, a golden-section search narrows towards it and either finds
/// an interior guess (the minimum is just inside) or returns that end (f is monotone).
///
/// Throws `.badBracket` for a non-finite interval, `.nonFiniteValue` when f returns NaN or ±∞
/// anywhere it is evaluated, `.noConvergence` when the tolerance is not met in time.
public func minimize(
    in interval: ClosedRange<Double>,
    tolerance: Tolerance = .scalarMinimum,
    _ f: (Double) -> Double
) throws(NumericsError) -> (x: Double, value: Double) {
    let op = "minimize"
    let lower = interval.lowerBound, upper = interval.upperBound
    guard lower.isFinite, upper.isFinite else {
        throw NumericsError(.badBracket, operation: op, detail: "interval [\(lower), \(upper)] is not finite")
    }
    func evaluate(_ x: Double) throws(NumericsError) -> Double {
        let y = f(x)
        guard y.isFinite else {
            throw NumericsError(.nonFiniteValue, operation: op, detail: "f(\(x)) = \(y)")
        }
        return y
    }
    if lower == upper { return (lower, try evaluate(lower)) }

    let step = (upper - lower) / Double(preScanPoints - 1)
    var xs: [Double] = []
    var ys: [Double] = []
    for i in 0..<preScanPoints {
        let x = i == preScanPoints - 1 ? upper : lower + Double(i) * step
        xs.append(x)
        ys.append(try evaluate(x))
    }
    // First occurrence of the lowest value: a tie can then only be with the right neighbour.
    let k = ys.indices.min { ys[$0] < ys[$1] }!
    if k > 0, k < preScanPoints - 1, ys[k] < ys[k - 1], ys[k] < ys[k + 1] {
        return try brentMinimum(
            lower: (xs[k - 1], ys[k - 1]), guess: (xs[k], ys[k]), upper: (xs[k + 1], ys[k + 1]),
            tolerance: tolerance, f, op)
    }
    let (left, right) = k == preScanPoints - 1 ? (k - 1, k) : (k, k + 1)
    switch try goldenSectionGuess(
        lower: (xs[left], ys[left]), upper: (xs[right], ys[right]), tolerance: tolerance, evaluate)
    {
    case let .end(x, value):
        return (x, value)
    case let .bracket(a, guess, b):
        return try brentMinimum(lower: a, guess: guess, upper: b, tolerance: tolerance, f, op)
    }
}

/// Minimises `f` on `interval` starting from a caller's guess, e.g. last year's optimum. When
/// f(guess) is strictly below f at both ends, Brent starts from it directly and the pre-scan is
/// skipped (the result is then the minimum of the basin holding the guess); otherwise this is
/// `minimize(in:tolerance:_:)`. A guess outside the interval is a programmer error.
public func minimizeScalar(
    startingAt guess: Double,
    in interval: ClosedRange<Double>,
    tolerance: Tolerance = .scalarMinimum,
    _ f: (Double) -> Double
) throws(NumericsError) -> (x: Double, value: Double) {
    let op = "minimizeScalar"
    let lower = interval.lowerBound, upper = interval.upperBound
    guard lower.isFinite, upper.isFinite, guess.isFinite else {
        throw NumericsError(.badBracket, operation: op, detail: "interval [\(lower), \(upper)] or guess \(guess) is not finite")
    }
    precondition(interval.contains(guess), "\(op): guess \(guess) lies outside [\(lower), \(upper)]")
    let fLower = f(lower), fGuess = f(guess), fUpper = f(upper)
    guard fLower.isFinite, fGuess.isFinite, fUpper.isFinite else {
        throw NumericsError(.nonFiniteValue, operation: op,
                            detail: "f(\(lower)) = \(fLower), f(\(guess)) = \(fGuess), f(\(upper)) = \(fUpper)")
    }
    if lower < guess, guess < upper, fGuess < fLower, fGuess < fUpper {
        return try brentMinimum(lower: (lower, fLower), guess: (guess, fGuess), upper: (upper, fUpper),
                                tolerance: tolerance, f, op)
    }
    return try minimize(in: interval, tolerance: tolerance, f)
}

private enum GoldenSectionOutcome {
    /// The minimum is at this end of the searched interval (to within the tolerance).
    case end(Double, Double)
    /// A triple GSL's Brent accepts: f(guess) strictly below f at both ends.
    case bracket((Double, Double), (Double, Double), (Double, Double))
}

/// Narrows [lower, upper] towards its lower-valued end until an interior point beats both ends
/// or the interval is within tolerance. Sound for quasi-convex f: when the probe c is not below
/// the better end, the minimum cannot lie beyond c.
private func goldenSectionGuess(
    lower: (Double, Double), upper: (Double, Double),
    tolerance: Tolerance,
    _ evaluate: (Double) throws(NumericsError) -> Double
) throws(NumericsError) -> GoldenSectionOutcome {
    let shrink = 0.381_966_011_250_105_2 // 2 − golden ratio
    var (a, fa) = lower
    var (b, fb) = upper
    for _ in 0..<tolerance.maxIterations {
        let width = b - a
        let scale = max(abs(a), abs(b))
        if width <= tolerance.absolute + tolerance.relative * scale { break }
        let c = fa <= fb ? a + shrink * width : b - shrink * width
        guard c > a, c < b else { break } // no representable point strictly inside
        let fc = try evaluate(c)
        if fc < fa, fc < fb { return .bracket((a, fa), (c, fc), (b, fb)) }
        if fa <= fb { (b, fb) = (c, fc) } else { (a, fa) = (c, fc) }
    }
    return fa <= fb ? .end(a, fa) : .end(b, fb)
}

/// Context handed to GSL through `params`; the flag names the cause when f goes non-finite.
private struct MinimizerCallbackContext {
    let function: (Double) -> Double
    var sawNonFinite = false
}

private func brentMinimum(
    lower: (Double, Double), guess: (Double, Double), upper: (Double, Double),
    tolerance: Tolerance,
    _ f: (Double) -> Double,
    _ op: String
) throws(NumericsError) -> (x: Double, value: Double) {
    _ = gslErrorHandlerIsOff
    guard let minimizer = gsl_min_fminimizer_alloc(cgsl_min_fminimizer_brent()) else {
        throw NumericsError(.libraryFailure, operation: op, detail: "could not allocate the Brent minimiser")
    }
    defer { gsl_min_fminimizer_free(minimizer) }

    return try withoutActuallyEscaping(f) { (escapable) throws(NumericsError) -> (x: Double, value: Double) in
        var context = MinimizerCallbackContext(function: escapable)
        return try withUnsafeMutablePointer(to: &context) { (contextPointer) throws(NumericsError) -> (x: Double, value: Double) in
            var gslFunction = gsl_function(
                function: { x, params in
                    let ctx = params!.assumingMemoryBound(to: MinimizerCallbackContext.self)
                    let y = ctx.pointee.function(x)
                    if !y.isFinite { ctx.pointee.sawNonFinite = true }
                    return y
                },
                params: UnsafeMutableRawPointer(contextPointer)
            )
            // gslFunction stays on this stack frame for as long as the minimiser holds its address.
            return try withUnsafeMutablePointer(to: &gslFunction) { (fnPointer) throws(NumericsError) -> (x: Double, value: Double) in
                try checkGSL(gsl_min_fminimizer_set_with_values(
                    minimizer, fnPointer, guess.0, guess.1, lower.0, lower.1, upper.0, upper.1), op)
                for _ in 0..<tolerance.maxIterations {
                    let status = gsl_min_fminimizer_iterate(minimizer)
                    if contextPointer.pointee.sawNonFinite {
                        throw NumericsError(.nonFiniteValue, operation: op,
                                            detail: "the function returned a non-finite value inside the interval")
                    }
                    try checkGSL(status, op)
                    let test = gsl_min_test_interval(
                        gsl_min_fminimizer_x_lower(minimizer), gsl_min_fminimizer_x_upper(minimizer),
                        tolerance.absolute, max(tolerance.relative, smallestScalarMinimumRelativeTolerance))
                    if Int(test) == Int(GSL_SUCCESS) {
                        return (gsl_min_fminimizer_x_minimum(minimizer), gsl_min_fminimizer_f_minimum(minimizer))
                    }
                    if Int(test) != Int(GSL_CONTINUE) { try checkGSL(test, op) }
                }
                throw NumericsError(.noConvergence, operation: op,
                                    detail: "no convergence in \(tolerance.maxIterations) iterations")
            }
        }
    }
}
