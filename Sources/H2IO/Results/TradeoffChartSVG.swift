// Price against carbon intensity of a re-optimised sweep over one setting (issue 13): each case
// is a point, joined in the order swept, labelled with the value that produced it. A carbon-price
// sweep traces the cost/carbon frontier: the plan moves left (cleaner) and up (dearer) as the
// price rises, and the cases between two switches share one point.

public struct TradeoffPoint: Sendable, Equatable {
    public var label: String
    public var x: Double
    public var y: Double
    public init(label: String, x: Double, y: Double) { self.label = label; self.x = x; self.y = y }
}

public enum TradeoffChartSVG {
    /// Consecutive points at the same place (same plan) are drawn once with their labels
    /// joined ("0–200"), so no two labels sit on one point.
    public static func merged(_ points: [TradeoffPoint]) -> [TradeoffPoint] {
        var result: [TradeoffPoint] = [], first: [String] = []
        for p in points {
            if let last = result.last, abs(last.x - p.x) <= 1e-6 * max(1, abs(p.x)), abs(last.y - p.y) <= 1e-6 * max(1, abs(p.y)) {
                result[result.count - 1].label = first[first.count - 1] + "–" + p.label
            } else {
                result.append(p)
                first.append(p.label)
            }
        }
        return result
    }

    public static func render(title: String, subtitle: String, xUnit: String, yUnit: String, points: [TradeoffPoint],
                              thresholds: [(label: String, value: Double)] = []) -> String {
        let width = 900.0, height = 560.0
        let plotLeft = 80.0, plotRight = width - 40, plotTop = 90.0, plotBottom = height - 70
        let drawn = merged(points.filter { $0.x.isFinite && $0.y.isFinite })
        let xs = drawn.map(\.x) + thresholds.map(\.value).filter { v in drawn.isEmpty || (v <= 2 * (drawn.map(\.x).max() ?? 0)) }
        let xAxis = ChartAxis(covering: min(0, xs.min() ?? 0), xs.max() ?? 1, targetTicks: 8)
        let ys = drawn.map(\.y)
        let yAxis = ChartAxis(covering: ys.min() ?? 0, ys.max() ?? 1, targetTicks: 6)
        func x(_ v: Double) -> Double { xAxis.position(v, start: plotLeft, end: plotRight) }
        func y(_ v: Double) -> Double { yAxis.position(v, start: plotBottom, end: plotTop) }

        var svg = SVGBuilder(width: width, height: height)
        svg.title(title, x: 16, y: 32, size: 20, width: width - 32)
        svg.label(subtitle, x: 16, y: 56, size: 13, fill: "#4b5563")
        // Grid and axes.
        svg.open("g", [("id", "grid"), ("stroke", "#e5e7eb"), ("stroke-width", "1")])
        for t in yAxis.ticks { svg.element("line", [("x1", svgNumber(plotLeft)), ("y1", svgNumber(y(t))), ("x2", svgNumber(plotRight)), ("y2", svgNumber(y(t)))]) }
        for t in xAxis.ticks { svg.element("line", [("x1", svgNumber(x(t))), ("y1", svgNumber(plotTop)), ("x2", svgNumber(x(t))), ("y2", svgNumber(plotBottom))]) }
        svg.close("g")
        for t in yAxis.ticks { svg.label(yAxis.tickLabel(t), x: plotLeft - 8, y: y(t) + 4, size: 11, anchor: "end", fill: "#374151") }
        for t in xAxis.ticks { svg.label(xAxis.tickLabel(t), x: x(t), y: plotBottom + 19, size: 11, anchor: "middle", fill: "#374151") }
        svg.label(xUnit, x: (plotLeft + plotRight) / 2, y: plotBottom + 42, size: 12, anchor: "middle", fill: "#374151")
        let middle = (plotTop + plotBottom) / 2
        svg.label(yUnit, x: 24, y: middle, size: 12, anchor: "middle", fill: "#374151", extra: [("transform", "rotate(-90 24 \(svgNumber(middle)))")])
        // Grade thresholds (vertical dashed lines) inside the drawn range.
        svg.open("g", [("id", "thresholds")])
        for t in thresholds where t.value >= xAxis.lower && t.value <= xAxis.upper {
            svg.element("line", [("class", "threshold"), ("x1", svgNumber(x(t.value))), ("y1", svgNumber(plotTop)), ("x2", svgNumber(x(t.value))),
                                 ("y2", svgNumber(plotBottom)), ("stroke", "#059669"), ("stroke-width", "1.5"), ("stroke-dasharray", "6 4")])
            // Written on the side with room, so a line near the right edge keeps its label.
            let text = "\(t.label) \(fixedDecimals(t.value, 2))"
            let right = x(t.value) + 4 + estimatedTextWidth(text, fontSize: 11) <= width - 4
            svg.label(text, x: x(t.value) + (right ? 4 : -4), y: plotTop + 14, size: 11, anchor: right ? "start" : "end", fill: "#059669")
        }
        svg.close("g")
        // The frontier: a line through the cases in the order swept, a dot and a label at each.
        if drawn.count > 1 {
            let path = drawn.enumerated().map { "\($0.offset == 0 ? "M" : "L")\(svgNumber(x($0.element.x))) \(svgNumber(y($0.element.y)))" }.joined(separator: " ")
            svg.element("path", [("d", path), ("fill", "none"), ("stroke", "#4e79a7"), ("stroke-width", "2")])
        }
        svg.open("g", [("id", "cases")])
        // Labels placed clear of each other and of the dots (the map's greedy placer).
        var placer = LabelPlacer(frame: PlotBox(minX: plotLeft, minY: plotTop, maxX: plotRight, maxY: plotBottom + 14))
        for p in drawn { placer.addMarker(PlotBox(minX: x(p.x) - 5, minY: y(p.y) - 5, maxX: x(p.x) + 5, maxY: y(p.y) + 5)) }
        for p in drawn {
            svg.element("circle", [("class", "case"), ("data-label", p.label), ("cx", svgNumber(x(p.x))), ("cy", svgNumber(y(p.y))), ("r", "5"),
                                   ("fill", "#4e79a7"), ("stroke", "#ffffff"), ("stroke-width", "1.5")],
                        hover: "\(p.label): \(fixedDecimals(p.y, 2)) \(yUnit), \(fixedDecimals(p.x, 2)) \(xUnit)")
            if let spot = placer.place(p.label, at: (x(p.x), y(p.y)), gap: 8, fontSize: 11, required: true) {
                svg.label(p.label, x: spot.x, y: spot.y, size: 11, anchor: spot.anchor, fill: "#1f2937")
            }
        }
        svg.close("g")
        if drawn.isEmpty {
            svg.label("no case with both a price and an intensity", x: (plotLeft + plotRight) / 2, y: middle, size: 13, anchor: "middle", fill: "#6b7280")
        }
        return svg.finish()
    }
}
