// Derivative-free N-dimensional minimisation with GSL's Nelder–Mead simplex
// (gsl_multimin_fminimizer_nmsimplex2), stopped on the simplex size (gsl_multimin_test_size).
import CGSL

/// Context handed to GSL through `params`. `point` is reused for every evaluation so the
/// callback does not allocate; the flag names the cause when f goes non-finite.
private struct SimplexCallbackContext {
    let function: ([Double]) -> Double
    var point: [Double]
    var sawNonFinite = false
}

/// Finds a local minimum of `f` near `start` without derivatives (Nelder–Mead).
///
/// - Parameters:
///   - start: the first point; every coordinate must be finite.
///   - initialStep: the size of the first simplex along each coordinate, in the coordinate's
///     own unit (e.g. 10 % of a plausible range); same count as `start`, each non-zero.
///   - tolerance: stop when the simplex's characteristic size (mean distance of its vertices
///     from their centre, in the coordinates' units) falls below this.
///   - maxIterations: throw `.noConvergence` beyond this many simplex steps.
/// - Throws: `.invalidArgument` for a non-finite start or step, `.nonFiniteValue` when f returns
///   NaN or ±∞ anywhere it is evaluated, `.noConvergence` when the iteration limit is reached.
///
/// A mismatch between `start.count` and `initialStep.count`, or an empty start, traps.
public func minimize(
    from start: [Double],
    initialStep: [Double],
    tolerance: Double = 1e-8,
    maxIterations: Int = 10_000,
    _ f: ([Double]) -> Double
) throws(NumericsError) -> (x: [Double], value: Double) {
    _ = gslErrorHandlerIsOff
    let op = "minimize(from:)"
    precondition(!start.isEmpty, "\(op): the start point has no coordinates")
    precondition(start.count == initialStep.count,
                 "\(op): start has \(start.count) coordinates but initialStep has \(initialStep.count)")
    guard start.allSatisfy(\.isFinite) else {
        throw NumericsError(.invalidArgument, operation: op, detail: "start point \(start) is not finite")
    }
    guard initialStep.allSatisfy({ $0.isFinite && $0 != 0 }) else {
        throw NumericsError(.invalidArgument, operation: op, detail: "initial step \(initialStep) must be finite and non-zero")
    }
    guard tolerance > 0, tolerance.isFinite else {
        throw NumericsError(.invalidArgument, operation: op, detail: "tolerance \(tolerance) must be positive")
    }
    let n = start.count

    guard let minimizer = gsl_multimin_fminimizer_alloc(cgsl_multimin_fminimizer_nmsimplex2(), n) else {
        throw NumericsError(.libraryFailure, operation: op, detail: "could not allocate the simplex minimiser")
    }
    defer { gsl_multimin_fminimizer_free(minimizer) }
    guard let startVector = gsl_vector_alloc(n), let stepVector = gsl_vector_alloc(n) else {
        throw NumericsError(.libraryFailure, operation: op, detail: "could not allocate vectors")
    }
    defer { gsl_vector_free(startVector); gsl_vector_free(stepVector) }
    for i in 0..<n {
        gsl_vector_set(startVector, i, start[i])
        gsl_vector_set(stepVector, i, initialStep[i])
    }

    return try withoutActuallyEscaping(f) { (escapable) throws(NumericsError) -> (x: [Double], value: Double) in
        var context = SimplexCallbackContext(function: escapable, point: start)
        return try withUnsafeMutablePointer(to: &context) { (contextPointer) throws(NumericsError) -> (x: [Double], value: Double) in
            var gslFunction = gsl_multimin_function(
                f: { vector, params in
                    let ctx = params!.assumingMemoryBound(to: SimplexCallbackContext.self)
                    let v = vector!
                    for i in 0..<ctx.pointee.point.count { ctx.pointee.point[i] = gsl_vector_get(v, i) }
                    let y = ctx.pointee.function(ctx.pointee.point)
                    if !y.isFinite { ctx.pointee.sawNonFinite = true }
                    return y
                },
                n: n,
                params: UnsafeMutableRawPointer(contextPointer)
            )
            // gslFunction stays on this stack frame for as long as the minimiser holds its address.
            return try withUnsafeMutablePointer(to: &gslFunction) { (fnPointer) throws(NumericsError) -> (x: [Double], value: Double) in
                func failIfNonFinite() throws(NumericsError) {
                    if contextPointer.pointee.sawNonFinite {
                        throw NumericsError(.nonFiniteValue, operation: op,
                                            detail: "the function returned a non-finite value")
                    }
                }
                let setStatus = gsl_multimin_fminimizer_set(minimizer, fnPointer, startVector, stepVector)
                try failIfNonFinite()
                try checkGSL(setStatus, op)
                for _ in 0..<maxIterations {
                    let status = gsl_multimin_fminimizer_iterate(minimizer)
                    try failIfNonFinite()
                    try checkGSL(status, op)
                    let test = gsl_multimin_test_size(gsl_multimin_fminimizer_size(minimizer), tolerance)
                    if Int(test) == Int(GSL_SUCCESS) {
                        let best = gsl_multimin_fminimizer_x(minimizer)!
                        let x = (0..<n).map { gsl_vector_get(best, $0) }
                        return (x, gsl_multimin_fminimizer_minimum(minimizer))
                    }
                    if Int(test) != Int(GSL_CONTINUE) { try checkGSL(test, op) }
                }
                throw NumericsError(.noConvergence, operation: op,
                                    detail: "simplex size still above \(tolerance) after \(maxIterations) iterations")
            }
        }
    }
}
