// A tiny benchmark harness: runs a closure many times and reports the median per call.
// Benchmarks print; they never gate anything.
import Foundation

struct BenchmarkResult {
    let name: String
    let medianNanoseconds: Double
    let samples: Int
}

/// Times `body` in `rounds` rounds of `iterationsPerRound` calls and returns the median time
/// per call. `blackHole` keeps the optimiser from removing the work.
func measure(_ name: String, rounds: Int = 15, iterationsPerRound: Int, _ body: () -> Double) -> BenchmarkResult {
    var perCall: [Double] = []
    var sink = 0.0
    for _ in 0..<3 { sink += body() } // warm-up
    for _ in 0..<rounds {
        let start = DispatchTime.now().uptimeNanoseconds
        for _ in 0..<iterationsPerRound { sink += body() }
        let end = DispatchTime.now().uptimeNanoseconds
        perCall.append(Double(end - start) / Double(iterationsPerRound))
    }
    blackHole(sink)
    perCall.sort()
    return BenchmarkResult(name: name, medianNanoseconds: perCall[perCall.count / 2], samples: rounds * iterationsPerRound)
}

@inline(never) func blackHole(_ x: Double) {
    if x == 1.2345678e-300 { print("") }
}

func report(_ r: BenchmarkResult, target: String? = nil) {
    let us = r.medianNanoseconds / 1000
    var line = String(format: "%-48@ median %10.3f µs/call  (%.0f calls/s)", r.name as NSString, us, 1e9 / r.medianNanoseconds)
    if let target { line += "  target: \(target)" }
    print(line)
}
