// `h2corridor cost`: itemised ¥/kg at the nozzle for one supply chain, or every feasible
// pathway side by side (`--compare`).
import ArgumentParser
import H2IO
import H2Model

extension ProductionPathway: ExpressibleByArgument {}
extension DeliveryMode: ExpressibleByArgument {}
extension FinanceMode: ExpressibleByArgument {}

struct Cost: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Itemised cost of hydrogen at the nozzle (CNY/kg) for one supply chain, or a comparison of all.",
        discussion: """
        Options not given come from the scenario's [cost] table, then from the catalogue. The CSV has \
        one row per cost item (item,cny_per_kg,co2_kg_per_kg,share_pct) and a last row `total`: the \
        carbon intensity (kg CO2e per kg at the nozzle) stands beside the cost of the step that emits it \
        (station electricity under `energy`, reconversion under `cracking`); a summary of the \
        physical quantities behind it goes to stderr.

        Examples:
          h2corridor cost --production byproduct --delivery tube-trailer-20 \\
            --distance-km 100 --station-kg-per-day 500 --utilisation 0.8
          h2corridor cost --production onsite-electrolysis --delivery none \\
            --station-kg-per-day 1000 --set electricity.grid_price_cny_per_kwh=0.35
          h2corridor cost --compare --distance-km 300 --station-kg-per-day 1000 \\
            --out compare.csv
          h2corridor cost --scenario none --production smr --delivery pipeline \\
            --distance-km 20 --station-kg-per-day 2000 --finance annuity
        """)

    @Option(help: ArgumentHelp("Scenario folder for the other parameters, or `none` for catalogue defaults.", valueName: "dir"), completion: .directory)
    var scenario = "Models/guizhou-2025"

    @Option(help: "Production pathway.")
    var production: ProductionPathway?

    @Option(help: "Delivery mode.")
    var delivery: DeliveryMode?

    @Option(name: .customLong("distance-km"), help: "One-way distance from the source to the station, km.")
    var distanceKm: Double?

    @Option(name: .customLong("station-kg-per-day"), help: "Station nameplate capacity, kg/day.")
    var stationKgPerDay: Double?

    @Option(name: .customLong("utilisation"), help: "Average utilisation of the nameplate capacity, as a fraction in (0, 1] (default: station.utilisation_pct).")
    var utilisationOption: Double?

    /// The American spelling, kept working for scripts written before the rename (not shown).
    @Option(name: .customLong("utilization"), help: .hidden)
    var utilizationAlias: Double?

    var utilization: Double? { utilisationOption ?? utilizationAlias }

    @Option(name: .customLong("pressure-mpa"), help: "Dispensing pressure: 35 or 70.")
    var pressureMpa: Int?

    @Option(help: "Finance convention: proforma (break-even price with taxes, the default) or annuity (capex x CRF, no tax).")
    var finance: FinanceMode = .proforma

    @Flag(help: "Compare every feasible production/delivery pair for the same distance and station, cheapest first.")
    var compare = false

    @Option(help: ArgumentHelp("Output CSV file, or - for stdout.", valueName: "file"), completion: .file())
    var out = "-"

    @OptionGroup var overrides: ScenarioOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        if let d = distanceKm, !(d >= 0 && d.isFinite) {
            throw ValidationError("--distance-km \(d): give a distance of 0 km or more")
        }
        if let d = distanceKm, d > DomainLimits.maximumKm {
            throw ValidationError("--distance-km \(formatNumber(d)): longer than \(formatNumber(DomainLimits.maximumKm)) km, more than any delivery route in China; give 0 to \(formatNumber(DomainLimits.maximumKm)) km")
        }
        if let s = stationKgPerDay, !(s > 0 && s.isFinite) {
            throw ValidationError("--station-kg-per-day \(s): give a capacity greater than 0 kg/day")
        }
        if utilisationOption != nil && utilizationAlias != nil {
            throw ValidationError("--utilisation and --utilization are the same option: give it once")
        }
        if let u = utilization, !(u > 0 && u <= 1) {
            throw ValidationError("--utilisation \(u): give a fraction in (0, 1], e.g. 0.8 for 80 %")
        }
        if let p = pressureMpa, DispensingPressure(rawValue: p) == nil {
            throw ValidationError("--pressure-mpa \(p): write 35 or 70")
        }
        if compare && (production != nil || delivery != nil) {
            throw ValidationError("--compare puts every pathway side by side: drop --production and --delivery")
        }
    }

    func run() throws {
        let loaded = try loadScenario(scenarioDirectory(scenario), overrides)
        let a = loaded.parameters.assumptions
        let d = loaded.costDefaults
        guard let distance = distanceKm ?? d.distanceKm else {
            throw usage("give --distance-km (the scenario has no cost.distance_km)")
        }
        guard let capacity = stationKgPerDay ?? d.stationKgPerDay else {
            throw usage("give --station-kg-per-day (the scenario has no cost.station_kg_per_day)")
        }
        let utilisationPct = utilization.map { $0 * 100 } ?? d.utilisationPct ?? a.station.utilisationPct
        let pressure = pressureMpa.flatMap(DispensingPressure.init(rawValue:)) ?? d.pressure ?? .mpa35

        if compare {
            try runComparison(a, loaded.parameters, distance: distance, capacity: capacity, utilisationPct: utilisationPct, pressure: pressure)
            return
        }
        guard let production = production ?? d.production else { throw usage("give --production (or use --compare)") }
        guard let delivery = delivery ?? d.delivery else { throw usage("give --delivery (or use --compare)") }
        let chain = SupplyChain(production: production, delivery: delivery, distanceKm: distance,
                                stationCapacityKgPerDay: capacity, utilisationPct: utilisationPct, pressure: pressure)
        if let problem = ChainModel.problems(chain).first {
            throw usage("--\(problem.field): \(problem.message)")
        }
        do { try NumericalGuard.check(chain, loaded.parameters, mode: finance) } catch { throw report(error, directory: loaded.directory) }
        let evaluation: ChainEvaluation
        do { evaluation = try ChainModel.evaluate(chain, a) } catch let problem as ChainProblem {
            printError("error: \(problem)")
            throw ExitCode(Exit.infeasible)
        }
        let cost: CostVector
        var proForma: ProForma? = nil
        switch finance {
        case .annuity: cost = ChainModel.annuityCost(evaluation, a)
        case .proforma:
            let result = try ChainModel.proFormaCost(evaluation, a)
            cost = result.cost
            proForma = result.proForma
        }
        var csv = CSVWriter(name: "cost", header: ["item", "cny_per_kg", "co2_kg_per_kg", "share_pct"])
        for item in CostItem.allCases {
            try csv.appendRow([.text(item.rawValue), .number(cost[item]), .number(evaluation.co2[cost: item]), .number(100 * cost[item] / cost.total)])
        }
        try csv.appendRow([.text("total"), .number(cost.total), .number(evaluation.co2.total), .number(100)])
        try writeOutput(csv.bytes(withBOM: output.bom), to: out)
        if !output.quiet {
            printError(CostReport.summary(evaluation, cost: cost, proForma: proForma, finance: finance, scenario: loaded, a))
        }
    }

    func runComparison(_ a: Assumptions, _ parameters: ParameterSet, distance: Double, capacity: Double, utilisationPct: Double,
                       pressure: DispensingPressure) throws {
        var rows: [(chain: SupplyChain, cost: CostVector, co2: Double)] = []
        var skipped: [String] = []
        for production in ProductionPathway.allCases {
            for delivery in DeliveryMode.allCases where production.incompatibility(with: delivery) == nil {
                let chain = SupplyChain(production: production, delivery: delivery, distanceKm: distance,
                                        stationCapacityKgPerDay: capacity, utilisationPct: utilisationPct, pressure: pressure)
                // An unsound number is the input's fault, not the pathway's: refuse, naming it.
                do { try NumericalGuard.check(chain, parameters, mode: finance) } catch { throw report(error, directory: scenarioDirectory(scenario)) }
                do {
                    let e = try ChainModel.evaluate(chain, a)
                    let cost = finance == .annuity ? ChainModel.annuityCost(e, a) : try ChainModel.proFormaCost(e, a).cost
                    rows.append((chain, cost, e.co2.total))
                } catch {
                    skipped.append("\(production.rawValue) + \(delivery.rawValue): \(error)")
                }
            }
        }
        // Cheapest first; ties keep the pathway order of the catalogue (deterministic).
        let ranked = rows.enumerated().sorted { ($0.element.cost.total, $0.offset) < ($1.element.cost.total, $1.offset) }.map(\.element)
        var csv = CSVWriter(name: "compare", header: ["rank", "production", "delivery", "total_cny_per_kg", "co2_kg_per_kg"]
                            + CostItem.allCases.map { "\($0.rawValue)_cny_per_kg" })
        for (rank, row) in ranked.enumerated() {
            try csv.appendRow([.integer(rank + 1), .text(row.chain.production.rawValue), .text(row.chain.delivery.rawValue),
                               .number(row.cost.total), .number(row.co2)] + CostItem.allCases.map { .number(row.cost[$0]) })
        }
        try writeOutput(csv.bytes(withBOM: output.bom), to: out)
        if !output.quiet {
            printError("compared \(ranked.count) pathways at \(formatNumber(distance)) km, \(formatNumber(capacity)) kg/day at \(formatNumber(utilisationPct)) % (\(finance.rawValue))")
            for line in skipped { printError("not feasible: \(line)") }
        }
    }

    func usage(_ message: String) -> ExitCode {
        printError("error: \(message)")
        return ExitCode(Exit.usage)
    }
}
