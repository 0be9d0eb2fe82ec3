// The hidden temporary folders a run writes into before it renames them into place, and what
// happens to them when the run does not finish: removed on SIGINT/SIGTERM by the signal handler
// (through `TemporaryFolders.removeAll`), and, after `kill -9` or a power cut, removed by the
// next run into the same folder once no live process owns them.
import Foundation
#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

public enum TemporaryFolders {
    private static let lock = NSRecursiveLock()
    nonisolated(unsafe) private static var live: Set<String> = []

    static func register(_ path: String) {
        lock.lock(); defer { lock.unlock() }
        live.insert(path)
    }

    static func unregister(_ path: String) {
        lock.lock(); defer { lock.unlock() }
        live.remove(path)
    }

    /// Removes every registered temporary folder (on an interrupt). The lock is held while
    /// removing, so a commit that renames a folder into place (under the same lock) is either
    /// complete or not begun.
    public static func removeAll() {
        lock.lock(); defer { lock.unlock() }
        for path in live { FileSystem.removeQuietly(path) }
        live.removeAll()
    }

    /// Runs `body` (a rename into place) so that an interrupt cannot remove the folder halfway.
    static func whileHeld<T>(_ body: () throws(OutputError) -> T) throws(OutputError) -> T {
        lock.lock(); defer { lock.unlock() }
        return try body()
    }

    /// The temporary (`.NAME.tmp-PID`) and set-aside (`.NAME.old-PID`) folders of run folder
    /// `name` in `parent` whose process is gone. A set-aside folder whose run folder is missing
    /// holds the previous complete results (the process died between its two renames): it is
    /// put back rather than deleted. Returns the paths removed or restored.
    @discardableResult
    public static func removeStale(parent: String, name: String) -> [String] {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: parent) else { return [] }
        var handled: [String] = []
        let target = parent + "/" + name
        for entry in entries.sorted() {
            for (kind, prefix) in [("tmp", ".\(name).tmp-"), ("old", ".\(name).old-")] where entry.hasPrefix(prefix) {
                guard let pid = Int32(entry.dropFirst(prefix.count)), pid > 0, !processIsAlive(pid) else { continue }
                let path = parent + "/" + entry
                if kind == "old", FileSystem.state(of: target) == .absent {
                    if (try? FileSystem.rename(path, to: target)) != nil { handled.append(path) }
                } else {
                    FileSystem.removeQuietly(path)
                    handled.append(path)
                }
            }
        }
        return handled
    }

    /// kill(pid, 0): no signal sent, only whether the process exists. EPERM means it exists
    /// but belongs to someone else — alive.
    static func processIsAlive(_ pid: Int32) -> Bool {
        if pid == FileSystem.processID { return true }
        return kill(pid, 0) == 0 || errno == EPERM
    }
}
