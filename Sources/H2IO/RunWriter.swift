// All-or-nothing output of a run folder (DESIGN §3, §6): a failed run leaves no half-written
// file, and existing results are replaced only when the planner says --force.
import Foundation
#if canImport(Glibc)
    import Glibc
#endif

/// Collects every file of a run in memory and puts them in place only on `commit()`.
///
/// Until `commit()` nothing is written (the start only probes that the parent folder is writable,
/// with an empty folder made and removed), so a run that throws before it leaves no trace.
/// `commit()` writes the files into a hidden sibling folder `.<name>.tmp-<pid>` and renames it
/// into place. When the target folder already holds results and `force` is set, the old folder
/// is renamed away to `.<name>.old-<pid>`, the new one renamed in, then the old one deleted:
/// at every instant the target path holds either the complete old run or the complete new one.
/// (Atomic against failures of this process; a power cut may still need the file system's
/// journal.)
public struct RunWriter: Sendable {
    /// The run folder as the planner named it, e.g. "Results/guizhou-2025".
    public let directory: String
    public let force: Bool
    private var files: [(path: String, bytes: [UInt8])] = []

    /// Checks the target at once, so a run that could not be saved fails before computing.
    public init(directory: String, force: Bool = false) throws(OutputError) {
        self.directory = directory
        self.force = force
        try checkTarget()
        // Writability is probed now, not after the computation.
        FileSystem.removeQuietly(try Self.prepareTemporary(directory))
    }

    /// Relative paths of the files added so far, in order.
    public var fileNames: [String] { files.map(\.path) }

    /// Adds a file at `relativePath` inside the run folder (subfolders allowed: "charts/x.svg").
    public mutating func add(_ relativePath: String, bytes: [UInt8]) {
        precondition(!relativePath.isEmpty && !relativePath.hasPrefix("/"), "run file paths are relative")
        precondition(!relativePath.split(separator: "/").contains(".."), "run file paths stay inside the run folder")
        precondition(!files.contains { $0.path == relativePath }, "\(relativePath) added twice")
        files.append((relativePath, bytes))
    }

    public mutating func add(_ relativePath: String, text: String) {
        add(relativePath, bytes: Array(text.utf8))
    }

    public mutating func add(_ relativePath: String, csv: CSVWriter, withBOM: Bool = false) {
        add(relativePath, bytes: csv.bytes(withBOM: withBOM))
    }

    /// The bytes added under `relativePath` (e.g. to hash them for the manifest).
    public func bytes(of relativePath: String) -> [UInt8]? {
        files.first { $0.path == relativePath }?.bytes
    }

    private func checkTarget() throws(OutputError) { try Self.checkTarget(directory, force: force) }

    /// Whether `directory` may receive a run: absent, empty, or (with `force`) a folder of
    /// results. The same error (kind `.alreadyExists`) at the start and at commit, so the CLI
    /// gives one exit code for the condition wherever it is found.
    static func checkTarget(_ directory: String, force: Bool) throws(OutputError) {
        switch FileSystem.state(of: directory) {
        case .absent, .emptyDirectory:
            return
        case .file:
            throw OutputError(
                .alreadyExists, path: directory, message: "a file of this name exists, so the run folder cannot be created",
                fix: "choose another output folder or delete the file")
        case .nonEmptyDirectory:
            if !force {
                throw OutputError(
                    .alreadyExists, path: directory, message: "the run folder already exists and holds results",
                    fix: "pass --force to replace it, or choose another output folder")
            }
        }
    }

    /// Before any computing: the parent folder can be created and written (a probe folder is
    /// made and removed), and stale temporary folders of dead runs into the same folder are
    /// cleaned up. Returns the temporary folder's path for this process.
    static func prepareTemporary(_ directory: String) throws(OutputError) -> String {
        let (parent, name) = FileSystem.parentAndName(of: directory)
        do throws(OutputError) { try FileSystem.createDirectory(parent) } catch {
            throw OutputError(.notWritable, path: parent, message: error.message, fix: "choose an output folder you may write to")
        }
        TemporaryFolders.removeStale(parent: parent, name: name)
        let temporary = parent + "/.\(name).tmp-\(FileSystem.processID)"
        FileSystem.removeQuietly(temporary)  // a leftover of an earlier process with our pid
        do throws(OutputError) { try FileSystem.createDirectory(temporary) } catch {
            throw OutputError(.notWritable, path: parent, message: "the output folder cannot be written here (\(error.message))",
                              fix: "choose an output folder you may write to")
        }
        if access(temporary, W_OK) != 0 {
            FileSystem.removeQuietly(temporary)
            throw OutputError(.notWritable, path: parent, message: "the output folder cannot be written here (no write permission)",
                              fix: "choose an output folder you may write to")
        }
        return temporary
    }

    /// Moves the filled `temporary` folder to `directory` (replacing an old run when `force`).
    static func moveIntoPlace(_ temporary: String, directory: String, force: Bool) throws(OutputError) {
        let (parent, name) = FileSystem.parentAndName(of: directory)
        try TemporaryFolders.whileHeld { () throws(OutputError) in
            switch FileSystem.state(of: directory) {
            case .absent:
                try FileSystem.rename(temporary, to: directory)
            case .emptyDirectory:
                try FileSystem.remove(directory)
                try FileSystem.rename(temporary, to: directory)
            case .file, .nonEmptyDirectory:
                try checkTarget(directory, force: force)  // throws unless forced over a folder
                let old = parent + "/.\(name).old-\(FileSystem.processID)"
                FileSystem.removeQuietly(old)
                try FileSystem.rename(directory, to: old)
                do throws(OutputError) {
                    try FileSystem.rename(temporary, to: directory)
                } catch {
                    try? FileSystem.rename(old, to: directory)  // put the previous run back
                    throw error
                }
                FileSystem.removeQuietly(old)
            }
            TemporaryFolders.unregister(temporary)
        }
    }

    /// Writes every file and moves the folder into place. On failure nothing is left behind
    /// except what was there before.
    public func commit() throws(OutputError) {
        try checkTarget()  // again: something may have appeared while the run computed
        let temporary = try Self.prepareTemporary(directory)
        TemporaryFolders.register(temporary)
        do throws(OutputError) {
            for file in files {
                let path = temporary + "/" + file.path
                if let slash = file.path.lastIndex(of: "/") {
                    try FileSystem.createDirectory(temporary + "/" + file.path[..<slash])
                }
                try FileSystem.write(file.bytes, to: path)
            }
            try Self.moveIntoPlace(temporary, directory: directory, force: force)
        } catch {
            FileSystem.removeQuietly(temporary)
            TemporaryFolders.unregister(temporary)
            throw error
        }
    }
}
