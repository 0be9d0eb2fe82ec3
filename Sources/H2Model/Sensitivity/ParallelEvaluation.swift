// `--jobs`: evaluations spread over threads. Work is cut into chunks of consecutive indices;
// each thread takes the next chunk, and each chunk's results land in the chunk's own slot, so
// the assembled results are in index order whatever the thread count or timing — the bytes
// written afterwards cannot depend on `--jobs`.
import Dispatch

public enum ParallelEvaluation {
    /// `body(chunk)` for consecutive chunks of `range` (at most `chunkSize` indices each) on
    /// `jobs` threads; the results of all chunks concatenated in index order. `body` returns one
    /// result per index of its chunk. `progress`, when given, is called (from any thread) with
    /// the number of indices finished so far. When chunks throw, the error of the first such
    /// chunk (in index order) is rethrown after every thread has stopped.
    public static func map<T: Sendable>(_ range: Range<Int>, jobs: Int, chunkSize: Int = 64,
                                        progress: (@Sendable (Int) -> Void)? = nil,
                                        _ body: @Sendable (Range<Int>) throws -> [T]) throws -> [T] {
        precondition(jobs >= 1 && chunkSize >= 1, "jobs \(jobs), chunk size \(chunkSize)")
        let chunks = stride(from: range.lowerBound, to: range.upperBound, by: chunkSize).map { $0..<min($0 + chunkSize, range.upperBound) }
        let store = ChunkStore<T>(count: chunks.count)
        let workers = min(jobs, chunks.count)
        if workers <= 1 {
            for (n, chunk) in chunks.enumerated() {
                store.finish(n, size: chunk.count, result: Result { try body(chunk) }, progress: progress)
            }
        } else {
            DispatchQueue.concurrentPerform(iterations: workers) { _ in
                while let n = store.claim() {
                    let chunk = chunks[n]
                    store.finish(n, size: chunk.count, result: Result { try body(chunk) }, progress: progress)
                }
            }
        }
        var results: [T] = []
        results.reserveCapacity(range.count)
        for (n, slot) in store.slots.enumerated() {
            switch slot {
            case .success(let values)?:
                precondition(values.count == chunks[n].count, "a chunk of \(chunks[n].count) gave \(values.count) results")
                results.append(contentsOf: values)
            case .failure(let error)?: throw error
            case nil: preconditionFailure("chunk \(n) was never computed")
            }
        }
        return results
    }
}

/// The chunk slots and the next-chunk counter, behind one lock (a semaphore: Dispatch only).
private final class ChunkStore<T: Sendable>: @unchecked Sendable {
    private let lock = DispatchSemaphore(value: 1)
    private var next = 0
    private var done = 0
    private(set) var slots: [Result<[T], any Error>?]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func claim() -> Int? {
        lock.wait(); defer { lock.signal() }
        guard next < slots.count else { return nil }
        next += 1
        return next - 1
    }

    func finish(_ n: Int, size: Int, result: Result<[T], any Error>, progress: (@Sendable (Int) -> Void)?) {
        lock.wait()
        slots[n] = result
        done += size
        let finished = done
        lock.signal()
        progress?(finished)
    }
}
