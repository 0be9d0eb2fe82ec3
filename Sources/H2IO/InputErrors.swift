// Validation reports every problem at once: a planner fixing a file should not have to rerun
// once per mistake.

/// Every problem found in a set of input files, in the order found.
public struct InputErrors: Error, CustomStringConvertible, Sendable, Equatable, RandomAccessCollection {
    public private(set) var errors: [InputError]

    public init(_ errors: [InputError] = []) { self.errors = errors }

    public var startIndex: Int { errors.startIndex }
    public var endIndex: Int { errors.endIndex }
    public subscript(position: Int) -> InputError { errors[position] }

    public mutating func append(_ error: InputError) { errors.append(error) }
    public mutating func append(contentsOf other: some Sequence<InputError>) { errors.append(contentsOf: other) }

    /// Runs `body`; on an `InputError` (or `InputErrors`) records it and returns nil, so
    /// validation carries on with the next field:
    /// `let lat = try problems.check { try nodes.double(i, "lat") }` (the outer `try` only
    /// passes on errors that are not input problems).
    public mutating func check<T>(_ body: () throws -> T) rethrows -> T? {
        do {
            return try body()
        } catch let error as InputError {
            errors.append(error)
            return nil
        } catch let error as InputErrors {
            errors.append(contentsOf: error.errors)
            return nil
        }
    }

    /// Throws `self` when any problem was recorded.
    public func throwIfAny() throws(InputErrors) {
        if !errors.isEmpty { throw self }
    }

    /// One problem per line, then a count, e.g. "3 problems found."
    public var description: String {
        let lines = errors.map(\.description)
        let count = errors.count == 1 ? "1 problem found." : "\(errors.count) problems found."
        return (lines + [count]).joined(separator: "\n")
    }
}
