// The one place where a C status becomes a typed Swift error carrying the operation's name.
import CGSL

/// A numerical or environmental failure from the numerics layer. Programmer errors (dimension
/// mismatches, empty inputs where a count is required) trap instead.
public struct NumericsError: Error, CustomStringConvertible, Equatable, Sendable {
    public enum Kind: String, Sendable {
        /// The bracket does not contain a sign change, or is not a finite interval.
        case badBracket
        /// The objective or equation returned NaN or an infinite value.
        case nonFiniteValue
        /// The iteration limit was reached before the tolerance was met.
        case noConvergence
        /// Invalid argument passed on to the C library.
        case invalidArgument
        /// The optimisation problem has no feasible solution.
        case infeasible
        /// The optimisation problem is unbounded.
        case unbounded
        /// The time limit was reached before any feasible solution was found.
        case timeLimit
        /// Any other failure reported by GSL or GLPK.
        case libraryFailure
    }

    public let kind: Kind
    /// The operation that failed, e.g. "findRoot" or "MILPProblem.solve".
    public let operation: String
    public let detail: String

    public init(_ kind: Kind, operation: String, detail: String) {
        self.kind = kind
        self.operation = operation
        self.detail = detail
    }

    public var description: String { "\(operation): \(detail)" }
}

/// GSL's default error handler aborts the process. It is switched off once, before any GSL
/// call, and every status is checked instead. Global `let`s initialise lazily and exactly once.
let gslErrorHandlerIsOff: Void = {
    _ = gsl_set_error_handler_off()
}()

/// Turns a GSL status code into a Swift error. `GSL_SUCCESS` passes.
@inline(__always)
func checkGSL(_ status: Int32, _ operation: String) throws(NumericsError) {
    guard Int(status) != Int(GSL_SUCCESS) else { return }
    let message = String(cString: gsl_strerror(status))
    let kind: NumericsError.Kind
    switch Int(status) {
    case GSL_EINVAL: kind = .badBracket
    case GSL_EBADFUNC: kind = .nonFiniteValue
    case GSL_EMAXITER, GSL_ENOPROG, GSL_CONTINUE: kind = .noConvergence
    default: kind = .libraryFailure
    }
    throw NumericsError(kind, operation: operation, detail: "GSL status \(status): \(message)")
}
