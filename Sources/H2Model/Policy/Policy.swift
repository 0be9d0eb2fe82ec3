// Policy as data (issue 9): each measure of a scenario's policies.csv with its scope (province,
// city or node list) and the calendar years it is in force, and the per-year schedule of a
// station that the pro-forma applies. Scope names are resolved to nodes by the reader (H2IO),
// which knows the node table; the domain only asks "is this node in scope in this year".

/// What a policy measure does. Units are fixed per kind so that a rate can never be read in
/// the wrong unit (the reader checks the `unit` column against `unit`).
public enum PolicyMeasureKind: String, Sendable, CaseIterable, Equatable {
    /// CNY per kg sold; optional annual cap in kg per station with a second rate above it.
    case operatingSubsidy = "operating_subsidy"
    /// CNY per station, paid once at commissioning.
    case constructionSubsidyPerStation = "construction_subsidy_per_station"
    /// Share of the station's initial capital (equipment and land), paid at commissioning;
    /// optional cap in CNY per station.
    case constructionSubsidyCapexShare = "construction_subsidy_capex_share"
    /// A preferential enterprise income-tax rate (e.g. Western Development 15 %).
    case incomeTaxRate = "income_tax_rate"
    /// Share of the VAT remitted on hydrogen sales refunded to the station (即征即退).
    case vatRefund = "vat_refund"

    /// The unit the `rate` column is written in.
    public var unit: String {
        switch self {
        case .operatingSubsidy: "CNY/kg"
        case .constructionSubsidyPerStation: "CNY"
        case .constructionSubsidyCapexShare, .incomeTaxRate, .vatRefund: "%"
        }
    }

    /// The unit of the optional `cap` column, nil when the kind takes no cap.
    public var capUnit: String? {
        switch self {
        case .operatingSubsidy: "kg/yr"
        case .constructionSubsidyCapexShare: "CNY"
        case .constructionSubsidyPerStation, .incomeTaxRate, .vatRefund: nil
        }
    }
}

/// Where a measure applies. The node set is resolved by the reader.
public struct PolicyScope: Sendable, Equatable {
    public enum Level: String, Sendable, Equatable, Comparable {
        case province, city, nodes
        /// A node list is more specific than a city, a city than the province.
        var specificity: Int {
            switch self {
            case .province: 0
            case .city: 1
            case .nodes: 2
            }
        }
        public static func < (a: Level, b: Level) -> Bool { a.specificity < b.specificity }
    }
    public var level: Level
    /// The name as written: the province, the city, or the node ids joined by ";".
    public var name: String
    /// Nodes the measure applies at.
    public var nodes: Set<String>

    public init(level: Level, name: String, nodes: Set<String>) {
        self.level = level; self.name = name; self.nodes = nodes
    }
}

/// One row of policies.csv, in model units (fractions, CNY, kg).
public struct PolicyMeasure: Sendable, Equatable {
    public var id: String
    public var kind: PolicyMeasureKind
    public var scope: PolicyScope
    /// First and last calendar year in force, inclusive.
    public var startYear: Int
    public var endYear: Int
    /// CNY/kg, CNY, or a fraction (0.15 for 15 %) according to `kind`.
    public var rate: Double
    /// kg per station per year (operating subsidy) or CNY per station (capex share); nil: none.
    public var cap: Double?
    /// CNY/kg paid on the kilograms above `cap` (operating subsidy); nil: nothing above the cap.
    public var rateAboveCap: Double?
    public var basis: Basis
    public var source: String

    public init(id: String, kind: PolicyMeasureKind, scope: PolicyScope, startYear: Int, endYear: Int, rate: Double,
                cap: Double? = nil, rateAboveCap: Double? = nil, basis: Basis, source: String) {
        self.id = id; self.kind = kind; self.scope = scope; self.startYear = startYear; self.endYear = endYear
        self.rate = rate; self.cap = cap; self.rateAboveCap = rateAboveCap; self.basis = basis; self.source = source
    }

    public func isInForce(in year: Int) -> Bool { year >= startYear && year <= endYear }
    public func applies(at node: String, in year: Int) -> Bool { isInForce(in: year) && scope.nodes.contains(node) }

    /// CNY paid on `kg` sold in one year by one station (operating subsidy only): the rate up to
    /// the cap, the second rate above it.
    public func operatingSubsidyCNY(kgPerYear kg: Double) -> Double {
        guard kind == .operatingSubsidy else { return 0 }
        guard let cap else { return rate * kg }
        return rate * min(kg, cap) + (rateAboveCap ?? 0) * max(0, kg - cap)
    }
}

/// The measures of a scenario.
public struct PolicySet: Sendable, Equatable {
    public var measures: [PolicyMeasure]
    /// The years each delivery mode is allowed in (scenario.toml [placement] first_year and
    /// last_year): the planner offers a mode only in the periods it is allowed in.
    public var deliveryModeYears = DeliveryModeYears()
    public init(_ measures: [PolicyMeasure] = []) { self.measures = measures }

    /// The measures in force for one station at `node` whose first operating year is
    /// `firstOperatingYear`, for `operatingYears` years: the per-year schedule the pro-forma
    /// applies. Construction subsidies are those in force in the commissioning year (the first
    /// operating year).
    public func schedule(node: String, firstOperatingYear: Int, operatingYears: Int) -> PolicySchedule {
        let here = measures.filter { $0.scope.nodes.contains(node) }
        let years = (0..<max(0, operatingYears)).map { firstOperatingYear + $0 }
        var schedule = PolicySchedule(firstOperatingYear: firstOperatingYear, operatingYears: years.count)
        schedule.node = node
        schedule.measuresAtNode = here
        for m in here where m.isInForce(in: firstOperatingYear) {
            switch m.kind {
            case .constructionSubsidyPerStation: schedule.constructionSubsidyPerStationCNY += m.rate
            case .constructionSubsidyCapexShare: schedule.constructionSubsidyShares.append((m.rate, m.cap))
            default: break
            }
        }
        for (j, year) in years.enumerated() {
            let inForce = here.filter { $0.isInForce(in: year) }
            schedule.operatingSubsidies[j] = inForce.filter { $0.kind == .operatingSubsidy }
            // Rates do not stack: the most specific scope in force decides (a node list over a
            // city over the province); the reader rejects two rows of one kind and scope that
            // overlap in time, so the choice is unique.
            schedule.incomeTaxRate[j] = inForce.filter { $0.kind == .incomeTaxRate }.max { $0.scope.level < $1.scope.level }?.rate
            schedule.vatRefundShare[j] = inForce.filter { $0.kind == .vatRefund }.max { $0.scope.level < $1.scope.level }?.rate ?? 0
        }
        schedule.measureIDs = here.filter { m in years.contains { m.isInForce(in: $0) } }.map(\.id)
        return schedule
    }
}

/// The policy measures one station gets, by operating year j = 0 … N − 1 (calendar year
/// `firstOperatingYear + j`).
public struct PolicySchedule: Sendable, Equatable {
    public var firstOperatingYear: Int
    /// Operating subsidies in force each operating year (several stack: a city's and a
    /// province's are paid together).
    public var operatingSubsidies: [[PolicyMeasure]]
    /// Preferential income-tax rate in force each year (fraction), nil: the general rate.
    public var incomeTaxRate: [Double?]
    /// Share of the VAT remitted that is refunded each year.
    public var vatRefundShare: [Double]
    public var constructionSubsidyPerStationCNY = 0.0
    /// (share of initial capital, cap in CNY or nil) of each capex-share measure in force at commissioning.
    public var constructionSubsidyShares: [(share: Double, capCNY: Double?)] = []
    /// Ids of the measures that apply in at least one operating year or at commissioning.
    public var measureIDs: [String] = []
    /// The node and every measure scoped to it, so the schedule can be rebuilt for another horizon.
    public var node = ""
    public var measuresAtNode: [PolicyMeasure] = []

    /// The same station's schedule over `operatingYears` years (a sensitivity run may change
    /// the horizon).
    public func resized(operatingYears: Int) -> PolicySchedule {
        operatingSubsidies.count == operatingYears ? self
            : PolicySet(measuresAtNode).schedule(node: node, firstOperatingYear: firstOperatingYear, operatingYears: operatingYears)
    }

    public init(firstOperatingYear: Int, operatingYears: Int) {
        self.firstOperatingYear = firstOperatingYear
        operatingSubsidies = Array(repeating: [], count: operatingYears)
        incomeTaxRate = Array(repeating: nil, count: operatingYears)
        vatRefundShare = Array(repeating: 0, count: operatingYears)
    }

    /// No measure at all (a scenario without policies.csv, or a node outside every scope).
    public var isEmpty: Bool {
        constructionSubsidyPerStationCNY == 0 && constructionSubsidyShares.isEmpty
            && operatingSubsidies.allSatisfy(\.isEmpty) && incomeTaxRate.allSatisfy { $0 == nil } && vatRefundShare.allSatisfy { $0 == 0 }
    }

    /// Operating subsidy in CNY for `kg` sold in operating year j (0-based).
    public func operatingSubsidyCNY(year j: Int, kg: Double) -> Double {
        guard operatingSubsidies.indices.contains(j) else { return 0 }
        return operatingSubsidies[j].reduce(0) { $0 + $1.operatingSubsidyCNY(kgPerYear: kg) }
    }

    /// Construction subsidy in CNY for a station whose initial capital is `initialCapitalCNY`.
    public func constructionSubsidyCNY(initialCapitalCNY: Double) -> Double {
        constructionSubsidyPerStationCNY + constructionSubsidyShares.reduce(0) { total, s in
            let amount = s.share * initialCapitalCNY
            return total + (s.capCNY.map { min($0, amount) } ?? amount)
        }
    }

    public static func == (a: PolicySchedule, b: PolicySchedule) -> Bool {
        a.firstOperatingYear == b.firstOperatingYear && a.operatingSubsidies == b.operatingSubsidies
            && a.incomeTaxRate == b.incomeTaxRate && a.vatRefundShare == b.vatRefundShare
            && a.constructionSubsidyPerStationCNY == b.constructionSubsidyPerStationCNY
            && a.constructionSubsidyShares.map(\.share) == b.constructionSubsidyShares.map(\.share)
            && a.constructionSubsidyShares.map(\.capCNY) == b.constructionSubsidyShares.map(\.capCNY)
            && a.measureIDs == b.measureIDs && a.node == b.node && a.measuresAtNode == b.measuresAtNode
    }
}
