import H2Model

// The GIS layers of a run (DESIGN §3, issue 11): stations.geojson, sources.geojson,
// supply_links.geojson and corridors.geojson, RFC 7946 FeatureCollections for QGIS, GDAL,
// geopandas or a web map. One geometry type per layer, so each converts to a Shapefile.

/// Writes the four GeoJSON layers.
///
/// - Coordinates are `[longitude, latitude]` (RFC 7946 order), WGS 84, numbers as given
///   (shortest round-trip digits).
/// - stations.geojson: one Point per row of stations.csv, with every column of the row as a
///   property of the same name and type (numbers as numbers), so a join on `node` works and new
///   columns appear by themselves. supply_links.geojson: one LineString per row of supply.csv,
///   from the source to the station, with supply.csv's columns. sources.geojson: Points with
///   the columns of the scenario's sources.csv that the map knows (`id`, `name`, `name_zh`,
///   `node`, `pathway`, `available_t_per_year`). corridors.geojson: LineStrings with the columns of
///   edges.csv (`from`, `to`, `km`, `corridor`).
/// - A supply link whose source sits at the station's coordinates (a co-located plant, a
///   pipeline inside the park) would be a zero-length line, which GEOS calls invalid: it is
///   left out of the lines and listed in `skipped` with that reason.
/// - Each feature has an `id` (`station-<node>`, `source-<id>`, `supply-<n>` and
///   `corridor-<n>` counting rows from 1). Undefined numbers are `null`, never text.
/// - A point without finite, in-range coordinates, and a line whose end is unknown or has no
///   such coordinates, is left out and listed instead in the collection's foreign member
///   `skipped` (always present; `[]` when nothing was left out), each entry with `kind`, `id`
///   and `reason`, so that a planner sees what is missing instead of a silent gap.
public enum GeoJSONWriter {
    public static let layerNames = ["stations.geojson", "sources.geojson", "supply_links.geojson", "corridors.geojson"]

    /// The layers in `layerNames` order. `stations` and `supply` are the run's stations.csv and
    /// supply.csv (columns `node`, `lat`, `lon`; `node`, `source`).
    public static func layers(_ map: MapData, stations: CSVWriter, supply: CSVWriter) throws(OutputError) -> [(name: String, text: String)] {
        let places = MapPlaces(map)
        return [
            ("stations.geojson", try stationLayer(stations)),
            ("sources.geojson", try sourceLayer(map)),
            ("supply_links.geojson", try supplyLayer(supply, places)),
            ("corridors.geojson", try corridorLayer(map, places)),
        ]
    }

    static func stationLayer(_ table: CSVWriter) throws(OutputError) -> String {
        var features: [JSONValue] = [], skipped: [JSONValue] = []
        let rows = try table.typedRows()
        let node = table.header.firstIndex(of: "node"), lat = table.header.firstIndex(of: "lat"), lon = table.header.firstIndex(of: "lon")
        for row in rows {
            let id = node.map { text(row[$0]) } ?? ""
            let latitude = lat.map { double(row[$0]) } ?? .nan, longitude = lon.map { double(row[$0]) } ?? .nan
            if let problem = coordinateProblem(latitude: latitude, longitude: longitude) {
                skipped.append(["kind": "station", "id": .string(id), "reason": .string(problem)])
                continue
            }
            features.append(feature(id: "station-" + id, geometry: point(latitude, longitude), properties: properties(table.header, row)))
        }
        return try collection(features, skipped)
    }

    static func sourceLayer(_ map: MapData) throws(OutputError) -> String {
        var features: [JSONValue] = [], skipped: [JSONValue] = []
        for source in map.sources {
            if let problem = coordinateProblem(latitude: source.latitude, longitude: source.longitude) {
                skipped.append(["kind": "source", "id": .string(source.id), "reason": .string(problem)])
                continue
            }
            features.append(feature(id: "source-" + source.id, geometry: point(source.latitude, source.longitude), properties: [
                "id": .string(source.id), "name": .string(source.name), "name_zh": .string(source.nameZh), "node": .string(source.node),
                "pathway": .string(source.pathway), "available_t_per_year": number(source.availableTonnesPerYear),
            ]))
        }
        return try collection(features, skipped)
    }

    static func supplyLayer(_ table: CSVWriter, _ places: MapPlaces) throws(OutputError) -> String {
        var features: [JSONValue] = [], skipped: [JSONValue] = []
        let rows = try table.typedRows()
        let node = table.header.firstIndex(of: "node"), source = table.header.firstIndex(of: "source")
        for (index, row) in rows.enumerated() {
            let id = "supply-\(index + 1)"
            let site = node.map { text(row[$0]) } ?? "", from = source.map { text(row[$0]) } ?? ""
            switch places.line(from: places.source(from), to: places.site(site), fromName: from, toName: site) {
            case .success(let ends):
                if ends[0].latitude == ends[1].latitude && ends[0].longitude == ends[1].longitude {
                    skipped.append(["kind": "supply", "id": .string(id),
                                    "reason": .string("source '\(from)' is at the station '\(site)' (co-located): no line to draw")])
                } else {
                    features.append(feature(id: id, geometry: lineString(ends), properties: properties(table.header, row)))
                }
            case .failure(let reason):
                skipped.append(["kind": "supply", "id": .string(id), "reason": .string(reason.text)])
            }
        }
        return try collection(features, skipped)
    }

    static func corridorLayer(_ map: MapData, _ places: MapPlaces) throws(OutputError) -> String {
        var features: [JSONValue] = [], skipped: [JSONValue] = []
        for (index, edge) in map.edges.enumerated() {
            let id = "corridor-\(index + 1)"
            switch places.line(from: places.node(edge.from), to: places.node(edge.to), fromName: edge.from, toName: edge.to) {
            case .success(let coordinates):
                features.append(feature(id: id, geometry: lineString(coordinates), properties: [
                    "from": .string(edge.from), "to": .string(edge.to), "km": number(edge.km), "corridor": .string(edge.corridor),
                ]))
            case .failure(let reason):
                skipped.append(["kind": "corridor", "id": .string(id), "reason": .string(reason.text)])
            }
        }
        return try collection(features, skipped)
    }

    private static func properties(_ header: [String], _ row: [CSVWriter.TypedCell]) -> JSONValue {
        .object(zip(header, row).map { name, cell in
            switch cell {
            case .text(let s): JSONMember(name, .string(s))
            case .number(let s): JSONMember(name, number(Double(s) ?? .nan))
            case .empty: JSONMember(name, .null)
            }
        })
    }

    private static func text(_ cell: CSVWriter.TypedCell) -> String {
        switch cell {
        case .text(let s), .number(let s): s
        case .empty: ""
        }
    }

    private static func double(_ cell: CSVWriter.TypedCell) -> Double {
        if case .number(let s) = cell { return Double(s) ?? .nan }
        return .nan
    }

    private static func collection(_ features: [JSONValue], _ skipped: [JSONValue]) throws(OutputError) -> String {
        let value: JSONValue = ["type": "FeatureCollection", "features": .array(features), "skipped": .array(skipped)]
        return try value.rendered(pretty: true)
    }

    private static func feature(id: String, geometry: JSONValue, properties: JSONValue) -> JSONValue {
        ["type": "Feature", "id": .string(id), "geometry": geometry, "properties": properties]
    }

    private static func point(_ latitude: Double, _ longitude: Double) -> JSONValue {
        ["type": "Point", "coordinates": [.number(longitude), .number(latitude)]]
    }

    private static func lineString(_ ends: [(latitude: Double, longitude: Double)]) -> JSONValue {
        ["type": "LineString", "coordinates": .array(ends.map { [.number($0.longitude), .number($0.latitude)] })]
    }

    private static func number(_ value: Double) -> JSONValue { value.isFinite ? .number(value) : .null }
}

/// Why a point cannot be placed, or nil when its coordinates are usable.
func coordinateProblem(latitude: Double, longitude: Double) -> String? {
    guard latitude.isFinite, longitude.isFinite else { return "coordinates are not finite numbers" }
    guard (-90...90).contains(latitude) else { return "latitude \(formatNumber(latitude)) is outside -90…90" }
    guard (-180...180).contains(longitude) else { return "longitude \(formatNumber(longitude)) is outside -180…180" }
    return nil
}

/// Looks up the coordinates of the ends of lines: nodes by id, sources by id, sites by
/// station site first and node id second. The first of duplicate ids wins (as in the files).
struct MapPlaces {
    typealias Place = (latitude: Double, longitude: Double)
    struct Missing: Error { let text: String }

    private var nodes: [String: Place] = [:]
    private var sources: [String: Place] = [:]
    private var stations: [String: Place] = [:]

    init(_ map: MapData) {
        for node in map.nodes where nodes[node.id] == nil { nodes[node.id] = (node.latitude, node.longitude) }
        for source in map.sources where sources[source.id] == nil { sources[source.id] = (source.latitude, source.longitude) }
        for station in map.stations where stations[station.site] == nil { stations[station.site] = (station.latitude, station.longitude) }
    }

    func node(_ id: String) -> Place? { nodes[id] }
    func source(_ id: String) -> Place? { sources[id] }
    func site(_ id: String) -> Place? { stations[id] ?? nodes[id] }

    /// Both ends, or why the line cannot be drawn.
    func line(from: Place?, to: Place?, fromName: String, toName: String) -> Result<[Place], Missing> {
        for (place, name) in [(from, fromName), (to, toName)] {
            guard let place else { return .failure(Missing(text: "end '\(name)' is not on the map")) }
            if let problem = coordinateProblem(latitude: place.latitude, longitude: place.longitude) {
                return .failure(Missing(text: "end '\(name)': \(problem)"))
            }
        }
        return .success([from!, to!])
    }
}
