// Time-of-use electrolysis: the optimiser against a fine grid search and against flat operation.
import Testing
@testable import H2Model
@testable import H2Numerics

@Suite struct TimeOfUseTests {
    let base = ParameterCatalogue.defaults

    /// Random tariffs (seeded), including ones where short operation wins and ones where
    /// round-the-clock operation wins.
    static func randomTariffs() -> [Assumptions] {
        let rng = RandomGenerator(seed: 20251121)
        var cases: [Assumptions] = [ParameterCatalogue.defaults]
        for _ in 0..<40 {
            var a = ParameterCatalogue.defaults
            let e = a.electricity
            var hours = (0..<5).map { _ in 0.5 + rng.uniform() * 8 }
            let scale = 24 / hours.reduce(0, +)
            hours = hours.map { $0 * scale }
            a.electricity.touDeepValleyHours = hours[0]
            a.electricity.touValleyHours = hours[1]
            a.electricity.touFlatHours = hours[2]
            a.electricity.touHighPeakHours = hours[3]
            a.electricity.touPeakHours = hours[4]
            a.electricity.touDeepValleyMultiplier = e.touDeepValleyMultiplier * (0.5 + rng.uniform())
            a.electricity.touValleyMultiplier = e.touValleyMultiplier * (0.5 + rng.uniform())
            a.electricity.touPeakMultiplier = e.touPeakMultiplier * (0.5 + rng.uniform())
            a.electrolysis.installedCapexCnyPerKw = 1000 + rng.uniform() * 6000
            a.electrolysis.bufferStorageCapexCnyPerKg = rng.uniform() * 8000
            cases.append(a)
        }
        return cases
    }

    @Test(arguments: randomTariffs())
    func optimumMatchesFineGridAndBeatsFlat(_ a: Assumptions) throws {
        let tou = TimeOfUseElectrolysis(a)
        let choice = try tou.optimise()
        // Fine grid: every 0.001 h between the minimum hours and 24 h.
        let lowest = a.electrolysis.touMinimumHoursPerDay
        var gridBest = Double.infinity
        var h = lowest
        while h <= 24 {
            gridBest = min(gridBest, tou.cnyPerKg(runningHours: h))
            h += 0.001
        }
        #expect(choice.cnyPerKg <= gridBest * 1.005)
        #expect(abs(choice.cnyPerKg - gridBest) / gridBest < 0.005)
        #expect(choice.cnyPerKg <= choice.flatOperationCnyPerKg + 1e-12)
        #expect(choice.hoursPerDay >= lowest && choice.hoursPerDay <= 24)
    }

    @Test func zhejiangBaseTariffChoice() throws {
        let choice = try TimeOfUseElectrolysis(base).optimise()
        print("Zhejiang TOU electrolysis at base: \(choice.hoursPerDay) h/day, \(choice.cnyPerKg) CNY/kg, paying \(choice.averagePaidCnyPerKwh) CNY/kWh; flat operation at the same average price: \(choice.flatOperationCnyPerKg) CNY/kg")
        #expect(choice.cnyPerKg < choice.flatOperationCnyPerKg)
    }

    @Test func averagePriceOfCheapestHours() {
        var a = base
        a.electricity.touFlatPriceCnyPerKwh = 1
        let tou = TimeOfUseElectrolysis(a)
        // Deep valley 2 h at 0.2, valley 8 h at 0.4: 4 hours cost (2×0.2 + 2×0.4)/4 = 0.3.
        #expect(abs(tou.averagePrice(runningHours: 4) - 0.3) < 1e-12)
        // Whole day: (2×2.05 + 6×1.85 + 6×1 + 8×0.4 + 2×0.2)/24 = 24.8/24.
        #expect(abs(tou.dailyAveragePrice - 24.8 / 24) < 1e-12)
    }
}
