// Shared fixtures for the results writers' tests (map, charts) and tests of the small
// formatting pieces they stand on. Set H2_CHART_PREVIEW_DIR to a folder to have the preview
// test write the sample pictures there (to look at them; never committed).
import Foundation
import Testing
@testable import H2IO
#if canImport(FoundationXML)
import FoundationXML
#endif

/// A parsed SVG: every element with its attributes and text, in document order.
final class ParsedSVG: NSObject, XMLParserDelegate {
    struct Element {
        let name: String
        let attributes: [String: String]
        var text: String
        /// Indices of the enclosing elements, outermost first.
        let ancestors: [Int]
    }

    private(set) var elements: [Element] = []
    private(set) var parsed = false
    private var open: [Int] = []

    init(_ text: String) {
        super.init()
        let parser = XMLParser(data: Data(text.utf8))
        parser.delegate = self
        parsed = parser.parse()
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        elements.append(Element(name: elementName, attributes: attributes, text: "", ancestors: open))
        open.append(elements.count - 1)
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if let last = open.last { elements[last].text += string }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        open.removeLast()
    }

    func withID(_ id: String) -> [Element] { elements.filter { $0.attributes["id"] == id } }
    func withClass(_ name: String) -> [Element] { elements.filter { $0.attributes["class"] == name } }
    func named(_ name: String) -> [Element] { elements.filter { $0.name == name } }

    /// The elements inside element number `index`.
    func children(of element: Element) -> [Element] {
        guard let index = elements.firstIndex(where: { $0.attributes["id"] == element.attributes["id"] && $0.name == element.name }) else { return [] }
        return elements.filter { $0.ancestors.contains(index) }
    }

    func number(_ element: Element, _ attribute: String) -> Double {
        Double(element.attributes[attribute] ?? "") ?? .nan
    }
}

/// Checks every SVG the same way: it parses, has an svg root, and holds no "nan"/"inf" text.
func expectValidSVG(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> ParsedSVG {
    let svg = ParsedSVG(text)
    #expect(svg.parsed, "SVG does not parse as XML", sourceLocation: sourceLocation)
    #expect(svg.elements.first?.name == "svg", sourceLocation: sourceLocation)
    // No word "nan"/"inf" anywhere (names such as "Sinan" are fine) …
    let undefinedWord = try! NSRegularExpression(pattern: "\\b(nan|inf|infinity)\\b", options: [.caseInsensitive])
    let range = NSRange(text.startIndex..., in: text)
    #expect(undefinedWord.firstMatch(in: text, range: range) == nil, "SVG contains nan or inf", sourceLocation: sourceLocation)
    // … and every geometry attribute is a finite number.
    let geometry: Set<String> = ["x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "width", "height"]
    for element in svg.elements {
        for (name, value) in element.attributes where geometry.contains(name) {
            #expect(Double(value)?.isFinite == true, "\(element.name) \(name)=\(value)", sourceLocation: sourceLocation)
        }
    }
    return svg
}

/// A Guizhou-like map: real city coordinates (reference/data/cities_guizhou.csv), three
/// corridors, six stations, four sources. The figures are made up for drawing.
enum ResultsFixtures {
    static let nodes: [MapNode] = [
        MapNode(id: "GZ_GY", name: "贵阳 Guiyang", latitude: 26.65, longitude: 106.63, kind: "city"),
        MapNode(id: "GZ_ZY", name: "遵义 Zunyi", latitude: 27.73, longitude: 106.92, kind: "city"),
        MapNode(id: "GZ_AS", name: "安顺 Anshun", latitude: 26.25, longitude: 105.95, kind: "city"),
        MapNode(id: "GZ_LPS", name: "六盘水 Liupanshui", latitude: 26.60, longitude: 104.83, kind: "city"),
        MapNode(id: "GZ_BJ", name: "毕节 Bijie", latitude: 27.30, longitude: 105.28, kind: "city"),
        MapNode(id: "GZ_TR", name: "铜仁 Tongren", latitude: 27.72, longitude: 109.18, kind: "city"),
        MapNode(id: "GZ_KL", name: "凯里 Kaili", latitude: 26.58, longitude: 107.97, kind: "city"),
        MapNode(id: "GZ_DY", name: "都匀 Duyun", latitude: 26.27, longitude: 107.52, kind: "city"),
        MapNode(id: "GZ_PZ", name: "盘州 Panzhou", latitude: 25.72, longitude: 104.47, kind: "city"),
        MapNode(id: "GZ_QZ", name: "清镇 Qingzhen", latitude: 26.55, longitude: 106.47, kind: "county"),
        MapNode(id: "GZ_SS", name: "三穗 Sansui", latitude: 26.97, longitude: 108.68, kind: "county"),
        MapNode(id: "GZ_YP", name: "玉屏 Yuping", latitude: 27.23, longitude: 108.92, kind: "county"),
        MapNode(id: "GZ_GL", name: "关岭 Guanling", latitude: 25.95, longitude: 105.62, kind: "county"),
        MapNode(id: "GZ_PA", name: "普安 Pu'an", latitude: 25.78, longitude: 104.95, kind: "county"),
        MapNode(id: "GZ_TZ", name: "桐梓 Tongzi", latitude: 28.13, longitude: 106.82, kind: "county"),
        MapNode(id: "GZ_DS", name: "独山 Dushan", latitude: 25.83, longitude: 107.53, kind: "county"),
        MapNode(id: "GZ_SN", name: "思南 Sinan", latitude: 27.93, longitude: 108.25, kind: "county"),
        MapNode(id: "GZ_JS", name: "金沙 Jinsha", latitude: 27.47, longitude: 106.22, kind: "county"),
        MapNode(id: "GZ_SC", name: "水城 Shuicheng", latitude: 26.55, longitude: 104.95, kind: "county"),
    ]
    static let edges: [MapEdge] = {
        let g60 = ["GZ_YP", "GZ_SS", "GZ_KL", "GZ_GY", "GZ_QZ", "GZ_AS", "GZ_GL", "GZ_PA", "GZ_PZ"]
        let g75 = ["GZ_TZ", "GZ_ZY", "GZ_GY", "GZ_DY", "GZ_DS"]
        let g56 = ["GZ_TR", "GZ_SN", "GZ_ZY", "GZ_JS", "GZ_BJ", "GZ_SC"]
        var edges: [MapEdge] = []
        for (name, chain) in [("G60 Shanghai-Kunming", g60), ("G75 Lanzhou-Haikou", g75), ("G56 Hangzhou-Ruili", g56)] {
            for (a, b) in zip(chain, chain.dropFirst()) { edges.append(MapEdge(from: a, to: b, km: 80, corridor: name)) }
        }
        edges.append(MapEdge(from: "GZ_TR", to: "GZ_YP", km: 60, corridor: "S Tongren link"))
        edges.append(MapEdge(from: "GZ_SC", to: "GZ_LPS", km: 12, corridor: "S Liupanshui link"))
        return edges
    }()
    static let stations: [MapStation] = [
        MapStation(site: "GZ_GY", name: "贵阳 Guiyang", latitude: 26.65, longitude: 106.63, capacityKgPerDay: 2000, sizeClass: "2000",
                   throughputKgPerDay: 1500, production: "byproduct", delivery: "tube-trailer-20", costCnyPerKg: 33.4),
        MapStation(site: "GZ_LPS", name: "六盘水 Liupanshui", latitude: 26.60, longitude: 104.83, capacityKgPerDay: 1000, sizeClass: "1000",
                   throughputKgPerDay: 700, production: "byproduct", delivery: "tube-trailer-20", costCnyPerKg: 29.9),
        MapStation(site: "GZ_ZY", name: "遵义 Zunyi", latitude: 27.73, longitude: 106.92, capacityKgPerDay: 1000, sizeClass: "1000",
                   throughputKgPerDay: 600, production: "surplus-hydro-electrolysis", delivery: "tube-trailer-30", costCnyPerKg: 38.2),
        MapStation(site: "GZ_KL", name: "凯里 Kaili", latitude: 26.58, longitude: 107.97, capacityKgPerDay: 500, sizeClass: "500",
                   throughputKgPerDay: 300, production: "ammonia-cracking-station", delivery: "ammonia-tanker", costCnyPerKg: 41.0),
        MapStation(site: "GZ_PZ", name: "盘州 Panzhou", latitude: 25.72, longitude: 104.47, capacityKgPerDay: 500, sizeClass: "500",
                   throughputKgPerDay: 350, production: "onsite-electrolysis", delivery: "none", costCnyPerKg: nil),
        MapStation(site: "GZ_GY-GZ_QZ@12", name: "R&D <Hub> 贵阳", latitude: 26.61, longitude: 106.56, capacityKgPerDay: 500, sizeClass: "500",
                   throughputKgPerDay: 200, production: "byproduct", delivery: "liquid", costCnyPerKg: 35.0),
    ]
    static let sources: [MapSource] = [
        MapSource(id: "LPS-COG", name: "六盘水焦炉煤气 coke-oven gas", latitude: 26.45, longitude: 104.70, pathway: "byproduct", availableTonnesPerYear: 12000),
        MapSource(id: "GY-CA", name: "贵阳氯碱 chlor-alkali", latitude: 26.80, longitude: 106.45, pathway: "byproduct", availableTonnesPerYear: 3000),
        MapSource(id: "ZY-HYDRO", name: "乌江水电 surplus hydro", latitude: 27.95, longitude: 107.30, pathway: "surplus-hydro-electrolysis", availableTonnesPerYear: 900),
        MapSource(id: "KL-NH3", name: "黔东南合成氨 ammonia", latitude: 26.40, longitude: 108.30, pathway: "ammonia-cracking-station", availableTonnesPerYear: 5000),
    ]
    static let links: [MapSupplyLink] = [
        MapSupplyLink(sourceID: "GY-CA", site: "GZ_GY", deliveryMode: "tube-trailer-20", kgPerDay: 1500),
        MapSupplyLink(sourceID: "LPS-COG", site: "GZ_LPS", deliveryMode: "tube-trailer-20", kgPerDay: 700),
        MapSupplyLink(sourceID: "ZY-HYDRO", site: "GZ_ZY", deliveryMode: "tube-trailer-30", kgPerDay: 600),
        MapSupplyLink(sourceID: "KL-NH3", site: "GZ_KL", deliveryMode: "ammonia-tanker", kgPerDay: 300),
        MapSupplyLink(sourceID: "GY-CA", site: "GZ_GY-GZ_QZ@12", deliveryMode: "liquid", kgPerDay: 200),
    ]
    static let map = MapData(title: "Guizhou 2025 — hydrogen stations", subtitle: "sample drawing; 6 stations, 4 sources",
                             nodes: nodes, edges: edges, stations: stations, sources: sources, links: links)
    /// The sample plus twenty stations on a small patch around Guiyang: labels must spread out.
    static let crowdedMap: MapData = {
        var map = ResultsFixtures.map
        for i in 0..<20 {
            map.stations.append(MapStation(site: "X\(i)", name: "站点 Site \(i)", latitude: 26.5 + Double(i % 5) * 0.06,
                                           longitude: 106.4 + Double(i / 5) * 0.09, capacityKgPerDay: 500, sizeClass: "500",
                                           throughputKgPerDay: 300, production: "byproduct", delivery: "none", costCnyPerKg: nil))
        }
        return map
    }()

    static let costBars: [CostBar] = [
        CostBar(label: "贵阳 Guiyang", segments: [("production", 14.5), ("purification", 2.1), ("conditioning", 2.4), ("transport", 6.6),
                                                ("station_capex", 7.9), ("station_om", 2.6), ("energy", 2.2), ("subsidies", -6)]),
        CostBar(label: "遵义 Zunyi", segments: [("production", 22.0), ("conditioning", 2.6), ("transport", 5.3), ("station_capex", 8.8),
                                              ("station_om", 2.9), ("energy", 2.2), ("taxes", 1.4), ("subsidies", -9)]),
        CostBar(label: "凯里 Kaili (R&D <NH3>)", segments: [("production", 12.5), ("transport", 3.1), ("cracking", 9.4), ("station_capex", 11.2),
                                                         ("station_om", 3.3), ("energy", 1.5)]),
        CostBar(label: "network average", segments: [("production", 16.1), ("purification", 1.2), ("conditioning", 2.0), ("transport", 5.4),
                                                   ("cracking", 1.6), ("station_capex", 8.6), ("station_om", 2.8), ("energy", 2.0), ("taxes", 0.6), ("subsidies", -5.4)]),
    ]
    static let tornadoRows: [TornadoRow] = [
        TornadoRow(parameter: "by-product price (CNY/kg)", lowValue: 29.1, highValue: 38.4, lowInput: "8", highInput: "16"),
        TornadoRow(parameter: "station utilisation", lowValue: 40.2, highValue: 31.0, lowInput: "0.4", highInput: "0.9"),
        TornadoRow(parameter: "discount rate", lowValue: 32.2, highValue: 35.9, lowInput: "0.04", highInput: "0.10"),
        TornadoRow(parameter: "trailer distance (km)", lowValue: 32.9, highValue: 35.0, lowInput: "50", highInput: "250"),
        TornadoRow(parameter: "compressor life (non-monotone)", lowValue: 34.9, highValue: 34.5, lowInput: "5 yr", highInput: "20 yr"),
    ]
    /// A deterministic skewed sample (no RNG needed): a quadratic map of evenly spaced points.
    static let histogramValues: [Double] = (0..<2000).map { i in
        let u = (Double(i) + 0.5) / 2000
        return 28 + 12 * u * u + 3 * u
    }
}

@Suite struct ResultsFormattingTests {
    @Test(arguments: [
        (12.5, 2, "12.50"), (0.125, 2, "0.13"), (-0.125, 2, "-0.13"), (-0.001, 2, "0.00"), (31.2, 2, "31.20"),
        (1000, 0, "1000"), (2.5, 0, "3"), (-2.5, 0, "-3"), (0.05, 1, "0.1"),
    ])
    func fixedDecimalsRoundHalfAwayFromZero(value: Double, decimals: Int, expected: String) {
        #expect(fixedDecimals(value, decimals) == expected)
    }

    @Test func svgNumbersDropTrailingZerosAndNeverWriteNaN() {
        #expect(svgNumber(12.5) == "12.5")
        #expect(svgNumber(300) == "300")
        #expect(svgNumber(-0.001) == "0")
        #expect(svgNumber(1.005, decimals: 1) == "1")
        #expect(svgNumber(.nan) == "0")
        #expect(svgNumber(.infinity) == "0")
    }

    @Test func xmlEscapingCoversTheFiveCharactersAndDropsControls() {
        #expect(xmlEscaped("R&D <Hub> \"x\" 'y' 贵阳") == "R&amp;D &lt;Hub&gt; &quot;x&quot; &apos;y&apos; 贵阳")
        #expect(xmlEscaped("a\u{01}b\tc") == "ab\tc")
    }

    @Test(arguments: [
        // (low, high, expected ticks): step 1, 2 or 5 × 10^k, about six intervals.
        (0.0, 37.4, [0.0, 10, 20, 30, 40]),
        (-9.0, 31.0, [-10.0, 0, 10, 20, 30, 40]),
        (0.0, 0.0, [0.0, 0.2, 0.4, 0.6, 0.8, 1.0]),
        (28.0, 43.0, [25.0, 30, 35, 40, 45]),
        (0.0, 1.0, [0.0, 0.2, 0.4, 0.6, 0.8, 1.0]),
        (-0.003, 0.0, [-0.003, -0.0025, -0.002, -0.0015, -0.001, -0.0005, 0]),
    ])
    func axisTicksAreNiceSteps(low: Double, high: Double, expected: [Double]) {
        let axis = ChartAxis(covering: low, high)
        #expect(axis.ticks.count == expected.count)
        for (tick, want) in zip(axis.ticks, expected) { #expect(abs(tick - want) < 1e-9) }
        #expect(axis.lower <= min(low, high) && axis.upper >= max(low, high))
    }

    @Test(arguments: [0.0, 26.65, 30, 45, 60, 89.9, -33.3, 120, 200, 400])
    func cosineMatchesLibm(degrees: Double) {
        #expect(abs(deterministicCosine(degrees: degrees) - cos(degrees * Double.pi / 180)) < 1e-12)
    }

    @Test func paletteIsFixedAndSpellingTolerant() {
        #expect(ChartPalette.costItemColour("station_capex") == ChartPalette.costItemColour("Station capex"))
        #expect(ChartPalette.pathwayColour("byproduct") != ChartPalette.pathwayColour("grid-electrolysis"))
        #expect(ChartPalette.fallbackColour("hydrogen-from-moonlight") == ChartPalette.fallbackColour("hydrogen-from-moonlight"))
        let order = ChartPalette.legendOrder(["subsidies", "zeta", "production", "alpha", "Production"], knownOrder: ChartPalette.costItemOrder)
        #expect(order == ["production", "subsidies", "zeta", "alpha"])
    }

    /// Writes the sample pictures when H2_CHART_PREVIEW_DIR is set (for looking at them).
    @Test func previewSamplesWhenAsked() throws {
        guard let folder = ProcessInfo.processInfo.environment["H2_CHART_PREVIEW_DIR"] else { return }
        let pictures: [(String, String)] = [
            ("map.svg", MapSVG.render(ResultsFixtures.map)),
            ("map-crowded.svg", MapSVG.render(ResultsFixtures.crowdedMap)),
            ("cost.svg", CostChartSVG.render(title: "Cost at the nozzle by station", unit: "CNY/kg (2024 prices)", bars: ResultsFixtures.costBars)),
            ("tornado.svg", TornadoChartSVG.render(title: "Sensitivity of the network average cost", unit: "CNY/kg", baseline: 34.2,
                                                   rows: ResultsFixtures.tornadoRows)),
            ("histogram.svg", HistogramSVG.render(title: "Monte Carlo: network average cost", unit: "CNY/kg", values: ResultsFixtures.histogramValues,
                                                  bins: 30, markers: [("P5", 28.9), ("P50", 32.4), ("mean", 33.0), ("P95", 41.1)])),
        ]
        let t = try ResultsGeoJSONTests.tables(ResultsFixtures.map)
        let layers = try GeoJSONWriter.layers(ResultsFixtures.map, stations: t.stations, supply: t.supply).map { ($0.name, $0.text) }
        for (name, text) in pictures + layers {
            try Data(text.utf8).write(to: URL(fileURLWithPath: folder + "/" + name))
        }
    }
}
