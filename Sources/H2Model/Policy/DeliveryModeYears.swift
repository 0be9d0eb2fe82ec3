// Which delivery equipment may be used in which calendar years: a scenario setting, because
// equipment classes are approved (or retired) by regulation, not by cost. In China the 50 MPa
// composite (type IV) tube trailer is still demonstration equipment, so a planner may allow it
// only from the year they expect it to be approved ([placement] first_year, last_year).

/// The calendar years each delivery mode is allowed in; a mode without limits is allowed always.
public struct DeliveryModeYears: Sendable, Equatable {
    /// First calendar year a mode may be used (inclusive).
    public var firstYear: [DeliveryMode: Int]
    /// Last calendar year a mode may be used (inclusive).
    public var lastYear: [DeliveryMode: Int]

    public init(firstYear: [DeliveryMode: Int] = [:], lastYear: [DeliveryMode: Int] = [:]) {
        self.firstYear = firstYear
        self.lastYear = lastYear
    }

    /// True when no mode is limited.
    public var isEmpty: Bool { firstYear.isEmpty && lastYear.isEmpty }

    /// Whether `mode` may carry hydrogen in calendar `year`.
    public func allows(_ mode: DeliveryMode, in year: Int) -> Bool {
        if let first = firstYear[mode], year < first { return false }
        if let last = lastYear[mode], year > last { return false }
        return true
    }

    /// Whether `mode` may be used in each of `years` (a planning run's period years).
    public func allowed(_ mode: DeliveryMode, inEach years: [Int]) -> [Bool] {
        years.map { allows(mode, in: $0) }
    }
}
