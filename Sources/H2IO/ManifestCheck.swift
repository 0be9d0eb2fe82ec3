// `h2corridor verify DIR`: every output listed in a run folder's manifest.json is hashed again
// and compared with the SHA-256 recorded when it was written. A result folder copied between
// machines, or edited by hand, can so be checked before it is trusted.

public enum ManifestCheck {
    /// One output file's verdict.
    public struct Finding: Sendable, Equatable {
        public var file: String
        public var recorded: String
        /// nil when the file is missing or unreadable.
        public var actual: String?
        public var matches: Bool { actual == recorded }
    }

    /// Checks `folder/manifest.json`. Throws when the manifest itself is missing or is not one
    /// h2corridor writes; otherwise one finding per listed output, in manifest order.
    public static func check(folder: String) throws(InputError) -> [Finding] {
        let path = folder.hasSuffix("/") ? folder + "manifest.json" : folder + "/manifest.json"
        let bytes = try InputFile.readBytes(path)
        let manifest: JSONValue
        do { manifest = try JSONValue.parse(String(decoding: bytes, as: UTF8.self)) } catch {
            throw InputError(file: path, message: "not valid JSON (\(error))", fix: "the manifest is written by h2corridor; rerun the command")
        }
        // Sensitivity manifests also hold the fingerprint's "outputs" (column names): the
        // file list is the member whose entries are {file, sha256} objects.
        guard case .object(let members) = manifest,
              let list = members.last(where: { $0.key == "outputs" && ($0.value.arrayValue?.first?["file"] != nil) })?.value.arrayValue else {
            throw InputError(file: path, field: "outputs", message: "lists no output files with their SHA-256", fix: "point at a folder written by h2corridor")
        }
        var findings: [Finding] = []
        for entry in list {
            guard let file = entry["file"]?.stringValue, let recorded = entry["sha256"]?.stringValue,
                  !file.hasPrefix("/"), !file.split(separator: "/").contains("..") else {
                throw InputError(file: path, field: "outputs", message: "an entry is not {file, sha256} inside the folder", fix: "rerun the command; the manifest was edited")
            }
            let target = folder.hasSuffix("/") ? folder + file : folder + "/" + file
            findings.append(Finding(file: file, recorded: recorded, actual: try? SHA256.hexDigest(streamingFileAt: target)))
        }
        return findings
    }
}
