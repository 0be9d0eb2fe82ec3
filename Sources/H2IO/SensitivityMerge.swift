// `merge`: shard folders back into the record of the whole run. Every shard must come from the
// same run (same fingerprint: inputs and their hashes, overrides, seed, samples, sampler,
// parameters, ...), and the shards' slices must tile the run exactly — no shard twice, none
// missing. Anything else is refused, naming the folder, before a file is written.
import H2Model

public enum SensitivityMerge {
    public static func record(fromShardFolders folders: [String]) throws(InputErrors) -> SensitivityRecord {
        struct Shard {
            var folder: String
            var fingerprint: JSONValue
            var spec: ShardSpec
            var header: [String]
            var rows: [[String]]
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
            let info: JSONValue
            do { info = try JSONValue.parse(text) } catch {
                throw fail(infoPath, "not valid JSON (\(error))", fix: "rerun the shard; shard.json is written by h2corridor")
            }
            guard let fingerprint = info["fingerprint"], let command = fingerprint["command"]?.stringValue.flatMap(SensitivityCommand.init),
                  let total = fingerprint["rows"]?.intValue,
                  let k = info["shard"]?["index"]?.intValue, let n = info["shard"]?["count"]?.intValue, n >= 1, (1...n).contains(k),
                  let first = info["shard"]?["first_row"]?.intValue, let count = info["shard"]?["row_count"]?.intValue else {
                throw fail(infoPath, "not a shard description this version understands", fix: "rerun the shard with this version of h2corridor")
            }
            let spec = ShardSpec(index: k, count: n)
            guard spec.rows(of: total) == first..<(first + count) else {
                throw fail(infoPath, "shard \(spec) claims rows \(first)..<\(first + count), but its slice of \(total) rows is \(spec.rows(of: total))",
                           fix: "rerun the shard; shard.json was edited")
            }
            let rowsPath = join(folder, command.rowsFile)
            let table: CSVTable
            do { table = try CSVTable.read(from: rowsPath, allowEmpty: true) } catch { throw InputErrors([error]) }
            guard table.rowCount == count else {
                throw fail(rowsPath, "holds \(table.rowCount) rows, shard.json says \(count)", fix: "rerun shard \(spec); the folder is incomplete or edited")
            }
            shards.append(Shard(folder: folder, fingerprint: fingerprint, spec: spec, header: table.header, rows: table.rows))
        }
        let reference = shards[0]
        for shard in shards.dropFirst() {
            if shard.fingerprint != reference.fingerprint {
                let what = differingMember(shard.fingerprint, reference.fingerprint) ?? "settings"
                throw fail(join(shard.folder, "shard.json"), "made by a different run than \(reference.folder) (they differ in \(what))",
                           fix: "merge only shards of one command line (same scenario, overrides, seed, samples, sampler and parameters)")
            }
            if shard.spec.count != reference.spec.count {
                throw fail(join(shard.folder, "shard.json"), "is shard \(shard.spec) but \(reference.folder) is shard \(reference.spec): different shard counts",
                           fix: "merge the N shards of one --shard k/N split")
            }
            if shard.header != reference.header {
                throw fail(join(shard.folder, SensitivityCommand(rawValue: shard.fingerprint["command"]?.stringValue ?? "")?.rowsFile ?? "rows"),
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
        let rows = (1...reference.spec.count).flatMap { byIndex[$0]!.rows }
        return SensitivityRecord(fingerprint: reference.fingerprint, header: reference.header, rows: rows)
    }

    static func join(_ folder: String, _ name: String) -> String { folder.hasSuffix("/") ? folder + name : folder + "/" + name }

    /// The first top-level member whose value differs (for the message).
    static func differingMember(_ a: JSONValue, _ b: JSONValue) -> String? {
        guard case .object(let x) = a, case .object(let y) = b else { return nil }
        for m in x where b[m.key] != m.value { return m.key }
        for m in y where a[m.key] == nil { return m.key }
        return nil
    }
}
