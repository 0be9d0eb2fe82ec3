// Checks that span several parameters (PyPSA consistency.py style): each names what is wrong
// and which keys to change. Single-value domains are checked when a value is set.

public enum ConsistencyChecks {
    public struct Problem: Sendable, Equatable, CustomStringConvertible {
        public var keys: [String]
        public var message: String
        public var description: String { "\(keys.joined(separator: ", ")): \(message)" }
    }

    public static func problems(_ a: Assumptions) -> [Problem] {
        touHoursCoverTheDay(a) + trailerHeelBelowFullPressure(a) + subsidyScheduleWithinHorizon(a)
    }

    static func touHoursCoverTheDay(_ a: Assumptions) -> [Problem] {
        let e = a.electricity
        let total = e.touPeakHours + e.touHighPeakHours + e.touFlatHours + e.touValleyHours + e.touDeepValleyHours
        guard abs(total - 24) > 1e-9 else { return [] }
        return [Problem(keys: ["electricity.tou_peak_hours", "electricity.tou_high_peak_hours", "electricity.tou_flat_hours",
                               "electricity.tou_valley_hours", "electricity.tou_deep_valley_hours"],
                        message: "the time-of-use periods add up to \(formatNumber(total)) h, not 24 h; change them so they cover the day exactly")]
    }

    static func trailerHeelBelowFullPressure(_ a: Assumptions) -> [Problem] {
        var found: [Problem] = []
        for (name, t) in [("tube_trailer_20", a.tubeTrailer20), ("tube_trailer_30", a.tubeTrailer30), ("tube_trailer_50", a.tubeTrailer50)] {
            if t.residualPressureMpa >= t.fullPressureMpa {
                found.append(Problem(keys: ["\(name).residual_pressure_mpa", "\(name).full_pressure_mpa"],
                                     message: "the residual pressure must be below the full pressure"))
            }
            if t.densityAtResidualPressureKgPerM3 >= t.densityAtFullPressureKgPerM3 {
                found.append(Problem(keys: ["\(name).density_residual_kg_per_m3", "\(name).density_full_kg_per_m3"],
                                     message: "the density at the residual pressure must be below the density at full pressure"))
            }
        }
        return found
    }

    static func subsidyScheduleWithinHorizon(_ a: Assumptions) -> [Problem] {
        let p = a.policy
        guard p.operatingSubsidyInitialYears + p.operatingSubsidyLaterYears > a.finance.operatingYears else { return [] }
        return [Problem(keys: ["policy.operating_subsidy_initial_years", "policy.operating_subsidy_later_years", "finance.operating_years"],
                        message: "the subsidy schedule runs past the operating years; shorten it or lengthen the horizon")]
    }
}
