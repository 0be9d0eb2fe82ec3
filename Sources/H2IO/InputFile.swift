// Reading an input file into UTF-8 bytes: every way this fails becomes an InputError naming the
// file, so no caller has to handle Foundation errors.
import Foundation

/// Raw contents of one input file, decoded-checked as UTF-8 with a leading BOM removed.
struct InputFile {
    let path: String
    /// UTF-8 bytes without the BOM.
    let bytes: [UInt8]

    static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// Reads `path` and checks it is UTF-8 text.
    static func read(_ path: String) throws(InputError) -> InputFile {
        try InputFile(path: path, data: readBytes(path))
    }

    /// The file's bytes exactly as stored.
    static func readBytes(_ path: String) throws(InputError) -> [UInt8] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            let directory = FileManager.default.currentDirectoryPath
            throw InputError(
                file: path, message: "file not found",
                fix: "check the name and folder; relative paths are taken from \(directory)")
        }
        if isDirectory.boolValue {
            throw InputError(file: path, message: "is a folder, not a file", fix: "name the file inside the folder")
        }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw InputError(
                file: path, message: "cannot be read (\(error.localizedDescription))",
                fix: "check that the file is readable by you (permissions) and not locked by another program")
        }
        return Array(data)
    }

    /// Checks UTF-8 and strips a BOM. Excel and WPS write a BOM; Chinese Windows writes GBK
    /// unless told otherwise, which is the usual cause of the encoding error.
    init(path: String, data: [UInt8]) throws(InputError) {
        self.path = path
        var bytes = data
        if bytes.starts(with: Self.byteOrderMark) { bytes.removeFirst(3) }
        if String(validating: bytes, as: UTF8.self) == nil {
            throw InputError(
                file: path, line: Self.firstLineWithInvalidUTF8(bytes),
                message: "is not valid UTF-8 text (probably saved as GBK/ANSI)",
                fix: "save it as UTF-8: in Excel choose \"CSV UTF-8 (Comma delimited)\", in WPS or a text editor choose the UTF-8 encoding")
        }
        self.bytes = bytes
    }

    /// Only called on the error path, so a line-by-line recheck is fine.
    static func firstLineWithInvalidUTF8(_ bytes: [UInt8]) -> Int? {
        var line = 1
        for slice in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            if String(validating: slice, as: UTF8.self) == nil { return line }
            line += 1
        }
        return nil
    }
}
