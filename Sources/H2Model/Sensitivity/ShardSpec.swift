// `--shard k/N`: a deterministic contiguous slice of a run's rows, so N machines (GNU parallel,
// a Slurm job array) each compute one slice and `merge` reassembles the whole.

public struct ShardSpec: Sendable, Equatable, CustomStringConvertible {
    /// 1-based shard number.
    public var index: Int
    public var count: Int

    public init(index: Int, count: Int) {
        precondition(count >= 1 && (1...count).contains(index), "shard \(index)/\(count)")
        self.index = index
        self.count = count
    }

    /// The whole run as one shard.
    public static let whole = ShardSpec(index: 1, count: 1)

    public var description: String { "\(index)/\(count)" }

    /// Rows ⌊(k−1)·T/N⌋ ..< ⌊k·T/N⌋ of a run of `total` rows: the slices of 1/N … N/N tile
    /// 0..<total exactly, and differ in size by at most one.
    public func rows(of total: Int) -> Range<Int> {
        let lower = (index - 1) * total / count
        let upper = index * total / count
        return lower..<upper
    }

    /// Why `text` ("k/N") is not a shard, or the shard.
    public static func parse(_ text: String) -> Result<ShardSpec, ShardSpecProblem> {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let k = Int(parts[0]), let n = Int(parts[1]) else {
            return .failure(ShardSpecProblem(message: "--shard \(text): expected k/N with whole numbers, e.g. --shard 2/4"))
        }
        guard n >= 1 else { return .failure(ShardSpecProblem(message: "--shard \(text): the number of shards N must be at least 1")) }
        guard (1...n).contains(k) else {
            return .failure(ShardSpecProblem(message: "--shard \(text): shard k must be between 1 and \(n) (shards are numbered from 1)"))
        }
        return .success(ShardSpec(index: k, count: n))
    }
}

public struct ShardSpecProblem: Error, Sendable, Equatable {
    public var message: String
}
