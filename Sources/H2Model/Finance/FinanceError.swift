import H2Numerics

/// One problem found in finance inputs: which field, what is wrong, and how to fix it.
public struct FinanceInputProblem: Sendable, Equatable, CustomStringConvertible {
    /// The field, as a path: `discountRate`, `capital[2].lifeYears`, `annualKg[0]`.
    public var field: String
    public var message: String
    public var fix: String

    public init(field: String, message: String, fix: String) {
        self.field = field
        self.message = message
        self.fix = fix
    }

    public var description: String { "\(field): \(message) — \(fix)" }
}

/// Why a finance computation could not produce a result.
public enum FinanceError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The inputs failed validation; every problem is listed.
    case invalidInput([FinanceInputProblem])
    /// No price makes the NPV zero (e.g. nothing is sold, or taxes take every extra yuan).
    case noBreakEvenPrice(String)
    /// The root finder failed.
    case numerics(NumericsError)

    public var description: String {
        switch self {
        case .invalidInput(let problems):
            return "invalid finance input:\n" + problems.map { "  " + $0.description }.joined(separator: "\n")
        case .noBreakEvenPrice(let detail):
            return "no break-even price: \(detail)"
        case .numerics(let error):
            return error.description
        }
    }
}
