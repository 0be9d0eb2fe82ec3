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
///   pathway of their supply, largest drawn first; sources are drawn on top, side by side where
///   several share a place.
/// - Labels (`LabelPlacer`, greedy, grid-bucketed): every station site first (largest first),
///   then cities without a station, then corridor names where room is left; each tries
///   positions around its point and takes the first clear of earlier labels (and, if it can,
///   of markers), moving out ring by ring with a leader line when crowded. Each label is a
///   white stroked copy (`class="halo"`) under the text, not `paint-order`, which LibreOffice
///   ignores. The label boxes are exported in a `<!-- label-boxes: x,y,w,h;… -->` comment.
/// - Legend: only what is drawn (pathways of drawn stations as circles, of sources only as
///   squares; capacities up to the largest circle; delivery modes of links with a length).
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
        var drawnModes: [String] = []  // a link from a source at the station itself draws nothing
        for link in map.links {
            guard case .success(let ends) = places.line(from: places.source(link.sourceID), to: places.site(link.site), fromName: link.sourceID, toName: link.site) else { continue }
            let (a, b) = (pixel(ends[0]), pixel(ends[1]))
            let style = ChartPalette.deliveryStyle(link.deliveryMode)
            if length(a, b) >= 1 { drawnModes.append(link.deliveryMode) }
            svg.element("line", [
                ("x1", svgNumber(a.x)), ("y1", svgNumber(a.y)), ("x2", svgNumber(b.x)), ("y2", svgNumber(b.y)),
                ("stroke", style.colour), ("stroke-dasharray", style.dash),
            ], hover: "\(link.sourceID) → \(link.site): \(link.deliveryMode), \(fixedDecimals(link.kgPerDay, 0)) kg/d")
        }
        svg.close("g")

        // Nodes as small dots; markers and labels keep clear of each other.
        var placer = LabelPlacer(frame: frame)
        svg.open("g", [("id", "nodes"), ("fill", "#6b7280")])
        for node in nodes {
            let p = pixel((node.latitude, node.longitude))
            svg.element("circle", [("cx", svgNumber(p.x)), ("cy", svgNumber(p.y)), ("r", "2.5")], hover: "\(node.name) (\(node.id))")
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
            placer.addMarker(PlotBox(x: p.x - radius, y: p.y - radius, width: 2 * radius, height: 2 * radius), round: true)
            clearance[station.site] = max(clearance[station.site] ?? 0, radius)
            svg.element("circle", [
                ("id", "station-" + station.site), ("cx", svgNumber(p.x)), ("cy", svgNumber(p.y)), ("r", svgNumber(radius)),
                ("fill", ChartPalette.pathwayColour(station.production)),
            ], hover: stationHover(station))
        }
        svg.close("g")

        // Sources on top of the stations (a plant at a station's node stays visible); several at
        // one place stand side by side.
        svg.open("g", [("id", "sources"), ("stroke", "#1f2937"), ("stroke-width", "1")])
        let sourceSide = 12.0
        var sourcesAt: [String: Int] = [:]
        for source in sources {
            var p = pixel((source.latitude, source.longitude))
            let key = svgNumber(p.x) + "," + svgNumber(p.y)
            let k = sourcesAt[key, default: 0]
            sourcesAt[key] = k + 1
            p.x += Double(k) * (sourceSide + 2)
            placer.addMarker(PlotBox(x: p.x - sourceSide / 2, y: p.y - sourceSide / 2, width: sourceSide, height: sourceSide))
            svg.element("rect", [
                ("id", "source-" + source.id), ("x", svgNumber(p.x - sourceSide / 2)), ("y", svgNumber(p.y - sourceSide / 2)),
                ("width", svgNumber(sourceSide)), ("height", svgNumber(sourceSide)), ("fill", ChartPalette.pathwayColour(source.pathway)),
            ], hover: "\(source.name) (\(source.id)): \(source.pathway), \(fixedDecimals(source.availableTonnesPerYear, 0)) t/yr available")
        }
        svg.close("g")

        // Labels: every station site (largest first, so the big ones get the best spots), then
        // cities without a station, then corridor names where room is left. Each label is a
        // white stroked copy under the text (a halo that LibreOffice, Inkscape and browsers all
        // draw alike, unlike paint-order).
        var labels: [(text: String, spot: LabelSpot, point: (x: Double, y: Double), size: Double, fill: String, italic: Bool)] = []
        var labelledSites: Set<String> = []
        for station in drawingOrder where labelledSites.insert(station.site).inserted {
            let p = pixel((station.latitude, station.longitude))
            // The name and when the site's builds open: a phased plan reads off the map.
            let name = (station.name.isEmpty ? station.site : station.name) + (station.buildYears.isEmpty ? "" : " " + station.buildYears)
            if let spot = placer.place(name, at: p, gap: (clearance[station.site] ?? 3) + 3, fontSize: 12, required: true) {
                labels.append((name, spot, p, 12, "#111827", false))
            }
        }
        for node in nodes where node.kind.lowercased() == "city" && !labelledSites.contains(node.id) {
            let p = pixel((node.latitude, node.longitude))
            if let spot = placer.place(node.name, at: p, gap: 6, fontSize: 11, required: false) {
                labels.append((node.name, spot, p, 11, "#4b5563", false))
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
                if let spot = placer.place(name, at: middle, gap: 4, fontSize: 10, required: false) {
                    labels.append((name, spot, middle, 10, "#6b7280", true))
                    break
                }
            }
        }
        svg.open("g", [("id", "leaders"), ("stroke", "#6b7280"), ("stroke-width", "0.8")])
        for label in labels where label.spot.displaced {
            let b = label.spot.box
            let end = (x: min(max(label.point.x, b.x), b.maxX), y: min(max(label.point.y, b.y), b.maxY))
            svg.element("line", [("x1", svgNumber(label.point.x)), ("y1", svgNumber(label.point.y)), ("x2", svgNumber(end.x)), ("y2", svgNumber(end.y))])
        }
        svg.close("g")
        svg.open("g", [("id", "label-halos"), ("fill", "#ffffff"), ("stroke", "#ffffff"), ("stroke-width", "3"), ("stroke-linejoin", "round")])
        for label in labels {
            svg.label(label.text, x: label.spot.x, y: label.spot.y, size: label.size, anchor: label.spot.anchor, fill: "#ffffff",
                      extra: [("class", "halo")] + (label.italic ? [("font-style", "italic")] : []))
        }
        svg.close("g")
        svg.open("g", [("id", "labels")])
        for label in labels {
            svg.label(label.text, x: label.spot.x, y: label.spot.y, size: label.size, anchor: label.spot.anchor, fill: label.fill,
                      extra: label.italic ? [("font-style", "italic")] : [])
        }
        svg.close("g")
        // For tests and tools: every label's box (x, y, width, height in px), in drawing order.
        svg.raw("<!-- label-boxes: " + placer.labels.map { "\(svgNumber($0.x)),\(svgNumber($0.y)),\(svgNumber($0.width)),\(svgNumber($0.height))" }
            .joined(separator: ";") + " -->")

        if points.isEmpty {
            svg.label(map.language("no mapped locations"), x: frame.x + frame.width / 2, y: frame.y + frame.height / 2, size: 14, anchor: "middle", fill: "#6b7280")
        } else {
            drawScaleBar(&svg, projection: projection, frame: frame)
        }

        svg.title(map.title, x: 16, y: 34, size: 22, width: width - 32)
        svg.label(map.subtitle, x: 16, y: 58, size: 14, fill: "#4b5563")

        drawLegend(&svg, t: map.language, stations: stations, sources: sources, modes: drawnModes, corridors: !corridorSegments.isEmpty, notDrawn: notDrawn,
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

    /// The capacities the legend shows: the largest circle drawn, and round values (1, 2 or 5 ×
    /// 10^k) near a half and an eighth of it, so the legend spans what the map shows.
    static func legendSizes(_ capacities: [Double]) -> [Double] {
        guard let largest = capacities.filter({ $0.isFinite && $0 > 0 }).max() else { return [] }
        var sizes = [largest]
        for fraction in [0.5, 0.125] {
            let value = roundDown125(largest * fraction)
            if value > 0, value < sizes[sizes.count - 1] * 0.8 { sizes.append(value) }
        }
        return sizes.reversed()
    }

    /// The largest 1, 2 or 5 × 10^k not above `x`.
    static func roundDown125(_ x: Double) -> Double {
        guard x.isFinite, x > 0 else { return 0 }
        var power = 1.0
        while power * 10 <= x { power *= 10 }
        while power > x { power /= 10 }
        for m in [5.0, 2, 1] where m * power <= x { return m * power }
        return power
    }

    /// Only what the map draws: pathways of the stations (circle) and of sources no station's
    /// pathway covers (square), the capacities drawn, the delivery modes of the links drawn.
    private static func drawLegend(
        _ svg: inout SVGBuilder, t: OutputLanguage, stations: [MapStation], sources: [MapSource], modes drawnModes: [String], corridors: Bool,
        notDrawn: Int, box: PlotBox
    ) {
        let stationPathways = Set(stations.map(\.production))
        let pathways = ChartPalette.legendOrder(stations.map(\.production) + sources.map(\.pathway), knownOrder: ChartPalette.pathwayOrder)
        let modes = ChartPalette.legendOrder(drawnModes, knownOrder: ChartPalette.deliveryOrder)
        let sizes = legendSizes(stations.map(\.capacityKgPerDay))
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
        // Capacity circles share one centre line, with their text right of the largest.
        let largestRadius = sizes.map(stationRadius).max() ?? 6
        var y = box.y + 8
        func headingText(_ text: String) {
            y += heading
            svg.label(t(text), x: left, y: y - 8 * squeeze, size: 13, fill: "#111827", weight: "bold")
        }
        func entryText(_ text: String, x: Double = textX) {
            svg.label(fitted(t(text), width: box.maxX - x - 6, fontSize: 12), x: x, y: y + 4, size: 12, fill: "#1f2937")
        }
        if !pathways.isEmpty {
            headingText("Production pathway")
            for pathway in pathways {
                y += row / 2
                if stationPathways.contains(pathway) {
                    svg.element("circle", [("cx", svgNumber(left + 12)), ("cy", svgNumber(y)), ("r", "6"),
                                           ("fill", ChartPalette.pathwayColour(pathway)), ("stroke", "#1f2937")])
                    entryText(pathway)
                } else {
                    svg.element("rect", [("x", svgNumber(left + 6)), ("y", svgNumber(y - 6)), ("width", "12"), ("height", "12"),
                                         ("fill", ChartPalette.pathwayColour(pathway)), ("stroke", "#1f2937")])
                    entryText(pathway)  // a square: only a source of this pathway is drawn
                }
                y += row / 2
            }
        }
        if !sizes.isEmpty { headingText("Station capacity") }
        for (size, rowHeight) in zip(sizes, sizeRowHeights) {
            let radius = stationRadius(size)
            y += rowHeight * squeeze / 2
            svg.element("circle", [("cx", svgNumber(left + max(12, largestRadius))), ("cy", svgNumber(y)), ("r", svgNumber(radius)),
                                   ("fill", "#e5e7eb"), ("stroke", "#1f2937")])
            entryText("\(fixedDecimals(size, 0)) \(t("kg/d"))", x: max(textX, left + 2 * largestRadius + 10))
            y += rowHeight * squeeze / 2
        }
        if !sources.isEmpty || corridors { headingText("Markers") }
        if !sources.isEmpty {
            y += row / 2
            svg.element("rect", [("x", svgNumber(left + 6)), ("y", svgNumber(y - 6)), ("width", "12"), ("height", "12"),
                                 ("fill", "#e5e7eb"), ("stroke", "#1f2937")])
            entryText("hydrogen source")
            y += row / 2
        }
        if corridors {
            y += row / 2
            svg.element("line", [("x1", svgNumber(left)), ("y1", svgNumber(y)), ("x2", svgNumber(left + 24)), ("y2", svgNumber(y)),
                                 ("stroke", "#a9b0b7"), ("stroke-width", "3")])
            entryText("corridor")
            y += row / 2
        }
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
            svg.label(fitted("\(notDrawn)" + (t == .en ? " " : "") + t("without coordinates, not drawn"), width: box.width - 24, fontSize: 11),
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
