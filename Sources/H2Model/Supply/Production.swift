// Production cost models: the cost per kg of fuel-cell-grade hydrogen leaving the source,
// split into production and purification. Central plants are merchant suppliers: their
// capital is annualised at the real discount rate and spread over the plant's own output.

/// What one kilogram costs at the plant gate, and the physical facts behind it.
public struct SourceCost: Sendable, Equatable {
    /// CNY per kg leaving the source (purified).
    public var production = 0.0
    public var purification = 0.0
    public var cracking = 0.0
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
        let r = a.finance.discountRatePct
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
        case .ammoniaCrackingHub:
            var c = SourceCost()
            c.production = ammoniaFeedstockCostPerKg(a)
            let hubKgPerDay = a.ammonia.hubCrackerTonnesPerDay * 1000
            // The merchant hub of `hub_cracker_t_per_day` running full; the planner sizes one to
            // what is routed through it instead (`hubCrackerAnnualCny`).
            c.centralPlantCapitalCnyPerKg = hubCrackerAnnualCny(kgPerDay: hubKgPerDay, a) / (hubKgPerDay * 365)
            c.cracking = c.centralPlantCapitalCnyPerKg
                + a.ammonia.crackerElectricityKwhPerKg * a.electricity.gridPriceCnyPerKwh
            c.outletPressureMpa = a.ammonia.crackerOutletPressureMpa
            return c
        case .onsiteElectrolysis, .ammoniaCrackingStation:
            // Costed at the station: the plant is part of the station project.
            var c = SourceCost()
            if pathway == .ammoniaCrackingStation { c.production = ammoniaFeedstockCostPerKg(a) }
            c.outletPressureMpa = pathway == .onsiteElectrolysis ? a.electrolysis.outletPressureMpa : a.ammonia.crackerOutletPressureMpa
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

    /// Ammonia bought per kg of hydrogen recovered by the cracker (includes ammonia burnt for
    /// heat and the purification loss).
    static func ammoniaFeedstockCostPerKg(_ a: Assumptions) -> Double {
        a.ammonia.crackerNh3KgPerKgH2 * a.ammonia.priceCnyPerTonne / 1000
    }

    /// A hub cracker of `kgPerDay`: capital as an annuity plus fixed O&M, CNY a year.
    public static func hubCrackerAnnualCny(kgPerDay: Double, _ a: Assumptions) -> Double {
        annualOwnershipCost(capex: crackerCapexCny(kgPerDay: kgPerDay, a), ratePct: a.finance.discountRatePct,
                            lifeYears: a.ammonia.crackerLifeYears, fixedOmPct: a.ammonia.crackerFixedOmPct)
    }

    /// Cracker + purification capital for a plant of `kgPerDay`, scaled from the 1 t/d figure.
    public static func crackerCapexCny(kgPerDay: Double, _ a: Assumptions) -> Double {
        a.ammonia.crackerCapexMcnyAt1TonnePerDay * 1e6 * _pow(kgPerDay / 1000, a.ammonia.crackerScaleExponent)
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
