// Numerics group: the GSL wrappers on the sizes the model uses them at.
import H2Numerics

let numericsBenchmarkGroup: (String, @Sendable () -> Void) = ("numerics", {
    // Break-even style solve: the IRR of a 25-year cash flow (capex, then a flat net inflow).
    let yearlyInflow = 1_300_000.0, capex = 12_000_000.0
    let npv: (Double) -> Double = { rate in
        var discount = 1.0, total = -capex
        for _ in 1...25 {
            discount /= 1 + rate
            total += yearlyInflow * discount
        }
        return total
    }
    report(measure("findRoot: IRR of a 25-year NPV", iterationsPerRound: 2000) {
        (try? findRoot(in: -0.5...1.0, npv)) ?? .nan
    })

    // Electrolyser operating hours under a three-tier time-of-use tariff (kinked objective).
    let tiers: [(hours: Double, price: Double)] = [(2920, 0.3), (2555, 0.6), (3285, 1.0)]
    let levelisedCost: (Double) -> Double = { hours in
        var energy = 0.0, remaining = hours
        for tier in tiers {
            let used = min(remaining, tier.hours)
            energy += used * tier.price
            remaining -= used
        }
        return 100_000 / hours + 50 * energy / hours
    }
    report(measure("minimize: operating hours on a TOU tariff", iterationsPerRound: 2000) {
        (try? minimize(in: 1000...8760, levelisedCost))?.x ?? .nan
    })

    report(measure("minimize(from:): Rosenbrock 2-D, Nelder-Mead", iterationsPerRound: 200) {
        (try? minimize(from: [-1.2, 1], initialStep: [0.1, 0.1]) { p in
            100 * (p[1] - p[0] * p[0]) * (p[1] - p[0] * p[0]) + (1 - p[0]) * (1 - p[0])
        })?.value ?? .nan
    })

    let rng = RandomGenerator(seed: 1)
    report(measure("RandomGenerator.uniform × 1e6", rounds: 9, iterationsPerRound: 1) {
        var sum = 0.0
        for _ in 0..<1_000_000 { sum += rng.uniform() }
        return sum
    })

    // The per-sample generator: reseeding 19,937 bits plus the first block regeneration.
    report(measure("RandomGenerator.reseed(seed:stream:) + 1 draw", iterationsPerRound: 20_000) {
        rng.reseed(seed: 7, stream: 12_345)
        return rng.uniform()
    })

    report(measure("SobolSequence 2-D × 1e5 points", rounds: 9, iterationsPerRound: 1) {
        guard let sobol = try? SobolSequence(dimensions: 2) else { return .nan }
        var point = [0.0, 0.0], sum = 0.0
        for _ in 0..<100_000 {
            try? sobol.next(into: &point)
            sum += point[0] + point[1]
        }
        return sum
    })

    let triangular = Distribution.triangular(low: 20, mode: 25, high: 40)
    report(measure("Distribution.triangular quantile × 1e6", rounds: 9, iterationsPerRound: 1) {
        var sum = 0.0
        for i in 0..<1_000_000 { sum += triangular.quantile(Double(i) / 1_000_000) }
        return sum
    })
})
