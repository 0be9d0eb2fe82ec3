// Delivery cost models (DESIGN §2.4). Each computes ¥/kg from the one-way distance and the
// daily volume through physical quantities: trips per day, trailers and tractors needed,
// crew hours, fuel and loading time. Delivery fleets are shared by the stations a source
// serves, so a station pays for the fractional trailer-days and tractor-hours it uses.

/// The physical picture of a delivery, and its cost.
public struct DeliveryResult: Sendable, Equatable {
    /// CNY per kg delivered: vehicles, crew, fuel, tolls (or the pipeline).
    public var transportCnyPerKg = 0.0
    /// CNY per kg delivered spent at the source to condition the hydrogen for this mode
    /// (compression for trailer filling or pipeline injection, liquefaction).
    public var conditioningCnyPerKg = 0.0
    /// Share of the hydrogen produced that is lost before it reaches the station.
    public var lossFraction = 0.0
    /// Pressure at which the station takes the hydrogen in (drives its compression energy),
    /// or nil for liquid supply (pumped, not compressed).
    public var stationInletMpa: Double? = nil
    /// For tube trailers: the trailer's full and residual pressure (the station compresses
    /// from the falling trailer pressure).
    public var trailerPressures: (full: Double, residual: Double)? = nil

    public var tripsPerDay = 0.0
    public var trailers = 0.0
    public var tractors = 0.0
    public var crewFullTimeEquivalents = 0.0
    public var dieselLitresPerDay = 0.0
    /// Hydrogen (or H2-equivalent ammonia) unloaded per trip.
    public var deliveredPerTripKg = 0.0
    public var compressionAtSourceKwhPerKg = 0.0
    /// Grid electricity at the source per kg dispensed for this mode (compression or
    /// liquefaction): the conditioning item of the carbon intensity.
    public var conditioningKwhPerKg = 0.0
    /// CNY per kg delivered of a central plant's capital in `conditioningCnyPerKg` (the merchant
    /// liquefier), which the planner replaces by a plant sized to what is routed through it.
    public var centralPlantCapitalCnyPerKg = 0.0

    public static func == (a: DeliveryResult, b: DeliveryResult) -> Bool {
        a.transportCnyPerKg == b.transportCnyPerKg && a.conditioningCnyPerKg == b.conditioningCnyPerKg
            && a.lossFraction == b.lossFraction && a.stationInletMpa == b.stationInletMpa
            && a.trailerPressures?.full == b.trailerPressures?.full && a.trailerPressures?.residual == b.trailerPressures?.residual
            && a.tripsPerDay == b.tripsPerDay && a.trailers == b.trailers && a.tractors == b.tractors
            && a.crewFullTimeEquivalents == b.crewFullTimeEquivalents && a.dieselLitresPerDay == b.dieselLitresPerDay
            && a.deliveredPerTripKg == b.deliveredPerTripKg && a.compressionAtSourceKwhPerKg == b.compressionAtSourceKwhPerKg
            && a.conditioningKwhPerKg == b.conditioningKwhPerKg
    }
}

public enum DeliveryModel {
    /// Delivery of `kgPerDay` (hydrogen dispensed) over `distanceKm` one way, from a source
    /// whose hydrogen leaves at `sourceOutletMpa`.
    public static func evaluate(_ mode: DeliveryMode, distanceKm: Double, kgPerDay: Double,
                                sourceOutletMpa: Double, _ a: Assumptions) -> DeliveryResult {
        switch mode {
        case .tubeTrailer20: return tubeTrailer(a.tubeTrailer20, distanceKm: distanceKm, kgPerDay: kgPerDay, sourceOutletMpa: sourceOutletMpa, a)
        case .tubeTrailer30: return tubeTrailer(a.tubeTrailer30, distanceKm: distanceKm, kgPerDay: kgPerDay, sourceOutletMpa: sourceOutletMpa, a)
        case .tubeTrailer50: return tubeTrailer(a.tubeTrailer50, distanceKm: distanceKm, kgPerDay: kgPerDay, sourceOutletMpa: sourceOutletMpa, a)
        case .liquid: return liquidHydrogen(distanceKm: distanceKm, kgPerDay: kgPerDay, a)
        case .pipeline: return pipeline(distanceKm: distanceKm, kgPerDay: kgPerDay, sourceOutletMpa: sourceOutletMpa, a)
        default:
            if let carrier = mode.carrier { return carrierTanker(carrier.process(a), distanceKm: distanceKm, kgPerDay: kgPerDay, a) }
            var r = DeliveryResult()
            r.stationInletMpa = sourceOutletMpa
            return r
        }
    }

    /// A truck shuttle between source and station.
    /// - deliveredPerTripKg: hydrogen (equivalent) unloaded per trip.
    /// - dropAndSwap: the trailer stays at the station until it is empty (tube trailers act as
    ///   the station's storage), so one trailer is always parked there.
    struct Shuttle {
        var deliveredPerTripKg: Double
        var trailerCapexCny: Double
        var trailerLifeYears: Double
        var dropAndSwap: Bool
        /// Hours of a second stop per trip: a tanker that returns loaded (spent LOHC) is
        /// loaded again at the station and unloaded again at the source.
        var extraStopHours = 0.0
    }

    static func roadShuttle(_ s: Shuttle, distanceKm: Double, kgPerDay: Double, _ a: Assumptions) -> DeliveryResult {
        let road = a.road
        let r = a.finance.discountRatePct
        let trips = kgPerDay / s.deliveredPerTripKg
        let roundTripHours = 2 * distanceKm / road.averageSpeedKmPerH
        let drivingHoursPerDay = trips * (roundTripHours + road.loadingUnloadingHours + s.extraStopHours)
        // Filling at the source: a dropped tube trailer is filled while its tractor takes
        // another; a liquid or ammonia truck waits at the filling post with its tractor.
        let fillingHoursPerDay = trips * road.trailerFillingHours
        let tractorHoursPerDay = drivingHoursPerDay + (s.dropAndSwap ? 0 : fillingHoursPerDay)
        let trailerHoursPerDay = drivingHoursPerDay + fillingHoursPerDay + (s.dropAndSwap ? 24 : 0)
        let availableHours = 24 * road.fleetAvailabilityPct / 100
        let trailers = trailerHoursPerDay / availableHours
        let tractors = tractorHoursPerDay / availableHours
        let crew = tractorHoursPerDay * 365 * road.crewPerTruck / road.driverHoursPerYear
        let kmPerDay = trips * 2 * distanceKm
        let diesel = kmPerDay * road.tractorDieselLPer100km / 100

        let trailerCost = (trailers - parkedTrailers(s.dropAndSwap, a)) * annualOwnershipCost(capex: s.trailerCapexCny, ratePct: r, lifeYears: s.trailerLifeYears, fixedOmPct: road.vehicleFixedOmPct)
            + (s.dropAndSwap ? parkedTrailerAnnualCny(s, a) : 0)
        let tractorCost = tractors * annualOwnershipCost(capex: road.tractorCapexMcny * 1e6, ratePct: r, lifeYears: road.tractorLifeYears, fixedOmPct: road.vehicleFixedOmPct)
        let crewCost = crew * road.driverCostCnyPerYear
        let runningCost = 365 * (diesel * road.dieselPriceCnyPerL + kmPerDay * road.tollCnyPerKm)

        var result = DeliveryResult()
        result.transportCnyPerKg = (trailerCost + tractorCost + crewCost + runningCost) / (kgPerDay * 365)
        result.tripsPerDay = trips
        result.trailers = trailers
        result.tractors = tractors
        result.crewFullTimeEquivalents = crew
        result.dieselLitresPerDay = diesel
        result.deliveredPerTripKg = s.deliveredPerTripKg
        return result
    }

    /// Trailers a drop-and-swap station keeps parked: one always there, grossed up by the fleet's
    /// availability (the same accounting as the trailers on the road).
    static func parkedTrailers(_ dropAndSwap: Bool, _ a: Assumptions) -> Double {
        dropAndSwap ? 24 / (24 * a.road.fleetAvailabilityPct / 100) : 0
    }

    /// What the parked trailer costs a year. It does not depend on the volume or the distance:
    /// a station that takes tube trailers of one pressure class keeps one parked whatever it
    /// draws, so the planner charges it once per site and trailer class.
    static func parkedTrailerAnnualCny(_ s: Shuttle, _ a: Assumptions) -> Double {
        parkedTrailers(true, a) * annualOwnershipCost(capex: s.trailerCapexCny, ratePct: a.finance.discountRatePct,
                                                      lifeYears: s.trailerLifeYears, fixedOmPct: a.road.vehicleFixedOmPct)
    }

    /// The parked trailer's annual cost for a delivery mode; 0 for modes without drop-and-swap.
    public static func parkedTrailerAnnualCny(_ mode: DeliveryMode, _ a: Assumptions) -> Double {
        switch mode {
        case .tubeTrailer20: return parkedTrailerAnnualCny(tubeTrailerShuttle(a.tubeTrailer20, a), a)
        case .tubeTrailer30: return parkedTrailerAnnualCny(tubeTrailerShuttle(a.tubeTrailer30, a), a)
        case .tubeTrailer50: return parkedTrailerAnnualCny(tubeTrailerShuttle(a.tubeTrailer50, a), a)
        default: return 0
        }
    }

    static func tubeTrailerShuttle(_ t: TubeTrailerInputs, _ a: Assumptions) -> Shuttle {
        // The heel left at the residual pressure returns to the source unused.
        let deliverableFraction = 1 - t.densityAtResidualPressureKgPerM3 / t.densityAtFullPressureKgPerM3
        return Shuttle(deliveredPerTripKg: t.grossPayloadKg * deliverableFraction, trailerCapexCny: t.capexEur * a.finance.cnyPerEur,
                       trailerLifeYears: t.lifeYears, dropAndSwap: true)
    }

    /// Compression at the source (capital sized by the filling hours, electricity at the grid
    /// price), as CNY per kg compressed, and the energy in kWh per kg.
    static func sourceCompression(fromMpa: Double, toMpa: Double, _ a: Assumptions) -> (cnyPerKg: Double, kwhPerKg: Double) {
        let c = a.compression
        let kwh = c.energyKwhPerKg(fromMpa: fromMpa, toMpa: toMpa)
        // A compressor of P kW fills P / kWh-per-kg × hours kilograms a day.
        let capitalPerKg = annualOwnershipCost(capex: c.compressorCapexCnyPerKw, ratePct: a.finance.discountRatePct,
                                               lifeYears: c.compressorLifeYears, fixedOmPct: c.compressorFixedOmPct)
            * kwh / c.fillingHoursPerDay / 365
        return (capitalPerKg + kwh * a.electricity.gridPriceCnyPerKwh, kwh)
    }

    static func tubeTrailer(_ t: TubeTrailerInputs, distanceKm: Double, kgPerDay: Double, sourceOutletMpa: Double,
                            _ a: Assumptions) -> DeliveryResult {
        let shuttle = tubeTrailerShuttle(t, a)
        var result = roadShuttle(shuttle, distanceKm: distanceKm, kgPerDay: kgPerDay, a)
        // Filling compresses from the source outlet to full pressure; the returning heel is
        // already at the residual pressure, so only the delivered part is compressed from the
        // outlet (a conservative simplification: the heel's top-up is ignored).
        let compression = sourceCompression(fromMpa: sourceOutletMpa, toMpa: t.fullPressureMpa, a)
        result.conditioningCnyPerKg = compression.cnyPerKg
        result.compressionAtSourceKwhPerKg = compression.kwhPerKg
        result.conditioningKwhPerKg = compression.kwhPerKg
        result.trailerPressures = (t.fullPressureMpa, t.residualPressureMpa)
        return result
    }

    /// A liquefier of `kgPerDay`: capital per kW of hydrogen (LHV) at the reference plant, scaled
    /// with the exponent, as an annuity plus fixed O&M, CNY a year.
    public static func liquefierAnnualCny(kgPerDay: Double, _ a: Assumptions) -> Double {
        let l = a.liquid
        let lhvKwhPerKg = 33.33
        let referenceKgPerHour = l.liquefactionReferenceTonnesPerDay * 1000 / 24
        let referenceCapex = l.liquefactionCapexEurPerKwH2 * a.finance.cnyPerEur * lhvKwhPerKg * referenceKgPerHour
        let plantCapex = referenceCapex * _pow(kgPerDay / 1000 / l.liquefactionReferenceTonnesPerDay, l.liquefierScaleExponent)
        return annualOwnershipCost(capex: plantCapex, ratePct: a.finance.discountRatePct, lifeYears: l.liquefierLifeYears, fixedOmPct: l.liquefierFixedOmPct)
    }

    /// kg/day a station receiving by `mode` loses in its own tank whatever it dispenses (a
    /// liquid tank half full on average boils off half a load's daily loss); 0 for other modes.
    public static func stationTankLossKgPerDay(_ mode: DeliveryMode, _ a: Assumptions) -> Double {
        mode == .liquid ? a.liquid.boilOffPctPerDay / 100 * a.liquid.trailerPayloadKg / 2 : 0
    }

    static func liquidHydrogen(distanceKm: Double, kgPerDay: Double, _ a: Assumptions) -> DeliveryResult {
        let l = a.liquid
        // The merchant liquefier of `liquefier_t_per_day` running full; the planner sizes one to
        // what a source routes through it instead (`liquefierAnnualCny`).
        let capitalPerKg = liquefierAnnualCny(kgPerDay: l.liquefierTonnesPerDay * 1000, a) / (l.liquefierTonnesPerDay * 1000 * 365)
        let liquefactionPerKg = capitalPerKg + l.liquefactionEnergyKwhPerKg * a.electricity.gridPriceCnyPerKwh

        // Boil-off: a share of each load during the one-way trip, and in the station's tank a
        // steady loss of half a load's boil-off a day (the tank is half full on average),
        // whatever is drawn: the station must be sent that much more.
        let tripDays = distanceKm / a.road.averageSpeedKmPerH / 24
        let tripLoss = min(0.5, l.boilOffPctPerDay / 100 * tripDays)
        let tankLossKgPerDay = stationTankLossKgPerDay(.liquid, a)
        let deliveredKgPerDay = kgPerDay + tankLossKgPerDay
        let liquefiedKgPerDay = deliveredKgPerDay / (1 - tripLoss)
        let liquefactionLoss = l.liquefactionLossPct / 100
        let shuttle = Shuttle(deliveredPerTripKg: l.trailerPayloadKg * (1 - tripLoss),
                              trailerCapexCny: l.trailerCapexMcny * 1e6, trailerLifeYears: l.trailerLifeYears, dropAndSwap: false)
        var result = roadShuttle(shuttle, distanceKm: distanceKm, kgPerDay: deliveredKgPerDay, a)
        // Per kg dispensed: the trucking of what is delivered, the liquefaction of what is
        // liquefied (more than is dispensed).
        result.transportCnyPerKg *= deliveredKgPerDay / kgPerDay
        result.conditioningCnyPerKg = liquefactionPerKg * liquefiedKgPerDay / kgPerDay
        result.conditioningKwhPerKg = l.liquefactionEnergyKwhPerKg * liquefiedKgPerDay / kgPerDay
        result.centralPlantCapitalCnyPerKg = capitalPerKg * liquefiedKgPerDay / kgPerDay
        result.lossFraction = 1 - kgPerDay / (liquefiedKgPerDay / (1 - liquefactionLoss))
        result.stationInletMpa = nil
        return result
    }

    static func pipeline(distanceKm: Double, kgPerDay: Double, sourceOutletMpa: Double, _ a: Assumptions) -> DeliveryResult {
        let p = a.pipeline
        let tonnesPerYear = kgPerDay * 365 / 1000
        let perKm = max(p.minimumCapexMcnyPerKm, p.capexMcnyPerKm * _pow(tonnesPerYear / p.referenceCapacityTonnesPerYear, p.scaleExponent))
        let capex = perKm * 1e6 * distanceKm
        var result = DeliveryResult()
        result.transportCnyPerKg = annualOwnershipCost(capex: capex, ratePct: a.finance.discountRatePct, lifeYears: p.lifeYears, fixedOmPct: p.fixedOmPct)
            / (kgPerDay * 365)
        let compression = sourceCompression(fromMpa: sourceOutletMpa, toMpa: p.operatingPressureMpa, a)
        result.conditioningCnyPerKg = compression.cnyPerKg
        result.compressionAtSourceKwhPerKg = compression.kwhPerKg
        result.conditioningKwhPerKg = compression.kwhPerKg
        result.stationInletMpa = p.operatingPressureMpa
        return result
    }

    /// A carrier's road tanker (ammonia, methanol, LOHC): a load yields the hydrogen its
    /// reconversion releases from it; the station takes the hydrogen at the plant's outlet.
    static func carrierTanker(_ p: CarrierProcess, distanceKm: Double, kgPerDay: Double, _ a: Assumptions) -> DeliveryResult {
        let hydrogenEquivalentPerTrip = p.tankerPayloadTonnes * 1000 / p.feedKgPerKgH2
        let shuttle = Shuttle(deliveredPerTripKg: hydrogenEquivalentPerTrip, trailerCapexCny: p.tankerCapexCny,
                              trailerLifeYears: p.tankerLifeYears, dropAndSwap: false,
                              extraStopHours: p.returnsLoaded ? a.road.loadingUnloadingHours : 0)
        var result = roadShuttle(shuttle, distanceKm: distanceKm, kgPerDay: kgPerDay, a)
        result.stationInletMpa = p.outletPressureMpa
        return result
    }
}
