// SHA-256 (FIPS 180-4) in plain Swift, for the input and output hashes in manifest.json:
// Foundation on Linux has no CryptoKit, and one hash does not justify another dependency.
import Foundation
#if canImport(Glibc)
    import Glibc
#endif

/// Incremental SHA-256: `update` with bytes as they come, then `finalize`.
public struct SHA256: Sendable {
    private var state: [UInt32] = [
        0x6a09_e667, 0xbb67_ae85, 0x3c6e_f372, 0xa54f_f53a, 0x510e_527f, 0x9b05_688c, 0x1f83_d9ab, 0x5be0_cd19,
    ]
    private var pending: [UInt8] = []
    private var messageLength: UInt64 = 0

    private static let roundConstants: [UInt32] = [
        0x428a_2f98, 0x7137_4491, 0xb5c0_fbcf, 0xe9b5_dba5, 0x3956_c25b, 0x59f1_11f1, 0x923f_82a4, 0xab1c_5ed5,
        0xd807_aa98, 0x1283_5b01, 0x2431_85be, 0x550c_7dc3, 0x72be_5d74, 0x80de_b1fe, 0x9bdc_06a7, 0xc19b_f174,
        0xe49b_69c1, 0xefbe_4786, 0x0fc1_9dc6, 0x240c_a1cc, 0x2de9_2c6f, 0x4a74_84aa, 0x5cb0_a9dc, 0x76f9_88da,
        0x983e_5152, 0xa831_c66d, 0xb003_27c8, 0xbf59_7fc7, 0xc6e0_0bf3, 0xd5a7_9147, 0x06ca_6351, 0x1429_2967,
        0x27b7_0a85, 0x2e1b_2138, 0x4d2c_6dfc, 0x5338_0d13, 0x650a_7354, 0x766a_0abb, 0x81c2_c92e, 0x9272_2c85,
        0xa2bf_e8a1, 0xa81a_664b, 0xc24b_8b70, 0xc76c_51a3, 0xd192_e819, 0xd699_0624, 0xf40e_3585, 0x106a_a070,
        0x19a4_c116, 0x1e37_6c08, 0x2748_774c, 0x34b0_bcb5, 0x391c_0cb3, 0x4ed8_aa4a, 0x5b9c_ca4f, 0x682e_6ff3,
        0x748f_82ee, 0x78a5_636f, 0x84c8_7814, 0x8cc7_0208, 0x90be_fffa, 0xa450_6ceb, 0xbef9_a3f7, 0xc671_78f2,
    ]

    public init() {}

    public mutating func update(_ bytes: some Sequence<UInt8>) {
        let bytes = Array(bytes)
        messageLength &+= UInt64(bytes.count)
        var start = 0
        if !pending.isEmpty {
            let take = min(64 - pending.count, bytes.count)
            pending.append(contentsOf: bytes[0..<take])
            start = take
            if pending.count == 64 {
                pending.withUnsafeBufferPointer { compress($0, from: 0) }
                pending.removeAll(keepingCapacity: true)
            }
        }
        let wholeBlocksEnd = start + (bytes.count - start) / 64 * 64
        if wholeBlocksEnd > start {
            bytes.withUnsafeBufferPointer { buffer in
                var offset = start
                while offset < wholeBlocksEnd {
                    compress(buffer, from: offset)
                    offset += 64
                }
            }
        }
        pending.append(contentsOf: bytes[wholeBlocksEnd...])
    }

    /// The 32-byte digest. Consumes the hasher's state (call on a copy to keep hashing).
    public mutating func finalize() -> [UInt8] {
        let bitLength = messageLength &* 8
        var tail = pending
        tail.append(0x80)
        while tail.count % 64 != 56 { tail.append(0) }
        for shift in stride(from: 56, through: 0, by: -8) { tail.append(UInt8(truncatingIfNeeded: bitLength >> UInt64(shift))) }
        tail.withUnsafeBufferPointer { buffer in
            var offset = 0
            while offset < buffer.count {
                compress(buffer, from: offset)
                offset += 64
            }
        }
        pending = []
        return state.flatMap { word in [24, 16, 8, 0].map { UInt8(truncatingIfNeeded: word >> UInt32($0)) } }
    }

    /// The digest of `bytes`.
    public static func hash(_ bytes: some Sequence<UInt8>) -> [UInt8] {
        var hasher = SHA256()
        hasher.update(bytes)
        return hasher.finalize()
    }

    /// The digest as 64 lowercase hexadecimal digits, as `sha256sum` prints it.
    public static func hexDigest(_ bytes: some Sequence<UInt8>) -> String { hexString(hash(bytes)) }

    /// A digest as lowercase hexadecimal digits.
    public static func hexString(_ digest: [UInt8]) -> String {
        let hexDigits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        for byte in digest {
            text.append(hexDigits[Int(byte >> 4)])
            text.append(hexDigits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// The hex digest of a file's bytes exactly as stored (BOM included), for the manifest.
    public static func hexDigest(ofFileAt path: String) throws(InputError) -> String {
        let data = try InputFile.readBytes(path)
        return hexDigest(data)
    }

    private mutating func compress(_ buffer: UnsafeBufferPointer<UInt8>, from offset: Int) {
        // A stack-allocated message schedule: a heap array per 64-byte block would dominate.
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { schedule in
            for t in 0..<16 {
                let base = offset + 4 * t
                schedule[t] = UInt32(buffer[base]) << 24 | UInt32(buffer[base + 1]) << 16
                    | UInt32(buffer[base + 2]) << 8 | UInt32(buffer[base + 3])
            }
            for t in 16..<64 {
                let w15 = schedule[t - 15], w2 = schedule[t - 2]
                let s0 = w15.rotatedRight(7) ^ w15.rotatedRight(18) ^ (w15 >> 3)
                let s1 = w2.rotatedRight(17) ^ w2.rotatedRight(19) ^ (w2 >> 10)
                schedule[t] = schedule[t - 16] &+ s0 &+ schedule[t - 7] &+ s1
            }
            var a = state[0], b = state[1], c = state[2], d = state[3]
            var e = state[4], f = state[5], g = state[6], h = state[7]
            Self.roundConstants.withUnsafeBufferPointer { k in
                for t in 0..<64 {
                    let sum1 = e.rotatedRight(6) ^ e.rotatedRight(11) ^ e.rotatedRight(25)
                    let choose = (e & f) ^ (~e & g)
                    let temp1 = h &+ sum1 &+ choose &+ k[t] &+ schedule[t]
                    let sum0 = a.rotatedRight(2) ^ a.rotatedRight(13) ^ a.rotatedRight(22)
                    let majority = (a & b) ^ (a & c) ^ (b & c)
                    let temp2 = sum0 &+ majority
                    h = g; g = f; f = e; e = d &+ temp1
                    d = c; c = b; b = a; a = temp1 &+ temp2
                }
            }
            state[0] &+= a; state[1] &+= b; state[2] &+= c; state[3] &+= d
            state[4] &+= e; state[5] &+= f; state[6] &+= g; state[7] &+= h
        }
    }
}

extension UInt32 {
    @inline(__always) fileprivate func rotatedRight(_ count: UInt32) -> UInt32 {
        (self >> count) | (self << (32 - count))
    }
}

extension SHA256 {
    /// The hex digest of a file read in 1 MB pieces: memory stays flat for a 1.5 GB samples.csv.
    public static func hexDigest(streamingFileAt path: String) throws(InputError) -> String {
        guard let file = fopen(path, "rb") else {
            throw InputError(file: path, message: "cannot be read (\(String(cString: strerror(errno))))", fix: "check that the file exists and may be read")
        }
        defer { fclose(file) }
        var hasher = SHA256()
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let n = buffer.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, file) }
            if n > 0 { hasher.update(buffer[0..<n]) }
            if n < buffer.count {
                if ferror(file) != 0 { throw InputError(file: path, message: "could not be read to the end", fix: "check the disk") }
                break
            }
        }
        return hexString(hasher.finalize())
    }
}
