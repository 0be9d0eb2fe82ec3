// A run folder written while the run computes, for outputs too large to hold in memory (a
// million Monte Carlo rows are 1.5 GB of CSV). Rows go to a hidden temporary folder as they
// are produced, in index order, with their SHA-256 computed on the way; the summary files come
// after, and `commit()` renames the folder into place exactly as `RunWriter` does, so the
// all-or-nothing guarantee (DESIGN §3) holds: an interrupted run leaves nothing but a
// temporary folder, which the signal handler or the next run removes.
import Foundation
#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

public final class StreamingRunWriter {
    /// The run folder as the planner named it.
    public let directory: String
    public let force: Bool
    /// `.NAME.tmp-PID` beside the run folder.
    let temporary: String
    /// Name and SHA-256 (hex) of every file written, in order.
    public private(set) var written: [(name: String, sha256: String)] = []
    private var finished = false

    /// Checks the target (exists without --force: `.alreadyExists`), removes stale temporary
    /// folders of dead runs, and creates this run's temporary folder: an unwritable --out
    /// fails here, before any computing.
    public init(directory: String, force: Bool) throws(OutputError) {
        self.directory = directory
        self.force = force
        try RunWriter.checkTarget(directory, force: force)
        temporary = try RunWriter.prepareTemporary(directory)
        TemporaryFolders.register(temporary)
    }

    deinit { if !finished { abandon() } }

    /// Opens the rows file `name`; `keeping` names columns whose values are also kept, as
    /// 8-byte numbers in side files, for the summaries' second pass.
    public func rows(_ name: String, header: [String], withBOM: Bool, keeping: [String] = []) throws(OutputError) -> RowStream {
        try RowStream(folder: temporary, name: name, header: header, withBOM: withBOM, keeping: keeping)
    }

    /// Records a rows file once it is finished.
    public func added(_ stream: RowStream) throws(OutputError) {
        let digest = try stream.finish()
        written.append((stream.name, digest))
    }

    /// Writes a small file at once.
    public func add(_ name: String, bytes: [UInt8]) throws(OutputError) {
        precondition(!name.isEmpty && !name.contains("/"), "streamed run files sit at the top of the folder")
        precondition(!written.contains { $0.name == name }, "\(name) added twice")
        try FileSystem.write(bytes, to: temporary + "/" + name)
        written.append((name, SHA256.hexDigest(bytes)))
    }

    /// Removes the side files and moves the folder into place.
    public func commit() throws(OutputError) {
        do throws(OutputError) {
            FileSystem.removeQuietly(temporary + "/" + RowStream.sideFolder)
            try RunWriter.checkTarget(directory, force: force)  // again: something may have appeared meanwhile
            try RunWriter.moveIntoPlace(temporary, directory: directory, force: force)
            finished = true
        } catch {
            abandon()
            throw error
        }
    }

    /// Removes the temporary folder (a failed run leaves nothing).
    public func abandon() {
        finished = true
        FileSystem.removeQuietly(temporary)
        TemporaryFolders.unregister(temporary)
    }
}

/// One CSV file written row by row, with the bytes `CSVWriter` would produce for the same
/// text cells, hashed as they are written.
public final class RowStream {
    public let name: String
    public let header: [String]
    static let sideFolder = ".columns"
    private let path: String
    private var file: UnsafeMutablePointer<FILE>?
    private var hash = SHA256()
    private var buffer: [UInt8] = []
    private var keptColumns: [(column: Int, path: String, file: UnsafeMutablePointer<FILE>?, buffer: [UInt64])]
    private var keptNames: [String]
    public private(set) var rowCount = 0
    private var digest: String?

    /// Bit pattern that marks an empty cell in a side file: a signalling NaN, which neither
    /// parsing ("nan" gives a quiet NaN) nor arithmetic produces.
    static let emptyCell: UInt64 = 0x7FF4_0000_0000_0001

    init(folder: String, name: String, header: [String], withBOM: Bool, keeping: [String]) throws(OutputError) {
        self.name = name
        self.header = header
        path = folder + "/" + name
        keptColumns = []
        keptNames = keeping
        file = fopen(path, "wb")
        guard file != nil else { throw Self.failure(path, "cannot create the file") }
        if !keeping.isEmpty { try FileSystem.createDirectory(folder + "/" + Self.sideFolder) }
        for (n, key) in keeping.enumerated() {
            guard let column = header.firstIndex(of: key) else { preconditionFailure("no column \(key) to keep") }
            let side = folder + "/" + Self.sideFolder + "/\(n).f64"
            guard let f = fopen(side, "wb") else { throw Self.failure(side, "cannot create the file") }
            keptColumns.append((column, side, f, []))
        }
        if withBOM { buffer += InputFile.byteOrderMark }
        buffer += Array((header.map(CSVWriter.quotedIfNeeded).joined(separator: ",") + "\n").utf8)
    }

    deinit { closeAll() }

    /// Appends one row of text cells (quoted when needed, as `CSVWriter` does).
    public func append(_ cells: [String]) throws(OutputError) {
        precondition(cells.count == header.count, "\(name): row has \(cells.count) cells, header has \(header.count)")
        precondition(digest == nil, "\(name) is finished")
        buffer += Array(CSVWriter.textLine(cells).utf8)
        for k in keptColumns.indices {
            let text = cells[keptColumns[k].column]
            let bits: UInt64
            if text.isEmpty { bits = Self.emptyCell } else {
                guard let x = Double(text) else {
                    throw OutputError(.nonFiniteNumber, path: name, message: "\"\(text)\" in column \(header[keptColumns[k].column]) is not a number")
                }
                bits = x.bitPattern
            }
            keptColumns[k].buffer.append(bits)
            if keptColumns[k].buffer.count >= 8192 { try flushSide(k) }
        }
        rowCount += 1
        if buffer.count >= 1 << 20 { try flush() }
    }

    private func flush() throws(OutputError) {
        guard !buffer.isEmpty else { return }
        hash.update(buffer)
        let n = buffer.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, file) }
        guard n == buffer.count else { throw Self.failure(path, "cannot write the file (\(String(cString: strerror(errno))))") }
        buffer.removeAll(keepingCapacity: true)
    }

    private func flushSide(_ k: Int) throws(OutputError) {
        let values = keptColumns[k].buffer
        guard !values.isEmpty else { return }
        let n = values.withUnsafeBytes { fwrite($0.baseAddress, 8, values.count, keptColumns[k].file) }
        guard n == values.count else { throw Self.failure(keptColumns[k].path, "cannot write the file (\(String(cString: strerror(errno))))") }
        keptColumns[k].buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes and closes the file; returns its SHA-256 (hex).
    @discardableResult
    func finish() throws(OutputError) -> String {
        if let digest { return digest }
        try flush()
        for k in keptColumns.indices { try flushSide(k) }
        let ok = fclose(file) == 0
        file = nil
        for k in keptColumns.indices {
            fclose(keptColumns[k].file)
            keptColumns[k].file = nil
        }
        guard ok else { throw Self.failure(path, "cannot write the file (\(String(cString: strerror(errno))))") }
        let hex = SHA256.hexString(hash.finalize())
        digest = hex
        return hex
    }

    /// The kept column `key` read back from its side file, one entry per row (nil for empty
    /// cells): exactly the numbers the rows file holds. Call after the stream is finished.
    public func keptColumn(_ key: String) throws(OutputError) -> [Double?] {
        guard let n = keptNames.firstIndex(of: key) else { preconditionFailure("column \(key) was not kept") }
        let side = keptColumns[n].path
        guard let f = fopen(side, "rb") else { throw Self.failure(side, "cannot read the file back") }
        defer { fclose(f) }
        var bits = [UInt64](repeating: 0, count: rowCount)
        let read = bits.withUnsafeMutableBytes { fread($0.baseAddress, 8, rowCount, f) }
        guard read == rowCount else { throw Self.failure(side, "read \(read) of \(rowCount) values back") }
        return bits.map { $0 == Self.emptyCell ? nil : Double(bitPattern: $0) }
    }

    /// The non-empty values of kept column `key`, in row order, and the row count: what the
    /// percentile pass needs, read in pieces so only the values themselves are held (8 B each).
    public func keptAnswers(_ key: String) throws(OutputError) -> (values: [Double], samples: Int) {
        guard let n = keptNames.firstIndex(of: key) else { preconditionFailure("column \(key) was not kept") }
        let side = keptColumns[n].path
        guard let f = fopen(side, "rb") else { throw Self.failure(side, "cannot read the file back") }
        defer { fclose(f) }
        var values: [Double] = []
        values.reserveCapacity(rowCount)
        var piece = [UInt64](repeating: 0, count: 65_536)
        var total = 0
        while true {
            let read = piece.withUnsafeMutableBytes { fread($0.baseAddress, 8, 65_536, f) }
            for bits in piece[0..<read] where bits != Self.emptyCell { values.append(Double(bitPattern: bits)) }
            total += read
            if read < 65_536 { break }
        }
        guard total == rowCount else { throw Self.failure(side, "read \(total) of \(rowCount) values back") }
        return (values, rowCount)
    }

    private func closeAll() {
        if let file { fclose(file) }
        file = nil
        for k in keptColumns.indices where keptColumns[k].file != nil {
            fclose(keptColumns[k].file)
            keptColumns[k].file = nil
        }
    }

    static func failure(_ path: String, _ message: String) -> OutputError {
        OutputError(.fileSystem, path: path, message: message, fix: "check free disk space and that you may write there")
    }
}
