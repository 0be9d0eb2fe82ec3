// The itemisation every ¥/kg result is reported in (DESIGN §2.7). Items sum to the total.

/// One line of an itemised cost of hydrogen at the nozzle, in CNY per kg dispensed.
public enum CostItem: String, CaseIterable, Sendable, Codable, Comparable {
    /// Hydrogen production: feedstock, electricity for electrolysis, plant capital and O&M.
    case production
    /// Purification to fuel-cell grade (PSA) where the pathway needs it.
    case purification
    /// Conditioning for transport: compression for trailer filling, liquefaction, ammonia synthesis.
    case conditioning
    /// Delivery from the source to the station (trailers, tractors, drivers, fuel, pipeline).
    case transport
    /// Ammonia cracking back to hydrogen (cracker capital, O&M, heat and electricity).
    case cracking
    /// Station capital: equipment, installation and land, annualised.
    case stationCapex = "station_capex"
    /// Station fixed operation and maintenance.
    case stationOM = "station_om"
    /// Station energy: compression and precooling electricity.
    case energy
    /// Taxes: VAT and enterprise income tax (pro-forma mode).
    case taxes
    /// Subsidies, negative: construction and per-kg operating subsidies.
    case subsidies

    /// The order in which items are listed in every output.
    public static func < (a: CostItem, b: CostItem) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}
