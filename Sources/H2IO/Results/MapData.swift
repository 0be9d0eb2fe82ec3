// Plain inputs for the map writers (stations.geojson, map.svg): what a run placed and where,
// already joined with coordinates, so the writers need neither the model nor the files.

/// A network node: a city, county seat, border anchor or an extra point on a long edge.
public struct MapNode: Sendable, Equatable {
    public var id: String
    public var name: String
    /// Degrees north (WGS 84).
    public var latitude: Double
    /// Degrees east (WGS 84).
    public var longitude: Double
    /// As in the nodes file; nodes of kind "city" get a label on the map.
    public var kind: String

    public init(id: String, name: String, latitude: Double, longitude: Double, kind: String) {
        self.id = id
        self.name = name
        self.latitude = latitude
        self.longitude = longitude
        self.kind = kind
    }
}

/// A corridor edge between two nodes (ids as in `MapData.nodes`).
public struct MapEdge: Sendable, Equatable {
    public var from: String
    public var to: String
    public var km: Double
    /// The corridor's name, e.g. "G60 Shanghai-Kunming"; labelled once per map.
    public var corridor: String

    public init(from: String, to: String, km: Double, corridor: String) {
        self.from = from
        self.to = to
        self.km = km
        self.corridor = corridor
    }
}

/// A station the run built, at a candidate site.
public struct MapStation: Sendable, Equatable {
    public var site: String
    public var name: String
    public var latitude: Double
    public var longitude: Double
    /// Nameplate capacity; the circle's area on the map is proportional to it.
    public var capacityKgPerDay: Double
    /// The size class's name, e.g. "1000".
    public var sizeClass: String
    public var throughputKgPerDay: Double
    /// The production pathway of the station's supply (`ProductionPathway` raw value, e.g.
    /// "byproduct"); it picks the circle's colour.
    public var production: String
    /// The delivery mode (`DeliveryMode` raw value, e.g. "tube-trailer-20").
    public var delivery: String
    /// Levelised cost at the nozzle; nil when the run computed none (placement only).
    public var costCnyPerKg: Double?
    /// The years the site's builds open, e.g. "2025/2030", shown beside its name on the map
    /// ("" for a single-year placement).
    public var buildYears: String

    public init(
        site: String, name: String, latitude: Double, longitude: Double, capacityKgPerDay: Double,
        sizeClass: String, throughputKgPerDay: Double, production: String, delivery: String, costCnyPerKg: Double?, buildYears: String = ""
    ) {
        self.buildYears = buildYears
        self.site = site
        self.name = name
        self.latitude = latitude
        self.longitude = longitude
        self.capacityKgPerDay = capacityKgPerDay
        self.sizeClass = sizeClass
        self.throughputKgPerDay = throughputKgPerDay
        self.production = production
        self.delivery = delivery
        self.costCnyPerKg = costCnyPerKg
    }
}

/// A hydrogen source (by-product plant, electrolyser, ammonia terminal).
public struct MapSource: Sendable, Equatable {
    public var id: String
    public var name: String
    /// The network node it stands at ("" when unknown).
    public var node: String
    /// The Chinese name (sources.csv `name_zh`), "" when none is given.
    public var nameZh: String = ""
    public var latitude: Double
    public var longitude: Double
    /// `ProductionPathway` raw value; picks the square's colour.
    public var pathway: String
    public var availableTonnesPerYear: Double

    public init(id: String, name: String, node: String = "", latitude: Double, longitude: Double, pathway: String, availableTonnesPerYear: Double) {
        self.id = id
        self.name = name
        self.node = node
        self.latitude = latitude
        self.longitude = longitude
        self.pathway = pathway
        self.availableTonnesPerYear = availableTonnesPerYear
    }
}

/// Hydrogen carried from a source to a station's site.
public struct MapSupplyLink: Sendable, Equatable {
    public var sourceID: String
    public var site: String
    /// `DeliveryMode` raw value; picks the dashed line's colour and dash pattern.
    public var deliveryMode: String
    public var kgPerDay: Double

    public init(sourceID: String, site: String, deliveryMode: String, kgPerDay: Double) {
        self.sourceID = sourceID
        self.site = site
        self.deliveryMode = deliveryMode
        self.kgPerDay = kgPerDay
    }
}

/// Everything one map shows. Order of the arrays is the drawing and listing order.
public struct MapData: Sendable, Equatable {
    public var title: String
    public var subtitle: String
    public var nodes: [MapNode]
    public var edges: [MapEdge]
    public var stations: [MapStation]
    public var sources: [MapSource]
    public var links: [MapSupplyLink]
    /// The language of the legend's fixed words (names come translated already).
    public var language: OutputLanguage = .en

    public init(
        title: String, subtitle: String, nodes: [MapNode], edges: [MapEdge], stations: [MapStation],
        sources: [MapSource], links: [MapSupplyLink]
    ) {
        self.title = title
        self.subtitle = subtitle
        self.nodes = nodes
        self.edges = edges
        self.stations = stations
        self.sources = sources
        self.links = links
    }
}
