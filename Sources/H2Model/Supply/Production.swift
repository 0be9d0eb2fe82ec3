// Production cost models: the cost per kg of fuel-cell-grade hydrogen leaving the source,
// split into production and purification. Central plants are merchant suppliers: their
// capital is annualised at the real discount rate and spread over the plant's own output.

/// What one kilogram costs at the plant gate, and the physical facts behind it.
public struct SourceCost: Sendable, Equatable {
    /// CNY per kg leaving the source (purified).
    public var production = 0.0
    public var purification = 0.0
    public var cracking = 0.0
    /// CNY per kg leaving the source spent converting hydrogen into its carrier at the source
    /// (methanol synthesis, hydrogenation): a conditioning cost.
    public var conversion = 0.0
    /// Pressure at which the hydrogen leaves the source (feeds the next compression step).
    public var outletPressureMpa = 0.0
    /// Daily operating hours chosen for time-of-use electrolysis (nil elsewhere).
    public var operatingHoursPerDay: Double?
    /// ¥/kg of flat operation at the same average price (time-of-use pathway only).
    public var flatOperationCnyPerKg: Double?
    /// CNY per kg of a central plant's capital in `cracking` (the merchant hub cracker), which
    /// the planner replaces by a plant sized to what is routed through it.
    public var centralPlantCapitalCnyPerKg = 0.0
}

public enum ProductionModel {
    /// Fuel-cell-grade hydrogen at the gate of a central source. On-site and station-cracking
    /// pathways are costed with the station (see `StationProjectModel`); here they return the
    /// feedstock cost only.
    public static func sourceCost(_ pathway: ProductionPathway, _ a: Assumptions) throws -> SourceCost {
        if let carrier = pathway.carrier { return carrierSourceCost(carrier, site: pathway.site ?? .hub, a) }
        switch pathway {
        case .byproduct:
            return atGatePrice(a.byproduct.gatePriceCnyPerKg, outlet: a.byproduct.outletPressureMpa)
        case .smr:
            return atGatePrice(a.reference.smrPriceCnyPerNm3 * normalCubicMetresPerKg, outlet: a.reference.outletPressureMpa)
        case .coal:
            return atGatePrice(a.reference.coalPriceCnyPerNm3 * normalCubicMetresPerKg, outlet: a.reference.outletPressureMpa)
        case .gridElectrolysis:
            var c = SourceCost()
            c.production = electrolysisCostPerKg(a, electricityPrice: a.electricity.gridPriceCnyPerKwh,
                                                 operatingHoursPerDay: a.electrolysis.fullLoadHoursGrid / 365, bufferStorage: false)
            c.outletPressureMpa = a.electrolysis.outletPressureMpa
            return c
        case .surplusHydroElectrolysis:
            var c = SourceCost()
            c.production = electrolysisCostPerKg(a, electricityPrice: a.electricity.surplusPriceCnyPerKwh,
                                                 operatingHoursPerDay: a.electrolysis.fullLoadHoursSurplus / 365, bufferStorage: false)
            c.outletPressureMpa = a.electrolysis.outletPressureMpa
            return c
        case .touElectrolysis:
            let choice = try TimeOfUseElectrolysis(a).optimise()
            var c = SourceCost()
            c.production = choice.cnyPerKg
            c.outletPressureMpa = a.electrolysis.outletPressureMpa
            c.operatingHoursPerDay = choice.hoursPerDay
            c.flatOperationCnyPerKg = choice.flatOperationCnyPerKg
            return c
        default:
            // On-site electrolysis is costed at the station: the plant is part of the station project.
            var c = SourceCost()
            c.outletPressureMpa = a.electrolysis.outletPressureMpa
            return c
        }
    }

    /// Normal cubic metres per kg of hydrogen (0.0899 kg/Nm³, reference dataset conventions).
    public static let normalCubicMetresPerKg = 1 / 0.0899

    /// Hydrogen bought at a market gate price that already includes its purification: the
    /// by-product price is for purified gas (A.byproduct_h2_cost_purified_at_gate), and the coal
    /// and SMR prices are for the plants' PSA product (SMM hydrogen cost), so no second PSA.
    static func atGatePrice(_ cnyPerKg: Double, outlet: Double) -> SourceCost {
        var c = SourceCost()
        c.production = cnyPerKg
        c.outletPressureMpa = outlet
        return c
    }

    /// A carrier pathway at the source: the carrier bought (or made) and converted; at a hub
    /// also its reconversion, the merchant hub plant of `hubTonnesPerDay` running full. A
    /// station pathway's reconversion is costed with the station (`ChainModel`).
    static func carrierSourceCost(_ carrier: Carrier, site: ReconversionSite, _ a: Assumptions) -> SourceCost {
        let p = carrier.process(a)
        var c = SourceCost()
        c.production = p.feedstockCnyPerKgH2
        c.conversion = p.conversionCnyPerKgH2
        c.outletPressureMpa = p.outletPressureMpa
        if site == .hub {
            let hubKgPerDay = p.hubTonnesPerDay * 1000
            let capital = carrierPlantAnnualCny(p, kgPerDay: hubKgPerDay, a) / (hubKgPerDay * 365)
            c.cracking = capital + p.electricityKwhPerKgH2 * a.electricity.gridPriceCnyPerKwh
            c.cracking += p.otherRunningCnyPerKgH2
            // Only a hub the planner sizes to what is routed through it reports its capital
            // apart (`hubCrackerAnnualCny`); other hubs stay merchant plants at their size.
            if carrier.plannerSizesHub { c.centralPlantCapitalCnyPerKg = capital }
        }
        return c
    }

    /// A reconversion plant of `kgPerDay`: capital as an annuity plus fixed O&M, CNY a year.
    static func carrierPlantAnnualCny(_ p: CarrierProcess, kgPerDay: Double, _ a: Assumptions) -> Double {
        annualOwnershipCost(capex: carrierPlantCapexCny(p, kgPerDay: kgPerDay), ratePct: a.finance.discountRatePct,
                            lifeYears: p.plantLifeYears, fixedOmPct: p.plantFixedOmPct)
    }

    /// Reconversion + purification capital for a plant of `kgPerDay`, scaled from the 1 t/d figure.
    public static func carrierPlantCapexCny(_ p: CarrierProcess, kgPerDay: Double) -> Double {
        p.plantCapexMcnyAt1TonnePerDay * 1e6 * _pow(kgPerDay / 1000, p.plantScaleExponent)
    }

    /// A hub ammonia cracker of `kgPerDay`: capital as an annuity plus fixed O&M, CNY a year
    /// (the central plant the planner sizes).
    public static func hubCrackerAnnualCny(kgPerDay: Double, _ a: Assumptions) -> Double {
        carrierPlantAnnualCny(Carrier.ammonia.process(a), kgPerDay: kgPerDay, a)
    }

    /// Ammonia cracker + purification capital for a plant of `kgPerDay`.
    public static func crackerCapexCny(kgPerDay: Double, _ a: Assumptions) -> Double {
        carrierPlantCapexCny(Carrier.ammonia.process(a), kgPerDay: kgPerDay)
    }

    /// Electrolyser unit capex (CNY/kW) for a plant of `megawatts`: the reference unit cost at or
    /// above the reference size, scaled up with the exponent below it.
    public static func electrolyserCapexCnyPerKw(megawatts: Double, _ a: Assumptions) -> Double {
        let e = a.electrolysis
        let ratio = megawatts / e.referencePlantMw
        return ratio >= 1 ? e.installedCapexCnyPerKw : e.installedCapexCnyPerKw * _pow(ratio, e.scaleExponent - 1)
    }

    /// What each kg of electrolytic hydrogen costs to run: electricity, stack replacements (paid
    /// per operating hour, so per kg) and water.
    static func electrolysisRunningCostPerKg(_ a: Assumptions, electricityPrice: Double, capexCnyPerKw: Double) -> Double {
        let e = a.electrolysis
        let stacks = e.stackReplacementPctOfCapex / 100 * capexCnyPerKw * e.electricityKwhPerKg / e.stackLifeHours
        let water = e.waterKgPerKg * e.waterPriceCnyPerTonne / 1000
        return e.electricityKwhPerKg * electricityPrice + stacks + water
    }

    /// ¥/kg of a central electrolysis plant running `operatingHoursPerDay` at full load and
    /// paying `electricityPrice` on average. Capital per kg follows from the hours: a kW makes
    /// 1/kWh-per-kg kilograms an hour. Stack replacements are paid per operating hour. With a
    /// buffer, storage smooths the plant's output to the station's round-the-clock draw.
    static func electrolysisCostPerKg(_ a: Assumptions, electricityPrice: Double, operatingHoursPerDay: Double,
                                      bufferStorage: Bool) -> Double {
        let e = a.electrolysis
        let r = a.finance.discountRatePct
        let kgPerKwPerYear = operatingHoursPerDay * 365 / e.electricityKwhPerKg
        let capital = annualOwnershipCost(capex: e.installedCapexCnyPerKw, ratePct: r, lifeYears: e.plantLifeYears,
                                          fixedOmPct: e.fixedOmPct) / kgPerKwPerYear
        var cost = capital + electrolysisRunningCostPerKg(a, electricityPrice: electricityPrice, capexCnyPerKw: e.installedCapexCnyPerKw)
        if bufferStorage {
            // Output made in h hours, drawn evenly over 24 h: the buffer holds (1 − h/24) of a day.
            let storedDays = max(0, 1 - operatingHoursPerDay / 24)
            cost += e.bufferStorageCapexCnyPerKg * storedDays
                * capitalRecoveryFactor(rate: r / 100, years: Int(e.plantLifeYears)) / 365
        }
        return cost
    }
}
