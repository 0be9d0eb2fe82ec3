// Cost breakdown chart (DESIGN §3 "charts"): one horizontal stacked bar per station or pathway
// in ¥/kg, itemised as in DESIGN §2.7, subsidies to the left of zero.

/// One bar: a station, a pathway or the network average, with its cost items in drawing order.
public struct CostBar: Sendable {
    public var label: String
    /// Cost items (`CostItem` raw values such as "production", "station_capex") and values in
    /// the chart's unit. Positive values stack right of zero, negative ones left of it.
    public var segments: [(name: String, value: Double)]

    public init(label: String, segments: [(name: String, value: Double)]) {
        self.label = label
        self.segments = segments
    }
}

/// Draws a horizontal stacked bar chart of itemised costs.
///
/// - Each `CostBar` becomes one `<g class="bar" id="bar-<n>">` (n from 1) holding its label,
///   one `<rect class="segment" data-name=… data-value=…>` per drawn segment and a
///   `<text class="total">` with the sum of its items (two decimals) right of the bar.
/// - Positive segments stack right from zero, negative ones (subsidies) left from zero, each
///   in the order given. Zero segments are not drawn.
/// - A segment whose value is NaN or infinite is left out, and not counted in the total; a
///   note under the legend says how many were left out (never "nan" in the file).
/// - Colours are fixed per cost item (`CostItem` names; unknown names get a stable colour);
///   the legend lists the items present in `CostItem` order, unknown ones after.
/// - Axis ticks at 1, 2 or 5 × 10^k; the zero line is `id="zero-line"`.
/// - `target` (e.g. the national ¥35/kg delivered-price goal): a dashed vertical line
///   `id="target-line"` across the bars, labelled at its top; the axis always reaches it.
public enum CostChartSVG {
    /// `language` translates the cost items' names in the legend and hover texts.
    public static func render(title: String, unit: String, bars: [CostBar], target: (value: Double, label: String)? = nil,
                              language: OutputLanguage = .en) -> String {
        let width = 900.0
        let labelFont = 12.0
        let labelColumn = min(280, max(100, (bars.map { estimatedTextWidth($0.label, fontSize: labelFont) }.max() ?? 0) + 16))
        let plotLeft = 16 + labelColumn
        let plotRight = width - 96  // room for the totals
        let top = 74.0
        let barHeight = 24.0, barPitch = 36.0
        let plotBottom = top + Double(max(bars.count, 1)) * barPitch

        var undefinedSegments = 0
        var lowest = 0.0, highest = 0.0
        let drawable: [[(name: String, value: Double)]] = bars.map { bar in
            let finite = bar.segments.filter { $0.value.isFinite }
            undefinedSegments += bar.segments.count - finite.count
            lowest = min(lowest, finite.filter { $0.value < 0 }.reduce(0) { $0 + $1.value })
            highest = max(highest, finite.filter { $0.value > 0 }.reduce(0) { $0 + $1.value })
            return finite
        }
        if let target, target.value.isFinite {
            lowest = min(lowest, target.value)
            highest = max(highest, target.value)
        }
        let axis = ChartAxis(covering: lowest, highest, targetTicks: 6)
        func x(_ value: Double) -> Double { axis.position(value, start: plotLeft, end: plotRight) }

        // Only items some bar draws (a zero segment is not drawn).
        let names = ChartPalette.legendOrder(drawable.flatMap { $0.filter { $0.value != 0 }.map(\.name) }, knownOrder: ChartPalette.costItemOrder)
        let legend = LegendLayout(entries: names.map { (language == .en ? displayName($0) : language($0), ChartPalette.costItemColour($0)) },
                                  left: 16, right: width - 16, top: plotBottom + 52)
        var height = legend.bottom + 16
        if undefinedSegments > 0 { height += 20 }
        var svg = SVGBuilder(width: width, height: height)

        svg.title(title, x: 16, y: 32, size: 20, width: width - 32)
        svg.label(unit, x: 16, y: 54, size: 13, fill: "#4b5563")

        drawValueGrid(&svg, axis: axis, x: x, top: top - 8, bottom: plotBottom, unit: unit)
        svg.element("line", [("id", "zero-line"), ("x1", svgNumber(x(0))), ("y1", svgNumber(top - 8)), ("x2", svgNumber(x(0))),
                             ("y2", svgNumber(plotBottom)), ("stroke", "#111827"), ("stroke-width", "1.5")])

        for (index, bar) in bars.enumerated() {
            let y = top + Double(index) * barPitch
            svg.open("g", [("class", "bar"), ("id", "bar-\(index + 1)"), ("data-label", bar.label)])
            svg.label(fitted(bar.label, width: labelColumn - 8, fontSize: labelFont), x: plotLeft - 8, y: y + barHeight / 2 + 4,
                      size: labelFont, anchor: "end", fill: "#1f2937")
            var positiveEnd = 0.0, negativeEnd = 0.0
            for segment in drawable[index] where segment.value != 0 {
                let start: Double
                if segment.value > 0 {
                    start = positiveEnd
                    positiveEnd += segment.value
                } else {
                    start = negativeEnd
                    negativeEnd += segment.value
                }
                let (x0, x1) = (x(min(start, start + segment.value)), x(max(start, start + segment.value)))
                svg.element("rect", [
                    ("class", "segment"), ("data-name", segment.name), ("data-value", fixedDecimals(segment.value, 4)),
                    ("x", svgNumber(x0)), ("y", svgNumber(y)), ("width", svgNumber(x1 - x0)), ("height", svgNumber(barHeight)),
                    ("fill", ChartPalette.costItemColour(segment.name)), ("stroke", "#ffffff"), ("stroke-width", "0.5"),
                ], hover: "\(bar.label) – \(language == .en ? displayName(segment.name) : language(segment.name)): \(fixedDecimals(segment.value, 2)) \(unit)")
            }
            let total = drawable[index].reduce(0) { $0 + $1.value }
            svg.label(fixedDecimals(total, 2), x: x(positiveEnd) + 6, y: y + barHeight / 2 + 4, size: 12, fill: "#111827",
                      weight: "bold", extra: [("class", "total")])
            svg.close("g")
        }
        if let target, target.value.isFinite {
            let tx = x(target.value)
            svg.element("line", [("id", "target-line"), ("x1", svgNumber(tx)), ("y1", svgNumber(top - 14)), ("x2", svgNumber(tx)),
                                 ("y2", svgNumber(plotBottom)), ("stroke", "#dc2626"), ("stroke-width", "1.5"), ("stroke-dasharray", "6 3")],
                        hover: "\(target.label): \(fixedDecimals(target.value, 2)) \(unit)")
            // Label to the left of the line when it would run past the plot's right edge.
            let text = "\(target.label) \(svgNumber(target.value)) \(unit)"
            let fitsRight = tx + 4 + estimatedTextWidth(text, fontSize: 11) <= width - 8
            svg.label(text, x: fitsRight ? tx + 4 : tx - 4, y: top - 16, size: 11, anchor: fitsRight ? "start" : "end", fill: "#dc2626",
                      weight: "bold", extra: [("class", "target-label")])
        }
        if bars.isEmpty {
            svg.label("no bars to show", x: (plotLeft + plotRight) / 2, y: top + barHeight / 2 + 4, size: 13, anchor: "middle", fill: "#6b7280")
        }
        legend.draw(&svg)
        if undefinedSegments > 0 {
            svg.label("\(undefinedSegments) undefined item value\(undefinedSegments == 1 ? "" : "s") left out",
                      x: 16, y: legend.bottom + 12, size: 11, fill: "#b91c1c")
        }
        return svg.finish()
    }

    /// "station_capex" → "station capex".
    static func displayName(_ name: String) -> String {
        String(name.map { $0 == "_" ? " " : $0 })
    }
}

/// Vertical grid lines at the axis ticks with labels below, and the unit under them.
func drawValueGrid(_ svg: inout SVGBuilder, axis: ChartAxis, x: (Double) -> Double, top: Double, bottom: Double, unit: String) {
    svg.open("g", [("id", "value-axis"), ("stroke", "#e5e7eb"), ("stroke-width", "1")])
    for tick in axis.ticks {
        svg.element("line", [("x1", svgNumber(x(tick))), ("y1", svgNumber(top)), ("x2", svgNumber(x(tick))), ("y2", svgNumber(bottom))])
    }
    svg.element("line", [("x1", svgNumber(x(axis.lower))), ("y1", svgNumber(bottom)), ("x2", svgNumber(x(axis.upper))),
                         ("y2", svgNumber(bottom)), ("stroke", "#6b7280")])
    svg.close("g")
    for tick in axis.ticks {
        svg.label(axis.tickLabel(tick), x: x(tick), y: bottom + 16, size: 11, anchor: "middle", fill: "#374151")
    }
    svg.label(unit, x: (x(axis.lower) + x(axis.upper)) / 2, y: bottom + 34, size: 12, anchor: "middle", fill: "#374151")
}

/// Legend entries (swatch + name) flowing left to right, wrapping into rows.
struct LegendLayout {
    let items: [(name: String, colour: String, x: Double, y: Double)]
    let bottom: Double

    init(entries: [(name: String, colour: String)], left: Double, right: Double, top: Double) {
        var items: [(String, String, Double, Double)] = []
        var x = left, y = top
        for entry in entries {
            let name = fitted(entry.name, width: right - left - 20, fontSize: 12)
            let entryWidth = 18 + estimatedTextWidth(name, fontSize: 12) + 18
            if x > left && x + entryWidth > right {
                x = left
                y += 20
            }
            items.append((name, entry.colour, x, y))
            x += entryWidth
        }
        self.items = items
        self.bottom = entries.isEmpty ? top : y + 14
    }

    func draw(_ svg: inout SVGBuilder) {
        svg.open("g", [("id", "legend")])
        for item in items {
            svg.element("rect", [("x", svgNumber(item.x)), ("y", svgNumber(item.y)), ("width", "12"), ("height", "12"),
                                 ("fill", item.colour), ("stroke", "#6b7280"), ("stroke-width", "0.5")])
            svg.label(item.name, x: item.x + 18, y: item.y + 10.5, size: 12, fill: "#1f2937")
        }
        svg.close("g")
    }
}
