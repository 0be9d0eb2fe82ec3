// The result tables of a `run` (DESIGN §3): summary, stations, supply, coverage, itemised cost
// breakdown, cash flows and the manifest. Stable row order: stations and fleets in file order.
import H2Model

public enum PlanResults {
    public static func summary(_ plan: CorridorPlan, _ s: PlanningScenario, scenario: Scenario, retailPriceCnyPerKg: Double) throws(OutputError) -> CSVWriter {
        let settings = s.settings
        var csv = CSVWriter(name: "summary.csv", header: [
            "scenario", "status", "relative_gap", "periods", "final_period", "stations", "total_capacity_kg_per_day", "demand_kg_per_day",
            "served_kg_per_day", "vehicles", "network_average_cny_per_kg", "network_average_before_tax_cny_per_kg",
            "optimiser_cost_cny", "recosted_cost_cny", "recost_difference_pct", "approximation_error_pct",
            "plan_vehicles", "plan_stations", "plan_capacity_kg_per_day", "uncovered_flows", "unserved_fleets",
            "retail_price_cny_per_kg", "stations_profitable_at_retail", "total_trailer_km_per_day",
            "network_co2_kg_per_kg", "co2_grade", "tcab_clean_co2_kg_per_kg", "tcab_low_carbon_co2_kg_per_kg",
            "carbon_price_cny_per_t", "carbon_charge_cny", "max_co2_kg_per_kg",
        ])
        let a = scenario.parameters.assumptions
        // Carbon intensity at the nozzle, kg-weighted like the network average; graded under
        // T/CAB 0078-2020 (thresholds from the catalogue, emissions.tcab_*).
        let co2 = try? plan.averageCo2(a).total
        let grade = co2.map { HydrogenGrade.of($0, renewable: plan.isRenewable, a).rawValue } ?? ""
        // The carbon price and cap the plan was optimised under (the charge is in both costs
        // above, not in the nozzle prices).
        let carbon: [CSVCell] = [.optional(co2), .text(grade), .number(a.emissions.tcabCleanKgPerKg), .number(a.emissions.tcabLowCarbonKgPerKg),
                                 .number(plan.carbonPriceCnyPerTonne), .number(plan.carbonChargeCny), .optional(plan.maximumCo2KgPerKg)]
        let profitable = StationReturns.profitableStationCount(plan, retailPriceCnyPerKg: retailPriceCnyPerKg)
        let final = plan.last
        let finalYear = final?.period.year ?? settings.designYear
        let vehicles = s.fleets.reduce(0) { $0 + $1.vehicles * $1.share(in: finalYear) }
        let uncovered = Set(plan.periods.flatMap { p in p.flows.filter { f in !f.covered || (f.hydrogenKgPerDay > 0 && f.drawnKgPerDayBySite.isEmpty) }.map(\.id) }).count
        let unserved = Set(plan.periods.flatMap { p in p.fleets.filter { !$0.served }.map(\.id) }).count
        var difference: Double? = nil
        if let o = plan.optimiserCostCny, let r = plan.recostedCostCny, r != 0 { difference = 100 * (o - r) / r }
        try csv.appendRow([
            .text(scenario.name), .text(plan.status.word), .optional(plan.relativeGap),
            .text(plan.periods.map { String($0.period.year) }.joined(separator: " ")), .integer(finalYear),
            .integer(plan.stationCount), .number(plan.totalCapacityKgPerDay), .number(plan.totalDemandKgPerDay),
            .number(plan.servedKgPerDay), .number(vehicles), .number(plan.networkAverage.total),
            .number(plan.networkAverage.total - plan.networkAverage.taxes), .optional(plan.optimiserCostCny), .optional(plan.recostedCostCny),
            .optional(difference), .number(100 * plan.approximationError),
            .optional(settings.planVehicles), .optional(settings.planStations), .optional(settings.planCapacityTonnesPerDay.map { $0 * 1000 }),
            .integer(uncovered), .integer(unserved), .number(retailPriceCnyPerKg), .integer(profitable),
            .number(totalTruckKmPerDay(plan, scenario.parameters.assumptions)),
        ] + carbon)
        return csv
    }

    /// periods.csv: one row per planning period.
    public static func periods(_ plan: CorridorPlan) throws(OutputError) -> CSVWriter {
        var csv = CSVWriter(name: "periods.csv", header: [
            "period", "stations_open", "stations_built", "capacity_kg_per_day", "demand_kg_per_day", "served_kg_per_day", "capital_cny",
            "network_average_cny_per_kg", "co2_kg_per_kg",
        ])
        for p in plan.periods {
            // The period's kg CO₂e per kg dispensed: what an intensity cap holds in each period.
            let co2: Double? = p.servedKgPerDay > 0 ? p.co2KgPerDay / p.servedKgPerDay : nil
            try csv.appendRow([.integer(p.period.year), .integer(p.stationsOpen), .integer(p.stationsBuilt), .number(p.capacityKgPerDay),
                               .number(p.demandKgPerDay), .number(p.servedKgPerDay), .number(p.capitalCny), .number(p.networkAverageCnyPerKg), .optional(co2)])
        }
        return csv
    }

    public static func stations(_ plan: CorridorPlan, _ s: PlanningScenario, names: ChineseNames = ChineseNames(), retailPriceCnyPerKg: Double,
                                assumptions a: Assumptions) throws(OutputError) -> CSVWriter {
        let years = plan.periods.map(\.period.year)
        var csv = CSVWriter(name: "stations.csv", header: [
            "node", "name", "name_zh", "lat", "lon", "opened_year", "existing", "size_class", "stations", "pressure_mpa", "capacity_kg_per_day",
        ] + years.map { "capacity_\($0)_kg_per_day" } + years.map { "throughput_\($0)_kg_per_day" } + [
            "throughput_kg_per_day", "utilisation_pct", "production", "delivery", "source", "distance_km", "capex_per_station_mcny",
            "break_even_cny_per_kg", "co2_kg_per_kg", "co2_grade", "npv_at_retail_cny", "irr_at_retail_pct", "payback_years_at_retail", "policies",
        ])
        for st in plan.stations {
            let node = s.network.position(of: st.site).map { s.network.nodes[$0] }
            let co2 = try? st.co2(a).total
            let grade = co2.map { HydrogenGrade.of($0, renewable: st.isRenewable, a).rawValue } ?? ""
            let carbon: [CSVCell] = [.optional(co2), .text(grade)]
            let capacities: [CSVCell] = plan.periods.map { p in .number(st.openedYear <= p.period.year || st.throughputByPeriod[p.period.index] > 0 ? st.capacityKgPerDay : 0) }
            try csv.appendRow([
                .text(st.site), .text(node?.name ?? ""), .text(names.nodes[st.site] ?? ""), coordinate(node?.latitude), coordinate(node?.longitude), .integer(st.openedYear),
                .text(st.existing ? "true" : "false"), .text(st.sizeClass), .integer(st.stationCount), .integer(st.unitType.pressure.rawValue),
                .number(st.capacityKgPerDay),
            ] + capacities + st.throughputByPeriod.map { CSVCell.number($0) } + [
                .number(st.throughputKgPerDay), .number(100 * st.throughputKgPerDay / st.capacityKgPerDay), .text(st.chain.production.rawValue),
                .text(st.chain.delivery.rawValue), .text(st.supply.first?.source.id ?? ""), .number(st.chain.distanceKm),
                .number(st.stationCapexCny / 1e6), .number(st.cost.total),
            ] + carbon + StationReturns.cells(st, retailPriceCnyPerKg: retailPriceCnyPerKg))
        }
        // Existing stations left idle: their rows say so (no throughput, no supply, no price).
        for e in plan.idleExisting {
            let node = s.network.position(of: e.site).map { s.network.nodes[$0] }
            let capacities: [CSVCell] = plan.periods.map { .number(e.openedYear <= $0.period.year ? e.capacityKgPerDay : 0) }
            let row: [CSVCell] = [
                .text(e.site), .text(node?.name ?? ""), .text(names.nodes[e.site] ?? ""), coordinate(node?.latitude), coordinate(node?.longitude), .integer(e.openedYear),
                .text("true"), .text("\(formatNumber(e.capacityKgPerDay))kgd"), .integer(1), .integer(e.pressure.rawValue), .number(e.capacityKgPerDay),
            ] + capacities + years.map { _ in CSVCell.number(0) } + [.number(0), .number(0), .text("idle"), .empty, .empty, .empty, .number(0)]
            // The rest (price, carbon, returns, policies) has nothing to say of an idle station.
            try csv.appendRow(row + Array(repeating: CSVCell.empty, count: csv.header.count - row.count))
        }
        return csv
    }

    static func coordinate(_ x: Double?) -> CSVCell { x.flatMap { $0.isFinite ? CSVCell.number($0) : nil } ?? .empty }

    /// supply.csv: every link used, period by period.
    public static func supply(_ plan: CorridorPlan) throws(OutputError) -> CSVWriter {
        var csv = CSVWriter(name: "supply.csv", header: ["period", "node", "source", "source_node", "production", "delivery", "distance_km", "kg_per_day",
                                                         "produced_kg_per_day", "delivered_cost_cny_per_kg"])
        for p in plan.periods {
            for link in p.links {
                try csv.appendRow([.integer(p.period.year), .text(link.site), .text(link.source.id), .text(link.source.node), .text(link.source.pathway.rawValue),
                                   .text(link.key.mode.rawValue), .number(link.distanceKm), .number(link.kgPerDay), .number(link.producedKgPerDay),
                                   .number(link.costCnyPerKg)])
            }
        }
        return csv
    }

    /// coverage.csv: every fleet in every period, served or not and why.
    public static func coverage(_ plan: CorridorPlan, _ s: PlanningScenario) throws(OutputError) -> CSVWriter {
        var csv = CSVWriter(name: "coverage.csv", header: ["period", "fleet", "kind", "vehicle_class", "vehicles", "demand_kg_per_day", "served", "round_trip_km",
                                                           "stations_used", "reason"])
        func reason(_ id: String, _ year: Int) -> String {
            let matching = plan.diagnosis.filter { d in
                if case .flow(let f) = d.subject { return f == id }
                if case .fleet(let f) = d.subject { return f == id }
                return false
            }
            return (matching.first { $0.message.contains(String(year)) } ?? matching.first)?.message ?? ""
        }
        for p in plan.periods {
            let flows = Dictionary(uniqueKeysWithValues: p.flows.map { ($0.id, $0) })
            let depots = Dictionary(uniqueKeysWithValues: p.fleets.map { ($0.id, $0) })
            for fleet in s.fleets {
                let vehicles = fleet.vehicles * fleet.share(in: p.period.year)
                if let f = flows[fleet.id] {
                    // Refuellable (covered) is not enough: a flow left unserved draws nothing.
                    let served = f.covered && (f.hydrogenKgPerDay == 0 || !f.drawnKgPerDayBySite.isEmpty)
                    try csv.appendRow([.integer(p.period.year), .text(fleet.id), .text("corridor"), .text(fleet.vehicleClass), .number(vehicles),
                                       .number(f.hydrogenKgPerDay), .text(served ? "yes" : "no"), .optional(f.roundTripKm),
                                       .text(f.refuellingStops.joined(separator: " ")), .text(served ? "" : reason(fleet.id, p.period.year))])
                } else if let g = depots[fleet.id] {
                    try csv.appendRow([.integer(p.period.year), .text(fleet.id), .text("depot"), .text(fleet.vehicleClass), .number(vehicles),
                                       .number(g.demandKgPerDay), .text(g.served ? "yes" : "no"), .empty,
                                       .text(g.kgPerDayBySite.map(\.site).joined(separator: " ")), .text(g.served ? "" : reason(fleet.id, p.period.year))])
                }
            }
        }
        return csv
    }

    public static func costBreakdown(_ plan: CorridorPlan) throws(OutputError) -> CSVWriter {
        var csv = CSVWriter(name: "cost_breakdown.csv", header: ["node", "opened_year", "throughput_kg_per_day"] + CostItem.allCases.map { "\($0.rawValue)_cny_per_kg" } + ["total_cny_per_kg"])
        for st in plan.stations {
            try csv.appendRow([.text(st.site), .integer(st.openedYear), .number(st.throughputKgPerDay)] + CostItem.allCases.map { .number(st.cost[$0]) } + [.number(st.cost.total)])
        }
        try csv.appendRow([.text("network_average"), .empty, .number(plan.servedKgPerDay)] + CostItem.allCases.map { .number(plan.networkAverage[$0]) }
                          + [.number(plan.networkAverage.total)])
        return csv
    }

    /// cashflow.csv: each build's pro-forma at its break-even price, from its opening year.
    public static func cashflow(_ plan: CorridorPlan) throws(OutputError) -> CSVWriter {
        var csv = CSVWriter(name: "cashflow.csv", header: [
            "node", "opened_year", "time", "operating_year", "kg", "nozzle_price_cny_per_kg", "sales_ex_vat_cny", "capital_cny", "fixed_cost_cny",
            "variable_cost_cny", "vat_remitted_cny", "vat_surcharge_cny", "depreciation_cny", "interest_cny", "principal_cny",
            "income_tax_cny", "subsidy_cny", "equity_cash_flow_cny", "discounted_equity_cash_flow_cny",
            "calendar_year", "operating_subsidy_cny", "construction_subsidy_cny", "vat_refund_cny", "income_tax_rate_pct",
        ])
        for st in plan.stations {
            for y in st.proForma.cashFlows(atPrice: st.cost.total) {
                try csv.appendRow([
                    .text(st.site), .integer(st.openedYear), .integer(y.time), .integer(y.operatingYear), .number(y.kg), .number(y.nozzlePriceCNYPerKg),
                    .number(y.salesExVAT), .number(y.capital), .number(y.fixedCost), .number(y.variableCost), .number(y.vatRemitted),
                    .number(y.vatSurcharge), .number(y.depreciation), .number(y.interest), .number(y.principal), .number(y.incomeTax),
                    .number(y.constructionSubsidy + y.operatingSubsidy), .number(y.equityCashFlow), .number(y.discountedEquityCashFlow),
                ] + StationReturns.policyCells(y, st))
            }
        }
        return csv
    }

    /// manifest.json: version, inputs and their SHA-256, overrides with origins, solver status,
    /// library versions. No clock time, so a rerun writes the same bytes.
    public static func manifest(_ plan: CorridorPlan, scenario: Scenario, outputs: [(String, [UInt8])], libraries: [String: String]) throws(OutputError) -> String {
        let overrides: [JSONValue] = scenario.parameters.overridden.map { v in
            .object([JSONMember("key", .string(v.spec.key)), JSONMember("value", .number(v.value)), JSONMember("unit", .string(v.spec.unit)),
                     JSONMember("origin", .string(v.origin.description)), JSONMember("basis", .string(v.basis.rawValue))])
        } + SettingOverrides.manifestEntries(scenario)
        let value: JSONValue = .object([
            JSONMember("tool", "h2corridor"),
            JSONMember("version", .string(h2corridorVersion)),
            JSONMember("scenario", .string(scenario.name)),
            JSONMember("price_year", .integer(scenario.priceYear)),
            JSONMember("inputs", .array(scenario.inputs.map { .object([JSONMember("path", .string($0.path)), JSONMember("sha256", .string($0.sha256))]) })),
            JSONMember("overrides", .array(overrides)),
            JSONMember("estimates", .integer(scenario.parameters.all.filter { $0.basis == .estimate }.count)),
            JSONMember("parameters", .integer(ParameterCatalogue.all.count)),
            JSONMember("solver", .object([JSONMember("backend", .string(plan.solver.rawValue)),
                                         JSONMember("status", .string(plan.status.word)),
                                         JSONMember("relative_gap", plan.relativeGap.map(JSONValue.number) ?? .null),
                                         JSONMember("optimiser_cost_cny", plan.optimiserCostCny.map(JSONValue.number) ?? .null),
                                         JSONMember("recosted_cost_cny", plan.recostedCostCny.map(JSONValue.number) ?? .null),
                                         JSONMember("approximation_error", .number(plan.approximationError))]
                                         + (plan.start.map { [JSONMember("start_cost_cny", .number($0.costCny)), JSONMember("start_gap", .number($0.gap))] } ?? []))),
            JSONMember("libraries", .object(libraries.keys.sorted().map { JSONMember($0, .string(libraries[$0]!)) })),
            JSONMember("outputs", .array(outputs.map { .object([JSONMember("file", .string($0.0)), JSONMember("sha256", .string(SHA256.hexDigest($0.1)))]) })),
        ])
        return try value.rendered(pretty: true) + "\n"
    }
}

/// The tool's version, written into every manifest.
public let h2corridorVersion = "0.1.0"

extension PlanResults {
    /// The map of a plan: corridor network, sources, stations (sized by capacity, coloured by
    /// the production pathway of their main supply) and supply links.
    public static func mapData(_ plan: CorridorPlan, _ s: PlanningScenario, scenario: Scenario, corridorNames: [String: String],
                               names: ChineseNames = ChineseNames(), language: OutputLanguage = .en) -> MapData {
        let network = s.network
        func node(_ id: String) -> NetworkNode? { network.position(of: id).map { network.nodes[$0] } }
        func nodeName(_ n: NetworkNode) -> String { language == .zh ? names.nodes[n.id] ?? n.name : n.name }
        let nodes = network.nodes.map { MapNode(id: $0.id, name: nodeName($0), latitude: $0.latitude, longitude: $0.longitude, kind: $0.kind) }
        let corridors = NetworkFiles.corridorNames(corridorNames, in: language)
        let edges = network.edges.map { e in
            MapEdge(from: e.from, to: e.to, km: e.km, corridor: corridors[e.from + "|" + e.to] ?? corridors[e.to + "|" + e.from] ?? "")
        }
        // One circle per site: its builds together, labelled with the years they open.
        var sites: [String] = []
        var bySite: [String: [StationPlan]] = [:]
        for st in plan.stations {
            if bySite[st.site] == nil { sites.append(st.site) }
            bySite[st.site, default: []].append(st)
        }
        let stations = sites.map { site -> MapStation in
            let builds = bySite[site]!
            let n = node(site)
            let main = builds.max { $0.throughputKgPerDay < $1.throughputKgPerDay }!
            let years = Array(Set(builds.map(\.openedYear))).sorted().map(String.init).joined(separator: "/")
            let throughput = builds.reduce(0) { $0 + ($1.throughputByPeriod.last ?? 0) }
            let weight = builds.reduce(0) { $0 + $1.horizonKg }
            let cost = weight > 0 ? builds.reduce(0) { $0 + $1.cost.total * $1.horizonKg } / weight : main.cost.total
            return MapStation(site: site, name: n.map(nodeName) ?? site, latitude: n?.latitude ?? .nan, longitude: n?.longitude ?? .nan,
                              capacityKgPerDay: builds.reduce(0) { $0 + $1.capacityKgPerDay }, sizeClass: builds.map(\.sizeClass).joined(separator: "+") + " (\(years))",
                              throughputKgPerDay: throughput, production: main.chain.production.rawValue, delivery: main.chain.delivery.rawValue, costCnyPerKg: cost,
                              buildYears: plan.periods.count > 1 || builds.contains(where: \.existing) ? years : "")
        }
        let sources = s.sources.map { src -> MapSource in
            let n = node(src.node)
            var source = MapSource(id: src.id, name: language == .zh ? names.sources[src.id] ?? src.name : src.name, node: src.node,
                                   latitude: n?.latitude ?? .nan, longitude: n?.longitude ?? .nan,
                                   pathway: src.pathway.rawValue, availableTonnesPerYear: src.availableTonnesPerYear)
            source.nameZh = names.sources[src.id] ?? ""
            return source
        }
        // Supply links of the last period.
        let links = (plan.last?.links ?? []).map { MapSupplyLink(sourceID: $0.source.id, site: $0.site, deliveryMode: $0.key.mode.rawValue, kgPerDay: $0.kgPerDay) }
        let tonnes = formatNumber((plan.totalCapacityKgPerDay / 100).rounded() / 10)
        let average = formatNumber((plan.networkAverage.total * 100).rounded() / 100)
        let span = plan.periods.count > 1 ? "\(plan.periods.first!.period.year)–\(plan.periods.last!.period.year): " : ""
        let subtitle = language == .zh
            ? span + "\(plan.stationCount) 座加氢站，\(tonnes) 吨/日；全网平均 \(average) 元/公斤（\(language(plan.status.word))）"
            : span + "\(plan.stationCount) stations, \(tonnes) t/day; network average \(average) CNY/kg (\(plan.status.word))"
        var map = MapData(title: scenario.title(in: language), subtitle: subtitle, nodes: nodes, edges: edges, stations: stations, sources: sources, links: links)
        map.language = language
        return map
    }

    /// One stacked bar per station plus the network average, itemised.
    public static func costChart(_ plan: CorridorPlan, _ s: PlanningScenario, scenario: Scenario,
                                 names: ChineseNames = ChineseNames(), language t: OutputLanguage = .en) -> String {
        func segments(_ c: CostVector) -> [(name: String, value: Double)] { CostItem.allCases.map { ($0.rawValue, c[$0]) } }
        var bars = plan.stations.map { st -> CostBar in
            let english = s.network.position(of: st.site).map { s.network.nodes[$0].name } ?? st.site
            let name = t == .zh ? names.nodes[st.site] ?? english : english
            let label = (name.isEmpty ? st.site : name) + (plan.periods.count > 1 ? " \(st.openedYear)" : "")
            return CostBar(label: label, segments: segments(st.cost))
        }
        bars.append(CostBar(label: t("network average"), segments: segments(plan.networkAverage)))
        return CostChartSVG.render(title: "\(scenario.title(in: t))\(t == .zh ? "：" : ": ")\(t("break-even nozzle price by station"))", unit: t("CNY/kg"),
                                   bars: bars, target: (scenario.parameters.assumptions.policy.retailPriceCnyPerKg, t("target price")), language: t)
    }
}

extension NetworkFiles {
    /// The corridor names to draw in `language`: the Chinese name where given, else the name
    /// (a `connector` with no Chinese name is translated from the word table).
    public static func corridorNames(_ names: [String: String], in language: OutputLanguage) -> [String: String] {
        var result: [String: String] = [:]
        for (key, name) in names where !key.hasPrefix("zh|") {
            result[key] = language == .zh ? names["zh|" + key] ?? language(name) : name
        }
        return result
    }
}
