// Planning periods (issue 7): a plan is a build-out over years. Each period is represented by
// its first calendar year — the fleets' demand in that year, the stations open in it — and its
// costs recur in every year until the next period begins (the last period runs to the end of
// the horizon). Present values are taken at the first period's year.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One planning period: the calendar years from `year` to `lastYear`, both included.
public struct Period: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// 0-based position among the plan's periods.
    public let index: Int
    /// The period's first calendar year, whose demand it is planned for.
    public let year: Int
    /// The period's last calendar year.
    public let lastYear: Int

    public init(index: Int, year: Int, lastYear: Int) {
        self.index = index; self.year = year; self.lastYear = lastYear
    }

    public var years: ClosedRange<Int> { year...lastYear }
    public static func < (a: Period, b: Period) -> Bool { a.index < b.index }
    public var description: String { "\(year)" }
}

/// The periods of a plan and the discounting over its horizon.
public struct PlanningHorizon: Sendable, Equatable {
    public let periods: [Period]
    /// Real discount rate, a fraction.
    public let discountRate: Double

    /// - Parameters:
    ///   - years: the periods' first years, strictly increasing;
    ///   - horizonYears: years from the first period to the end of the horizon (the operating
    ///     life of a station built in the first period).
    public init(years: [Int], horizonYears: Int, discountRate: Double) {
        let end = (years.first ?? 0) + max(1, horizonYears) - 1
        periods = years.enumerated().map { i, y in
            Period(index: i, year: y, lastYear: i + 1 < years.count ? years[i + 1] - 1 : max(y, end))
        }
        self.discountRate = discountRate
    }

    public var firstYear: Int { periods.first?.year ?? 0 }
    public var lastYear: Int { periods.last?.lastYear ?? 0 }

    /// Present value at the first year of one CNY paid in `year` (end-of-year convention
    /// avoided on purpose: the plan's costs are those of whole calendar years, discounted from
    /// the year they fall in).
    public func discountFactor(year: Int) -> Double {
        pow(1 + discountRate, -Double(year - firstYear))
    }

    /// Present value of one CNY a year in every year of `period`.
    public func presentValueOfAnnual(_ period: Period) -> Double {
        period.years.reduce(0) { $0 + discountFactor(year: $1) }
    }

    /// The period a calendar year falls in (the last one for years beyond the horizon, the
    /// first one before it).
    public func period(containing year: Int) -> Period {
        periods.last { $0.year <= year } ?? periods[0]
    }
}
