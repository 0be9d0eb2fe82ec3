// What a scenario folder may hold: its files, each table's columns and scenario.toml's keys that
// are not catalogue parameters. The loader takes its column lists from here and
// docs/SCENARIO.md is checked against it by a test, so the reference cannot drift from the code.

/// One CSV table of a scenario folder.
public struct ScenarioTableSchema: Sendable, Equatable {
    /// File name inside the scenario folder, e.g. `fleets.csv`.
    public let file: String
    /// Whether a scenario without the file is refused (`run` cannot work without it).
    public let isRequired: Bool
    /// Columns that must be in the header.
    public let columns: [String]
    /// Columns read when present (provenance columns such as `basis` and `source` included:
    /// they are carried for the reader; `basis` is checked to be a basis tag).
    public let optionalColumns: [String]
    /// Column families, with `YYYY` standing for a year: `year_YYYY_share`.
    public let columnPatterns: [String]

    /// Whether `column` is one this table reads.
    public func accepts(_ column: String) -> Bool {
        columns.contains(column) || optionalColumns.contains(column) || ScenarioSchema.yearOfPattern(column, in: columnPatterns) != nil
    }
}

public enum ScenarioSchema {
    public static let nodes = ScenarioTableSchema(
        file: "nodes.csv", isRequired: true, columns: ["id"],
        optionalColumns: ["name", "name_zh", "kind", "lat", "lon", "city", "source"], columnPatterns: [])
    public static let edges = ScenarioTableSchema(
        file: "edges.csv", isRequired: true, columns: ["from", "to", "km"],
        optionalColumns: ["corridor", "corridor_zh", "basis", "confidence", "source"], columnPatterns: [])
    public static let vehicleClasses = ScenarioTableSchema(
        file: "vehicle_classes.csv", isRequired: true, columns: ["class", "kg_per_100km", "tank_kg", "range_km", "pressure_mpa", "daily_km"],
        optionalColumns: ["name", "basis", "source"], columnPatterns: [])
    public static let fleets = ScenarioTableSchema(
        file: "fleets.csv", isRequired: true, columns: ["id", "kind", "vehicle_class", "vehicles", "year_2025_share"],
        optionalColumns: ["name", "home", "origin", "destination", "trips_per_day", "service_radius_km", "basis", "reasoning"],
        columnPatterns: ["year_YYYY_share"])
    public static let sources = ScenarioTableSchema(
        file: "sources.csv", isRequired: true, columns: ["id", "node", "pathway", "available_t_per_year"],
        optionalColumns: ["name", "name_zh", "first_year", "basis", "source", "note"], columnPatterns: [])
    public static let candidates = ScenarioTableSchema(
        file: "candidates.csv", isRequired: false, columns: ["node"], optionalColumns: [], columnPatterns: [])
    public static let existingStations = ScenarioTableSchema(
        file: "existing_stations.csv", isRequired: false, columns: ["id", "node", "opened"],
        optionalColumns: ["name", "name_zh", "capacity_kg_per_day", "pressure_mpa", "status", "source"], columnPatterns: [])
    public static let policies = ScenarioTableSchema(
        file: "policies.csv", isRequired: false, columns: ScenarioLoader.policyColumns,
        optionalColumns: ScenarioLoader.policyOptionalColumns, columnPatterns: [])

    /// Every table, in the order the loader reads them (and the manifest lists them).
    public static let tables: [ScenarioTableSchema] = [nodes, edges, candidates, vehicleClasses, fleets, sources, existingStations, policies]

    /// The keys of scenario.toml that are not catalogue parameters (those are listed by
    /// `h2corridor explain none`).
    public static var settingKeys: [String] { ScenarioLoader.structuralKeys.sorted() }

    /// The year a column of a pattern family stands for (`year_2030_share` → 2030), or nil.
    public static func yearOfPattern(_ column: String, in patterns: [String]) -> Int? {
        for pattern in patterns {
            let parts = pattern.components(separatedBy: "YYYY")
            guard parts.count == 2, column.hasPrefix(parts[0]), column.hasSuffix(parts[1]),
                  column.count == parts[0].count + 4 + parts[1].count,
                  let year = Int(column.dropFirst(parts[0].count).dropLast(parts[1].count)) else { continue }
            return year
        }
        return nil
    }

    /// Node kinds the reference data uses; another kind is allowed but warned about (a typo in
    /// `border` would silently take the node into the province's policy scope).
    public static let nodeKinds = ["city", "county", "border", "port", "industrial"]
}

private extension String {
    func components(separatedBy separator: String) -> [String] {
        var parts: [String] = []
        var rest = Substring(self)
        while let range = rest.range(of: separator) {
            parts.append(String(rest[..<range.lowerBound]))
            rest = rest[range.upperBound...]
        }
        parts.append(String(rest))
        return parts
    }
}

private extension Substring {
    func range(of text: String) -> Range<Substring.Index>? {
        guard !text.isEmpty, count >= text.count else { return nil }
        var start = startIndex
        while let end = index(start, offsetBy: text.count, limitedBy: endIndex) {
            if self[start..<end] == text { return start..<end }
            if start == endIndex { break }
            start = index(after: start)
        }
        return nil
    }
}
