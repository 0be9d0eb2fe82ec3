// Tornado chart (DESIGN §2.8): the result at each parameter's low and high input, one
// parameter at a time, drawn as bars from the baseline result.

/// One parameter of a tornado: the result with the parameter at its low and at its high input.
public struct TornadoRow: Sendable, Equatable {
    public var parameter: String
    /// The result (in the chart's unit) with the parameter at its low input.
    public var lowValue: Double
    public var highValue: Double
    /// The inputs as the planner should read them, e.g. "0.06" or "¥2,000/kW".
    public var lowInput: String
    public var highInput: String

    public init(parameter: String, lowValue: Double, highValue: Double, lowInput: String, highInput: String) {
        self.parameter = parameter
        self.lowValue = lowValue
        self.highValue = highValue
        self.lowInput = lowInput
        self.highInput = highInput
    }
}

/// Draws a tornado chart.
///
/// - Rows in the order given (the caller sorts, usually by swing), each a
///   `<g class="row" id="row-<n>">` (n from 1) with the parameter's name, a `<rect class="low">`
///   from the baseline to the low-input result and a `<rect class="high">` to the high-input
///   result, each labelled with its input at the outer end.
/// - When both results lie on the same side of the baseline the two bars are drawn at half
///   height, one above the other, so neither hides the other.
/// - A NaN or infinite result is not drawn; its label says "undefined". A non-finite baseline
///   leaves every bar undrawn, and the chart says so.
/// - The baseline is `<line id="baseline">`, labelled with its value.
public enum TornadoChartSVG {
    static let lowColour = "#4e79a7"
    static let highColour = "#f28e2b"

    /// `language` translates the chart's fixed words (legend, baseline, notes); the caller
    /// gives the title, unit and parameter labels in it.
    public static func render(title: String, unit: String, baseline: Double, rows: [TornadoRow], language t: OutputLanguage = .en) -> String {
        let width = 900.0
        let labelFont = 12.0, inputFont = 11.0
        let labelColumn = min(260, max(100, (rows.map { estimatedTextWidth($0.parameter, fontSize: labelFont) }.max() ?? 0) + 16))
        let inputRoom = min(150, max(40, (rows.flatMap { [$0.lowInput, $0.highInput, t("undefined")] }
            .map { estimatedTextWidth($0, fontSize: inputFont) }.max() ?? 0) + 10))
        let plotLeft = 16 + labelColumn + inputRoom
        let plotRight = width - 16 - inputRoom
        let top = 96.0
        let barHeight = 22.0, rowPitch = 32.0
        let plotBottom = top + Double(max(rows.count, 1)) * rowPitch
        let baselineKnown = baseline.isFinite

        var low = baselineKnown ? baseline : 0, high = low
        if baselineKnown {
            for row in rows {
                for value in [row.lowValue, row.highValue] where value.isFinite {
                    low = min(low, value)
                    high = max(high, value)
                }
            }
        }
        let axis = ChartAxis(covering: low, high, targetTicks: 6)
        func x(_ value: Double) -> Double { axis.position(value, start: plotLeft, end: plotRight) }
        let centre = baselineKnown ? baseline : axis.lower

        let legend = LegendLayout(entries: [(t("low input"), lowColour), (t("high input"), highColour)], left: 16, right: width - 16, top: plotBottom + 52)
        var svg = SVGBuilder(width: width, height: legend.bottom + 16)
        svg.title(title, x: 16, y: 32, size: 20, width: width - 32)
        svg.label(unit, x: 16, y: 54, size: 13, fill: "#4b5563")

        drawValueGrid(&svg, axis: axis, x: x, top: top - 8, bottom: plotBottom, unit: unit)
        if baselineKnown {
            svg.element("line", [("id", "baseline"), ("x1", svgNumber(x(baseline))), ("y1", svgNumber(top - 14)), ("x2", svgNumber(x(baseline))),
                                 ("y2", svgNumber(plotBottom)), ("stroke", "#111827"), ("stroke-width", "1.5")])
            svg.label("\(t("baseline")) \(fixedDecimals(baseline, 2))", x: x(baseline), y: top - 20, size: 12, anchor: "middle", fill: "#111827")
        } else {
            svg.label(t("baseline undefined: no bars drawn"), x: (plotLeft + plotRight) / 2, y: top - 20, size: 12, anchor: "middle", fill: "#b91c1c")
        }

        for (index, row) in rows.enumerated() {
            let y = top + Double(index) * rowPitch
            svg.open("g", [("class", "row"), ("id", "row-\(index + 1)"), ("data-parameter", row.parameter)])
            svg.label(fitted(row.parameter, width: labelColumn - 8, fontSize: labelFont), x: 16 + labelColumn - 8, y: y + barHeight / 2 + 4,
                      size: labelFont, anchor: "end", fill: "#1f2937")
            let lowKnown = baselineKnown && row.lowValue.isFinite
            let highKnown = baselineKnown && row.highValue.isFinite
            // Same side of the baseline (non-monotone response): split the row in two halves.
            let sameSide = lowKnown && highKnown && (row.lowValue - centre) * (row.highValue - centre) > 0
            let bars: [(kind: String, value: Double, known: Bool, input: String, colour: String, y: Double, height: Double, defaultSide: Double)] = [
                ("low", row.lowValue, lowKnown, row.lowInput, lowColour, y, sameSide ? barHeight / 2 : barHeight, -1),
                ("high", row.highValue, highKnown, row.highInput, highColour, sameSide ? y + barHeight / 2 : y, sameSide ? barHeight / 2 : barHeight, 1),
            ]
            for bar in bars {
                let textY = bar.y + bar.height / 2 + 4
                guard bar.known else {
                    let side = bar.defaultSide
                    svg.label(t("undefined"), x: x(centre) + side * 4, y: textY, size: inputFont, anchor: side < 0 ? "end" : "start",
                              fill: "#b91c1c", extra: [("class", bar.kind + "-input")])
                    continue
                }
                let (x0, x1) = (x(min(centre, bar.value)), x(max(centre, bar.value)))
                svg.element("rect", [
                    ("class", bar.kind), ("x", svgNumber(x0)), ("y", svgNumber(bar.y)), ("width", svgNumber(x1 - x0)),
                    ("height", svgNumber(bar.height)), ("fill", bar.colour),
                ], hover: "\(row.parameter) = \(bar.input): \(fixedDecimals(bar.value, 2)) \(unit)")
                let side = bar.value < centre ? -1.0 : (bar.value > centre ? 1.0 : bar.defaultSide)
                svg.label(bar.input, x: (side < 0 ? x0 : x1) + side * 4, y: textY, size: inputFont, anchor: side < 0 ? "end" : "start",
                          fill: "#374151", extra: [("class", bar.kind + "-input")])
            }
            svg.close("g")
        }
        if rows.isEmpty {
            svg.label(t("no parameters to show"), x: (plotLeft + plotRight) / 2, y: top + barHeight / 2 + 4, size: 13, anchor: "middle", fill: "#6b7280")
        }
        legend.draw(&svg)
        return svg.finish()
    }
}
