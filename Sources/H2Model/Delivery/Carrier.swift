// Hydrogen carriers (issue 13): a chemical form hydrogen travels in. A carrier is converted at
// the source (synthesis, hydrogenation, or nothing when it is bought), carried by road tanker,
// and reconverted to fuel-cell-grade hydrogen at a hub or at the station (cracking, reforming,
// dehydrogenation). Everything the rest of the model needs about a carrier is here: its
// pathways and tanker are generated from `Carrier.all`, and its numbers come from its own
// catalogue section through `process`. Adding a carrier = one value below, its inputs and
// catalogue rows, and tests.

/// Where a carrier is turned back into hydrogen.
public enum ReconversionSite: String, Sendable, Hashable {
    case hub, station
}

/// A carrier's numbers under one set of assumptions, per kg of hydrogen released by the
/// reconversion plant (after its purification).
public struct CarrierProcess: Sendable, Equatable {
    /// Carrier fed to the reconversion plant per kg of hydrogen it releases (includes carrier
    /// burnt for heat and the purification loss); sets the hydrogen a tanker load yields.
    public var feedKgPerKgH2 = 0.0

    // Conversion at the source (or the carrier's purchase).
    /// Feedstock: the carrier bought, or the hydrogen and CO₂ it is made from (production item).
    public var feedstockCnyPerKgH2 = 0.0
    /// Upstream emissions of the feedstock (negative for CO₂ bound from a captured stream).
    public var feedstockCo2KgPerKgH2 = 0.0
    /// Synthesis or hydrogenation at the source: plant, energy, heat credit (conditioning item).
    public var conversionCnyPerKgH2 = 0.0
    public var conversionCo2KgPerKgH2 = 0.0

    // Road tanker.
    public var tankerPayloadTonnes = 0.0
    /// Tanker price, with the carrier inventory it holds when the carrier circulates (LOHC).
    public var tankerCapexCny = 0.0
    public var tankerLifeYears = 0.0
    /// The tanker returns loaded (the spent carrier goes back to the source): a second
    /// load-and-unload stop per trip.
    public var returnsLoaded = false

    // Reconversion plant, scaled from its 1 t H₂/day cost with an exponent.
    public var plantCapexMcnyAt1TonnePerDay = 0.0
    public var plantScaleExponent = 0.0
    public var plantFixedOmPct = 0.0
    public var plantLifeYears = 0.0
    /// Size of a merchant hub plant (its capital per kg is that of a plant this size running full).
    public var hubTonnesPerDay = 0.0
    /// Grid electricity of the plant and its purification, kWh per kg H₂.
    public var electricityKwhPerKgH2 = 0.0
    /// Other running costs: bought heat fuel, process water, carrier make-up.
    public var otherRunningCnyPerKgH2 = 0.0
    /// CO₂ released by the plant: the carrier's carbon (reforming) and the heat fuel burnt.
    public var processCo2KgPerKgH2 = 0.0
    public var outletPressureMpa = 0.0

    /// Sets the road tanker's numbers (each carrier takes them from its own catalogue section).
    mutating func setTanker(payloadTonnes: Double, capexCny: Double, lifeYears: Double) {
        tankerPayloadTonnes = payloadTonnes; tankerCapexCny = capexCny; tankerLifeYears = lifeYears
    }

    /// Sets the reconversion plant's numbers.
    mutating func setPlant(capexMcnyAt1TonnePerDay: Double, scaleExponent: Double, fixedOmPct: Double, lifeYears: Double,
                           hubTonnesPerDay: Double, electricityKwhPerKgH2: Double, outletPressureMpa: Double) {
        plantCapexMcnyAt1TonnePerDay = capexMcnyAt1TonnePerDay; plantScaleExponent = scaleExponent
        plantFixedOmPct = fixedOmPct; plantLifeYears = lifeYears; self.hubTonnesPerDay = hubTonnesPerDay
        self.electricityKwhPerKgH2 = electricityKwhPerKgH2; self.outletPressureMpa = outletPressureMpa
    }
}

/// One carrier: its names and how its numbers follow from the assumptions.
public struct Carrier: Sendable, Hashable, CustomStringConvertible {
    /// Lower-case id, the prefix of its pathway and tanker names (`ammonia` → `ammonia-tanker`).
    public let id: String
    /// The reconversion step in pathway names: `ammonia-cracking-hub`.
    public let reconversion: String
    /// Words for messages: "ammonia", "cracked", "cracker".
    public let name: String
    /// The name with its indefinite article, for messages: "an ammonia".
    public let articleName: String
    public let reconvertedWord: String
    public let plantWord: String
    public let hubSummary: String
    public let stationSummary: String
    public let tankerSummary: String
    /// Chinese names of the hub pathway, the station pathway and the tanker (maps, charts).
    public let chineseNames: (hub: String, station: String, tanker: String)
    /// Map colours of the hub and station pathways, and the tanker line colour.
    public let colours: (hub: String, station: String, tanker: String)
    /// The planner sizes this carrier's hub plant to what is routed through it (ammonia's hub
    /// cracker; other carriers' hubs are merchant plants of `hubTonnesPerDay` running full).
    public let plannerSizesHub: Bool
    let numbers: @Sendable (Assumptions) -> CarrierProcess

    public func process(_ a: Assumptions) -> CarrierProcess { numbers(a) }

    public var description: String { id }
    public static func == (x: Carrier, y: Carrier) -> Bool { x.id == y.id }
    public func hash(into h: inout Hasher) { h.combine(id) }

    public var hubPathway: ProductionPathway { ProductionPathway(carrier: self, site: .hub) }
    public var stationPathway: ProductionPathway { ProductionPathway(carrier: self, site: .station) }
    public var tanker: DeliveryMode { DeliveryMode(tankerOf: self) }

    /// Every carrier, in the order pathways are listed.
    public static let all: [Carrier] = [.ammonia, .methanol, .lohc]
}

// MARK: the carriers

extension Carrier {
    /// Liquid ammonia bought and cracked (heat and power from the ammonia itself).
    public static let ammonia = Carrier(
        id: "ammonia", reconversion: "cracking", name: "ammonia", articleName: "an ammonia", reconvertedWord: "cracked", plantWord: "cracker",
        hubSummary: "ammonia bought and cracked at a regional hub, then delivered as hydrogen",
        stationSummary: "ammonia delivered by road tanker and cracked at the station",
        tankerSummary: "liquid ammonia by road tanker (station cracking)",
        chineseNames: ("氨分解制氢（枢纽）", "氨分解制氢（站内）", "液氨槽车"),
        colours: ("#7b3294", "#c2a5cf", "#7b3294"),
        plannerSizesHub: true,
        numbers: { a in
            let n = a.ammonia
            var p = CarrierProcess()
            p.feedKgPerKgH2 = n.crackerNh3KgPerKgH2
            p.feedstockCnyPerKgH2 = n.crackerNh3KgPerKgH2 * n.priceCnyPerTonne / 1000
            let green = n.greenSharePct / 100
            p.feedstockCo2KgPerKgH2 = n.crackerNh3KgPerKgH2
                * ((1 - green) * a.emissions.greyAmmoniaKgPerKg + green * a.emissions.greenAmmoniaKgPerKg)
            p.setTanker(payloadTonnes: a.ammoniaTanker.payloadTonnes, capexCny: a.ammoniaTanker.capexMcny * 1e6, lifeYears: a.ammoniaTanker.lifeYears)
            p.setPlant(capexMcnyAt1TonnePerDay: n.crackerCapexMcnyAt1TonnePerDay, scaleExponent: n.crackerScaleExponent,
                       fixedOmPct: n.crackerFixedOmPct, lifeYears: n.crackerLifeYears, hubTonnesPerDay: n.hubCrackerTonnesPerDay,
                       electricityKwhPerKgH2: n.crackerElectricityKwhPerKg, outletPressureMpa: n.crackerOutletPressureMpa)
            return p
        })

    /// Methanol bought at the market price (or made from by-product hydrogen and captured CO₂)
    /// and steam-reformed (CH₃OH + H₂O → CO₂ + 3 H₂), the heat from methanol and PSA tail gas.
    public static let methanol = Carrier(
        id: "methanol", reconversion: "reforming", name: "methanol", articleName: "a methanol", reconvertedWord: "reformed", plantWord: "reformer",
        hubSummary: "methanol bought (or made from by-product hydrogen and CO2) and steam-reformed at a regional hub, then delivered as hydrogen",
        stationSummary: "methanol delivered by road tanker and steam-reformed at the station (reformer + PSA)",
        tankerSummary: "methanol by road tanker (station reforming)",
        chineseNames: ("甲醇重整制氢（枢纽）", "甲醇重整制氢（站内）", "甲醇槽车"),
        colours: ("#1b7837", "#a6dba0", "#1b7837"),
        plannerSizesHub: false,
        numbers: { a in
            let m = a.methanol
            let e = a.emissions
            let feed = m.reformerMethanolKgPerKgH2
            var p = CarrierProcess()
            p.feedKgPerKgH2 = feed
            if m.madeFromByproduct >= 0.5 {
                // Synthesis CO₂ + 3 H₂ → CH₃OH + H₂O from by-product hydrogen and captured CO₂:
                // the CO₂ bound is a credit here and released again at the reformer.
                let perKgMethanol = m.synthesisH2KgPerKg * a.byproduct.gatePriceCnyPerKg + m.synthesisCo2KgPerKg * m.co2PriceCnyPerTonne / 1000
                p.feedstockCnyPerKgH2 = feed * perKgMethanol
                p.feedstockCo2KgPerKgH2 = feed * (m.synthesisH2KgPerKg * CarbonIntensity.byproductKgPerKg(a) - m.synthesisCo2KgPerKg)
                // Capital per kg of capacity a year (CNY per t/yr ÷ 1000), the plant running full.
                let capitalPerKgMethanol = annualOwnershipCost(capex: m.synthesisCapexCnyPerTonnePerYear / 1000, ratePct: a.finance.discountRatePct,
                                                               lifeYears: m.synthesisLifeYears, fixedOmPct: m.synthesisFixedOmPct)
                p.conversionCnyPerKgH2 = feed * (capitalPerKgMethanol + m.synthesisElectricityKwhPerKg * a.electricity.gridPriceCnyPerKwh)
                p.conversionCo2KgPerKgH2 = feed * m.synthesisElectricityKwhPerKg * e.gridKgPerKwh
            } else {
                p.feedstockCnyPerKgH2 = feed * m.priceCnyPerTonne / 1000
                p.feedstockCo2KgPerKgH2 = feed * e.methanolUpstreamKgPerKg
            }
            p.setTanker(payloadTonnes: m.tankerPayloadTonnes, capexCny: m.tankerCapexMcny * 1e6, lifeYears: m.tankerLifeYears)
            p.setPlant(capexMcnyAt1TonnePerDay: m.reformerCapexMcnyAt1TonnePerDay, scaleExponent: m.reformerScaleExponent,
                       fixedOmPct: m.reformerFixedOmPct, lifeYears: m.reformerLifeYears, hubTonnesPerDay: m.hubReformerTonnesPerDay,
                       electricityKwhPerKgH2: m.reformerElectricityKwhPerKg, outletPressureMpa: m.reformerOutletPressureMpa)
            p.otherRunningCnyPerKgH2 = m.reformerWaterKgPerKgH2 * a.electrolysis.waterPriceCnyPerTonne / 1000
            // Every carbon atom fed (reacted or burnt for heat) leaves as CO₂: 44.01/32.042 kg per kg.
            p.processCo2KgPerKgH2 = feed * CarbonIntensity.co2PerKgMethanol
            return p
        })

    /// Liquid organic hydrogen carrier (dibenzyltoluene): hydrogenated at the source with
    /// by-product hydrogen, carried at its hydrogen capacity, dehydrogenated with heat from a
    /// natural-gas boiler (or from burning part of the hydrogen released), and returned.
    public static let lohc = Carrier(
        id: "lohc", reconversion: "dehydrogenation", name: "LOHC", articleName: "an LOHC", reconvertedWord: "dehydrogenated", plantWord: "dehydrogenation unit",
        hubSummary: "by-product hydrogen bound to an organic carrier (dibenzyltoluene), released at a regional hub, then delivered as hydrogen",
        stationSummary: "organic carrier (dibenzyltoluene) delivered by road tanker and dehydrogenated at the station",
        tankerSummary: "LOHC by road tanker, spent carrier returned (station dehydrogenation)",
        chineseNames: ("有机液体储氢（枢纽脱氢）", "有机液体储氢（站内脱氢）", "有机液体储氢槽车"),
        colours: ("#8c510a", "#dfc27d", "#8c510a"),
        plannerSizesHub: false,
        numbers: { a in
            let l = a.lohc
            let e = a.emissions
            let lhv = CarbonIntensity.hydrogenLhvKwhPerKg
            // Heat of dehydrogenation: from natural gas, or from the hydrogen released (then
            // more must be released per kg delivered).
            let heatFromHydrogen = l.heatFromHydrogen >= 0.5
            let burnt = heatFromHydrogen ? l.dehydrogenationHeatKwhPerKg / (l.boilerEfficiencyPct / 100) / lhv : 0
            let released = 1 + burnt
            let boundPerKgCarrier = l.capacityWtPct / 100 * l.releasedPct / 100
            var p = CarrierProcess()
            p.feedKgPerKgH2 = released / boundPerKgCarrier
            // Hydrogen bought per kg delivered (what is not released stays bound and returns).
            p.feedstockCnyPerKgH2 = released * a.byproduct.gatePriceCnyPerKg
            p.feedstockCo2KgPerKgH2 = released * CarbonIntensity.byproductKgPerKg(a)
            // Hydrogenation plant at the source, merchant size, running full; its heat
            // recovered as steam displaces natural-gas heat.
            let plantKgPerDay = l.hydrogenationTonnesPerDay * 1000
            let capex = l.hydrogenationCapexMcnyAt1TonnePerDay * 1e6 * _pow(l.hydrogenationTonnesPerDay, l.plantScaleExponent)
            let capitalPerKg = annualOwnershipCost(capex: capex, ratePct: a.finance.discountRatePct, lifeYears: l.plantLifeYears,
                                                   fixedOmPct: l.plantFixedOmPct) / (plantKgPerDay * 365)
            let recoveredKwh = l.hydrogenationHeatKwhPerKg * l.heatRecoveredPct / 100
            let gasHeatPrice = a.fuel.naturalGasPriceCnyPerNm3 / a.fuel.naturalGasLhvKwhPerNm3 / (l.boilerEfficiencyPct / 100)
            let gasHeatCo2 = e.naturalGasKgPerNm3 / a.fuel.naturalGasLhvKwhPerNm3 / (l.boilerEfficiencyPct / 100)
            p.conversionCnyPerKgH2 = released * (capitalPerKg + l.hydrogenationElectricityKwhPerKg * a.electricity.gridPriceCnyPerKwh
                                                 - recoveredKwh * gasHeatPrice)
            p.conversionCo2KgPerKgH2 = released * (l.hydrogenationElectricityKwhPerKg * e.gridKgPerKwh - recoveredKwh * gasHeatCo2)
            // The tanker carries its load of carrier, capital that circulates with it.
            p.setTanker(payloadTonnes: l.tankerPayloadTonnes, capexCny: l.tankerCapexMcny * 1e6 + l.tankerPayloadTonnes * 1000 * l.carrierPriceCnyPerKg,
                        lifeYears: l.tankerLifeYears)
            p.returnsLoaded = true
            p.setPlant(capexMcnyAt1TonnePerDay: l.dehydrogenationCapexMcnyAt1TonnePerDay, scaleExponent: l.plantScaleExponent,
                       fixedOmPct: l.plantFixedOmPct, lifeYears: l.plantLifeYears, hubTonnesPerDay: l.hubDehydrogenationTonnesPerDay,
                       electricityKwhPerKgH2: l.dehydrogenationElectricityKwhPerKg, outletPressureMpa: l.outletPressureMpa)
            let makeUpKg = p.feedKgPerKgH2 * l.carrierLossPctPerCycle / 100
            p.otherRunningCnyPerKgH2 = makeUpKg * l.carrierPriceCnyPerKg
                + (heatFromHydrogen ? 0 : l.dehydrogenationHeatKwhPerKg * gasHeatPrice)
            p.processCo2KgPerKgH2 = makeUpKg * e.lohcCarrierKgPerKg
                + (heatFromHydrogen ? 0 : l.dehydrogenationHeatKwhPerKg * gasHeatCo2)
            return p
        })
}
