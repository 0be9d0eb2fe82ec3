// Quasi-random points from GSL's Sobol generator (gsl_qrng_sobol) for quasi-Monte Carlo.
import CGSL

/// A Sobol low-discrepancy sequence in the unit cube [0, 1)^d, for quasi-Monte Carlo sampling:
/// feed each coordinate to `Distribution.quantile(_:)`.
///
/// GSL's generator (Antonov–Saleev Gray-code order, Bratley–Fox direction numbers) starts at
/// the point after the origin: in 2-D the points are (0.5, 0.5), (0.75, 0.25), (0.25, 0.75), ...
/// — SciPy's unscrambled `qmc.Sobol` gives the same points after its leading zero. GSL supports
/// 1...40 dimensions (`maximumDimensions`) and 2³⁰ − 1 points per sequence.
///
/// Not `Sendable`: each draw advances the C state. For sharded runs, `skip(_:)` to the shard's
/// first sample.
public final class SobolSequence {
    /// The most dimensions GSL's Sobol tables cover.
    public static var maximumDimensions: Int { Int(cgsl_qrng_sobol().pointee.max_dimension) }

    public let dimensions: Int
    private let qrng: UnsafeMutablePointer<gsl_qrng>

    /// Throws `.invalidArgument` when `dimensions` is outside 1...40: the count of uncertain
    /// parameters comes from the scenario, so too many is a data problem, not a bug.
    public init(dimensions: Int) throws(NumericsError) {
        _ = gslErrorHandlerIsOff
        guard (1...Self.maximumDimensions).contains(dimensions) else {
            throw NumericsError(.invalidArgument, operation: "SobolSequence",
                                detail: "\(dimensions) dimensions requested; GSL's Sobol generator supports 1...\(Self.maximumDimensions) uncertain parameters")
        }
        guard let q = gsl_qrng_alloc(cgsl_qrng_sobol(), UInt32(dimensions)) else {
            throw NumericsError(.libraryFailure, operation: "SobolSequence", detail: "could not allocate the Sobol generator")
        }
        self.dimensions = dimensions
        self.qrng = q
    }

    deinit { gsl_qrng_free(qrng) }

    /// The next point, one coordinate per dimension, each in [0, 1).
    /// Throws `.libraryFailure` once the 2³⁰ − 1 points of the sequence are used up.
    public func next() throws(NumericsError) -> [Double] {
        var point = [Double](repeating: 0, count: dimensions)
        try next(into: &point)
        return point
    }

    /// Writes the next point into `point` (which must have `dimensions` elements), so a sampling
    /// loop does not allocate.
    public func next(into point: inout [Double]) throws(NumericsError) {
        precondition(point.count == dimensions,
                     "SobolSequence.next(into:): buffer has \(point.count) elements, sequence has \(dimensions) dimensions")
        let status = point.withUnsafeMutableBufferPointer { gsl_qrng_get(qrng, $0.baseAddress!) }
        try checkGSL(status, "SobolSequence.next")
    }

    /// Draws and discards `count` points: cost O(count × dimensions), about as much as drawing
    /// them (GSL has no jump-ahead). A shard starting at sample k calls `skip(k)` once.
    public func skip(_ count: Int) throws(NumericsError) {
        precondition(count >= 0, "SobolSequence.skip: negative count \(count)")
        var scratch = [Double](repeating: 0, count: dimensions)
        for _ in 0..<count { try next(into: &scratch) }
    }

    /// Back to the first point.
    public func reset() { gsl_qrng_init(qrng) }
}
