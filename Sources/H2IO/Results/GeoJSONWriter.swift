import H2Model

// stations.geojson (DESIGN §3): the run's stations, sources, corridors and supply links as an
// RFC 7946 FeatureCollection, for QGIS, geojson.io or a web map.

/// Writes `stations.geojson`.
///
/// - Coordinates are `[longitude, latitude]` (RFC 7946 order), WGS 84, numbers as given
///   (shortest round-trip digits).
/// - Features come in drawing order: corridor lines, supply lines, source points, station
///   points, each group in the order of `MapData`. Each feature has an `id`
///   (`corridor-<n>`, `supply-<n>` counting from 1, `source-<id>`, `station-<site>`).
/// - Undefined numbers (NaN, infinities, a missing cost) are written as `null`, never as text.
/// - A point without finite, in-range coordinates, and a line whose end is unknown or has no
///   such coordinates, is left out and listed instead in the collection's foreign member
///   `skipped` (always present; `[]` when nothing was left out), each entry with `kind`, `id`
///   and `reason`, so that a planner sees what is missing instead of a silent gap.
public enum GeoJSONWriter {
    public static func render(_ map: MapData) throws(OutputError) -> String {
        var features: [JSONValue] = []
        var skipped: [JSONValue] = []
        let places = MapPlaces(map)

        for (index, edge) in map.edges.enumerated() {
            let id = "corridor-\(index + 1)"
            switch places.line(from: places.node(edge.from), to: places.node(edge.to), fromName: edge.from, toName: edge.to) {
            case .success(let coordinates):
                features.append(feature(id: id, geometry: lineString(coordinates), properties: [
                    "kind": "corridor", "from": .string(edge.from), "to": .string(edge.to),
                    "km": number(edge.km), "corridor": .string(edge.corridor),
                ]))
            case .failure(let reason):
                skipped.append(["kind": "corridor", "id": .string(id), "reason": .string(reason.text)])
            }
        }
        for (index, link) in map.links.enumerated() {
            let id = "supply-\(index + 1)"
            switch places.line(from: places.source(link.sourceID), to: places.site(link.site), fromName: link.sourceID, toName: link.site) {
            case .success(let coordinates):
                features.append(feature(id: id, geometry: lineString(coordinates), properties: [
                    "kind": "supply", "source": .string(link.sourceID), "site": .string(link.site),
                    "delivery": .string(link.deliveryMode), "kg_per_day": number(link.kgPerDay),
                ]))
            case .failure(let reason):
                skipped.append(["kind": "supply", "id": .string(id), "reason": .string(reason.text)])
            }
        }
        for source in map.sources {
            if let problem = coordinateProblem(latitude: source.latitude, longitude: source.longitude) {
                skipped.append(["kind": "source", "id": .string(source.id), "reason": .string(problem)])
                continue
            }
            features.append(feature(id: "source-" + source.id, geometry: point(source.latitude, source.longitude), properties: [
                "kind": "source", "id": .string(source.id), "name": .string(source.name),
                "pathway": .string(source.pathway), "available_t_per_year": number(source.availableTonnesPerYear),
            ]))
        }
        for station in map.stations {
            if let problem = coordinateProblem(latitude: station.latitude, longitude: station.longitude) {
                skipped.append(["kind": "station", "id": .string(station.site), "reason": .string(problem)])
                continue
            }
            features.append(feature(id: "station-" + station.site, geometry: point(station.latitude, station.longitude), properties: [
                "kind": "station", "site": .string(station.site), "name": .string(station.name),
                "capacity_kg_per_day": number(station.capacityKgPerDay), "size_class": .string(station.sizeClass),
                "throughput_kg_per_day": number(station.throughputKgPerDay), "production": .string(station.production),
                "delivery": .string(station.delivery), "cost_cny_per_kg": station.costCnyPerKg.map(number) ?? .null,
            ]))
        }
        let collection: JSONValue = [
            "type": "FeatureCollection",
            "features": .array(features),
            "skipped": .array(skipped),
        ]
        return try collection.rendered(pretty: true)
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
