import Foundation
import Testing
@testable import H2IO

@Suite struct ResultsMapSVGTests {
    @Test func everyStationAndSourceHasOneElementWithHoverText() throws {
        let map = ResultsFixtures.map
        let svg = expectValidSVG(MapSVG.render(map))
        for station in map.stations {
            let found = svg.withID("station-" + station.site)
            try #require(found.count == 1)
            #expect(found[0].name == "circle")
            #expect(found[0].attributes["fill"] == ChartPalette.pathwayColour(station.production))
            let hover = svg.children(of: found[0]).filter { $0.name == "title" }
            #expect(hover.count == 1 && hover[0].text.contains(station.name))
        }
        for source in map.sources {
            let found = svg.withID("source-" + source.id)
            try #require(found.count == 1)
            #expect(found[0].name == "rect")
            #expect(svg.children(of: found[0]).contains { $0.name == "title" && $0.text.contains(source.name) })
        }
        // One label per station site, with its name as written (plus its white halo copy); a node
        // without a station only if it is a city.
        let texts = svg.named("text").filter { $0.attributes["class"] != "halo" }.map(\.text)
        let halos = svg.withClass("halo").map(\.text)
        for station in map.stations {
            #expect(texts.filter { $0 == station.name }.count == 1, "\(station.name)")
            #expect(halos.filter { $0 == station.name }.count == 1, "\(station.name)")
        }
        let sites = Set(map.stations.map(\.site))
        for node in map.nodes where !sites.contains(node.id) && node.kind != "city" { #expect(!texts.contains(node.name), "\(node.name)") }
        #expect(texts.contains(map.title) && texts.contains(map.subtitle))
    }

    @Test func namesAreEscapedAndReadBackUnchanged() throws {
        var map = ResultsFixtures.map
        map.stations[0].name = "R&D <Hub> 贵阳 \"north\" 'gate'"
        map.title = "A & B <test>"
        let text = MapSVG.render(map)
        #expect(text.contains("R&amp;D &lt;Hub&gt; 贵阳 &quot;north&quot; &apos;gate&apos;"))
        let svg = expectValidSVG(text)
        #expect(svg.named("text").contains { $0.text == "R&D <Hub> 贵阳 \"north\" 'gate'" })
        #expect(svg.named("text").contains { $0.text == "A & B <test>" })
        // The station named "R&D <Hub> 贵阳" in the fixture: its hover text reads back too.
        let hub = try #require(svg.withID("station-GZ_GY-GZ_QZ@12").first)
        #expect(svg.children(of: hub).first?.text.hasPrefix("R&D <Hub> 贵阳") == true)
    }

    @Test func circleAreaIsProportionalToCapacity() throws {
        let svg = expectValidSVG(MapSVG.render(ResultsFixtures.map))
        let big = svg.number(try #require(svg.withID("station-GZ_GY").first), "r")  // 2000 kg/d
        let middle = svg.number(try #require(svg.withID("station-GZ_ZY").first), "r")  // 1000 kg/d
        let small = svg.number(try #require(svg.withID("station-GZ_KL").first), "r")  // 500 kg/d
        // Radii are written with two decimals: allow 0.5 % on the area ratios.
        #expect(abs(big * big / (small * small) - 4) < 0.02)
        #expect(abs(middle * middle / (small * small) - 2) < 0.01)
    }

    @Test func projectionKeepsDirectionsAndShrinksLongitudeByCosLatitude() throws {
        // Three stations at 60° N: one degree east is half as many pixels as one degree north.
        func station(_ site: String, _ latitude: Double, _ longitude: Double) -> MapStation {
            MapStation(site: site, name: site, latitude: latitude, longitude: longitude, capacityKgPerDay: 1000, sizeClass: "",
                       throughputKgPerDay: 0, production: "byproduct", delivery: "none", costCnyPerKg: nil)
        }
        let map = MapData(title: "", subtitle: "", nodes: [], edges: [],
                          stations: [station("O", 60, 10), station("E", 60, 11), station("N", 61, 10)], sources: [], links: [])
        let svg = expectValidSVG(MapSVG.render(map))
        let o = try #require(svg.withID("station-O").first), e = try #require(svg.withID("station-E").first)
        let n = try #require(svg.withID("station-N").first)
        let east = svg.number(e, "cx") - svg.number(o, "cx")
        let north = svg.number(o, "cy") - svg.number(n, "cy")
        #expect(east > 0 && north > 0)  // east is right, north is up
        #expect(svg.number(e, "cy") == svg.number(o, "cy"))
        // cos 60.5° (the map's middle latitude) = 0.49242; coordinates are rounded to 0.01 px.
        #expect(abs(east / north - 0.492424) < 0.001)
    }

    @Test func everythingStaysOnTheCanvas() throws {
        let svg = expectValidSVG(MapSVG.render(ResultsFixtures.map, width: 1000, height: 800))
        for circle in svg.named("circle") {
            let (x, y, r) = (svg.number(circle, "cx"), svg.number(circle, "cy"), svg.number(circle, "r"))
            #expect(x - r >= 0 && x + r <= 1000 && y - r >= 0 && y + r <= 800)
        }
        for rect in svg.named("rect") {
            let (x, y) = (svg.number(rect, "x"), svg.number(rect, "y"))
            #expect(x >= 0 && y >= 0 && x + svg.number(rect, "width") <= 1000 && y + svg.number(rect, "height") <= 800)
        }
        for text in svg.named("text") {
            let x = svg.number(text, "x"), y = svg.number(text, "y")
            #expect(x >= 0 && x <= 1000 && y >= 0 && y <= 800)
        }
    }

    @Test func samePathwayHasTheSameColourInEveryMap() throws {
        var other = ResultsFixtures.map
        other.stations = [other.stations[3], other.stations[0]]
        other.nodes = Array(other.nodes.prefix(3))
        let first = expectValidSVG(MapSVG.render(ResultsFixtures.map))
        let second = expectValidSVG(MapSVG.render(other))
        for site in ["GZ_GY", "GZ_KL"] {
            #expect(first.withID("station-" + site).first?.attributes["fill"] == second.withID("station-" + site).first?.attributes["fill"])
        }
    }

    @Test func degenerateMapsStillGiveValidSVG() throws {
        let empty = MapData(title: "", subtitle: "", nodes: [], edges: [], stations: [], sources: [], links: [])
        _ = expectValidSVG(MapSVG.render(empty))
        let single = MapData(title: "one", subtitle: "", nodes: [MapNode(id: "A", name: "贵阳", latitude: 26.65, longitude: 106.63, kind: "city")],
                             edges: [MapEdge(from: "A", to: "A", km: 0, corridor: "loop")], stations: [], sources: [], links: [])
        let singleSVG = expectValidSVG(MapSVG.render(single))
        #expect(singleSVG.named("text").contains { $0.text == "贵阳" })
        var broken = ResultsFixtures.map
        broken.stations[0].latitude = .nan
        broken.stations[1].capacityKgPerDay = .nan
        broken.sources[0].longitude = .infinity
        broken.links[0].kgPerDay = .nan
        broken.edges[0].km = .nan
        let brokenSVG = expectValidSVG(MapSVG.render(broken))
        #expect(brokenSVG.withID("station-GZ_GY").isEmpty)  // no coordinates: not drawn
        #expect(brokenSVG.withID("station-GZ_LPS").count == 1)  // no capacity: smallest marker
        #expect(brokenSVG.named("text").contains { $0.text.contains("2 without coordinates") })
        _ = expectValidSVG(MapSVG.render(ResultsFixtures.map, width: .nan, height: 10))
    }

    /// The label boxes exported in the comment: one per label drawn, none overlapping another,
    /// every one inside the frame; no paint-order (LibreOffice ignores it).
    @Test func labelsDoNotOverlapAndAreExported() throws {
        let map = ResultsFixtures.crowdedMap
        let text = MapSVG.render(map)
        #expect(!text.contains("paint-order"))
        let comment = try #require(text.split(separator: "\n").first { $0.hasPrefix("<!-- label-boxes: ") })
        let boxes = comment.dropFirst("<!-- label-boxes: ".count).dropLast(" -->".count).split(separator: ";").map { item in
            item.split(separator: ",").compactMap { Double($0) }
        }
        let svg = expectValidSVG(text)
        let labels = svg.named("text").filter { $0.attributes["class"] != "halo" }
        // Labels = all texts but the title, subtitle, scale bar and legend entries.
        #expect(boxes.count == svg.children(of: try #require(svg.withID("labels").first)).count)
        for station in map.stations { #expect(labels.contains { $0.text == station.name }, "\(station.name)") }
        for (i, a) in boxes.enumerated() {
            #expect(a.count == 4)
            #expect(a[0] >= 0 && a[1] >= 0 && a[0] + a[2] <= 1000 && a[1] + a[3] <= 800)
            for b in boxes[(i + 1)...] {
                let overlap = a[0] < b[0] + b[2] - 0.01 && b[0] < a[0] + a[2] - 0.01 && a[1] < b[1] + b[3] - 0.01 && b[1] < a[1] + a[3] - 0.01
                #expect(!overlap, "\(a) and \(b)")
            }
        }
    }

    /// A station inside a larger neighbour's circle (Pinghu in Jiaxing's, Beilun beside Ningbo)
    /// gets its label a few steps out, with a leader line, clear of both circles, not over the
    /// neighbour: every spot next to its point lies inside the big circle (right, left, above,
    /// below and the diagonals at 13 px are all within 30 px of its centre), and the first clear
    /// one is to the left two steps out.
    @Test func aLabelLeavesANeighboursCircleWhenASpotAFewStepsOutIsClear() throws {
        var placer = LabelPlacer(frame: PlotBox(x: 0, y: 0, width: 1000, height: 1000))
        let circles = [(x: 500.0, y: 500.0, r: 10.0), (x: 505.0, y: 500.0, r: 30.0)]
        for c in circles { placer.addMarker(PlotBox(x: c.x - c.r, y: c.y - c.r, width: 2 * c.r, height: 2 * c.r), round: true) }
        let placed = placer.place("A", at: (500, 500), gap: 13, fontSize: 12, required: true)
        let spot = try #require(placed)
        #expect(spot.displaced)
        for c in circles {
            let dx = max(spot.box.x - c.x, 0, c.x - spot.box.maxX), dy = max(spot.box.y - c.y, 0, c.y - spot.box.maxY)
            #expect(dx * dx + dy * dy >= c.r * c.r, "the label \(spot.box) meets the circle at \(c)")
        }
        #expect(spot.box.maxX < 500, "to the left: \(spot.box)")
    }

    /// The capacity legend reaches the largest circle drawn; delivery modes only of links drawn.
    @Test func legendShowsWhatIsDrawn() throws {
        #expect(MapSVG.legendSizes([500, 12_000, 2_000]) == [1_000, 5_000, 12_000])
        #expect(MapSVG.legendSizes([500]) == [50, 200, 500])
        #expect(MapSVG.legendSizes([]) == [])
        #expect(MapSVG.roundDown125(7_300) == 5_000 && MapSVG.roundDown125(0.3) == 0.2 && MapSVG.roundDown125(1) == 1)
        var map = ResultsFixtures.map
        map.links.append(MapSupplyLink(sourceID: "GY-CA", site: "GZ_GY", deliveryMode: "pipeline", kgPerDay: 10))  // GY-CA is 25 km away: drawn
        let svg = expectValidSVG(MapSVG.render(map))
        let legend = svg.children(of: try #require(svg.withID("legend").first)).map(\.text)
        #expect(legend.contains("2000 kg/d") && legend.contains("pipeline"))
        map.sources[1].latitude = map.stations[0].latitude  // a pipeline from a source at the station draws nothing
        map.sources[1].longitude = map.stations[0].longitude
        map.links = [map.links[5]]
        let colocated = expectValidSVG(MapSVG.render(map))
        let entries = colocated.children(of: try #require(colocated.withID("legend").first)).map(\.text)
        #expect(!entries.contains("pipeline") && !entries.contains("Delivery"))
    }

    @Test func sameInputSameBytes() {
        #expect(MapSVG.render(ResultsFixtures.map) == MapSVG.render(ResultsFixtures.map))
    }
}
