// Runs the built `h2corridor` binary as a planner would: a child process with its own working
// folder, stdout and stderr captured separately, and a timeout so a hang fails the test
// instead of stalling the suite.
import Foundation

/// What one run of the binary produced.
struct CLIResult: Sendable {
    var exitCode: Int32
    var stdoutBytes: [UInt8]
    var stderrBytes: [UInt8]
    var stdout: String { String(decoding: stdoutBytes, as: UTF8.self) }
    var stderr: String { String(decoding: stderrBytes, as: UTF8.self) }
    /// Everything the planner saw, for messages that may go to either stream.
    var output: String { stdout + stderr }
}

struct CLITimeout: Error, CustomStringConvertible {
    var arguments: [String]
    var seconds: Double
    var description: String { "h2corridor \(arguments.joined(separator: " ")) ran longer than \(seconds) s" }
}

enum CLI {
    /// The folder holding Package.swift, from this file's own path (Tests/CLITests/CLIRunner.swift).
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Absolute path of a flagship scenario folder, e.g. `model("guizhou-2025")`.
    static func model(_ name: String) -> String {
        packageRoot.appendingPathComponent("Models/\(name)").path
    }

    /// Absolute path of a file or folder under Tests/CLITests/Fixtures.
    static func fixture(_ relativePath: String) -> String {
        packageRoot.appendingPathComponent("Tests/CLITests/Fixtures/\(relativePath)").path
    }

    /// The binary: beside the running test bundle (SwiftPM puts products in one folder), else in
    /// `<package>/.build/debug`.
    static let binary: String = {
        let fm = FileManager.default
        var candidates: [URL] = []
        let running = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        // The test runner may be the .xctest itself (Linux) or a tool inside it (macOS: …/x.xctest/Contents/MacOS/x).
        var folder = running.deletingLastPathComponent()
        for _ in 0..<4 {
            candidates.append(folder.appendingPathComponent("h2corridor"))
            folder = folder.deletingLastPathComponent()
        }
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            candidates.append(bundle.bundleURL.deletingLastPathComponent().appendingPathComponent("h2corridor"))
        }
        candidates.append(packageRoot.appendingPathComponent(".build/debug/h2corridor"))
        for candidate in candidates {
            var isFolder: ObjCBool = false
            if fm.fileExists(atPath: candidate.path, isDirectory: &isFolder), !isFolder.boolValue,
                fm.isExecutableFile(atPath: candidate.path)
            {
                return candidate.path
            }
        }
        return packageRoot.appendingPathComponent(".build/debug/h2corridor").path
    }()

    /// Runs `h2corridor arguments…` in `workingDirectory` (a fresh temporary folder when nil).
    /// stdout and stderr go to files, not pipes, so a large output can never fill a pipe buffer
    /// and deadlock the wait.
    static func run(_ arguments: [String], in workingDirectory: TemporaryFolder? = nil,
                    timeout: Double = 60) throws -> CLIResult {
        let folder = workingDirectory ?? TemporaryFolder()
        return try run(arguments, inDirectory: folder.path, timeout: timeout)
    }

    /// Runs in an existing folder (e.g. the package root, so paths in outputs stay relative).
    static func run(_ arguments: [String], inDirectory directory: String, timeout: Double = 60) throws -> CLIResult {
        let capture = TemporaryFolder()
        let outPath = capture.file("stdout"), errPath = capture.file("stderr")
        _ = FileManager.default.createFile(atPath: outPath, contents: nil)
        _ = FileManager.default.createFile(atPath: errPath, contents: nil)
        let outHandle = try FileHandle(forWritingTo: URL(fileURLWithPath: outPath))
        let errHandle = try FileHandle(forWritingTo: URL(fileURLWithPath: errPath))
        defer {
            try? outHandle.close()
            try? errHandle.close()
        }

        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = outHandle
        process.standardError = errHandle
        // A terminal width would change help wrapping; keep the environment fixed.
        var environment = ProcessInfo.processInfo.environment
        environment["COLUMNS"] = "80"
        process.environment = environment

        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        try process.run()
        // The timeout only catches a hang: a run that plans a flagship takes minutes on a loaded
        // 2-core machine (the phased MILP with every supply mode), so no limit is below 15 min.
        // Tests that care how fast a refusal comes measure their own clock.
        let limit = max(timeout, 900)
        if finished.wait(timeout: .now() + limit) == .timedOut {
            process.terminate()
            _ = finished.wait(timeout: .now() + 5)
            throw CLITimeout(arguments: arguments, seconds: limit)
        }
        return CLIResult(exitCode: process.terminationStatus,
                         stdoutBytes: capture.read("stdout") ?? [],
                         stderrBytes: capture.read("stderr") ?? [])
    }
}
