// The sensitivity engine checked against independent values: shard slices tile the run, grids
// are Cartesian products, parallel results come back in index order, sample i does not depend
// on how the run is split, a triangular input's sample mean converges to (low + mode + high)/3,
// and per-station fixed-placement prices agree with the planner's own re-costing.
import Testing
import H2Numerics
@testable import H2Model

@Suite struct SensitivityEngineTests {
    @Test(arguments: [(0, 3), (1, 3), (2, 3), (10, 3), (100_000, 7), (5, 5), (7, 1)])
    func shardSlicesTileTheRun(total: Int, count: Int) {
        let slices = (1...count).map { ShardSpec(index: $0, count: count).rows(of: total) }
        #expect(slices.first?.lowerBound == 0)
        #expect(slices.last?.upperBound == total)
        for (a, b) in zip(slices, slices.dropFirst()) { #expect(a.upperBound == b.lowerBound) }
        #expect(slices.map(\.count).max()! - slices.map(\.count).min()! <= 1)
    }

    @Test(arguments: ["5/4", "0/3", "3", "a/b", "2/0", "-1/3", "1/3/4"])
    func malformedShardsAreRefused(_ text: String) {
        if case .success = ShardSpec.parse(text) { Issue.record("\(text) was accepted") }
    }

    @Test func gridIsTheCartesianProductFirstAxisSlowest() {
        let price = ParameterCatalogue.byKey["electricity.grid_price_cny_per_kwh"]!
        let rate = ParameterCatalogue.byKey["finance.discount_rate_pct"]!
        let life = ParameterCatalogue.byKey["station.equipment_life_years"]!
        let design = SweepDesign.grid([(price, [0.3, 0.5]), (rate, [6, 8, 10]), (life, [10, 15])])
        #expect(design.cases.count == 2 * 3 * 2)
        #expect(design.parameters.map(\.key) == [price.key, rate.key, life.key])
        // Written out as nested loops in axis order.
        var expected: [[Double]] = []
        for p in [0.3, 0.5] { for r in [6.0, 8, 10] { for l in [10.0, 15] { expected.append([p, r, l]) } } }
        #expect(design.cases == expected)
        let spaced = SweepDesign.linearlySpaced(0.4, 0.8, count: 5)
        #expect(spaced.count == 5 && spaced.first == 0.4 && spaced.last == 0.8)
        #expect(spaced.enumerated().allSatisfy { abs($0.element - (0.4 + 0.1 * Double($0.offset))) < 1e-15 })
        #expect(SweepDesign.linearlySpaced(1, 2, count: 1) == [1])
    }

    @Test(arguments: [1, 2, 3, 8])
    func parallelResultsComeBackInIndexOrder(jobs: Int) throws {
        let squares = try ParallelEvaluation.map(3..<1003, jobs: jobs, chunkSize: 7) { chunk in chunk.map { $0 * $0 } }
        #expect(squares == (3..<1003).map { $0 * $0 })
    }

    @Test func theFirstFailingChunkIsReported() {
        struct Boom: Error, Equatable { var at: Int }
        #expect(throws: Boom(at: 20)) {
            _ = try ParallelEvaluation.map(0..<100, jobs: 2, chunkSize: 10) { chunk -> [Int] in
                if chunk.lowerBound >= 20 { throw Boom(at: chunk.lowerBound) }
                return Array(chunk)
            }
        }
    }

    static let parameters: [UncertainParameter] = UncertainParameter.catalogue(ParameterCatalogue.defaults)

    @Test(arguments: [Sampler.mt, .sobol])
    func sampleIDependsOnlyOnSeedAndI(sampler: Sampler) throws {
        let few = Array(Self.parameters.prefix(12))
        let design = try MonteCarloDesign(parameters: few, samples: 500, seed: 42, sampler: sampler)
        let whole = try design.unitPoints(0..<500)
        let pieces = try design.unitPoints(0..<123) + design.unitPoints(123..<124) + design.unitPoints(124..<500)
        #expect(whole == pieces)
        if sampler == .sobol {
            // Point i of GSL's sequence (which starts after the origin).
            let sequence = try SobolSequence(dimensions: 12)
            for i in 0..<500 { #expect(try sequence.next() == whole[i]) }
        } else {
            let other = try MonteCarloDesign(parameters: few, samples: 500, seed: 43, sampler: .mt).unitPoints(0..<500)
            #expect(other != whole)
        }
    }

    @Test func theSobolSamplerRefusesMoreThanFortyParameters() {
        #expect(Self.parameters.count > 40)
        #expect(throws: NumericsError.self) { _ = try MonteCarloDesign(parameters: Self.parameters, samples: 10, seed: 1, sampler: .sobol) }
    }

    @Test func triangularSampleMeanConvergesToTheThirdOfLowModeHigh() throws {
        // Only the grid price varies: triangular(0.45, 0.63, 0.80); mean (0.45 + 0.63 + 0.80)/3.
        let spec = ParameterCatalogue.byKey["electricity.grid_price_cny_per_kwh"]!
        let p = UncertainParameter.triangular(spec, value: spec.base)!
        #expect(p.distribution == .triangular(low: 0.45, mode: 0.63, high: 0.80))
        let n = 40_000
        let design = try MonteCarloDesign(parameters: [p], samples: n, seed: 9, sampler: .mt)
        let values = try design.unitPoints(0..<n).map { ParameterCatalogue.defaults.applying([p], unitPoint: $0).values[0] }
        let expectedMean = (0.45 + 0.63 + 0.80) / 3
        // sd of a triangular: sqrt((a²+b²+c²−ab−ac−bc)/18) ≈ 0.0714; 5 standard errors.
        let sd = ((0.45 * 0.45 + 0.63 * 0.63 + 0.8 * 0.8 - 0.45 * 0.63 - 0.45 * 0.8 - 0.63 * 0.8) / 18).squareRoot()
        #expect(abs(mean(values) - expectedMean) < 5 * sd / Double(n).squareRoot())
        #expect(abs(standardDeviation(values) - sd) < 0.02 * sd)
        #expect(values.allSatisfy { $0 >= 0.45 && $0 <= 0.80 })
    }

    @Test func wholeNumberParametersAreRoundedAndValuesStayInTheDomain() {
        let years = ParameterCatalogue.byKey["finance.operating_years"]!
        let p = UncertainParameter(spec: years, distribution: .uniform(low: 15, high: 25))
        for u in stride(from: 0.0, through: 1.0, by: 0.01) { #expect(p.value(at: u).rounded() == p.value(at: u)) }
        let rate = ParameterCatalogue.byKey["finance.discount_rate_pct"]!
        let wide = UncertainParameter(spec: rate, distribution: .normal(mean: 8, sd: 100))
        #expect(wide.value(at: 0.001) >= rate.domain.minimum && wide.value(at: 0.999) <= rate.domain.maximum)
    }

    // Issue 12 item 4: clamping is decided from the distribution's own quantile, counted per
    // parameter and sample, and the counts of shards add up to the whole run's.

    @Test func aClampIsFlaggedFromTheQuantileNotFromTheValue() {
        // Compressor life: whole years > 0. normal(3, 4) puts quantiles ≤ 0.5 (rounded to 0)
        // below the domain: they become 1 year, not 5e-324 years, and are flagged; a quantile
        // that rounds to 1 by itself is a 1 that is not flagged.
        let life = ParameterCatalogue.byKey["compression.compressor_life_years"]!
        let p = UncertainParameter(spec: life, distribution: .normal(mean: 3, sd: 4))
        #expect(p.bounds.low == 1)
        for u in stride(from: 0.005, to: 1, by: 0.01) {
            let q = p.distribution.quantile(u).rounded()
            let (v, clamped) = p.draw(at: u)
            #expect(clamped == (q < 1 || q > 100), "u \(u): quantile \(q)")
            #expect(v == min(max(q, 1), 100), "u \(u): quantile \(q) gave \(v)")
        }
        // A positive real parameter clamps to its smallest positive value, still flagged.
        let kwh = ParameterCatalogue.byKey["electrolysis.electricity_kwh_per_kg"]!
        let low = UncertainParameter(spec: kwh, distribution: .normal(mean: 55, sd: 40)).draw(at: 0.01)
        #expect(low.clamped && low.value > 0)
        // A log-normal tail past the magnitude every parameter is held to (1e9) is clamped to it.
        let price = ParameterCatalogue.byKey["byproduct.gate_price_cny_per_kg"]!
        let tail = UncertainParameter(spec: price, distribution: .lognormal(median: 1e6, sigma: 3)).draw(at: 0.999)
        #expect(tail.clamped && tail.value == ParameterDomain.magnitudeCeiling)
        // Inside the domain nothing is flagged and the value is the quantile.
        let inside = UncertainParameter(spec: price, distribution: .uniform(low: 8, high: 16)).draw(at: 0.25)
        #expect(!inside.clamped && inside.value == 10)
    }

    @Test func clampedDrawsAreCountedPerParameterAndShardsAddUp() throws {
        let utilisation = ParameterCatalogue.byKey["station.utilisation_pct"]!
        let price = ParameterCatalogue.byKey["byproduct.gate_price_cny_per_kg"]!
        let parameters = [UncertainParameter(spec: utilisation, distribution: .normal(mean: 95, sd: 10)),
                          UncertainParameter(spec: price, distribution: .uniform(low: 8, high: 16))]
        let n = 3_000
        let design = try MonteCarloDesign(parameters: parameters, samples: n, seed: 11, sampler: .mt)
        // Independent count: the unit points whose normal quantile lies above 100 %.
        let expected = try design.unitPoints(0..<n).filter { parameters[0].distribution.quantile($0[0]) > 100 }.count
        // About 31 % of normal(95, 10) lies above 100: the count is not a trivial 0 or n.
        #expect(abs(Double(expected) / Double(n) - 0.3085) < 0.03)
        let scenario = try CorridorPlannerTests.scenario()
        let base = ParameterCatalogue.defaults
        let model = SensitivityModel(scenario: scenario, basePlan: try CorridorPlanner.plan(scenario, base), depth: .fixedPlacement, perStation: false)
        var whole = ClampTally(parameters: 2)
        try design.evaluate(model, base: base, rows: 0..<n, jobs: 2, blockSize: 700) { whole.add($0) }
        #expect(whole.counts == [expected, 0] && whole.samples == n)
        var parts = [0, 0]
        for k in 1...3 {
            var tally = ClampTally(parameters: 2)
            tally.add(try design.evaluate(model, base: base, rows: ShardSpec(index: k, count: 3).rows(of: n), jobs: 1))
            parts[0] += tally.counts[0]
            parts[1] += tally.counts[1]
        }
        #expect(parts == whole.counts)
        let lines = whole.warnings(parameters)
        #expect(lines == ["\(expected) of \(n) draws of station.utilisation_pct, normal(mean 95, sd 10), fell outside its range (> 0, ≤ 100) and were clamped to the bound; narrow its distribution"])
    }

    @Test func tornadoBarsSortByswingThenCatalogueOrder() {
        let bars = [TornadoBar(key: "a", lowInput: 0, highInput: 1, lowOutput: 10, highOutput: 11),
                    TornadoBar(key: "b", lowInput: 0, highInput: 1, lowOutput: 12, highOutput: 9),
                    TornadoBar(key: "c", lowInput: 0, highInput: 1, lowOutput: 11, highOutput: 10),
                    TornadoBar(key: "d", lowInput: 0, highInput: 1, lowOutput: 10, highOutput: 10)]
        #expect(TornadoBar.sorted(bars).map(\.key) == ["b", "a", "c", "d"])
        #expect(bars[1].swing == 3)
    }

    @Test func fixedPlacementStationPricesAgreeWithTheRecosting() throws {
        let s = try CorridorPlannerTests.scenario()
        let a = ParameterCatalogue.defaults
        let plan = try CorridorPlanner.plan(s, a)
        var dear = a
        dear.electricity.gridPriceCnyPerKwh = 0.9
        dear.finance.operatingYears = 25 // longer than the plan's ramp: the last year's kg carries on
        for assumptions in [a, dear] {
            let (stations, average) = try plan.fixedPlacementPrices(assumptions)
            #expect(stations.count == plan.stations.count)
            let weighted = zip(stations, plan.stations).reduce(0) { $0 + $1.0 * $1.1.throughputKgPerDay / plan.servedKgPerDay }
            #expect(abs(weighted - average) <= 1e-12 * average)
            if assumptions.finance.operatingYears == a.finance.operatingYears {
                let recost = try CorridorPlanner.recost(plan, assumptions, itemised: false).total
                #expect(abs(average - recost) <= 1e-12 * recost)
                for (price, st) in zip(stations, plan.stations) { #expect(abs(price - st.cost.total) <= 1e-6 * st.cost.total) }
            }
        }
        // The model's first output is that average; evaluations are the same on every call.
        let model = SensitivityModel(scenario: s, basePlan: plan, depth: .fixedPlacement, perStation: true)
        #expect(model.outputNames.count == 1 + plan.stations.count)
        #expect(model.evaluate(dear) == model.evaluate(dear))
        #expect(model.evaluate(dear)![0] > model.evaluate(a)![0])
    }
}
