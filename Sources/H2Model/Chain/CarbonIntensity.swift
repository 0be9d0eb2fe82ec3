// Carbon intensity of a kilogram at the nozzle (issue 13), kg CO₂e per kg dispensed, itemised
// like the cost. Every item is an energy or material flow the cost model already computes (kWh,
// litres of diesel, Nm³ of gas, kg of coal, methanol or ammonia) times an emission factor of
// the catalogue (`emissions.*`), so a change of flow moves cost and carbon together.

/// The items of the carbon intensity. Each maps to the cost item of the same step.
public enum EmissionItem: String, CaseIterable, Sendable {
    /// Making the hydrogen or the carrier's feedstock: electricity of electrolysis, gas of SMR,
    /// coal of gasification, upstream emissions of ammonia and methanol.
    case production
    /// Purification charged to bought hydrogen (by-product PSA electricity).
    case purification
    /// Compression for trailer or pipeline, liquefaction, carrier synthesis or hydrogenation.
    case conditioning
    /// Tractor diesel.
    case transport
    /// Cracking, reforming or dehydrogenation: electricity, heat fuel and the carrier's carbon.
    case reconversion
    /// The station's compression and precooling electricity.
    case stationElectricity = "station_electricity"

    /// The cost item of the same step (the row of `cost` that carries this intensity).
    public var costItem: CostItem {
        switch self {
        case .production: .production
        case .purification: .purification
        case .conditioning: .conditioning
        case .transport: .transport
        case .reconversion: .cracking
        case .stationElectricity: .energy
        }
    }
}

/// kg CO₂e per kg of hydrogen, by item.
public struct EmissionVector: Sendable, Equatable {
    public var production = 0.0
    public var purification = 0.0
    public var conditioning = 0.0
    public var transport = 0.0
    public var reconversion = 0.0
    public var stationElectricity = 0.0

    public init() {}

    public subscript(item: EmissionItem) -> Double {
        get {
            switch item {
            case .production: production
            case .purification: purification
            case .conditioning: conditioning
            case .transport: transport
            case .reconversion: reconversion
            case .stationElectricity: stationElectricity
            }
        }
        set {
            switch item {
            case .production: production = newValue
            case .purification: purification = newValue
            case .conditioning: conditioning = newValue
            case .transport: transport = newValue
            case .reconversion: reconversion = newValue
            case .stationElectricity: stationElectricity = newValue
            }
        }
    }

    /// The intensity under a cost item's row (zero for capital, O&M, taxes and subsidies).
    public subscript(cost item: CostItem) -> Double {
        EmissionItem.allCases.first { $0.costItem == item }.map { self[$0] } ?? 0
    }

    public var total: Double { EmissionItem.allCases.reduce(0) { $0 + self[$1] } }
}

/// Grades of T/CAB 0078-2020 (China Hydrogen Alliance): thresholds `emissions.tcab_*`.
public enum HydrogenGrade: String, Sendable {
    case renewable
    case clean
    case lowCarbon = "low-carbon"
    /// Above the low-carbon threshold: not graded by the standard.
    case ungraded

    /// The grade of an intensity; renewable needs a clean intensity from renewable energy.
    public static func of(_ kgPerKg: Double, renewable: Bool, _ a: Assumptions) -> HydrogenGrade {
        if kgPerKg <= a.emissions.tcabCleanKgPerKg { return renewable ? .renewable : .clean }
        if kgPerKg <= a.emissions.tcabLowCarbonKgPerKg { return .lowCarbon }
        return .ungraded
    }
}

public enum CarbonIntensity {
    /// Lower heating value of hydrogen (the reference dataset's convention).
    public static let hydrogenLhvKwhPerKg = 33.33
    /// CO₂ from the carbon of one kg of methanol: 44.01 / 32.042.
    public static let co2PerKgMethanol = 44.01 / 32.042

    /// By-product hydrogen at the gate: the PSA electricity its price includes.
    public static func byproductKgPerKg(_ a: Assumptions) -> Double {
        a.byproduct.purificationKwhPerKg * a.emissions.gridKgPerKwh
    }

    /// Whether a pathway's energy is renewable (T/CAB 0078-2020's renewable grade).
    public static func isRenewable(_ pathway: ProductionPathway) -> Bool {
        pathway == .surplusHydroElectrolysis
    }

    /// Emissions per kg of hydrogen leaving the source (before delivery losses): production,
    /// purification, and for carriers their conversion and, at a hub, their reconversion.
    /// On-site electrolysis and the station's own reconversion are added with the station.
    public static func source(_ pathway: ProductionPathway, _ a: Assumptions) -> EmissionVector {
        let e = a.emissions
        var v = EmissionVector()
        if let carrier = pathway.carrier {
            let p = carrier.process(a)
            v.production = p.feedstockCo2KgPerKgH2
            v.conditioning = p.conversionCo2KgPerKgH2
            if pathway.site == .hub { v.reconversion = reconversionKgPerKg(p, a) }
            return v
        }
        switch pathway {
        case .byproduct: v.purification = byproductKgPerKg(a)
        case .gridElectrolysis, .touElectrolysis: v.production = a.electrolysis.electricityKwhPerKg * e.gridKgPerKwh
        case .surplusHydroElectrolysis: v.production = a.electrolysis.electricityKwhPerKg * e.surplusPowerKgPerKwh
        case .smr: v.production = a.reference.smrNaturalGasNm3PerKg * e.naturalGasKgPerNm3
        case .coal: v.production = a.reference.coalKgcePerKg * e.coalKgPerKgce
        default: break
        }
        return v
    }

    /// A carrier's reconversion plant: its grid electricity and the CO₂ it releases.
    static func reconversionKgPerKg(_ p: CarrierProcess, _ a: Assumptions) -> Double {
        p.electricityKwhPerKgH2 * a.emissions.gridKgPerKwh + p.processCo2KgPerKgH2
    }
}
