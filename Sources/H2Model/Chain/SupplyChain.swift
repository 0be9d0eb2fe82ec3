// A supply chain from source to nozzle, and its evaluation into a station project whose
// cost per kg is itemised (DESIGN §2.3–2.7).

/// One supply chain for one station.
public struct SupplyChain: Sendable, Equatable, Hashable {
    public var production: ProductionPathway
    public var delivery: DeliveryMode
    /// One-way road (or pipeline) distance from the source to the station.
    public var distanceKm: Double
    /// Nameplate capacity of the station.
    public var stationCapacityKgPerDay: Double
    /// Average utilisation of the nameplate capacity, percent.
    public var utilisationPct: Double
    public var pressure: DispensingPressure
    /// kg/day of the delivery link the station draws from, when it is shared with other stations
    /// (a pipeline or a trailer route serving a site's several units): the delivery is costed
    /// at that volume and its cost per kg charged on what this station dispenses. Nil: the
    /// delivery serves this station alone.
    public var deliveryLinkKgPerDay: Double? = nil

    public init(production: ProductionPathway, delivery: DeliveryMode, distanceKm: Double,
                stationCapacityKgPerDay: Double, utilisationPct: Double, pressure: DispensingPressure = .mpa35) {
        self.production = production
        self.delivery = delivery
        self.distanceKm = distanceKm
        self.stationCapacityKgPerDay = stationCapacityKgPerDay
        self.utilisationPct = utilisationPct
        self.pressure = pressure
    }

    /// Average kilograms dispensed per day.
    public var dispensedKgPerDay: Double { stationCapacityKgPerDay * utilisationPct / 100 }
}

/// Why a chain cannot be evaluated as asked.
public struct ChainProblem: Error, Sendable, Equatable, CustomStringConvertible {
    public var field: String
    public var message: String
    public var description: String { "\(field): \(message)" }
}

/// Capital owned by the station project.
public struct CapitalNeed: Sendable, Equatable {
    public var item: CostItem
    public var name: String
    public var amountCny: Double
    public var lifeYears: Double
}

/// The station as a project: what it owns, what it pays each year, what it pays per kg.
public struct StationProject: Sendable, Equatable {
    public var capital: [CapitalNeed] = []
    /// CNY per year by item (O&M of station-side equipment).
    public var fixedCnyPerYear = CostVector()
    /// CNY per kg dispensed by item: the delivered hydrogen (priced at the upstream suppliers'
    /// levelised cost) and the station's own energy.
    public var variableCnyPerKg = CostVector()
    public var dispensedKgPerYear = 0.0
}

/// Everything computed for a chain: the physical picture and the station project.
public struct ChainEvaluation: Sendable, Equatable {
    public var chain: SupplyChain
    public var source: SourceCost
    public var delivery: DeliveryResult
    /// Share of produced hydrogen lost before the nozzle.
    public var lossFraction: Double
    public var stationCapexCny: Double
    public var stationEnergyKwhPerKg: Double
    /// Station-side production plant (on-site electrolyser kW, or station cracker kg/day).
    public var onsiteElectrolyserKw: Double
    public var stationCrackerKgPerDay: Double
    public var project: StationProject
    /// Carbon intensity at the nozzle, kg CO₂e per kg dispensed, itemised.
    public var co2: EmissionVector
}

public enum ChainModel {
    /// Checks the chain's own numbers and its combination of pathways.
    public static func problems(_ chain: SupplyChain) -> [ChainProblem] {
        var found: [ChainProblem] = []
        if let why = chain.production.incompatibility(with: chain.delivery) {
            found.append(ChainProblem(field: "delivery", message: "\(chain.production.rawValue) with \(chain.delivery.rawValue): \(why)"))
        }
        if !(chain.distanceKm >= 0) || !chain.distanceKm.isFinite {
            found.append(ChainProblem(field: "distance-km", message: "\(chain.distanceKm) is not a distance: give kilometres ≥ 0"))
        }
        if chain.delivery != .none && chain.distanceKm == 0 && chain.delivery != .pipeline {
            found.append(ChainProblem(field: "distance-km", message: "a road delivery needs a distance > 0 km"))
        }
        if !(chain.stationCapacityKgPerDay > 0) || !chain.stationCapacityKgPerDay.isFinite {
            found.append(ChainProblem(field: "station-kg-per-day", message: "\(chain.stationCapacityKgPerDay) is not a capacity: give kg/day > 0"))
        }
        if !(chain.utilisationPct > 0 && chain.utilisationPct <= 100) {
            found.append(ChainProblem(field: "utilization", message: "\(chain.utilisationPct) % is outside (0, 100]"))
        }
        return found
    }

    /// Builds the station project of `chain` under `a`. Throws the first problem found.
    public static func evaluate(_ chain: SupplyChain, _ a: Assumptions) throws -> ChainEvaluation {
        if let first = problems(chain).first { throw first }
        let dailyKg = chain.dispensedKgPerDay
        if chain.production == .byproduct && dailyKg * 365 / 1000 > a.byproduct.availableTonnesPerYear {
            throw ChainProblem(field: "byproduct.available_t_per_year",
                               message: "the station needs \(formatNumber(dailyKg * 365 / 1000)) t/yr but the source has \(formatNumber(a.byproduct.availableTonnesPerYear)) t/yr")
        }
        let source = try ProductionModel.sourceCost(chain.production, a)
        let delivery = DeliveryModel.evaluate(chain.delivery, distanceKm: chain.distanceKm, kgPerDay: max(dailyKg, chain.deliveryLinkKgPerDay ?? 0),
                                              sourceOutletMpa: source.outletPressureMpa, a)
        let producedPerDispensed = 1 / (1 - delivery.lossFraction)
        let grid = a.electricity.gridPriceCnyPerKwh

        var project = StationProject()
        project.dispensedKgPerYear = dailyKg * 365
        var v = CostVector()
        v.production = source.production * producedPerDispensed
        v.purification = source.purification * producedPerDispensed
        v.cracking = source.cracking * producedPerDispensed
        v.conditioning = delivery.conditioningCnyPerKg
        v.conditioning += source.conversion * producedPerDispensed
        v.transport = delivery.transportCnyPerKg

        let stationCapex = StationModel.capexCny(capacityKgPerDay: chain.stationCapacityKgPerDay, pressure: chain.pressure, a)
        project.capital.append(CapitalNeed(item: .stationCapex, name: "station equipment", amountCny: stationCapex,
                                           lifeYears: a.station.equipmentLifeYears))
        project.capital.append(CapitalNeed(item: .stationCapex, name: "land", amountCny: a.station.landMcny * 1e6,
                                           lifeYears: a.station.landAmortisationYears))
        project.fixedCnyPerYear.stationOM = StationModel.fixedOMCnyPerYear(capexCny: stationCapex, a)

        var electrolyserKw = 0.0, crackerKgPerDay = 0.0
        if let carrier = chain.production.stationCarrier {
            // The carrier's reconversion plant belongs to the station project.
            let p = carrier.process(a)
            crackerKgPerDay = dailyKg
            let capex = ProductionModel.carrierPlantCapexCny(p, kgPerDay: crackerKgPerDay)
            project.capital.append(CapitalNeed(item: .cracking, name: "station \(carrier.name) \(carrier.plantWord)", amountCny: capex, lifeYears: p.plantLifeYears))
            project.fixedCnyPerYear.cracking += capex * p.plantFixedOmPct / 100
            v.cracking += p.electricityKwhPerKgH2 * grid
            v.cracking += p.otherRunningCnyPerKgH2
        }
        switch chain.production {
        case .onsiteElectrolysis:
            let e = a.electrolysis
            electrolyserKw = dailyKg * e.electricityKwhPerKg * 365 / e.fullLoadHoursGrid
            let perKw = ProductionModel.electrolyserCapexCnyPerKw(megawatts: electrolyserKw / 1000, a)
            let capex = electrolyserKw * perKw
            project.capital.append(CapitalNeed(item: .production, name: "on-site electrolyser", amountCny: capex, lifeYears: e.plantLifeYears))
            project.fixedCnyPerYear.production += capex * e.fixedOmPct / 100
            v.production += ProductionModel.electrolysisRunningCostPerKg(a, electricityPrice: grid, capexCnyPerKw: perKw)
        default:
            break
        }

        let stationKwh = StationModel.energyKwhPerKg(delivery: delivery, pressure: chain.pressure, a)
        v.energy = stationKwh * grid
        project.variableCnyPerKg = v

        // Carbon follows the same flows: what leaves the source (scaled by the losses), the
        // delivery's electricity and diesel, the station's plant and electricity.
        let factor = a.emissions.gridKgPerKwh
        let upstream = CarbonIntensity.source(chain.production, a)
        var co2 = EmissionVector()
        co2.production = upstream.production * producedPerDispensed
        co2.purification = upstream.purification * producedPerDispensed
        co2.conditioning = upstream.conditioning * producedPerDispensed + delivery.conditioningKwhPerKg * factor
        co2.transport = delivery.dieselLitresPerDay * a.emissions.dieselKgPerL / dailyKg
        co2.reconversion = upstream.reconversion * producedPerDispensed
        if chain.production == .onsiteElectrolysis { co2.production += a.electrolysis.electricityKwhPerKg * factor }
        if let carrier = chain.production.stationCarrier {
            co2.reconversion += CarbonIntensity.reconversionKgPerKg(carrier.process(a), a)
        }
        co2.stationElectricity = stationKwh * factor

        return ChainEvaluation(chain: chain, source: source, delivery: delivery, lossFraction: delivery.lossFraction,
                               stationCapexCny: stationCapex, stationEnergyKwhPerKg: stationKwh,
                               onsiteElectrolyserKw: electrolyserKw, stationCrackerKgPerDay: crackerKgPerDay, project: project,
                               co2: co2)
    }

    /// Annuity (CRF) mode: each capital item × CRF(r, its life) plus fixed and variable costs,
    /// per kg at the chain's utilisation; no taxes; subsidies levelised over the operating years.
    public static func annuityCost(_ evaluation: ChainEvaluation, _ a: Assumptions) -> CostVector {
        let p = evaluation.project
        let kg = p.dispensedKgPerYear
        let r = a.finance.discountRatePct
        var c = p.variableCnyPerKg
        for item in CostItem.allCases { c[item] += p.fixedCnyPerYear[item] / kg }
        for need in p.capital {
            c[need.item] += need.amountCny * capitalRecoveryFactor(rate: r / 100, years: Int(need.lifeYears)) / kg
        }
        c.subsidies = -levelisedSubsidyCnyPerKg(kgPerYear: kg, a)
        return c
    }

    /// The construction subsidy annualised over the operating years plus the per-kg operating
    /// subsidy schedule, levelised at the discount rate (constant volume).
    static func levelisedSubsidyCnyPerKg(kgPerYear: Double, _ a: Assumptions) -> Double {
        let p = a.policy
        let years = Int(a.finance.operatingYears)
        let construction = p.constructionSubsidyMcny * 1e6 * capitalRecoveryFactor(rate: a.finance.discountRatePct / 100, years: years) / kgPerYear
        guard p.operatingSubsidyInitialCnyPerKg > 0 || p.operatingSubsidyLaterCnyPerKg > 0 else { return construction }
        let growth = 1 + a.finance.discountRatePct / 100
        var weighted = 0.0, weights = 0.0, discount = 1.0
        for year in 0..<years {
            discount /= growth
            weights += discount
            weighted += discount * operatingSubsidy(year: year, a.policy)
        }
        return construction + weighted / weights
    }

    /// The per-kg operating subsidy paid in operating year `year` (0-based).
    public static func operatingSubsidy(year: Int, _ p: PolicyInputs) -> Double {
        let initialYears = Int(p.operatingSubsidyInitialYears)
        if year < initialYears { return p.operatingSubsidyInitialCnyPerKg }
        if year < initialYears + Int(p.operatingSubsidyLaterYears) { return p.operatingSubsidyLaterCnyPerKg }
        return 0
    }
}
