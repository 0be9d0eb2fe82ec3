// map.svg (DESIGN §3): the corridor network with the stations the run built, the sources that
// feed them and the delivery links, for a planner's report.

/// Draws `map.svg`.
///
/// - Projection: equirectangular, longitude scaled by cos(latitude at the middle of the map),
///   fitted to the bounding box of all nodes, stations and sources with finite, in-range
///   coordinates (others are not drawn; the legend counts them).
/// - Corridors: grey lines, each corridor name labelled once (where it fits). Supply links:
///   dashed lines, colour and dash pattern by delivery mode. Sources: squares coloured by
///   pathway. Stations: circles with area ∝ capacity (radius 9 px at 1,000 kg/d, at least
///   2.5 px so a zero-capacity station is still seen, at most 40 px), coloured by the production
///   pathway of their supply, largest drawn first. Nodes of kind "city" are labelled; labels
///   are moved around their point to avoid each other and the markers.
/// - Every station and source element has `id="station-<site>"` / `id="source-<id>"` and a
///   `<title>` (hover text) with its figures.
/// - Text is XML-escaped; numbers have at most two decimals; the same input gives the same bytes.
public enum MapSVG {
    public static func render(_ map: MapData, width: Double = 1000, height: Double = 800) -> String {
        let width = width.isFinite ? max(width, 400) : 1000
        let height = height.isFinite ? max(height, 300) : 800
        var svg = SVGBuilder(width: width, height: height)
        let legendWidth = 250.0
        let headerHeight = 78.0
        let frame = PlotBox(minX: 12, minY: headerHeight, maxX: width - legendWidth - 8, maxY: height - 12)
        // Inner margin so markers and labels at the edge of the bounding box stay in the frame.
        let area = PlotBox(minX: frame.x + 50, minY: frame.y + 36, maxX: frame.maxX - 50, maxY: frame.maxY - 44)

        let nodes = map.nodes.filter { coordinateProblem(latitude: $0.latitude, longitude: $0.longitude) == nil }
        let stations = map.stations.filter { coordinateProblem(latitude: $0.latitude, longitude: $0.longitude) == nil }
        let sources = map.sources.filter { coordinateProblem(latitude: $0.latitude, longitude: $0.longitude) == nil }
        let notDrawn = (map.nodes.count - nodes.count) + (map.stations.count - stations.count) + (map.sources.count - sources.count)
        var points = nodes.map { (latitude: $0.latitude, longitude: $0.longitude) }
        points += stations.map { (latitude: $0.latitude, longitude: $0.longitude) }
        points += sources.map { (latitude: $0.latitude, longitude: $0.longitude) }
        let projection = MapProjection(fitting: points, into: area)
        let places = MapPlaces(map)
        func pixel(_ place: MapPlaces.Place) -> (x: Double, y: Double) {
            (projection.x(longitude: place.longitude), projection.y(latitude: place.latitude))
        }

        svg.element("rect", [
            ("id", "map-frame"), ("x", svgNumber(frame.x)), ("y", svgNumber(frame.y)), ("width", svgNumber(frame.width)),
            ("height", svgNumber(frame.height)), ("fill", "#f4f7f9"), ("stroke", "#d0d7de"),
        ])

        // Corridors.
        var corridorSegments: [(name: String, from: (x: Double, y: Double), to: (x: Double, y: Double))] = []
        svg.open("g", [("id", "corridors"), ("stroke", "#a9b0b7"), ("stroke-width", "3"), ("stroke-linecap", "round")])
        for edge in map.edges {
            guard case .success(let ends) = places.line(from: places.node(edge.from), to: places.node(edge.to), fromName: edge.from, toName: edge.to) else { continue }
            let (a, b) = (pixel(ends[0]), pixel(ends[1]))
            corridorSegments.append((edge.corridor, a, b))
            svg.element("line", [("x1", svgNumber(a.x)), ("y1", svgNumber(a.y)), ("x2", svgNumber(b.x)), ("y2", svgNumber(b.y))],
                        hover: "\(edge.corridor): \(edge.from) – \(edge.to), \(fixedDecimals(edge.km, 1)) km")
        }
        svg.close("g")

        // Supply links.
        svg.open("g", [("id", "supply-links"), ("fill", "none"), ("stroke-width", "2")])
        for link in map.links {
            guard case .success(let ends) = places.line(from: places.source(link.sourceID), to: places.site(link.site), fromName: link.sourceID, toName: link.site) else { continue }
            let (a, b) = (pixel(ends[0]), pixel(ends[1]))
            let style = ChartPalette.deliveryStyle(link.deliveryMode)
            svg.element("line", [
                ("x1", svgNumber(a.x)), ("y1", svgNumber(a.y)), ("x2", svgNumber(b.x)), ("y2", svgNumber(b.y)),
                ("stroke", style.colour), ("stroke-dasharray", style.dash),
            ], hover: "\(link.sourceID) → \(link.site): \(link.deliveryMode), \(fixedDecimals(link.kgPerDay, 0)) kg/d")
        }
        svg.close("g")

        // Nodes as small dots; markers and labels keep clear of each other.
        var occupied: [PlotBox] = []
        svg.open("g", [("id", "nodes"), ("fill", "#6b7280")])
        for node in nodes {
            let p = pixel((node.latitude, node.longitude))
            svg.element("circle", [("cx", svgNumber(p.x)), ("cy", svgNumber(p.y)), ("r", "2.5")], hover: "\(node.name) (\(node.id))")
        }
        svg.close("g")

        svg.open("g", [("id", "sources"), ("stroke", "#1f2937"), ("stroke-width", "1")])
        let sourceSide = 12.0
        for source in sources {
            let p = pixel((source.latitude, source.longitude))
            occupied.append(PlotBox(x: p.x - sourceSide / 2, y: p.y - sourceSide / 2, width: sourceSide, height: sourceSide))
            svg.element("rect", [
                ("id", "source-" + source.id), ("x", svgNumber(p.x - sourceSide / 2)), ("y", svgNumber(p.y - sourceSide / 2)),
                ("width", svgNumber(sourceSide)), ("height", svgNumber(sourceSide)), ("fill", ChartPalette.pathwayColour(source.pathway)),
            ], hover: "\(source.name) (\(source.id)): \(source.pathway), \(fixedDecimals(source.availableTonnesPerYear, 0)) t/yr available")
        }
        svg.close("g")

        // Largest first, so small stations stay visible on top of large ones.
        let drawingOrder = stations.enumerated().sorted { a, b in
            let (ca, cb) = (finiteOrZero(a.element.capacityKgPerDay), finiteOrZero(b.element.capacityKgPerDay))
            return ca != cb ? ca > cb : a.offset < b.offset
        }.map(\.element)
        var clearance: [String: Double] = [:]  // node id → radius of the marker drawn on it
        svg.open("g", [("id", "stations"), ("stroke", "#1f2937"), ("stroke-width", "1.2"), ("fill-opacity", "0.9")])
        for station in drawingOrder {
            let p = pixel((station.latitude, station.longitude))
            let radius = stationRadius(station.capacityKgPerDay)
            occupied.append(PlotBox(x: p.x - radius, y: p.y - radius, width: 2 * radius, height: 2 * radius))
            clearance[station.site] = max(clearance[station.site] ?? 0, radius)
            svg.element("circle", [
                ("id", "station-" + station.site), ("cx", svgNumber(p.x)), ("cy", svgNumber(p.y)), ("r", svgNumber(radius)),
                ("fill", ChartPalette.pathwayColour(station.production)),
            ], hover: stationHover(station))
        }
        svg.close("g")

        // City labels, then corridor names where room is left.
        svg.open("g", [("id", "labels"), ("paint-order", "stroke"), ("stroke", "#ffffff"), ("stroke-width", "3"), ("stroke-linejoin", "round")])
        for node in nodes where node.kind.lowercased() == "city" {
            let p = pixel((node.latitude, node.longitude))
            let gap = max(clearance[node.id] ?? 0, 3) + 3
            if let spot = labelSpot(node.name, at: p, gap: gap, fontSize: 12, inside: frame, avoiding: occupied, forced: true) {
                occupied.append(spot.box)
                svg.label(node.name, x: spot.x, y: spot.y, size: 12, anchor: spot.anchor, fill: "#111827")
            }
        }
        var labelledCorridors: Set<String> = []
        for name in corridorSegments.map(\.name) where !name.isEmpty && labelledCorridors.insert(name).inserted {
            // Try the corridor's edges from the longest down; skip the name if none has room.
            let segments = corridorSegments.enumerated().filter { $0.element.name == name }.sorted { a, b in
                let (la, lb) = (length(a.element.from, a.element.to), length(b.element.from, b.element.to))
                return la != lb ? la > lb : a.offset < b.offset
            }.map(\.element)
            for segment in segments {
                let middle = ((segment.from.x + segment.to.x) / 2, (segment.from.y + segment.to.y) / 2)
                if let spot = labelSpot(name, at: middle, gap: 4, fontSize: 10, inside: frame, avoiding: occupied, forced: false) {
                    occupied.append(spot.box)
                    svg.label(name, x: spot.x, y: spot.y, size: 10, anchor: spot.anchor, fill: "#6b7280", extra: [("font-style", "italic")])
                    break
                }
            }
        }
        svg.close("g")

        if points.isEmpty {
            svg.label("no mapped locations", x: frame.x + frame.width / 2, y: frame.y + frame.height / 2, size: 14, anchor: "middle", fill: "#6b7280")
        } else {
            drawScaleBar(&svg, projection: projection, frame: frame)
        }

        svg.label(map.title, x: 16, y: 34, size: 22, fill: "#111827", weight: "bold")
        svg.label(map.subtitle, x: 16, y: 58, size: 14, fill: "#4b5563")

        drawLegend(&svg, map: map, stations: stations, sources: sources, notDrawn: notDrawn,
                   box: PlotBox(minX: width - legendWidth, minY: headerHeight, maxX: width - 12, maxY: height - 12))
        return svg.finish()
    }

    /// Radius in pixels: area ∝ capacity, 9 px at 1,000 kg/d; clamped to 2.5…40 px.
    static func stationRadius(_ capacityKgPerDay: Double) -> Double {
        guard capacityKgPerDay.isFinite, capacityKgPerDay > 0 else { return 2.5 }
        return min(40, max(2.5, 9 * (capacityKgPerDay / 1000).squareRoot()))
    }

    private static func finiteOrZero(_ value: Double) -> Double { value.isFinite ? value : 0 }

    private static func length(_ a: (x: Double, y: Double), _ b: (x: Double, y: Double)) -> Double {
        ((a.x - b.x) * (a.x - b.x) + (a.y - b.y) * (a.y - b.y)).squareRoot()
    }

    private static func stationHover(_ station: MapStation) -> String {
        var text = "\(station.name) (\(station.site)): \(fixedDecimals(station.capacityKgPerDay, 0)) kg/d"
        if !station.sizeClass.isEmpty { text += " (size \(station.sizeClass))" }
        text += ", throughput \(fixedDecimals(station.throughputKgPerDay, 0)) kg/d, \(station.production) via \(station.delivery)"
        if let cost = station.costCnyPerKg { text += ", \(fixedDecimals(cost, 2)) CNY/kg" }
        return text
    }

    /// Where a label next to point `p` fits: right, left, above, below, in that order, inside
    /// `inside` and clear of `avoiding`. If none is clear, `forced` takes the first that is
    /// inside (a city name matters more than a tidy map); otherwise nil.
    private static func labelSpot(
        _ text: String, at p: (x: Double, y: Double), gap: Double, fontSize: Double, inside: PlotBox, avoiding: [PlotBox], forced: Bool
    ) -> (x: Double, y: Double, anchor: String, box: PlotBox)? {
        let w = estimatedTextWidth(text, fontSize: fontSize)
        let ascent = fontSize * 0.8, descent = fontSize * 0.25
        let candidates: [(x: Double, y: Double, anchor: String, box: PlotBox)] = [
            (p.x + gap, p.y + fontSize * 0.35, "start", PlotBox(minX: p.x + gap, minY: p.y + fontSize * 0.35 - ascent, maxX: p.x + gap + w, maxY: p.y + fontSize * 0.35 + descent)),
            (p.x - gap, p.y + fontSize * 0.35, "end", PlotBox(minX: p.x - gap - w, minY: p.y + fontSize * 0.35 - ascent, maxX: p.x - gap, maxY: p.y + fontSize * 0.35 + descent)),
            (p.x, p.y - gap - descent, "middle", PlotBox(minX: p.x - w / 2, minY: p.y - gap - descent - ascent, maxX: p.x + w / 2, maxY: p.y - gap)),
            (p.x, p.y + gap + ascent, "middle", PlotBox(minX: p.x - w / 2, minY: p.y + gap, maxX: p.x + w / 2, maxY: p.y + gap + ascent + descent)),
        ]
        let inFrame = candidates.filter { inside.contains($0.box) }
        if let clear = inFrame.first(where: { candidate in !avoiding.contains { $0.intersects(candidate.box) } }) { return clear }
        return forced ? (inFrame.first ?? candidates[0]) : nil
    }

    /// A scale bar of a round number of km, about 120 px long, in the frame's lower left.
    private static func drawScaleBar(_ svg: inout SVGBuilder, projection: MapProjection, frame: PlotBox) {
        let pixelsPerKm = projection.pixelsPerKm
        guard pixelsPerKm.isFinite, pixelsPerKm > 0 else { return }
        let axis = ChartAxis(covering: 0, 120 / pixelsPerKm, targetTicks: 1)
        let km = axis.step
        let barLength = km * pixelsPerKm
        guard barLength.isFinite, barLength > 4, barLength < frame.width - 40 else { return }
        let (x, y) = (frame.x + 16, frame.maxY - 16)
        svg.open("g", [("id", "scale-bar"), ("stroke", "#374151"), ("stroke-width", "1.5")])
        svg.element("line", [("x1", svgNumber(x)), ("y1", svgNumber(y)), ("x2", svgNumber(x + barLength)), ("y2", svgNumber(y))])
        svg.element("line", [("x1", svgNumber(x)), ("y1", svgNumber(y - 5)), ("x2", svgNumber(x)), ("y2", svgNumber(y))])
        svg.element("line", [("x1", svgNumber(x + barLength)), ("y1", svgNumber(y - 5)), ("x2", svgNumber(x + barLength)), ("y2", svgNumber(y))])
        svg.close("g")
        svg.label("\(axis.tickLabel(km)) km", x: x + barLength + 6, y: y + 4, size: 11, fill: "#374151")
    }

    private static func drawLegend(
        _ svg: inout SVGBuilder, map: MapData, stations: [MapStation], sources: [MapSource], notDrawn: Int, box: PlotBox
    ) {
        let pathways = ChartPalette.legendOrder(stations.map(\.production) + sources.map(\.pathway), knownOrder: ChartPalette.pathwayOrder)
        let modes = ChartPalette.legendOrder(map.links.map(\.deliveryMode), knownOrder: ChartPalette.deliveryOrder)
        let sizes: [Double] = [500, 1000, 2000]
        // Rows: headings and entries; the size circles need taller rows.
        let sizeRowHeights = sizes.map { max(20, 2 * stationRadius($0) + 6) }
        var needed = 4 * 26.0 + Double(pathways.count + modes.count + 2) * 20 + sizeRowHeights.reduce(0, +)
        if notDrawn > 0 { needed += 24 }
        // Squeeze rows (never below 12 px) rather than letting the legend run off the canvas.
        let squeeze = min(1, max(12.0 / 20.0, (box.height - 16) / needed))
        let row = 20 * squeeze, heading = 26 * squeeze

        svg.open("g", [("id", "legend")])
        svg.element("rect", [
            ("x", svgNumber(box.x)), ("y", svgNumber(box.y)), ("width", svgNumber(box.width)), ("height", svgNumber(box.height)),
            ("fill", "#ffffff"), ("stroke", "#d0d7de"),
        ])
        let left = box.x + 12
        let textX = left + 32
        let maxTextWidth = box.maxX - textX - 6
        var y = box.y + 8
        func headingText(_ text: String) {
            y += heading
            svg.label(text, x: left, y: y - 8 * squeeze, size: 13, fill: "#111827", weight: "bold")
        }
        func entryText(_ text: String) {
            svg.label(fitted(text, width: maxTextWidth, fontSize: 12), x: textX, y: y + 4, size: 12, fill: "#1f2937")
        }
        if !pathways.isEmpty {
            headingText("Production pathway")
            for pathway in pathways {
                y += row / 2
                svg.element("circle", [("cx", svgNumber(left + 12)), ("cy", svgNumber(y)), ("r", "6"),
                                       ("fill", ChartPalette.pathwayColour(pathway)), ("stroke", "#1f2937")])
                entryText(pathway)
                y += row / 2
            }
        }
        headingText("Station capacity")
        for (size, rowHeight) in zip(sizes, sizeRowHeights) {
            let radius = stationRadius(size)
            y += rowHeight * squeeze / 2
            svg.element("circle", [("cx", svgNumber(left + 12)), ("cy", svgNumber(y)), ("r", svgNumber(radius)),
                                   ("fill", "#e5e7eb"), ("stroke", "#1f2937")])
            entryText("\(fixedDecimals(size, 0)) kg/d")
            y += rowHeight * squeeze / 2
        }
        headingText("Markers")
        y += row / 2
        svg.element("rect", [("x", svgNumber(left + 6)), ("y", svgNumber(y - 6)), ("width", "12"), ("height", "12"),
                             ("fill", "#e5e7eb"), ("stroke", "#1f2937")])
        entryText("hydrogen source")
        y += row
        svg.element("line", [("x1", svgNumber(left)), ("y1", svgNumber(y)), ("x2", svgNumber(left + 24)), ("y2", svgNumber(y)),
                             ("stroke", "#a9b0b7"), ("stroke-width", "3")])
        entryText("corridor")
        y += row / 2
        if !modes.isEmpty {
            headingText("Delivery")
            for mode in modes {
                y += row / 2
                let style = ChartPalette.deliveryStyle(mode)
                svg.element("line", [("x1", svgNumber(left)), ("y1", svgNumber(y)), ("x2", svgNumber(left + 24)), ("y2", svgNumber(y)),
                                     ("stroke", style.colour), ("stroke-width", "2"), ("stroke-dasharray", style.dash)])
                entryText(mode)
                y += row / 2
            }
        }
        if notDrawn > 0 {
            y += row
            svg.label(fitted("\(notDrawn) without coordinates, not drawn", width: box.width - 24, fontSize: 11),
                      x: left, y: y, size: 11, fill: "#b91c1c")
        }
        svg.close("g")
    }
}

/// `text`, shortened with "…" so that it fits `width` (legend entries with long names).
func fitted(_ text: String, width: Double, fontSize: Double) -> String {
    guard estimatedTextWidth(text, fontSize: fontSize) > width else { return text }
    // One pass: the width of a prefix plus "…" grows with the prefix, so the longest prefix
    // that fits is the cut. Summed in the same order as estimatedTextWidth, so the cut is the
    // one trimming a character at a time would find (issue 12: that was quadratic; a 30 KB
    // name took 21 s).
    let ellipsis = estimatedTextWidth("…", fontSize: 1)
    var ems = 0.0
    var kept = String.UnicodeScalarView()
    var best = "…"
    for scalar in text.unicodeScalars {
        ems += estimatedTextWidth(String(scalar), fontSize: 1)
        guard (ems + ellipsis) * fontSize <= width else { break }
        kept.append(scalar)
    }
    if !kept.isEmpty { best = String(kept) + "…" }
    return best
}
