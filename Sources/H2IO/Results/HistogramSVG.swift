// Histogram of Monte Carlo results (DESIGN §2.8), with markers for percentiles and the mean.

/// Draws a histogram.
///
/// - Bins: `bins` equal bins (clamped to 1…400) from the smallest to the largest finite value;
///   bin i holds lo + i·w ≤ v < lo + (i+1)·w, the last bin also holds the largest value. The
///   edges depend only on the values, so the same sample gives the same picture. When all values
///   are equal the range is widened (±0.5 around zero, else ±10 %).
/// - Each bin is `<rect class="bin" data-count=…>`; each marker with a finite value is
///   `<line class="marker">` with its label and value on top (labels of close markers are
///   stacked so they do not overlap).
/// - NaN and infinite values are left out and counted in the subtitle ("n = 998; 2 undefined
///   left out"); no values at all gives empty axes and a note.
public enum HistogramSVG {
    /// `language` translates the chart's fixed words (axis, notes); the caller gives the
    /// title, unit and marker labels in it.
    public static func render(title: String, unit: String, values: [Double], bins: Int, markers: [(label: String, value: Double)],
                              language t: OutputLanguage = .en) -> String {
        let width = 900.0, height = 520.0
        let plotLeft = 70.0, plotRight = width - 30
        let plotBottom = height - 70
        let finite = values.allSatisfy(\.isFinite) ? values : values.filter(\.isFinite)  // no copy of a million samples
        let undefined = values.count - finite.count
        let binCount = min(400, max(1, bins))
        let drawnMarkers = markers.filter(\.value.isFinite)

        // Bin edges from the finite range; a one-value sample gets a small range around it.
        var lo = finite.min() ?? 0, hi = finite.max() ?? 1
        if hi - lo <= 0 || !(hi - lo).isFinite {
            let pad = lo == 0 || !(hi - lo).isFinite ? 0.5 : abs(lo) * 0.1
            (lo, hi) = (lo - pad, lo + pad)
        }
        let edges = (0...binCount).map { $0 == binCount ? hi : lo + (hi - lo) * Double($0) / Double(binCount) }
        var counts = [Int](repeating: 0, count: binCount)
        for value in finite {
            var index = min(binCount - 1, max(0, Int((value - lo) / (hi - lo) * Double(binCount))))
            // Make the bin agree exactly with the edges written, whatever the rounding above.
            while index > 0 && value < edges[index] { index -= 1 }
            while index < binCount - 1 && value >= edges[index + 1] { index += 1 }
            counts[index] += 1
        }
        var axisLow = lo, axisHigh = hi
        for marker in drawnMarkers {
            axisLow = min(axisLow, marker.value)
            axisHigh = max(axisHigh, marker.value)
        }
        let xAxis = ChartAxis(covering: axisLow, axisHigh, targetTicks: 8)
        func x(_ value: Double) -> Double { xAxis.position(value, start: plotLeft, end: plotRight) }
        let rows = markerLabelRows(drawnMarkers, scale: x, fontSize: 11)
        let plotTop = 78 + Double(max(1, rows.count)) * 16
        let maxCount = counts.max() ?? 0
        let yAxis = ChartAxis(covering: 0, Double(max(1, maxCount)), targetTicks: min(6, max(1, maxCount)))
        func y(_ count: Double) -> Double { yAxis.position(count, start: plotBottom, end: plotTop) }

        var svg = SVGBuilder(width: width, height: height)
        svg.title(title, x: 16, y: 32, size: 20, width: width - 32)
        var subtitle = "n = \(finite.count)"
        if undefined > 0 {
            subtitle += t == .zh ? "；\(undefined) 个无解值未计入" : "; \(undefined) undefined value\(undefined == 1 ? "" : "s") left out"
        }
        svg.label(subtitle, x: 16, y: 54, size: 13, fill: undefined > 0 ? "#b91c1c" : "#4b5563")

        // Count axis with horizontal grid lines.
        svg.open("g", [("id", "count-axis"), ("stroke", "#e5e7eb"), ("stroke-width", "1")])
        for tick in yAxis.ticks {
            svg.element("line", [("x1", svgNumber(plotLeft)), ("y1", svgNumber(y(tick))), ("x2", svgNumber(plotRight)), ("y2", svgNumber(y(tick)))])
        }
        svg.close("g")
        for tick in yAxis.ticks {
            svg.label(yAxis.tickLabel(tick), x: plotLeft - 8, y: y(tick) + 4, size: 11, anchor: "end", fill: "#374151")
        }
        let middle = (plotTop + plotBottom) / 2
        svg.label(t("count"), x: 22, y: middle, size: 12, anchor: "middle", fill: "#374151",
                  extra: [("transform", "rotate(-90 22 \(svgNumber(middle)))")])

        svg.open("g", [("id", "bins"), ("fill", "#4e79a7"), ("stroke", "#ffffff"), ("stroke-width", "0.5")])
        for (index, count) in counts.enumerated() where count > 0 {
            let (x0, x1) = (x(edges[index]), x(edges[index + 1]))
            svg.element("rect", [
                ("class", "bin"), ("data-count", String(count)), ("x", svgNumber(x0)), ("y", svgNumber(y(Double(count)))),
                ("width", svgNumber(max(0.5, x1 - x0))), ("height", svgNumber(plotBottom - y(Double(count)))),
            ], hover: "\(fixedDecimals(edges[index], 2)) – \(fixedDecimals(edges[index + 1], 2)) \(unit): \(count)")
        }
        svg.close("g")
        if finite.isEmpty {
            svg.label(t("no finite values to show"), x: (plotLeft + plotRight) / 2, y: (plotTop + plotBottom) / 2, size: 13, anchor: "middle", fill: "#6b7280")
        }

        // Value axis along the bottom.
        svg.element("line", [("x1", svgNumber(plotLeft)), ("y1", svgNumber(plotBottom)), ("x2", svgNumber(plotRight)), ("y2", svgNumber(plotBottom)), ("stroke", "#6b7280")])
        for tick in xAxis.ticks {
            svg.element("line", [("x1", svgNumber(x(tick))), ("y1", svgNumber(plotBottom)), ("x2", svgNumber(x(tick))), ("y2", svgNumber(plotBottom + 5)), ("stroke", "#6b7280")])
            svg.label(xAxis.tickLabel(tick), x: x(tick), y: plotBottom + 19, size: 11, anchor: "middle", fill: "#374151")
        }
        svg.label(unit, x: (plotLeft + plotRight) / 2, y: plotBottom + 40, size: 12, anchor: "middle", fill: "#374151")

        svg.open("g", [("id", "markers")])
        for (level, row) in rows.enumerated() {
            for marker in row {
                let markerX = x(marker.value)
                let labelY = plotTop - 8 - Double(rows.count - 1 - level) * 16
                svg.element("line", [
                    ("class", "marker"), ("data-label", marker.label), ("x1", svgNumber(markerX)), ("y1", svgNumber(labelY + 3)),
                    ("x2", svgNumber(markerX)), ("y2", svgNumber(plotBottom)), ("stroke", "#b91c1c"), ("stroke-width", "1.5"),
                    ("stroke-dasharray", "5 3"),
                ], hover: "\(marker.label): \(fixedDecimals(marker.value, 2)) \(unit)")
                svg.label(markerText(marker), x: markerX, y: labelY, size: 11, anchor: "middle", fill: "#b91c1c")
            }
        }
        svg.close("g")
        return svg.finish()
    }

    private static func markerText(_ marker: (label: String, value: Double)) -> String {
        "\(marker.label) \(fixedDecimals(marker.value, 2))"
    }

    /// Puts marker labels on as few rows as possible so that labels on a row do not overlap
    /// (greedy, markers taken left to right; ties in the order given).
    private static func markerLabelRows(
        _ markers: [(label: String, value: Double)], scale: (Double) -> Double, fontSize: Double
    ) -> [[(label: String, value: Double)]] {
        let ordered = markers.enumerated().sorted { a, b in
            a.element.value != b.element.value ? a.element.value < b.element.value : a.offset < b.offset
        }.map(\.element)
        var rows: [[(label: String, value: Double)]] = []
        var rowEnds: [Double] = []
        for marker in ordered {
            let half = estimatedTextWidth(markerText(marker), fontSize: fontSize) / 2 + 4
            let centre = scale(marker.value)
            if let free = rowEnds.firstIndex(where: { $0 <= centre - half }) {
                rows[free].append(marker)
                rowEnds[free] = centre + half
            } else {
                rows.append([marker])
                rowEnds.append(centre + half)
            }
        }
        return rows
    }
}
