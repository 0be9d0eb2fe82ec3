// Tabulated curves (cost against scale, efficiency against load) read between their points
// with GSL's interpolation (gsl_interp).
import CGSL

/// A curve through tabulated points (x strictly increasing), evaluated between them.
///
/// Immutable after `init` and safe to share between threads: evaluation passes no
/// `gsl_interp_accel` (a per-caller cache that GSL mutates on every lookup) and GSL then uses a
/// binary search, reading the table only. The accelerator would save one O(log n) search per
/// call, which does not matter for tables of a few dozen points.
public final class Interpolation: @unchecked Sendable {
    public enum Method: Sendable {
        /// Straight lines between points (gsl_interp_linear); needs 2 points.
        case linear
        /// Steffen's monotone cubic (gsl_interp_steffen): smooth, never overshoots the data, so
        /// monotone data stay monotone between points (no negative costs from a wiggle); needs
        /// 3 points.
        case steffen
    }

    /// What `value(at:)` does outside [xs.first, xs.last].
    public enum OutsideRange: Sendable {
        /// Throw `.invalidArgument`: the table does not cover the question (the default, so
        /// a too-short table is noticed rather than silently extended).
        case throwError
        /// Return the value at the nearer end of the table (a flat continuation).
        case clampToEnds
    }

    public let method: Method
    public let outsideRange: OutsideRange
    public let xs: [Double]
    public let ys: [Double]
    /// GSL keeps no pointer to the tables: they are passed again at every evaluation.
    private let interp: UnsafeMutablePointer<gsl_interp>

    /// Throws `.invalidArgument` when the table is unusable: different counts, too few points
    /// for the method, a non-finite value, or x not strictly increasing.
    public init(xs: [Double], ys: [Double], method: Method = .linear,
                outsideRange: OutsideRange = .throwError) throws(NumericsError) {
        _ = gslErrorHandlerIsOff
        let op = "Interpolation"
        func fail(_ detail: String) -> NumericsError { NumericsError(.invalidArgument, operation: op, detail: detail) }
        let type = switch method {
        case .linear: cgsl_interp_linear()!
        case .steffen: cgsl_interp_steffen()!
        }
        let minimumPoints = Int(gsl_interp_type_min_size(type))
        guard xs.count == ys.count else { throw fail("\(xs.count) x values but \(ys.count) y values") }
        guard xs.count >= minimumPoints else {
            throw fail("\(xs.count) points; \(method) interpolation needs at least \(minimumPoints)")
        }
        if let i = xs.firstIndex(where: { !$0.isFinite }) { throw fail("x[\(i)] = \(xs[i]) is not finite") }
        if let i = ys.firstIndex(where: { !$0.isFinite }) { throw fail("y[\(i)] = \(ys[i]) is not finite") }
        if let i = xs.indices.dropFirst().first(where: { xs[$0] <= xs[$0 - 1] }) {
            throw fail("x must be strictly increasing, but x[\(i - 1)] = \(xs[i - 1]) and x[\(i)] = \(xs[i])")
        }
        guard let interp = gsl_interp_alloc(type, xs.count) else {
            throw NumericsError(.libraryFailure, operation: op, detail: "could not allocate the interpolation")
        }
        let status = xs.withUnsafeBufferPointer { x in
            ys.withUnsafeBufferPointer { y in gsl_interp_init(interp, x.baseAddress, y.baseAddress, xs.count) }
        }
        do throws(NumericsError) {
            try checkGSL(status, op)
        } catch {
            gsl_interp_free(interp)
            throw error
        }
        self.method = method
        self.outsideRange = outsideRange
        self.xs = xs
        self.ys = ys
        self.interp = interp
    }

    deinit { gsl_interp_free(interp) }

    /// The curve's value at `x`. Outside the table: see `OutsideRange`. NaN x throws
    /// `.invalidArgument`.
    public func value(at x: Double) throws(NumericsError) -> Double {
        let op = "Interpolation.value"
        guard !x.isNaN else { throw NumericsError(.invalidArgument, operation: op, detail: "x is NaN") }
        let first = xs[0], last = xs[xs.count - 1]
        var at = x
        if x < first || x > last {
            switch outsideRange {
            case .throwError:
                throw NumericsError(.invalidArgument, operation: op,
                                    detail: "x = \(x) lies outside the table's range [\(first), \(last)]")
            case .clampToEnds:
                at = min(max(x, first), last)
            }
        }
        var y = 0.0
        let status = xs.withUnsafeBufferPointer { xa in
            ys.withUnsafeBufferPointer { ya in gsl_interp_eval_e(interp, xa.baseAddress, ya.baseAddress, at, nil, &y) }
        }
        try checkGSL(status, op)
        return y
    }
}
