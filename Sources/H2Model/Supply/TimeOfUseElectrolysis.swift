// Electrolysis under a time-of-use tariff: run in the cheapest hours of the day, size the plant
// to make the day's hydrogen in those hours, and buffer it for the station's round-the-clock
// draw. Fewer hours mean cheaper electricity but more electrolyser and more storage per kg;
// the hours (and with them the size) are chosen by GSL minimisation.
import H2Numerics

public struct TimeOfUseElectrolysis: Sendable {
    /// One tariff period: price in CNY/kWh and its length in hours per day.
    public struct Period: Sendable, Equatable {
        public var priceCnyPerKwh: Double
        public var hoursPerDay: Double
    }

    public struct Choice: Sendable, Equatable {
        /// Chosen daily operating hours (full load).
        public var hoursPerDay: Double
        /// Electrolyser kW per kg/day of output: kWh-per-kg / hours.
        public var electrolyserKwPerKgPerDay: Double
        public var cnyPerKg: Double
        /// The same plant run at the grid full-load hours paying the time-weighted average price.
        public var flatOperationCnyPerKg: Double
        public var averagePaidCnyPerKwh: Double
    }

    public let assumptions: Assumptions
    /// Periods sorted from cheapest to dearest (the plant runs the cheapest hours first).
    public let periods: [Period]

    public init(_ a: Assumptions) {
        let e = a.electricity
        let flat = e.touFlatPriceCnyPerKwh
        let all = [
            Period(priceCnyPerKwh: flat * e.touDeepValleyMultiplier, hoursPerDay: e.touDeepValleyHours),
            Period(priceCnyPerKwh: flat * e.touValleyMultiplier, hoursPerDay: e.touValleyHours),
            Period(priceCnyPerKwh: flat * e.touFlatMultiplier, hoursPerDay: e.touFlatHours),
            Period(priceCnyPerKwh: flat * e.touHighPeakMultiplier, hoursPerDay: e.touHighPeakHours),
            Period(priceCnyPerKwh: flat * e.touPeakMultiplier, hoursPerDay: e.touPeakHours),
        ]
        self.assumptions = a
        // Stable sort by price keeps the listed order among equal prices (deterministic).
        self.periods = all.enumerated().sorted { ($0.element.priceCnyPerKwh, $0.offset) < ($1.element.priceCnyPerKwh, $1.offset) }
            .map(\.element).filter { $0.hoursPerDay > 0 }
    }

    /// Time-weighted average price over the whole day.
    public var dailyAveragePrice: Double {
        let hours = periods.reduce(0) { $0 + $1.hoursPerDay }
        return periods.reduce(0) { $0 + $1.priceCnyPerKwh * $1.hoursPerDay } / hours
    }

    /// Average price paid when running the cheapest `hours` of the day.
    public func averagePrice(runningHours hours: Double) -> Double {
        var remaining = hours, cost = 0.0
        for p in periods {
            let h = min(remaining, p.hoursPerDay)
            cost += h * p.priceCnyPerKwh
            remaining -= h
            if remaining <= 0 { break }
        }
        return cost / hours
    }

    /// ¥/kg when running `hours` a day on the cheapest periods.
    public func cnyPerKg(runningHours hours: Double) -> Double {
        ProductionModel.electrolysisCostPerKg(assumptions, electricityPrice: averagePrice(runningHours: hours),
                                              operatingHoursPerDay: hours, bufferStorage: true)
    }

    /// Minimises ¥/kg over the daily hours. The cost is smooth between period boundaries and
    /// kinked at them, so each segment is minimised on its own (Brent) and the best is kept.
    public func optimise() throws -> Choice {
        let a = assumptions
        let lowest = a.electrolysis.touMinimumHoursPerDay
        var boundaries = [lowest]
        var cumulative = 0.0
        for p in periods {
            cumulative += p.hoursPerDay
            if cumulative > lowest && cumulative < 24 { boundaries.append(cumulative) }
        }
        boundaries.append(min(24, max(cumulative, lowest)))
        var best: (x: Double, value: Double)? = nil
        for i in 0..<(boundaries.count - 1) where boundaries[i + 1] > boundaries[i] {
            let segment = boundaries[i]...boundaries[i + 1]
            let found = try minimize(in: segment, tolerance: Tolerance(absolute: 1e-9, relative: 1e-10, maxIterations: 200)) {
                cnyPerKg(runningHours: $0)
            }
            if best == nil || found.value < best!.value { best = found }
        }
        guard let chosen = best else {
            throw NumericsError(.invalidArgument, operation: "TimeOfUseElectrolysis.optimise",
                                detail: "the tariff periods leave no hours to run in")
        }
        let flatHours = a.electrolysis.fullLoadHoursGrid / 365
        let flat = ProductionModel.electrolysisCostPerKg(a, electricityPrice: dailyAveragePrice,
                                                         operatingHoursPerDay: flatHours, bufferStorage: true)
        return Choice(hoursPerDay: chosen.x,
                      electrolyserKwPerKgPerDay: a.electrolysis.electricityKwhPerKg / chosen.x,
                      cnyPerKg: chosen.value, flatOperationCnyPerKg: flat,
                      averagePaidCnyPerKwh: averagePrice(runningHours: chosen.x))
    }
}
