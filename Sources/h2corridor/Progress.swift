// A progress bar on stderr for long sensitivity runs (DESIGN §4): only when stderr is a
// terminal (a log file or a pipe gets nothing), never with --quiet, redrawn at most five
// times a second from whichever worker thread finishes a chunk.
import Foundation
#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

final class ProgressBar: @unchecked Sendable {
    private let total: Int
    private let label: String
    private let enabled: Bool
    private let lock = NSLock()
    private let start = Date()
    private var lastDraw = Date.distantPast
    private var drawn = false

    init(total: Int, label: String, quiet: Bool) {
        self.total = total
        self.label = label
        self.enabled = !quiet && isatty(2) == 1 && total > 0
    }

    /// `done` of `total` finished (callable from any thread).
    func update(_ done: Int) {
        guard enabled else { return }
        lock.lock(); defer { lock.unlock() }
        let now = Date()
        guard now.timeIntervalSince(lastDraw) >= 0.2 || done == total else { return }
        lastDraw = now
        drawn = true
        let text = Self.line(label: label, done: done, total: total, elapsed: now.timeIntervalSince(start), columns: terminalColumns())
        FileHandle.standardError.write(Data(("\r" + text + "\u{1B}[K").utf8))
    }

    /// Clears the bar and leaves one line saying what was computed and that the results are
    /// being written (which can take a while for a large rows file): no "~0 s left" standing
    /// on the screen while the disk works.
    func finish() {
        guard enabled else { return }
        lock.lock(); defer { lock.unlock() }
        if drawn {
            let summary = Self.fitted("\(label): \(total)/\(total) in \(String(format: "%.1f", Date().timeIntervalSince(start))) s; writing results…",
                                      columns: terminalColumns())
            FileHandle.standardError.write(Data(("\r\u{1B}[K" + summary + "\n").utf8))
        }
        drawn = false
    }

    /// One line of the bar, never wider than `columns` - 1 (a full line would wrap on some
    /// terminals): the bar shrinks first (to 10 cells), then the times go, then the text is cut.
    static func line(label: String, done: Int, total: Int, elapsed: Double, columns: Int) -> String {
        let done = min(max(done, 0), total)
        let rate = elapsed > 0 ? Double(done) / elapsed : 0
        let left = rate > 0 ? Double(total - done) / rate : 0
        let counts = "\(done)/\(total)"
        let times = String(format: "  %.1f s, ~%.0f s left", elapsed, left)
        let room = columns - 1
        for suffix in [times, ""] {
            let fixed = label.count + 3 + 1 + counts.count + suffix.count  // "label [" + "] " + counts + times
            let width = min(30, room - fixed)
            if width >= 10 {
                let filled = total == 0 ? width : width * done / total
                return "\(label) [" + String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled) + "] " + counts + suffix
            }
        }
        return fitted("\(label) \(counts)", columns: columns)
    }

    static func fitted(_ text: String, columns: Int) -> String {
        text.count < columns ? text : String(text.prefix(max(0, columns - 1)))
    }

    /// The terminal's width (of stderr), else $COLUMNS, else 80.
    private func terminalColumns() -> Int {
        var size = winsize()
        if ioctl(2, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        if let text = ProcessInfo.processInfo.environment["COLUMNS"], let value = Int(text), value > 0 { return value }
        return 80
    }

    var callback: @Sendable (Int) -> Void { { [self] in self.update($0) } }
}
