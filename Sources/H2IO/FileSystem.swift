// The few file-system operations the writers need, each turning a failure into an OutputError.
import Foundation
#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

enum FileSystem {
    enum PathState: Equatable {
        case absent, emptyDirectory, nonEmptyDirectory, file
    }

    static func state(of path: String) -> PathState {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return .absent }
        guard isDirectory.boolValue else { return .file }
        let contents = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        return contents.isEmpty ? .emptyDirectory : .nonEmptyDirectory
    }

    static var processID: Int32 { ProcessInfo.processInfo.processIdentifier }

    /// Splits "Results/run/" into ("Results", "run"); a bare name has parent ".".
    static func parentAndName(of path: String) -> (parent: String, name: String) {
        var trimmed = path
        while trimmed.count > 1 && trimmed.hasSuffix("/") { trimmed.removeLast() }
        guard let slash = trimmed.lastIndex(of: "/") else { return (".", trimmed) }
        let parent = String(trimmed[..<slash])
        return (parent.isEmpty ? "/" : parent, String(trimmed[trimmed.index(after: slash)...]))
    }

    static func createDirectory(_ path: String) throws(OutputError) {
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw OutputError(
                .fileSystem, path: path, message: "cannot create the folder (\(error.localizedDescription))",
                fix: "check that you may write there and that no file has the folder's name")
        }
    }

    static func write(_ bytes: [UInt8], to path: String) throws(OutputError) {
        do {
            try Data(bytes).write(to: URL(fileURLWithPath: path))
        } catch {
            throw OutputError(
                .fileSystem, path: path, message: "cannot write the file (\(error.localizedDescription))",
                fix: "check free disk space and that you may write there")
        }
    }

    /// rename(2): atomic within one file system; replaces an existing file (not a non-empty folder).
    static func rename(_ source: String, to destination: String) throws(OutputError) {
        if Glibc_rename(source, destination) != 0 {
            let reason = String(cString: strerror(errno))
            throw OutputError(
                .fileSystem, path: destination, message: "cannot move \(source) into place (\(reason))",
                fix: "check that you may write in the folder")
        }
    }

    /// Best-effort removal, for temporary files and folders on the way out.
    static func removeQuietly(_ path: String) {
        try? FileManager.default.removeItem(atPath: path)
    }

    static func remove(_ path: String) throws(OutputError) {
        do {
            try FileManager.default.removeItem(atPath: path)
        } catch {
            throw OutputError(
                .fileSystem, path: path, message: "cannot remove (\(error.localizedDescription))",
                fix: "check that you may write in the folder")
        }
    }
}

/// The C library's rename, under a name that cannot clash with Swift methods.
private func Glibc_rename(_ source: String, _ destination: String) -> Int32 {
    #if canImport(Glibc)
        return Glibc.rename(source, destination)
    #else
        return Darwin.rename(source, destination)
    #endif
}
