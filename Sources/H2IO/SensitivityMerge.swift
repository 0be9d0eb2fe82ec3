// `merge`: shard folders back into the record of the whole run. Every shard must come from the
// same run (same fingerprint: inputs and their hashes, overrides, seed, samples, sampler,
// parameters, ...), and the shards' slices must tile the run exactly — no shard twice, none
// missing. Anything else is refused, naming the folder, before a file is written.
import Foundation
import H2Model
#if canImport(Glibc)
    import Glibc
#endif

public enum SensitivityMerge {
    /// The shards of one run, checked (same run, hashes intact, slices tiling the run) but
    /// their rows not yet read: the rows files in row order, for a merge that streams them.
    public struct Plan: Sendable {
        public var fingerprint: SensitivityFingerprint
        public var header: [String]
        /// (rows file, row count) per shard, in row order.
        public var rowsFiles: [(path: String, rows: Int)]
        public var command: SensitivityCommand { fingerprint.command }
        public var totalRows: Int { fingerprint.rows }
    }

    public static func record(fromShardFolders folders: [String]) throws(InputErrors) -> SensitivityRecord {
        let plan = try plan(fromShardFolders: folders)
        var rows: [SensitivityRow] = []
        let labels = plan.fingerprint.settings.labelColumns
        for file in plan.rowsFiles {
            let table: CSVTable
            do { table = try CSVTable.read(from: file.path, allowEmpty: true) } catch { throw InputErrors([error]) }
            for (r, cells) in table.rows.enumerated() {
                var values: [Double?] = []
                for (c, text) in cells.enumerated().dropFirst(labels) {
                    if text.isEmpty { values.append(nil); continue }
                    guard let x = Double(text) else {
                        throw InputErrors([InputError(file: file.path, message: "row \(r + 2), column \(plan.header[c]): \"\(text)\" is not a number",
                                                      fix: "rerun the shard; its rows were written by h2corridor")])
                    }
                    values.append(x)
                }
                rows.append(SensitivityRow(labels: Array(cells.prefix(labels)), values: values))
            }
        }
        return SensitivityRecord(fingerprint: plan.fingerprint, header: plan.header, rows: rows)
    }

    public static func plan(fromShardFolders folders: [String]) throws(InputErrors) -> Plan {
        struct Shard {
            var folder: String
            var fingerprint: SensitivityFingerprint
            var spec: ShardSpec
            var header: [String]
            var rowsPath: String
            var rows: Int
        }
        func fail(_ file: String, _ message: String, fix: String) -> InputErrors {
            InputErrors([InputError(file: file, message: message, fix: fix)])
        }
        guard !folders.isEmpty else { throw fail("merge", "no shard folders given", fix: "name every shard's --out folder") }
        var shards: [Shard] = []
        for folder in folders {
            let infoPath = join(folder, "shard.json")
            let text: String
            do { text = String(decoding: try InputFile.read(infoPath).bytes, as: UTF8.self) } catch {
                throw fail(infoPath, "\(error.message)", fix: "name folders written by a sensitivity command run with --shard k/N")
            }
            let json: JSONValue
            do { json = try JSONValue.parse(text) } catch {
                throw fail(infoPath, "not valid JSON (\(error))", fix: "rerun the shard; shard.json is written by h2corridor")
            }
            let info: ShardInfo
            do { info = try json.decoded(as: ShardInfo.self) } catch DecodingError.keyNotFound(let key, _) where key.stringValue == ShardInfo.Slice.CodingKeys.rowsSHA256.stringValue {
                throw fail(infoPath, "records no SHA-256 of its rows (written by an older version)", fix: "rerun the shard with this version of h2corridor")
            } catch {
                throw fail(infoPath, "not a shard description this version understands (\(decodingProblem(error)))", fix: "rerun the shard with this version of h2corridor")
            }
            let (fingerprint, command, total) = (info.fingerprint, info.fingerprint.command, info.fingerprint.rows)
            let (k, n, first, count) = (info.shard.index, info.shard.count, info.shard.firstRow, info.shard.rowCount)
            guard n >= 1, (1...n).contains(k) else {
                throw fail(infoPath, "shard \(k)/\(n) is not a shard of a split", fix: "rerun the shard; shard.json was edited")
            }
            let spec = ShardSpec(index: k, count: n)
            guard spec.rows(of: total) == first..<(first + count) else {
                throw fail(infoPath, "shard \(spec) claims rows \(first)..<\(first + count), but its slice of \(total) rows is \(spec.rows(of: total))",
                           fix: "rerun the shard; shard.json was edited")
            }
            let rowsPath = join(folder, command.rowsFile)
            // The rows must be the ones the shard wrote: an edited value would pass every
            // other check and silently change the merged results.
            let recorded = info.shard.rowsSHA256
            let actual: String
            do { actual = try SHA256.hexDigest(streamingFileAt: rowsPath) } catch { throw InputErrors([error]) }
            guard actual == recorded else {
                throw fail(rowsPath, "was changed after the shard was written: its SHA-256 is \(actual), shard.json records \(recorded)",
                           fix: "rerun shard \(spec) (\(folder)); never edit a shard's rows")
            }
            // The hash matched, so the file is the one the shard wrote: its header line and its
            // row count (lines after the header) are those of shard.json.
            let (header, lines) = try headerAndLineCount(rowsPath)
            guard lines == count else {
                throw fail(rowsPath, "holds \(lines) rows, shard.json says \(count)", fix: "rerun shard \(spec); the folder is incomplete or edited")
            }
            shards.append(Shard(folder: folder, fingerprint: fingerprint, spec: spec, header: header, rowsPath: rowsPath, rows: count))
        }
        let reference = shards[0]
        for shard in shards.dropFirst() {
            if shard.fingerprint != reference.fingerprint {
                let what = differingMember(try? shard.fingerprint.json(), try? reference.fingerprint.json()) ?? "settings"
                throw fail(join(shard.folder, "shard.json"), "made by a different run than \(reference.folder) (they differ in \(what))",
                           fix: "merge only shards of one command line (same scenario, overrides, seed, samples, sampler and parameters)")
            }
            if shard.spec.count != reference.spec.count {
                throw fail(join(shard.folder, "shard.json"), "is shard \(shard.spec) but \(reference.folder) is shard \(reference.spec): different shard counts",
                           fix: "merge the N shards of one --shard k/N split")
            }
            if shard.header != reference.header {
                throw fail(join(shard.folder, shard.fingerprint.command.rowsFile),
                           "its columns differ from \(reference.folder)'s", fix: "rerun the shard")
            }
        }
        var byIndex: [Int: Shard] = [:]
        for shard in shards {
            if let other = byIndex[shard.spec.index] {
                throw fail(join(shard.folder, "shard.json"), "shard \(shard.spec) is given twice (also \(other.folder)): the shards overlap",
                           fix: "name each shard folder once")
            }
            byIndex[shard.spec.index] = shard
        }
        let missing = (1...reference.spec.count).filter { byIndex[$0] == nil }
        if !missing.isEmpty {
            throw fail(reference.folder, "shard\(missing.count == 1 ? "" : "s") \(missing.map { "\($0)/\(reference.spec.count)" }.joined(separator: ", ")) missing",
                       fix: "run the missing shards and name every shard folder")
        }
        return Plan(fingerprint: reference.fingerprint, header: reference.header,
                    rowsFiles: (1...reference.spec.count).map { (byIndex[$0]!.rowsPath, byIndex[$0]!.rows) })
    }

    /// The header cells (a BOM dropped) and the number of lines after it.
    static func headerAndLineCount(_ path: String) throws(InputErrors) -> ([String], Int) {
        var header: [String] = []
        var count = -1
        try forEachLine(path) { line in
            if count < 0 { header = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
            count += 1
        }
        return (header, max(count, 0))
    }

    /// Calls `body` with each line of the file (without its LF; a leading UTF-8 BOM dropped),
    /// reading it piece by piece.
    public static func forEachLine(_ path: String, _ body: (Substring) throws -> Void) throws(InputErrors) {
        guard let file = fopen(path, "rb") else {
            throw InputErrors([InputError(file: path, message: "cannot be read (\(String(cString: strerror(errno))))", fix: "rerun the shard")])
        }
        defer { fclose(file) }
        var buffer: UnsafeMutablePointer<CChar>? = nil
        var capacity = 0
        defer { free(buffer) }
        var first = true
        while true {
            let n = getline(&buffer, &capacity, file)
            if n < 0 { break }
            var text = String(decoding: UnsafeRawBufferPointer(start: buffer, count: n), as: UTF8.self)[...]
            if first, text.hasPrefix("\u{FEFF}") { text = text.dropFirst() }
            first = false
            if text.hasSuffix("\n") { text = text.dropLast() }
            do { try body(text) } catch let error as InputErrors { throw error } catch {
                throw InputErrors([InputError(file: path, message: "\(error)")])
            }
        }
    }

    /// What a decoding error says, with the member's path (for the message).
    static func decodingProblem(_ error: any Error) -> String {
        func path(_ keys: [any CodingKey]) -> String { keys.map { $0.intValue.map { "[\($0)]" } ?? "." + $0.stringValue }.joined() }
        switch error as? DecodingError {
        case .keyNotFound(let key, let context)?: return "no \(path(context.codingPath + [key]))"
        case .typeMismatch(_, let context)?, .valueNotFound(_, let context)?, .dataCorrupted(let context)?:
            return "\(path(context.codingPath)): \(context.debugDescription)"
        default: return "\(error)"
        }
    }

    static func join(_ folder: String, _ name: String) -> String { folder.hasSuffix("/") ? folder + name : folder + "/" + name }

    /// The first top-level member whose value differs (for the message).
    static func differingMember(_ a: JSONValue?, _ b: JSONValue?) -> String? {
        guard let a, let b, case .object(let x) = a, case .object(let y) = b else { return nil }
        for m in x where b[m.key] != m.value { return m.key }
        for m in y where a[m.key] == nil { return m.key }
        return nil
    }
}
