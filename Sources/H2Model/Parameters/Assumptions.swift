// Every numerical assumption of the cost model, in the planner's units (the unit is in each
// name). Values come from the parameter catalogue (ParameterCatalogue.swift) and overrides;
// the engine reads them from this plain struct so that an evaluation does no look-ups.

/// All assumptions of a cost evaluation. Rates are in percent (8 = 8 %), money in CNY of the
/// scenario's price year unless the name says M CNY or EUR.
public struct Assumptions: Sendable, Equatable {
    public var finance = FinanceInputs()
    public var electricity = ElectricityInputs()
    public var byproduct = ByproductInputs()
    public var compression = CompressionInputs()
    public var electrolysis = ElectrolysisInputs()
    public var reference = ReferencePathwayInputs()
    public var ammonia = AmmoniaInputs()
    public var road = RoadHaulageInputs()
    public var tubeTrailer20 = TubeTrailerInputs()
    public var tubeTrailer30 = TubeTrailerInputs()
    public var tubeTrailer50 = TubeTrailerInputs()
    public var liquid = LiquidHydrogenInputs()
    public var pipeline = PipelineInputs()
    public var ammoniaTanker = AmmoniaTankerInputs()
    public var methanol = MethanolInputs()
    public var lohc = LohcInputs()
    public var fuel = FuelInputs()
    public var emissions = EmissionInputs()
    public var station = StationInputs()
    public var policy = PolicyInputs()
    public var network = NetworkInputs()

    /// Zero-filled; the catalogue's defaults are applied by `ParameterCatalogue.defaults`.
    public init() {}
}

public struct FinanceInputs: Sendable, Equatable {
    /// Investor's required real return on equity (the pro-forma's discount rate).
    public var discountRatePct = 0.0
    /// Real social discount rate (the planner's economic appraisal, placement objective).
    public var socialDiscountRatePct = 0.0
    public var inflationPct = 0.0
    /// 1 = nominal cash flows (escalate with inflation), 0 = real.
    public var nominal = 0.0
    public var incomeTaxRatePct = 0.0
    public var vatRatePct = 0.0
    public var vatSurchargePct = 0.0
    public var debtSharePct = 0.0
    /// Nominal loan rate; the finance engine gets its real equivalent (Fisher).
    public var debtInterestRatePct = 0.0
    public var debtTenorYears = 0.0
    public var depreciationYears = 0.0
    public var lossCarryForwardYears = 0.0
    public var constructionYears = 0.0
    public var operatingYears = 0.0
    public var cnyPerEur = 0.0
    public var cnyPerUsd = 0.0
}

public struct ElectricityInputs: Sendable, Equatable {
    public var gridPriceCnyPerKwh = 0.0
    public var surplusPriceCnyPerKwh = 0.0
    /// Time-of-use tariff: the flat-period price and the multipliers and hours of each period.
    public var touFlatPriceCnyPerKwh = 0.0
    public var touPeakMultiplier = 0.0
    public var touHighPeakMultiplier = 0.0
    public var touFlatMultiplier = 0.0
    public var touValleyMultiplier = 0.0
    public var touDeepValleyMultiplier = 0.0
    public var touPeakHours = 0.0
    public var touHighPeakHours = 0.0
    public var touFlatHours = 0.0
    public var touValleyHours = 0.0
    public var touDeepValleyHours = 0.0
}

public struct ByproductInputs: Sendable, Equatable {
    /// Fuel-cell-grade hydrogen at the plant gate, purification included.
    public var gatePriceCnyPerKg = 0.0
    public var availableTonnesPerYear = 0.0
    public var outletPressureMpa = 0.0
    /// PSA electricity the gate price includes (its CO₂ only; the cost is in the price).
    public var purificationKwhPerKg = 0.0
}

public struct CompressionInputs: Sendable, Equatable {
    public var referenceEnergyKwhPerKg = 0.0
    public var referenceInletMpa = 0.0
    public var referenceOutletMpa = 0.0
    public var compressorCapexCnyPerKw = 0.0
    public var compressorFixedOmPct = 0.0
    public var compressorLifeYears = 0.0
    public var fillingHoursPerDay = 0.0
}

public struct ElectrolysisInputs: Sendable, Equatable {
    public var installedCapexCnyPerKw = 0.0
    public var electricityKwhPerKg = 0.0
    public var stackLifeHours = 0.0
    public var stackReplacementPctOfCapex = 0.0
    public var fixedOmPct = 0.0
    public var plantLifeYears = 0.0
    public var waterKgPerKg = 0.0
    public var waterPriceCnyPerTonne = 0.0
    public var fullLoadHoursGrid = 0.0
    public var fullLoadHoursSurplus = 0.0
    public var referencePlantMw = 0.0
    public var scaleExponent = 0.0
    public var outletPressureMpa = 0.0
    public var bufferStorageCapexCnyPerKg = 0.0
    public var touMinimumHoursPerDay = 0.0
}

public struct ReferencePathwayInputs: Sendable, Equatable {
    public var coalPriceCnyPerNm3 = 0.0
    public var smrPriceCnyPerNm3 = 0.0
    public var outletPressureMpa = 0.0
    /// Energy flows of the reference pathways, for their carbon intensity only.
    public var smrNaturalGasNm3PerKg = 0.0
    public var coalKgcePerKg = 0.0
}

public struct AmmoniaInputs: Sendable, Equatable {
    public var priceCnyPerTonne = 0.0
    public var crackerNh3KgPerKgH2 = 0.0
    public var crackerCapexMcnyAt1TonnePerDay = 0.0
    public var crackerScaleExponent = 0.0
    public var crackerFixedOmPct = 0.0
    public var crackerLifeYears = 0.0
    public var crackerElectricityKwhPerKg = 0.0
    public var hubCrackerTonnesPerDay = 0.0
    public var crackerOutletPressureMpa = 0.0
    /// Share of green ammonia in what is bought (its emission factor only).
    public var greenSharePct = 0.0
}

/// What every road delivery (tube trailer, liquid-hydrogen trailer, ammonia tanker) shares.
public struct RoadHaulageInputs: Sendable, Equatable {
    public var averageSpeedKmPerH = 0.0
    public var loadingUnloadingHours = 0.0
    public var crewPerTruck = 0.0
    public var driverCostCnyPerYear = 0.0
    public var driverHoursPerYear = 0.0
    public var dieselPriceCnyPerL = 0.0
    public var tractorDieselLPer100km = 0.0
    public var tollCnyPerKm = 0.0
    public var trailerFillingHours = 0.0
    public var tractorCapexMcny = 0.0
    public var tractorLifeYears = 0.0
    public var vehicleFixedOmPct = 0.0
    public var fleetAvailabilityPct = 0.0
}

public struct TubeTrailerInputs: Sendable, Equatable {
    public var fullPressureMpa = 0.0
    public var grossPayloadKg = 0.0
    /// Hydrogen density at full pressure (15 °C); with the residual density it sets the heel.
    public var densityAtFullPressureKgPerM3 = 0.0
    public var residualPressureMpa = 0.0
    public var densityAtResidualPressureKgPerM3 = 0.0
    public var capexEur = 0.0
    public var lifeYears = 0.0
}

public struct LiquidHydrogenInputs: Sendable, Equatable {
    public var liquefactionEnergyKwhPerKg = 0.0
    public var liquefactionCapexEurPerKwH2 = 0.0
    public var liquefactionReferenceTonnesPerDay = 0.0
    public var liquefierTonnesPerDay = 0.0
    public var liquefierScaleExponent = 0.0
    public var liquefactionLossPct = 0.0
    public var liquefierFixedOmPct = 0.0
    public var liquefierLifeYears = 0.0
    public var trailerPayloadKg = 0.0
    public var trailerCapexMcny = 0.0
    public var trailerLifeYears = 0.0
    public var boilOffPctPerDay = 0.0
    public var stationPumpKwhPerKg = 0.0
}

public struct PipelineInputs: Sendable, Equatable {
    public var capexMcnyPerKm = 0.0
    public var referenceCapacityTonnesPerYear = 0.0
    public var scaleExponent = 0.0
    public var minimumCapexMcnyPerKm = 0.0
    public var fixedOmPct = 0.0
    public var lifeYears = 0.0
    public var operatingPressureMpa = 0.0
}

public struct AmmoniaTankerInputs: Sendable, Equatable {
    public var payloadTonnes = 0.0
    public var capexMcny = 0.0
    public var lifeYears = 0.0
}

public struct StationInputs: Sendable, Equatable {
    public var capexReferenceMcny = 0.0
    public var capexReferenceKgPerDay = 0.0
    public var capexScaleExponent = 0.0
    public var capex70MpaMultiplier = 0.0
    public var landMcny = 0.0
    public var landAmortisationYears = 0.0
    /// Equipment O&M, % of capex per year; staff is `staffFte` × `staffCostCnyPerFteYear`.
    public var fixedOmPct = 0.0
    public var staffFte = 0.0
    public var staffCostCnyPerFteYear = 0.0
    public var equipmentLifeYears = 0.0
    public var storagePressureFor35MpaMpa = 0.0
    public var storagePressureFor70MpaMpa = 0.0
    public var precoolingKwhPerKg = 0.0
    public var utilisationPct = 0.0
    public var maximumUtilisationPct = 0.0
}

public struct PolicyInputs: Sendable, Equatable {
    public var constructionSubsidyMcny = 0.0
    public var operatingSubsidyInitialCnyPerKg = 0.0
    public var operatingSubsidyInitialYears = 0.0
    public var operatingSubsidyLaterCnyPerKg = 0.0
    public var operatingSubsidyLaterYears = 0.0
    public var retailPriceCnyPerKg = 0.0
}

public struct NetworkInputs: Sendable, Equatable {
    /// Multiplier on the length of every low-confidence edge (edges.csv `confidence` = low).
    public var lowConfidenceKmFactor = 0.0
}

/// Methanol as a carrier (Delivery/Carrier.swift): bought or synthesised, tanker, reformer.
public struct MethanolInputs: Sendable, Equatable {
    public var priceCnyPerTonne = 0.0
    /// 1 = made from by-product hydrogen and captured CO₂ at the source, 0 = bought.
    public var madeFromByproduct = 0.0
    public var synthesisH2KgPerKg = 0.0
    public var synthesisCo2KgPerKg = 0.0
    public var co2PriceCnyPerTonne = 0.0
    public var synthesisElectricityKwhPerKg = 0.0
    public var synthesisCapexCnyPerTonnePerYear = 0.0
    public var synthesisFixedOmPct = 0.0
    public var synthesisLifeYears = 0.0
    public var reformerMethanolKgPerKgH2 = 0.0
    public var reformerWaterKgPerKgH2 = 0.0
    public var reformerElectricityKwhPerKg = 0.0
    public var reformerCapexMcnyAt1TonnePerDay = 0.0
    public var reformerScaleExponent = 0.0
    public var reformerFixedOmPct = 0.0
    public var reformerLifeYears = 0.0
    public var hubReformerTonnesPerDay = 0.0
    public var reformerOutletPressureMpa = 0.0
    public var tankerPayloadTonnes = 0.0
    public var tankerCapexMcny = 0.0
    public var tankerLifeYears = 0.0
}

/// A liquid organic hydrogen carrier (dibenzyltoluene) (Delivery/Carrier.swift).
public struct LohcInputs: Sendable, Equatable {
    public var capacityWtPct = 0.0
    public var releasedPct = 0.0
    public var carrierPriceCnyPerKg = 0.0
    public var carrierLossPctPerCycle = 0.0
    public var hydrogenationCapexMcnyAt1TonnePerDay = 0.0
    public var hydrogenationTonnesPerDay = 0.0
    public var hydrogenationElectricityKwhPerKg = 0.0
    public var hydrogenationHeatKwhPerKg = 0.0
    public var heatRecoveredPct = 0.0
    public var dehydrogenationHeatKwhPerKg = 0.0
    /// 1 = the dehydrogenation heat comes from burning released hydrogen, 0 = natural gas.
    public var heatFromHydrogen = 0.0
    public var boilerEfficiencyPct = 0.0
    public var dehydrogenationElectricityKwhPerKg = 0.0
    public var dehydrogenationCapexMcnyAt1TonnePerDay = 0.0
    public var plantScaleExponent = 0.0
    public var plantFixedOmPct = 0.0
    public var plantLifeYears = 0.0
    public var hubDehydrogenationTonnesPerDay = 0.0
    public var outletPressureMpa = 0.0
    public var tankerPayloadTonnes = 0.0
    public var tankerCapexMcny = 0.0
    public var tankerLifeYears = 0.0
}

/// Fuels bought for process heat.
public struct FuelInputs: Sendable, Equatable {
    public var naturalGasPriceCnyPerNm3 = 0.0
    public var naturalGasLhvKwhPerNm3 = 0.0
}

/// Emission factors of the carbon intensity (Chain/CarbonIntensity.swift), kg CO₂e.
public struct EmissionInputs: Sendable, Equatable {
    public var gridKgPerKwh = 0.0
    public var surplusPowerKgPerKwh = 0.0
    public var dieselKgPerL = 0.0
    public var naturalGasKgPerNm3 = 0.0
    public var coalKgPerKgce = 0.0
    public var methanolUpstreamKgPerKg = 0.0
    public var greyAmmoniaKgPerKg = 0.0
    public var greenAmmoniaKgPerKg = 0.0
    public var lohcCarrierKgPerKg = 0.0
    /// T/CAB 0078-2020 grade thresholds.
    public var tcabLowCarbonKgPerKg = 0.0
    public var tcabCleanKgPerKg = 0.0
}
