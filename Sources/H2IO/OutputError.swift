// Failures while writing results: these are not the planner's input mistakes, so they carry
// their own type and the CLI maps them to its own exit codes.

/// A failure to write results.
public struct OutputError: Error, CustomStringConvertible, Sendable, Equatable {
    public enum Kind: String, Sendable {
        /// The run folder (or file) exists and holds results; pass `--force` to replace it.
        case alreadyExists
        /// A value to be written is NaN or infinite: a bug or an unguarded division upstream.
        case nonFiniteNumber
        /// The output folder's parent cannot be written (checked before computing).
        case notWritable
        /// The operating system refused a file operation.
        case fileSystem
        /// A result file could not be assembled from tables already written (a bug).
        case internalError
    }

    public let kind: Kind
    /// The file or folder concerned.
    public let path: String
    public let message: String
    public let fix: String

    public init(_ kind: Kind, path: String, message: String, fix: String = "") {
        self.kind = kind
        self.path = path
        self.message = message
        self.fix = fix
    }

    public var description: String {
        var text = "\(path): \(message)"
        if !fix.isEmpty {
            if let last = message.last, !".!?".contains(last) { text += "." }
            text += " Fix: " + fix
        }
        return text
    }
}
