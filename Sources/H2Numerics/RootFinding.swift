// Bracketed root finding with GSL's Brent solver (gsl_root_fsolver_brent).
import CGSL

/// Tolerances for an iterative solve: stop when the bracket is narrower than
/// `absolute + relative × |x|`, or after `maxIterations`.
public struct Tolerance: Sendable {
    public var absolute: Double
    public var relative: Double
    public var maxIterations: Int

    public init(absolute: Double = 1e-12, relative: Double = 1e-12, maxIterations: Int = 200) {
        self.absolute = absolute
        self.relative = relative
        self.maxIterations = maxIterations
    }
}

/// Context handed to GSL through `params`: the Swift closure and a flag recording whether it
/// ever produced a non-finite value (so the error names the cause, not GSL's generic status).
private struct ScalarCallbackContext {
    let function: (Double) -> Double
    var sawNonFinite = false
}

/// Finds x in `bracket` with f(x) = 0. f(lower) and f(upper) must have opposite signs (or one
/// of them be zero). Throws `.badBracket` when they do not, `.nonFiniteValue` when f returns NaN
/// or ±∞, `.noConvergence` when the tolerance is not met within the iteration limit.
public func findRoot(
    in bracket: ClosedRange<Double>,
    tolerance: Tolerance = Tolerance(),
    _ f: (Double) -> Double
) throws(NumericsError) -> Double {
    _ = gslErrorHandlerIsOff
    let op = "findRoot"
    let lower = bracket.lowerBound, upper = bracket.upperBound
    guard lower.isFinite, upper.isFinite else {
        throw NumericsError(.badBracket, operation: op, detail: "bracket [\(lower), \(upper)] is not finite")
    }
    let fLower = f(lower), fUpper = f(upper)
    guard fLower.isFinite, fUpper.isFinite else {
        throw NumericsError(.nonFiniteValue, operation: op,
                            detail: "f(\(lower)) = \(fLower), f(\(upper)) = \(fUpper): the function is not finite at the bracket ends")
    }
    if fLower == 0 { return lower }
    if fUpper == 0 { return upper }
    guard (fLower < 0) != (fUpper < 0) else {
        throw NumericsError(.badBracket, operation: op,
                            detail: "f(\(lower)) = \(fLower) and f(\(upper)) = \(fUpper) have the same sign: the bracket holds no root")
    }
    if lower == upper { return lower }

    guard let solver = gsl_root_fsolver_alloc(cgsl_root_fsolver_brent()) else {
        throw NumericsError(.libraryFailure, operation: op, detail: "could not allocate the Brent solver")
    }
    defer { gsl_root_fsolver_free(solver) }

    return try withoutActuallyEscaping(f) { (escapable) throws(NumericsError) -> Double in
        var context = ScalarCallbackContext(function: escapable)
        return try withUnsafeMutablePointer(to: &context) { (contextPointer) throws(NumericsError) -> Double in
            var gslFunction = gsl_function(
                function: { x, params in
                    let ctx = params!.assumingMemoryBound(to: ScalarCallbackContext.self)
                    let y = ctx.pointee.function(x)
                    if !y.isFinite { ctx.pointee.sawNonFinite = true }
                    return y
                },
                params: UnsafeMutableRawPointer(contextPointer)
            )
            // gslFunction lives on this stack frame for as long as the solver uses it.
            return try withUnsafeMutablePointer(to: &gslFunction) { (fnPointer) throws(NumericsError) -> Double in
                try checkGSL(gsl_root_fsolver_set(solver, fnPointer, lower, upper), op)
                for _ in 0..<tolerance.maxIterations {
                    let status = gsl_root_fsolver_iterate(solver)
                    if contextPointer.pointee.sawNonFinite {
                        throw NumericsError(.nonFiniteValue, operation: op,
                                            detail: "the function returned a non-finite value inside the bracket")
                    }
                    try checkGSL(status, op)
                    let lo = gsl_root_fsolver_x_lower(solver)
                    let hi = gsl_root_fsolver_x_upper(solver)
                    let test = gsl_root_test_interval(lo, hi, tolerance.absolute, tolerance.relative)
                    if Int(test) == Int(GSL_SUCCESS) { return gsl_root_fsolver_root(solver) }
                    if Int(test) != Int(GSL_CONTINUE) { try checkGSL(test, op) }
                }
                throw NumericsError(.noConvergence, operation: op,
                                    detail: "no convergence in \(tolerance.maxIterations) iterations")
            }
        }
    }
}
