// The resolution at which each physical quantity is written (issue 11): one table, keyed on the
// unit suffix of the column name, so the same quantity prints with the same digits in every file
// (distance_km in stations.csv, supply.csv and logistics.csv; kg_per_day wherever it appears)
// and no cell carries float noise such as 153.60000000000002.

public enum NumberResolution {
    /// Unit suffix of a column name → decimals kept. A column matches a key when its name is the
    /// key or ends in "_" + key; the longest matching key wins ("truck_km_per_day" is km, not a
    /// count per day). Columns matching no key (parameters echoed from input such as `value`,
    /// `low`, `lat`, counts given in the scenario, statistics) keep the shortest round-trip form.
    static let decimalsBySuffix: [(suffix: String, decimals: Int)] = [
        ("km", 1),                // 0.1 km
        ("km_per_day", 1),        // truck-km a day, 0.1 km
        ("kg_per_day", 3),        // 1 g a day
        ("kg_per_trip", 3),       // 1 g per trip
        ("kg", 3),                // 1 g (cashflow: kg sold a year)
        ("kg_per_kg", 4),         // kg CO2e per kg H2: 0.1 g
        ("t_per_year", 3),        // 1 kg a year
        ("cny_per_kg", 4),        // 0.01 fen per kg
        ("cny", 0),               // 1 CNY
        ("cny_per_year", 0),      // 1 CNY a year
        ("mcny", 6),              // 1 CNY, in millions
        ("pct", 3),               // 0.001 percentage point
        ("relative_gap", 8),      // a share: 1e-8, far below any MIP tolerance asked for
        ("mpa", 2),               // 0.01 MPa
        ("per_day", 6),           // trips and deliveries a day (a link of a few kg a day still checks to 0.1 %)
        ("trailers", 4),          // shared-fleet equivalents
        ("tractors", 4),
        ("fte", 4),               // crew full-time equivalents
    ]

    /// Decimals for column `name`, or nil for shortest round-trip.
    public static func decimals(forColumn name: String) -> Int? {
        var best: (length: Int, decimals: Int)?
        for (suffix, decimals) in decimalsBySuffix where name == suffix || name.hasSuffix("_" + suffix) {
            if best == nil || suffix.count > best!.length { best = (suffix.count, decimals) }
        }
        return best?.decimals
    }

    /// `value` with at most `decimals` digits after the point, half away from zero, trailing
    /// zeros dropped, "-0" written "0" (integer arithmetic, the same text on every platform).
    public static func text(_ value: Double, decimals: Int) -> String {
        svgNumber(value, decimals: decimals)
    }
}
