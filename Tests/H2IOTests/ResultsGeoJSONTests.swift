// The four GIS layers: one geometry type each, properties named and typed as the CSV columns,
// co-located supply links left out (they would be zero-length lines), gaps listed in `skipped`.
import Foundation
import Testing
@testable import H2IO

@Suite struct ResultsGeoJSONTests {
    private func parse(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    private func features(_ object: [String: Any]) -> [[String: Any]] { object["features"] as? [[String: Any]] ?? [] }
    private func properties(_ feature: [String: Any]) -> [String: Any] { feature["properties"] as? [String: Any] ?? [:] }
    private func geometry(_ feature: [String: Any]) -> [String: Any] { feature["geometry"] as? [String: Any] ?? [:] }

    /// stations.csv and supply.csv as a run writes them, for the fixture map.
    static func tables(_ map: MapData) throws -> (stations: CSVWriter, supply: CSVWriter) {
        var stations = CSVWriter(name: "stations.csv", header: ["node", "name", "lat", "lon", "size_class", "stations", "capacity_kg_per_day", "break_even_cny_per_kg"])
        for s in map.stations {
            try stations.appendRow([.text(s.site), .text(s.name), s.latitude.isFinite ? .number(s.latitude) : .empty,
                                    s.longitude.isFinite ? .number(s.longitude) : .empty, .text(s.sizeClass), .integer(2),
                                    .number(s.capacityKgPerDay), .optional(s.costCnyPerKg)])
        }
        var supply = CSVWriter(name: "supply.csv", header: ["node", "source", "delivery", "kg_per_day"])
        for l in map.links { try supply.appendRow([.text(l.site), .text(l.sourceID), .text(l.deliveryMode), .number(l.kgPerDay)]) }
        return (stations, supply)
    }

    func layers(_ map: MapData) throws -> [String: [String: Any]] {
        let t = try Self.tables(map)
        var out: [String: [String: Any]] = [:]
        for layer in try GeoJSONWriter.layers(map, stations: t.stations, supply: t.supply) { out[layer.name] = try parse(layer.text) }
        return out
    }

    @Test func oneGeometryTypePerLayerAtLonLat() throws {
        let map = ResultsFixtures.map
        let all = try layers(map)
        #expect(Set(all.keys) == Set(GeoJSONWriter.layerNames))
        for (name, type) in [("stations.geojson", "Point"), ("sources.geojson", "Point"), ("supply_links.geojson", "LineString"), ("corridors.geojson", "LineString")] {
            let layer = try #require(all[name])
            #expect(layer["type"] as? String == "FeatureCollection")
            #expect(Set(features(layer).map { geometry($0)["type"] as? String ?? "" }) == [type], "\(name)")
        }
        let stations = features(all["stations.geojson"]!)
        #expect(stations.count == map.stations.count)
        let gy = try #require(stations.first { $0["id"] as? String == "station-GZ_GY" })
        #expect(geometry(gy)["coordinates"] as? [Double] == [106.63, 26.65])
        // Properties are the CSV columns, numbers as numbers, ids as text.
        let p = properties(gy)
        #expect(p["node"] as? String == "GZ_GY" && p["size_class"] as? String == "2000")
        #expect(p["capacity_kg_per_day"] as? Double == 2000 && p["stations"] as? Int == 2 && p["break_even_cny_per_kg"] as? Double == 33.4)
        let pz = try #require(stations.first { $0["id"] as? String == "station-GZ_PZ" })
        #expect(properties(pz)["break_even_cny_per_kg"] is NSNull)
        #expect(features(all["sources.geojson"]!).count == map.sources.count)
        #expect(features(all["corridors.geojson"]!).count == map.edges.count)
        let link = try #require(features(all["supply_links.geojson"]!).first)
        #expect(geometry(link)["coordinates"] as? [[Double]] == [[106.45, 26.8], [106.63, 26.65]])
        #expect(properties(link)["source"] as? String == "GY-CA" && properties(link)["kg_per_day"] as? Double == 1500)
    }

    @Test func colocatedLinkIsLeftOutAndListed() throws {
        var map = ResultsFixtures.map
        map.sources[0].latitude = map.stations[1].latitude  // LPS-COG moved onto the Liupanshui station
        map.sources[0].longitude = map.stations[1].longitude
        let links = try #require(try layers(map)["supply_links.geojson"])
        #expect(features(links).count == map.links.count - 1)
        let skipped = try #require(links["skipped"] as? [[String: Any]])
        #expect(skipped.count == 1 && skipped[0]["id"] as? String == "supply-2" && (skipped[0]["reason"] as? String ?? "").contains("co-located"))
    }

    @Test func unplaceableFeaturesAreListedAndNothingIsNaN() throws {
        var map = ResultsFixtures.map
        map.stations[2].latitude = .nan
        map.sources[0].longitude = 200
        map.edges.append(MapEdge(from: "GZ_GY", to: "NOWHERE", km: 10, corridor: "ghost"))
        let t = try Self.tables(map)
        let all = try GeoJSONWriter.layers(map, stations: t.stations, supply: t.supply)
        for layer in all { #expect(!layer.text.lowercased().contains("nan") && !layer.text.lowercased().contains("inf")) }
        func skipped(_ name: String) throws -> [String] {
            let object = try parse(all.first { $0.name == name }!.text)
            return (object["skipped"] as? [[String: Any]] ?? []).map { "\($0["kind"]!):\($0["id"]!)" }
        }
        #expect(try skipped("stations.geojson") == ["station:GZ_ZY"])
        #expect(try skipped("sources.geojson") == ["source:LPS-COG"])
        #expect(try skipped("corridors.geojson") == ["corridor:corridor-\(map.edges.count)"])
        #expect(try skipped("supply_links.geojson") == ["supply:supply-2", "supply:supply-3"])
    }

    @Test func emptyMapAndDeterminism() throws {
        let empty = MapData(title: "", subtitle: "", nodes: [], edges: [], stations: [], sources: [], links: [])
        for (_, object) in try layers(empty) { #expect(features(object).isEmpty) }
        let t = try Self.tables(ResultsFixtures.map)
        let a = try GeoJSONWriter.layers(ResultsFixtures.map, stations: t.stations, supply: t.supply)
        let b = try GeoJSONWriter.layers(ResultsFixtures.map, stations: t.stations, supply: t.supply)
        #expect(a.map(\.text) == b.map(\.text))
    }
}
