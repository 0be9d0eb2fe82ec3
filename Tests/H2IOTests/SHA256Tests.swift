import Foundation
import Testing
@testable import H2IO

@Suite struct SHA256Tests {
    /// FIPS 180-2, appendix B, plus the empty message.
    @Test(arguments: [
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
    ])
    func standardVectors(message: String, digest: String) {
        #expect(SHA256.hexDigest(Array(message.utf8)) == digest)
    }

    @Test func oneMillionA() {
        let message = [UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)
        #expect(SHA256.hexDigest(message) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
        // fed in uneven pieces, the incremental hash must agree
        var hasher = SHA256()
        var offset = 0
        var piece = 1
        while offset < message.count {
            let end = min(offset + piece, message.count)
            hasher.update(message[offset..<end])
            offset = end
            piece = piece * 3 % 1000 + 1
        }
        let digest = hasher.finalize()
        #expect(digest == SHA256.hash(message))
    }

    /// Lengths around the 55/56/64-byte padding boundaries, against the system's sha256sum.
    @Test func paddingBoundariesAgreeWithSha256sum() throws {
        let tool = "/usr/bin/sha256sum"
        try #require(FileManager.default.isExecutableFile(atPath: tool), "needs coreutils' sha256sum")
        let folder = TemporaryDirectory()
        for length in [1, 55, 56, 57, 63, 64, 65, 119, 120, 128, 1000] {
            let bytes = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
            let path = folder.write("m\(length).bin", bytes: bytes)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: tool)
            process.arguments = [path]
            let pipe = Pipe()
            process.standardOutput = pipe
            try process.run()
            let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(try SHA256.hexDigest(ofFileAt: path) == String(output.prefix(64)), "length \(length)")
        }
    }
}
