// Sobol indices against analytic values (Ishigami, linear additive), invariants, bootstrap
// intervals and errors.
import Foundation
import Testing
import H2Model
import H2Numerics

/// Ishigami & Homma (1990): f = sin x₁ + a sin² x₂ + b x₃⁴ sin x₁, xᵢ uniform on [−π, π].
private let ishigamiA = 7.0, ishigamiB = 0.1

private func ishigami(_ u: [Double]) -> Double {
    let x = u.map { -Double.pi + 2 * Double.pi * $0 }
    let s2 = sin(x[1])
    return sin(x[0]) + ishigamiA * s2 * s2 + ishigamiB * pow(x[2], 4) * sin(x[0])
}

/// Analytic partial variances (Sobol' & Levitan 1999; Saltelli et al. 2008, §4.9):
/// V = a²/8 + bπ⁴/5 + b²π⁸/18 + 1/2, V₁ = (1 + bπ⁴/5)²/2, V₂ = a²/8, V₃ = 0,
/// V₁₃ = 8b²π⁸/225, all other terms 0. S = (V₁, V₂, 0)/V, ST = (V₁ + V₁₃, V₂, V₁₃)/V.
private func ishigamiAnalytic() -> (firstOrder: [Double], totalOrder: [Double]) {
    let a = ishigamiA, b = ishigamiB, pi4 = pow(Double.pi, 4), pi8 = pow(Double.pi, 8)
    let v = a * a / 8 + b * pi4 / 5 + b * b * pi8 / 18 + 0.5
    let v1 = 0.5 * (1 + b * pi4 / 5) * (1 + b * pi4 / 5)
    let v2 = a * a / 8
    let v13 = 8 * b * b * pi8 / 225
    // The decomposition must add up, or the formulas above are mistyped.
    precondition(abs(v1 + v2 + v13 - v) < 1e-12 * v)
    return ([v1 / v, v2 / v, 0], [(v1 + v13) / v, v2 / v, v13 / v])
}

private func evaluate(_ design: SaltelliDesign, _ model: ([Double]) -> Double) throws -> [Double] {
    try design.rows(0..<design.rowCount).map(model)
}

@Test func ishigamiAnalyticValuesAreTheTextbookOnes() {
    let (s, st) = ishigamiAnalytic()
    // Rounded values as published (e.g. SALib's and UQLab's Ishigami pages).
    let published = ([0.3139, 0.4424, 0.0], [0.5576, 0.4424, 0.2437])
    for j in 0..<3 {
        #expect(abs(s[j] - published.0[j]) < 5e-5)
        #expect(abs(st[j] - published.1[j]) < 5e-5)
    }
}

@Test(arguments: [(SaltelliSampler.sobol, 4096), (.mt, 4096)])
func ishigamiIndicesMatchAnalyticValues(sampler: SaltelliSampler, baseSamples: Int) throws {
    let design = try SaltelliDesign(parameters: 3, baseSamples: baseSamples, seed: 20_250_601, sampler: sampler)
    let indices = try sobolIndices(design: design, outputs: try evaluate(design, ishigami), seed: 11)
    let (s, st) = ishigamiAnalytic()
    #expect(indices.map(\.parameter) == [0, 1, 2])
    let slack = 0.005 // percentile intervals of a skewed statistic may sit just beside the estimate
    for index in indices {
        let j = index.parameter
        #expect(abs(index.firstOrder - s[j]) < 0.05, "S\(j + 1) = \(index.firstOrder), analytic \(s[j])")
        #expect(abs(index.totalOrder - st[j]) < 0.05, "ST\(j + 1) = \(index.totalOrder), analytic \(st[j])")
        let fi = index.firstOrderInterval, ti = index.totalOrderInterval
        #expect(fi.lowerBound - slack <= index.firstOrder && index.firstOrder <= fi.upperBound + slack, "S\(j + 1) \(index.firstOrder) outside \(fi)")
        #expect(ti.lowerBound - slack <= index.totalOrder && index.totalOrder <= ti.upperBound + slack, "ST\(j + 1) \(index.totalOrder) outside \(ti)")
        // An interval that is a point would say nothing: the sampling error is not zero here.
        #expect(fi.upperBound - fi.lowerBound > 1e-4)
        #expect(ti.upperBound - ti.lowerBound > 1e-4)
    }
    #expect(indices.rankedByTotalOrder().map(\.parameter) == [0, 1, 2])
}

/// y = Σ cⱼ uⱼ with independent uniforms: no interactions, so Sⱼ = STⱼ = cⱼ² / Σc². A parameter
/// with cⱼ = 0 never changes the output, so its estimates (and whole intervals) are exactly 0.
@Test(arguments: SaltelliSampler.allCases)
func linearAdditiveModelIndicesAreSquaredCoefficientShares(sampler: SaltelliSampler) throws {
    let c = [1.0, 2.0, 0.0, 3.0, 0.5]
    let sumOfSquares = c.reduce(0) { $0 + $1 * $1 }
    let design = try SaltelliDesign(parameters: c.count, baseSamples: 4096, seed: 5, sampler: sampler)
    let outputs = try evaluate(design) { u in zip(c, u).reduce(0) { $0 + $1.0 * $1.1 } }
    let indices = try sobolIndices(design: design, outputs: outputs, bootstrapResamples: 500, seed: 3)
    let tolerance = sampler == .sobol ? 0.01 : 0.04
    for index in indices {
        let expected = c[index.parameter] * c[index.parameter] / sumOfSquares
        #expect(abs(index.firstOrder - expected) < tolerance, "S\(index.parameter) = \(index.firstOrder), expected \(expected)")
        #expect(abs(index.totalOrder - expected) < tolerance, "ST\(index.parameter) = \(index.totalOrder), expected \(expected)")
    }
    let inert = indices[2]
    #expect(inert.firstOrder == 0 && inert.totalOrder == 0)
    #expect(inert.firstOrderInterval == 0...0 && inert.totalOrderInterval == 0...0)
    #expect(indices.rankedByTotalOrder().map(\.parameter) == [3, 1, 0, 4, 2])
}

/// Adding a constant (a ¥/kg level) or rescaling the output changes no index: the estimators
/// centre the outputs, so this is exact up to rounding.
@Test func indicesAreUnchangedByShiftingAndScalingTheOutput() throws {
    let design = try SaltelliDesign(parameters: 3, baseSamples: 512, seed: 1, sampler: .mt)
    let outputs = try evaluate(design, ishigami)
    let plain = try sobolIndices(design: design, outputs: outputs, bootstrapResamples: 200, seed: 4)
    let shifted = try sobolIndices(design: design, outputs: outputs.map { 1000 + 3 * $0 }, bootstrapResamples: 200, seed: 4)
    for (p, q) in zip(plain, shifted) {
        #expect(abs(p.firstOrder - q.firstOrder) < 1e-9)
        #expect(abs(p.totalOrder - q.totalOrder) < 1e-9)
        #expect(abs(p.firstOrderInterval.lowerBound - q.firstOrderInterval.lowerBound) < 1e-9)
        #expect(abs(p.totalOrderInterval.upperBound - q.totalOrderInterval.upperBound) < 1e-9)
    }
}

@Test func sameSeedGivesIdenticalIndicesAndOtherSeedOnlyOtherIntervals() throws {
    let design = try SaltelliDesign(parameters: 3, baseSamples: 256, seed: 8, sampler: .sobol)
    let outputs = try evaluate(design, ishigami)
    let first = try sobolIndices(design: design, outputs: outputs, bootstrapResamples: 300, seed: 42)
    let again = try sobolIndices(design: design, outputs: outputs, bootstrapResamples: 300, seed: 42)
    #expect(first == again)
    let otherSeed = try sobolIndices(design: design, outputs: outputs, bootstrapResamples: 300, seed: 43)
    #expect(first.map(\.firstOrder) == otherSeed.map(\.firstOrder))
    #expect(first.map(\.totalOrder) == otherSeed.map(\.totalOrder))
    #expect(first.map(\.firstOrderInterval) != otherSeed.map(\.firstOrderInterval))
}

@Test func higherConfidenceGivesWiderIntervals() throws {
    let design = try SaltelliDesign(parameters: 3, baseSamples: 512, seed: 8, sampler: .sobol)
    let outputs = try evaluate(design, ishigami)
    let narrow = try sobolIndices(design: design, outputs: outputs, bootstrapResamples: 400, confidenceLevel: 0.5, seed: 1)
    let wide = try sobolIndices(design: design, outputs: outputs, bootstrapResamples: 400, confidenceLevel: 0.99, seed: 1)
    for (n, w) in zip(narrow, wide) {
        #expect(w.firstOrderInterval.lowerBound <= n.firstOrderInterval.lowerBound)
        #expect(w.firstOrderInterval.upperBound >= n.firstOrderInterval.upperBound)
        #expect(w.totalOrderInterval.lowerBound <= n.totalOrderInterval.lowerBound)
        #expect(w.totalOrderInterval.upperBound >= n.totalOrderInterval.upperBound)
    }
}

/// The bootstrap measures the real sampling error: over 40 independent MT designs, the spread
/// of the estimates matches the width of the 95 % intervals (≈ 2 × 1.96 standard errors).
@Test func bootstrapIntervalWidthMatchesTheSpreadAcrossIndependentDesigns() throws {
    var estimates: [[Double]] = [[], [], []], widths: [[Double]] = [[], [], []]
    for seed in 1...40 {
        let design = try SaltelliDesign(parameters: 3, baseSamples: 512, seed: UInt64(seed), sampler: .mt)
        let indices = try sobolIndices(design: design, outputs: try evaluate(design, ishigami),
                                       bootstrapResamples: 200, seed: UInt64(1000 + seed))
        for index in indices {
            estimates[index.parameter].append(index.totalOrder)
            widths[index.parameter].append(index.totalOrderInterval.upperBound - index.totalOrderInterval.lowerBound)
        }
    }
    for j in 0..<3 {
        let observedSD = standardDeviation(estimates[j])
        let bootstrapSD = mean(widths[j]) / (2 * 1.96)
        let ratio = bootstrapSD / observedSD
        #expect(ratio > 0.6 && ratio < 1.6, "ST\(j + 1): bootstrap sd \(bootstrapSD) vs observed sd \(observedSD)")
    }
}

@Test func constantOutputGivesZeroIndicesNotNaN() throws {
    let design = try SaltelliDesign(parameters: 2, baseSamples: 64, seed: 0, sampler: .sobol)
    let indices = try sobolIndices(design: design, outputs: Array(repeating: 42, count: design.rowCount),
                                   bootstrapResamples: 50, seed: 0)
    #expect(indices == (0..<2).map {
        SobolIndex(parameter: $0, firstOrder: 0, firstOrderInterval: 0...0, totalOrder: 0, totalOrderInterval: 0...0)
    })
}

@Test func sobolIndicesRejectsMismatchedOrNonFiniteOutputs() throws {
    let design = try SaltelliDesign(parameters: 2, baseSamples: 8, seed: 0, sampler: .sobol) // 32 rows
    var outputs = try evaluate(design) { $0[0] + 2 * $0[1] }
    #expect(throws: SobolAnalysisError.outputCountMismatch(expected: 32, got: 31)) {
        _ = try sobolIndices(design: design, outputs: Array(outputs.dropLast()), seed: 0)
    }
    outputs[17] = .nan
    outputs[20] = .infinity
    #expect(throws: SobolAnalysisError.nonFiniteOutput(row: 17, block: 4)) {
        _ = try sobolIndices(design: design, outputs: outputs, seed: 0)
    }
    do {
        _ = try sobolIndices(design: design, outputs: outputs, seed: 0)
    } catch {
        #expect("\(error)".contains("row 17"))
    }
    outputs[17] = 1
    #expect(throws: SobolAnalysisError.nonFiniteOutput(row: 20, block: 5)) {
        _ = try sobolIndices(design: design, outputs: outputs, seed: 0)
    }
    outputs[20] = 1
    #expect(throws: SobolAnalysisError.self) { _ = try sobolIndices(design: design, outputs: outputs, bootstrapResamples: 0, seed: 0) }
    #expect(throws: SobolAnalysisError.self) { _ = try sobolIndices(design: design, outputs: outputs, confidenceLevel: 1, seed: 0) }
}
