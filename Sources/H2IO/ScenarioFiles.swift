// The files of one scenario, each read from disk once: its bytes are hashed for the manifest
// as they are read, and every reader after that works on the parsed table or document in
// memory. So the hash in a manifest is the hash of exactly the bytes the run used.

struct ScenarioFiles {
    /// Every file read, in reading order, with the SHA-256 of its bytes as stored.
    private(set) var inputs: [InputFileHash] = []
    private var tables: [String: CSVTable] = [:]

    /// The file's bytes (UTF-8 checked, BOM removed), recording its hash once.
    mutating func read(_ path: String) throws(InputError) -> InputFile {
        let raw = try InputFile.readBytes(path)
        if !inputs.contains(where: { $0.path == path }) {
            inputs.append(InputFileHash(path: path, sha256: SHA256.hexDigest(raw)))
        }
        return try InputFile(path: path, data: raw)
    }

    /// A TOML document; every problem found is appended to `problems` (nil when it cannot be parsed).
    mutating func toml(_ path: String, _ problems: inout InputErrors) -> TOMLFile? {
        do {
            let input = try read(path)
            return try TOMLFile(parsing: String(decoding: input.bytes, as: UTF8.self), file: path)
        } catch let error as InputError {
            problems.append(error)
        } catch let errors as InputErrors {
            problems.append(contentsOf: errors.errors)
        } catch {
            problems.append(InputError(file: path, message: "\(error)"))
        }
        return nil
    }

    /// A CSV table, parsed once; a second call returns the same table without reading again.
    mutating func table(_ path: String) throws(InputError) -> CSVTable {
        if let t = tables[path] { return t }
        let input = try read(path)
        let t = try CSVTable(utf8: input.bytes, file: path, allowEmpty: false)
        try t.checkTextLengths()
        tables[path] = t
        return t
    }
}
