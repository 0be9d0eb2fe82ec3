import H2Model

// Fixed colours, so a pathway, delivery mode or cost item looks the same in every map and chart
// of every run. Unknown names get a colour from a stable hash of the name (never from hash
// order of a dictionary, which changes between runs).

enum ChartPalette {
    /// Colour of a production pathway (`ProductionPathway` raw values), for station circles
    /// and source squares.
    static func pathwayColour(_ pathway: String) -> String {
        switch normalisedKey(pathway) {
        case "byproduct": "#e69f00"
        case "gridelectrolysis": "#0072b2"
        case "touelectrolysis": "#56b4e9"
        case "surplushydroelectrolysis": "#009e73"
        case "onsiteelectrolysis": "#cc79a7"
        case "ammoniacrackinghub": "#7b3294"
        case "ammoniacrackingstation": "#c2a5cf"
        case "smr": "#a6a6a6"
        case "coal": "#4d4d4d"
        default: carrierPathwayColour(pathway) ?? fallbackColour(pathway)
        }
    }

    /// A carrier's own colours (Delivery/Carrier.swift), so a new carrier needs no entry here.
    static func carrierPathwayColour(_ pathway: String) -> String? {
        guard let p = ProductionPathway(rawValue: pathway), let c = p.carrier else { return nil }
        return p.site == .hub ? c.colours.hub : c.colours.station
    }

    static func carrierTankerColour(_ mode: String) -> String? {
        DeliveryMode(rawValue: mode)?.carrier?.colours.tanker
    }

    /// Known pathways in legend order.
    static let pathwayOrder: [String] = ProductionPathway.allCases.map(\.rawValue)

    /// Colour and SVG dash pattern of a delivery mode (`DeliveryMode` raw values).
    static func deliveryStyle(_ mode: String) -> (colour: String, dash: String) {
        switch normalisedKey(mode) {
        case "tubetrailer20": ("#d55e00", "7 4")
        case "tubetrailer30": ("#b8860b", "10 4")
        case "tubetrailer50": ("#8b4513", "14 4")
        case "liquid": ("#0072b2", "2 3")
        case "pipeline": ("#009e73", "12 3 2 3")
        case "ammoniatanker": ("#7b3294", "5 2 1 2")
        case "none": ("#999999", "1 3")
        default: carrierTankerColour(mode).map { ($0, "5 2 1 2") } ?? (fallbackColour(mode), "4 4")
        }
    }

    static let deliveryOrder: [String] = DeliveryMode.allCases.map(\.rawValue)

    /// Colour of a cost item (`CostItem` raw values, DESIGN §2.7).
    static func costItemColour(_ item: String) -> String {
        switch normalisedKey(item) {
        case "production": "#4e79a7"
        case "purification": "#a0cbe8"
        case "conditioning": "#f28e2b"
        case "transport": "#ffbe7d"
        case "cracking": "#59a14f"
        case "stationcapex": "#8cd17d"
        case "stationom": "#b6992d"
        case "energy": "#f1ce63"
        case "taxes": "#86bcb6"
        case "subsidies": "#e15759"
        default: fallbackColour(item)
        }
    }

    static let costItemOrder: [String] = CostItem.allCases.map(\.rawValue)

    /// Orders `names` with the known ones first in `knownOrder`, then the rest in order of first
    /// appearance; duplicates (also spelling variants such as "station capex") collapse.
    static func legendOrder(_ names: [String], knownOrder: [String]) -> [String] {
        var seen: Set<String> = []
        var unique: [String] = []
        for name in names where seen.insert(normalisedKey(name)).inserted { unique.append(name) }
        let rank = { (name: String) -> Int in
            knownOrder.firstIndex { normalisedKey($0) == normalisedKey(name) } ?? knownOrder.count
        }
        return unique.enumerated().sorted { a, b in
            let (ra, rb) = (rank(a.element), rank(b.element))
            return ra != rb ? ra < rb : a.offset < b.offset
        }.map(\.element)
    }

    /// "station_capex", "Station capex", "stationCapex" and "station-capex" are one name.
    static func normalisedKey(_ name: String) -> String {
        String(String.UnicodeScalarView(name.lowercased().unicodeScalars.filter { $0.properties.isAlphabetic || $0.properties.numericType != nil }))
    }

    private static let fallbackColours = ["#1b9e77", "#d95f02", "#7570b3", "#e7298a", "#66a61e", "#e6ab02", "#a6761d", "#17becf"]

    /// FNV-1a over the name's UTF-8: the same name always gets the same colour.
    static func fallbackColour(_ name: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in normalisedKey(name).utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return fallbackColours[Int(hash % UInt64(fallbackColours.count))]
    }
}
