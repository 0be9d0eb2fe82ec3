import Foundation
import Testing
@testable import H2IO

@Suite struct RunWriterTests {
    @Test func commitWritesEveryFileAndLeavesNoTemporaries() throws {
        let folder = TemporaryDirectory()
        let target = folder.file("Results/run1")
        var run = try RunWriter(directory: target)
        run.add("summary.csv", text: "a,b\n1,2\n")
        run.add("charts/tornado.svg", text: "<svg/>")
        var csv = CSVWriter(name: "stations.csv", header: ["node"])
        try csv.appendRow(["贵阳"])
        run.add("stations.csv", csv: csv, withBOM: true)
        try run.commit()
        #expect(folder.listing("Results") == ["run1"])
        #expect(folder.listing("Results/run1") == ["charts", "stations.csv", "summary.csv"])
        #expect(folder.read("Results/run1/summary.csv") == Array("a,b\n1,2\n".utf8))
        #expect(folder.read("Results/run1/charts/tornado.svg") == Array("<svg/>".utf8))
        #expect(folder.read("Results/run1/stations.csv")?.starts(with: [0xEF, 0xBB, 0xBF]) == true)
        #expect(run.fileNames == ["summary.csv", "charts/tornado.svg", "stations.csv"])
    }

    @Test func aRunThatFailsBeforeCommitLeavesNothing() throws {
        let folder = TemporaryDirectory()
        struct SolverFailed: Error {}
        func run() throws {
            var writer = try RunWriter(directory: folder.file("run"))
            writer.add("summary.csv", text: "x\n1\n")
            throw SolverFailed()
        }
        #expect(throws: SolverFailed.self) { try run() }
        #expect(folder.listing() == [])
    }

    @Test func refusesToOverwriteWithoutForce() throws {
        let folder = TemporaryDirectory()
        _ = folder.write("run/summary.csv", "old\n")
        let error = #expect(throws: OutputError.self) { try RunWriter(directory: folder.file("run")) }
        #expect(error?.kind == .alreadyExists)
        #expect(error?.fix.contains("--force") == true)
        #expect(folder.read("run/summary.csv") == Array("old\n".utf8))
    }

    @Test func refusesAtCommitWhenTheFolderAppearedMeanwhile() throws {
        let folder = TemporaryDirectory()
        var writer = try RunWriter(directory: folder.file("run"))
        writer.add("summary.csv", text: "new\n")
        _ = folder.write("run/other.csv", "someone else's\n")
        #expect(throws: OutputError.self) { try writer.commit() }
        #expect(folder.listing() == ["run"])
        #expect(folder.listing("run") == ["other.csv"])
    }

    @Test func forceReplacesTheWholeFolder() throws {
        let folder = TemporaryDirectory()
        _ = folder.write("run/summary.csv", "old\n")
        _ = folder.write("run/stale.csv", "only in the old run\n")
        var writer = try RunWriter(directory: folder.file("run"), force: true)
        writer.add("summary.csv", text: "new\n")
        try writer.commit()
        #expect(folder.listing() == ["run"])
        #expect(folder.listing("run") == ["summary.csv"])
        #expect(folder.read("run/summary.csv") == Array("new\n".utf8))
    }

    @Test func anEmptyFolderIsUsedWithoutForce() throws {
        let folder = TemporaryDirectory()
        try FileManager.default.createDirectory(atPath: folder.file("run"), withIntermediateDirectories: false)
        var writer = try RunWriter(directory: folder.file("run") + "/")
        writer.add("a.csv", text: "a\n")
        try writer.commit()
        #expect(folder.listing() == ["run"])
        #expect(folder.listing("run") == ["a.csv"])
    }

    @Test func aFailureDuringCommitKeepsTheOldRun() throws {
        let folder = TemporaryDirectory()
        _ = folder.write("run/summary.csv", "old\n")
        var writer = try RunWriter(directory: folder.file("run"), force: true)
        writer.add("charts", text: "a file named like the folder below")
        writer.add("charts/map.svg", text: "<svg/>")  // cannot create: "charts" is a file
        #expect(throws: OutputError.self) { try writer.commit() }
        #expect(folder.listing() == ["run"])
        #expect(folder.listing("run") == ["summary.csv"])
        #expect(folder.read("run/summary.csv") == Array("old\n".utf8))
    }

    @Test func aFileAtTheTargetPathIsAnError() throws {
        let folder = TemporaryDirectory()
        _ = folder.write("run", "a file\n")
        let error = #expect(throws: OutputError.self) { try RunWriter(directory: folder.file("run"), force: true) }
        #expect(error?.kind == .alreadyExists)
    }

    @Test func singleFileIsReplacedAtomically() throws {
        let folder = TemporaryDirectory()
        let path = folder.file("out/stations.csv")
        try OutputTarget(argument: path).write("first\n")
        try OutputTarget(argument: path).write("second\n")
        #expect(folder.read("out/stations.csv") == Array("second\n".utf8))
        #expect(folder.listing("out") == ["stations.csv"])
        #expect(OutputTarget(argument: "-") == .standardOutput)
        let error = #expect(throws: OutputError.self) { try writeFileAtomically([1], to: folder.path) }
        #expect(error?.message.contains("folder") == true)
    }
}
