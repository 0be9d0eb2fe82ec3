// Where a single result goes: a file written atomically, or standard output for "-".
import Foundation

/// The destination named by an `--out` option.
public enum OutputTarget: Sendable, Equatable {
    case standardOutput
    case file(String)

    /// "-" means standard output (DESIGN §4); anything else is a file path.
    public init(argument: String) {
        self = argument == "-" ? .standardOutput : .file(argument)
    }

    /// Writes all of `bytes`. A file is replaced atomically (temporary file + rename), so a
    /// reader never sees half a file, and an existing file is replaced as a shell redirection would.
    public func write(_ bytes: [UInt8]) throws(OutputError) {
        switch self {
        case .standardOutput:
            try writeAll(bytes, toFileDescriptor: 1)
        case .file(let path):
            try writeFileAtomically(bytes, to: path)
        }
    }

    public func write(_ text: String) throws(OutputError) {
        try write(Array(text.utf8))
    }
}

/// Writes `bytes` to a hidden temporary file beside `path`, then renames it over `path`.
public func writeFileAtomically(_ bytes: [UInt8], to path: String) throws(OutputError) {
    if FileSystem.state(of: path) == .emptyDirectory || FileSystem.state(of: path) == .nonEmptyDirectory {
        throw OutputError(.alreadyExists, path: path, message: "is a folder, not a file", fix: "name a file to write")
    }
    let (parent, name) = FileSystem.parentAndName(of: path)
    try FileSystem.createDirectory(parent)
    let temporary = parent + "/.\(name).tmp-\(FileSystem.processID)"
    do throws(OutputError) {
        try FileSystem.write(bytes, to: temporary)
        try FileSystem.rename(temporary, to: path)
    } catch {
        FileSystem.removeQuietly(temporary)
        throw error
    }
}

/// write(2) until every byte is out (pipes accept partial writes), retrying on EINTR.
/// Unbuffered on purpose: nothing is left in a stdio buffer when the process exits.
func writeAll(_ bytes: [UInt8], toFileDescriptor descriptor: Int32) throws(OutputError) {
    var offset = 0
    while offset < bytes.count {
        let written = bytes[offset...].withUnsafeBufferPointer { Foundation.write(descriptor, $0.baseAddress, $0.count) }
        if written < 0 {
            if errno == EINTR { continue }
            throw OutputError(.fileSystem, path: "-", message: "cannot write to standard output (\(String(cString: strerror(errno))))")
        }
        offset += written
    }
}
