// logistics.csv (issue 11): one row per supply link with the trips, fleet and crew behind it,
// and the deliveries a day each station's node receives.
import H2Model

extension PlanResults {
    /// The logistics of every supply link of `plan`, in supply.csv's order.
    public static func linkLogistics(_ plan: CorridorPlan, _ a: Assumptions) -> [(station: StationPlan, link: SupplyLink, logistics: LinkLogistics)] {
        plan.stations.flatMap { st in
            st.supply.map { (st, $0, DeliveryLogistics.link($0.delivery, distanceKm: $0.distanceKm, kgPerDay: $0.kgPerDay, a)) }
        }
    }

    /// Total truck-km a day over all links (loaded and empty), for summary.csv.
    public static func totalTruckKmPerDay(_ plan: CorridorPlan, _ a: Assumptions) -> Double {
        linkLogistics(plan, a).reduce(0) { $0 + $1.logistics.truckKmPerDay }
    }

    public static func logistics(_ plan: CorridorPlan, _ s: PlanningScenario, _ a: Assumptions,
                                 names: ChineseNames = ChineseNames()) throws(OutputError) -> CSVWriter {
        var csv = CSVWriter(name: "logistics.csv", header: [
            "node", "name", "name_zh", "source", "source_node", "delivery", "distance_km", "kg_per_day", "payload_kg_per_trip", "trips_per_day",
            "trailers", "tractors", "crew_fte", "truck_km_per_day", "node_deliveries_per_day",
        ])
        let rows = linkLogistics(plan, a)
        let arrivals = DeliveryLogistics.arrivalsPerDay(rows.map { ($0.station.site, $0.logistics) })
        for row in rows {
            let l = row.logistics
            let name = s.network.position(of: row.station.site).map { s.network.nodes[$0].name } ?? ""
            try csv.appendRow([
                .text(row.station.site), .text(name), .text(names.nodes[row.station.site] ?? ""), .text(row.link.source.id), .text(row.link.source.node), .text(l.mode.rawValue),
                .number(l.distanceKm), .number(l.kgPerDay), .optional(l.payloadKgPerTrip), .number(l.tripsPerDay), .number(l.trailers),
                .number(l.tractors), .number(l.crewFullTimeEquivalents), .number(l.truckKmPerDay), .number(arrivals[row.station.site] ?? 0),
            ])
        }
        return csv
    }
}
