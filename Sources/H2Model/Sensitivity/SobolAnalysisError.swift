// Why a Saltelli design could not be built or Sobol indices could not be estimated.
import H2Numerics

/// A problem with a Saltelli design or with the outputs handed to `sobolIndices`. Each case's
/// description says what is wrong and what to do about it, so the CLI can print it as is.
public enum SobolAnalysisError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The Sobol sampler needs one quasi-random dimension per column of A and of B (2 × the
    /// uncertain parameters), and GSL's Sobol tables stop at `maximumDimensions` (40).
    case tooManyParametersForSobolSampler(parameters: Int, maximumParameters: Int)
    /// The design's sizes are unusable (no parameters, fewer than 2 base samples, more base
    /// samples than the Sobol sequence holds, more rows than an `Int` counts).
    case invalidDesign(String)
    /// `rows(_:)` was asked for rows outside `0..<rowCount`.
    case rowsOutOfRange(requested: Range<Int>, rowCount: Int)
    /// The outputs do not match the design row for row.
    case outputCountMismatch(expected: Int, got: Int)
    /// The model returned NaN or ±∞ for this design row (`block` = row / (parameters + 2)).
    case nonFiniteOutput(row: Int, block: Int)
    /// Bootstrap settings out of range (resamples < 1, confidence level outside (0, 1)).
    case invalidBootstrap(String)
    /// The quasi-random generator failed.
    case numerics(NumericsError)

    public var description: String {
        switch self {
        case let .tooManyParametersForSobolSampler(parameters, maximumParameters):
            return "Sobol sampler: \(parameters) uncertain parameters need \(2 * parameters) quasi-random dimensions, "
                + "but GSL's Sobol generator supports at most \(2 * maximumParameters) (\(maximumParameters) parameters) — "
                + "use --sampler mt or vary fewer parameters"
        case let .invalidDesign(detail):
            return "Saltelli design: \(detail)"
        case let .rowsOutOfRange(requested, rowCount):
            return "Saltelli design: rows \(requested.lowerBound)..<\(requested.upperBound) requested, "
                + "but the design has rows 0..<\(rowCount)"
        case let .outputCountMismatch(expected, got):
            return "Sobol indices: the design has \(expected) rows but \(got) outputs were given — "
                + "evaluate the model once per design row, in row order"
        case let .nonFiniteOutput(row, block):
            return "Sobol indices: the model output of design row \(row) (base sample \(block)) is not finite — "
                + "fix the model or the parameter ranges that make it fail"
        case let .invalidBootstrap(detail):
            return "Sobol indices: \(detail)"
        case let .numerics(error):
            return error.description
        }
    }
}
