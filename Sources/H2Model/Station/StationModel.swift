// Refuelling station physics and cost: capital by size with a scale exponent, land, and the
// energy to bring the incoming hydrogen up to storage pressure (DESIGN §2.5).

public enum StationModel {
    /// Station capital excluding land, CNY: the reference station scaled by size, times the
    /// 70 MPa multiplier where it applies.
    public static func capexCny(capacityKgPerDay: Double, pressure: DispensingPressure, _ a: Assumptions) -> Double {
        let s = a.station
        let scaled = s.capexReferenceMcny * 1e6 * _pow(capacityKgPerDay / s.capexReferenceKgPerDay, s.capexScaleExponent)
        return pressure == .mpa70 ? scaled * s.capex70MpaMultiplier : scaled
    }

    /// What one station unit costs a year: its equipment and land as annuities over their
    /// lives at the planner's (social) discount rate, plus fixed O&M.
    public static func annualCostCny(capacityKgPerDay: Double, pressure: DispensingPressure, _ a: Assumptions) -> Double {
        let s = a.station, r = a.finance.socialDiscountRatePct
        let capex = capexCny(capacityKgPerDay: capacityKgPerDay, pressure: pressure, a)
        return annualOwnershipCost(capex: capex, ratePct: r, lifeYears: s.equipmentLifeYears, fixedOmPct: 0)
            + fixedOMCnyPerYear(capexCny: capex, a)
            + annualOwnershipCost(capex: s.landMcny * 1e6, ratePct: r, lifeYears: s.landAmortisationYears, fixedOmPct: 0)
    }

    /// Fixed O&M a year of a station of this size (what an existing station still costs).
    public static func annualOmCny(capacityKgPerDay: Double, pressure: DispensingPressure, _ a: Assumptions) -> Double {
        fixedOMCnyPerYear(capexCny: capexCny(capacityKgPerDay: capacityKgPerDay, pressure: pressure, a), a)
    }

    /// Fixed O&M of one station per year: staff (FTE × employer cost) plus equipment
    /// maintenance as a share of the equipment capital. Placement and pro-forma both use it.
    public static func fixedOMCnyPerYear(capexCny: Double, _ a: Assumptions) -> Double {
        a.station.staffFte * a.station.staffCostCnyPerFteYear + capexCny * a.station.fixedOmPct / 100
    }

    public static func storagePressureMpa(_ pressure: DispensingPressure, _ a: Assumptions) -> Double {
        pressure == .mpa70 ? a.station.storagePressureFor70MpaMpa : a.station.storagePressureFor35MpaMpa
    }

    /// kWh per kg dispensed for compression (or, with liquid supply, pumping) and precooling.
    public static func energyKwhPerKg(delivery: DeliveryResult, pressure: DispensingPressure, _ a: Assumptions) -> Double {
        let storage = storagePressureMpa(pressure, a)
        var kwh: Double
        if let trailer = delivery.trailerPressures {
            kwh = a.compression.trailerEmptyingEnergyKwhPerKg(fullMpa: trailer.full, residualMpa: trailer.residual, storageMpa: storage)
        } else if let inlet = delivery.stationInletMpa {
            kwh = a.compression.energyKwhPerKg(fromMpa: inlet, toMpa: storage)
        } else {
            kwh = a.liquid.stationPumpKwhPerKg
        }
        if pressure == .mpa70 { kwh += a.station.precoolingKwhPerKg }
        return kwh
    }
}
