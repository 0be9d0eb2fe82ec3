// Sobol group: global sensitivity indices of the Ishigami function with N = 2¹³ base samples
// (Sobol sampler, 5 × 8192 = 40,960 model runs, 1000 bootstrap resamples), the same problem
// `Benchmarks/python/sobol_salib.py` gives SALib, so the two can be compared (see its docstring).
import Foundation
import H2Model

private func ishigami(_ u: [Double]) -> Double {
    let x = u.map { -Double.pi + 2 * Double.pi * $0 }
    let s2 = sin(x[1])
    return sin(x[0]) + 7 * s2 * s2 + 0.1 * pow(x[2], 4) * sin(x[0])
}

let sobolBenchmarkGroup: (String, @Sendable () -> Void) = ("sobol", {
    let baseSamples = 1 << 13
    guard let design = try? SaltelliDesign(parameters: 3, baseSamples: baseSamples, seed: 1, sampler: .sobol),
          let points = try? design.rows(0..<design.rowCount) else {
        print("sobol: could not build the design")
        return
    }
    let outputs = points.map(ishigami)
    guard let indices = try? sobolIndices(design: design, outputs: outputs, bootstrapResamples: 1000, seed: 1) else {
        print("sobol: the indices could not be estimated")
        return
    }
    print("Ishigami (a = 7, b = 0.1), N = \(baseSamples), \(design.rowCount) runs, Sobol sampler, 1000 bootstrap resamples, 95 % percentile intervals")
    print("analytic: S1 = 0.3139 0.4424 0.0000   ST = 0.5576 0.4424 0.2437")
    for index in indices {
        print(String(format: "x%d  S1 = %.4f [%.4f, %.4f]   ST = %.4f [%.4f, %.4f]", index.parameter + 1,
                     index.firstOrder, index.firstOrderInterval.lowerBound, index.firstOrderInterval.upperBound,
                     index.totalOrder, index.totalOrderInterval.lowerBound, index.totalOrderInterval.upperBound))
    }

    let generate = measure("sobol: Saltelli design, 40,960 rows", rounds: 7, iterationsPerRound: 1) {
        ((try? design.rows(0..<design.rowCount)) ?? []).last?.first ?? .nan
    }
    report(generate)
    let evaluate = measure("sobol: Ishigami on 40,960 rows", rounds: 7, iterationsPerRound: 1) {
        points.map(ishigami).reduce(0, +)
    }
    report(evaluate)
    let estimate = measure("sobol: indices + 1000 bootstrap resamples", rounds: 7, iterationsPerRound: 1) {
        (try? sobolIndices(design: design, outputs: outputs, bootstrapResamples: 1000, seed: 1))?.first?.firstOrder ?? .nan
    }
    report(estimate)
    let whole = measure("sobol: design + evaluate + estimate", rounds: 7, iterationsPerRound: 1) {
        guard let rows = try? design.rows(0..<design.rowCount) else { return .nan }
        return (try? sobolIndices(design: design, outputs: rows.map(ishigami), bootstrapResamples: 1000, seed: 1))?.first?.firstOrder ?? .nan
    }
    report(whole, target: "compare: python3 Benchmarks/python/sobol_salib.py")
})
