import Foundation
import Testing
@testable import H2IO

@Suite struct ResultsGeoJSONTests {
    private func parse(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    private func features(_ object: [String: Any]) -> [[String: Any]] {
        object["features"] as? [[String: Any]] ?? []
    }

    private func properties(_ feature: [String: Any]) -> [String: Any] { feature["properties"] as? [String: Any] ?? [:] }
    private func geometry(_ feature: [String: Any]) -> [String: Any] { feature["geometry"] as? [String: Any] ?? [:] }

    @Test func sampleIsAFeatureCollectionWithEveryStationAndSourceAtLonLat() throws {
        let map = ResultsFixtures.map
        let object = try parse(try GeoJSONWriter.render(map))
        #expect(object["type"] as? String == "FeatureCollection")
        let all = features(object)
        #expect(all.count == map.edges.count + map.links.count + map.sources.count + map.stations.count)
        #expect((object["skipped"] as? [Any])?.isEmpty == true)

        for station in map.stations {
            let matching = all.filter { properties($0)["kind"] as? String == "station" && properties($0)["site"] as? String == station.site }
            try #require(matching.count == 1)
            let feature = matching[0]
            #expect(feature["id"] as? String == "station-" + station.site)
            #expect(geometry(feature)["type"] as? String == "Point")
            // RFC 7946: [longitude, latitude].
            #expect(geometry(feature)["coordinates"] as? [Double] == [station.longitude, station.latitude])
            #expect(properties(feature)["name"] as? String == station.name)
            #expect(properties(feature)["capacity_kg_per_day"] as? Double == station.capacityKgPerDay)
            #expect(properties(feature)["production"] as? String == station.production)
            if let cost = station.costCnyPerKg {
                #expect(properties(feature)["cost_cny_per_kg"] as? Double == cost)
            } else {
                #expect(properties(feature)["cost_cny_per_kg"] is NSNull)
            }
        }
        for source in map.sources {
            let matching = all.filter { properties($0)["kind"] as? String == "source" && properties($0)["id"] as? String == source.id }
            try #require(matching.count == 1)
            #expect(geometry(matching[0])["coordinates"] as? [Double] == [source.longitude, source.latitude])
            #expect(properties(matching[0])["available_t_per_year"] as? Double == source.availableTonnesPerYear)
        }
        let nodes = Dictionary(uniqueKeysWithValues: map.nodes.map { ($0.id, $0) })
        let corridors = all.filter { properties($0)["kind"] as? String == "corridor" }
        #expect(corridors.count == map.edges.count)
        for (feature, edge) in zip(corridors, map.edges) {
            #expect(geometry(feature)["type"] as? String == "LineString")
            let (a, b) = (nodes[edge.from]!, nodes[edge.to]!)
            #expect(geometry(feature)["coordinates"] as? [[Double]] == [[a.longitude, a.latitude], [b.longitude, b.latitude]])
            #expect(properties(feature)["corridor"] as? String == edge.corridor)
        }
        let supply = all.filter { properties($0)["kind"] as? String == "supply" }
        #expect(supply.count == map.links.count)
        #expect(supply.allSatisfy { geometry($0)["type"] as? String == "LineString" })
    }

    @Test func tinyMapGivesExactlyThisText() throws {
        let map = MapData(
            title: "t", subtitle: "s",
            nodes: [MapNode(id: "A", name: "甲", latitude: 26.5, longitude: 106.25, kind: "city"),
                    MapNode(id: "B", name: "乙", latitude: 27, longitude: 107, kind: "county")],
            edges: [MapEdge(from: "A", to: "B", km: 90.5, corridor: "G1")],
            stations: [MapStation(site: "A", name: "甲站", latitude: 26.5, longitude: 106.25, capacityKgPerDay: 1000, sizeClass: "1000",
                                  throughputKgPerDay: 640, production: "byproduct", delivery: "tube-trailer-20", costCnyPerKg: nil)],
            sources: [], links: [])
        let expected = """
            {
              "type": "FeatureCollection",
              "features": [
                {
                  "type": "Feature",
                  "id": "corridor-1",
                  "geometry": {
                    "type": "LineString",
                    "coordinates": [
                      [
                        106.25,
                        26.5
                      ],
                      [
                        107,
                        27
                      ]
                    ]
                  },
                  "properties": {
                    "kind": "corridor",
                    "from": "A",
                    "to": "B",
                    "km": 90.5,
                    "corridor": "G1"
                  }
                },
                {
                  "type": "Feature",
                  "id": "station-A",
                  "geometry": {
                    "type": "Point",
                    "coordinates": [
                      106.25,
                      26.5
                    ]
                  },
                  "properties": {
                    "kind": "station",
                    "site": "A",
                    "name": "甲站",
                    "capacity_kg_per_day": 1000,
                    "size_class": "1000",
                    "throughput_kg_per_day": 640,
                    "production": "byproduct",
                    "delivery": "tube-trailer-20",
                    "cost_cny_per_kg": null
                  }
                }
              ],
              "skipped": []
            }

            """
        #expect(try GeoJSONWriter.render(map) == expected)
    }

    @Test func undefinedNumbersBecomeNullAndUnplaceableFeaturesAreListed() throws {
        var map = ResultsFixtures.map
        map.stations[0].throughputKgPerDay = .nan
        map.stations[1].costCnyPerKg = .infinity
        map.stations[2].latitude = .nan
        map.sources[0].longitude = 200
        map.edges.append(MapEdge(from: "GZ_GY", to: "NOWHERE", km: 10, corridor: "ghost"))
        let text = try GeoJSONWriter.render(map)
        #expect(!text.lowercased().contains("nan") && !text.lowercased().contains("inf"))
        let object = try parse(text)
        let skipped = try #require(object["skipped"] as? [[String: Any]])
        let skippedIDs = skipped.map { "\($0["kind"]!):\($0["id"]!)" }
        // The station without latitude, the source off the globe, the ghost edge, and the supply
        // links that end at the two of them.
        #expect(skippedIDs.contains("station:GZ_ZY"))
        #expect(skippedIDs.contains("source:LPS-COG"))
        #expect(skippedIDs.contains("corridor:corridor-\(map.edges.count)"))
        #expect(skippedIDs.contains("supply:supply-2") && skippedIDs.contains("supply:supply-3"))
        let all = features(object)
        #expect(all.count + skipped.count == map.edges.count + map.links.count + map.sources.count + map.stations.count)
        let first = try #require(all.first { $0["id"] as? String == "station-GZ_GY" })
        #expect(properties(first)["throughput_kg_per_day"] is NSNull)
        let second = try #require(all.first { $0["id"] as? String == "station-GZ_LPS" })
        #expect(properties(second)["cost_cny_per_kg"] is NSNull)
    }

    @Test func emptyMapAndDeterminism() throws {
        let empty = MapData(title: "", subtitle: "", nodes: [], edges: [], stations: [], sources: [], links: [])
        let object = try parse(try GeoJSONWriter.render(empty))
        #expect(object["type"] as? String == "FeatureCollection")
        #expect(features(object).isEmpty)
        #expect(try GeoJSONWriter.render(ResultsFixtures.map) == GeoJSONWriter.render(ResultsFixtures.map))
    }
}
