import Foundation
import Testing
@testable import H2IO

@Suite struct ResultsCostChartTests {
    private func render(_ bars: [CostBar]) -> String { CostChartSVG.render(title: "Cost", unit: "CNY/kg", bars: bars) }

    @Test func oneBarGroupPerCostBarWithItsTotal() throws {
        let bars = ResultsFixtures.costBars
        let svg = expectValidSVG(render(bars))
        let groups = svg.withClass("bar")
        #expect(groups.count == bars.count)
        for (index, bar) in bars.enumerated() {
            let group = try #require(svg.withID("bar-\(index + 1)").first)
            #expect(group.attributes["data-label"] == bar.label)
            let inside = svg.children(of: group)
            #expect(inside.filter { $0.attributes["class"] == "segment" }.count == bar.segments.filter { $0.value != 0 }.count)
            // Hand sum of the fixture's items, e.g. Guiyang 14.5+2.1+2.4+6.6+7.9+2.6+2.2−6 = 32.3.
            let total = bar.segments.reduce(0) { $0 + $1.value }
            #expect(inside.first { $0.attributes["class"] == "total" }?.text == fixedDecimals(total, 2))
        }
        #expect(svg.withClass("total").first?.text == "32.30")
    }

    @Test func negativeSegmentsLieLeftOfZeroAndWidthsFollowValues() throws {
        let bar = CostBar(label: "Jiaxing", segments: [("production", 20), ("subsidies", -9), ("transport", 5), ("subsidies", -6)])
        let svg = expectValidSVG(render([bar]))
        let zero = try #require(svg.withID("zero-line").first)
        let zeroX = svg.number(zero, "x1")
        let segments = svg.withClass("segment")
        #expect(segments.count == 4)
        var pixelsPerUnit: [Double] = []
        for (segment, item) in zip(segments, bar.segments) {
            let (x, width) = (svg.number(segment, "x"), svg.number(segment, "width"))
            if item.value < 0 {
                #expect(x + width <= zeroX + 0.011)
            } else {
                #expect(x >= zeroX - 0.011)
            }
            pixelsPerUnit.append(width / abs(item.value))
        }
        // One scale for all segments (coordinates rounded to 0.01 px).
        for scale in pixelsPerUnit { #expect(abs(scale - pixelsPerUnit[0]) < 0.01) }
        // Stacking: the second subsidy starts where the first ends, further left.
        #expect(abs(svg.number(segments[3], "x") + svg.number(segments[3], "width") - svg.number(segments[1], "x")) < 0.011)
        // The transport segment starts where production ends.
        #expect(abs(svg.number(segments[2], "x") - (svg.number(segments[0], "x") + svg.number(segments[0], "width"))) < 0.011)
        #expect(svg.withClass("total").first?.text == "10.00")
    }

    @Test func undefinedSegmentsAreLeftOutAndSaidSo() throws {
        let bars = [CostBar(label: "x", segments: [("production", 10), ("transport", .nan), ("energy", .infinity), ("subsidies", -2)])]
        let text = render(bars)
        let svg = expectValidSVG(text)
        #expect(svg.withClass("segment").map { $0.attributes["data-name"] } == ["production", "subsidies"])
        #expect(svg.withClass("total").first?.text == "8.00")
        #expect(svg.named("text").contains { $0.text.hasPrefix("2 undefined") })
    }

    @Test func emptyAndZeroChartsAreValid() {
        _ = expectValidSVG(render([]))
        let zero = expectValidSVG(render([CostBar(label: "idle", segments: [("production", 0), ("subsidies", 0)]), CostBar(label: "none", segments: [])]))
        #expect(zero.withClass("bar").count == 2)
        #expect(zero.withClass("segment").isEmpty)
    }

    @Test func labelsAreEscapedColoursFixedAndOutputDeterministic() {
        let text = render(ResultsFixtures.costBars)
        #expect(text.contains("凯里 Kaili (R&amp;D &lt;NH3&gt;)"))
        let svg = expectValidSVG(text)
        let subsidyFills = Set(svg.withClass("segment").filter { $0.attributes["data-name"] == "subsidies" }.map { $0.attributes["fill"] ?? "" })
        #expect(subsidyFills == [ChartPalette.costItemColour("subsidies")])
        #expect(text == render(ResultsFixtures.costBars))
    }

    /// The target line sits at its value on the axis, which reaches it even above every bar.
    @Test func targetLineAtItsValue() throws {
        let bars = [CostBar(label: "a", segments: [("production", 10)]), CostBar(label: "b", segments: [("production", 20)])]
        let svg = expectValidSVG(CostChartSVG.render(title: "t", unit: "CNY/kg", bars: bars, target: (35, "target price")))
        let line = try #require(svg.withID("target-line").first)
        let zero = try #require(svg.withID("zero-line").first)
        let ticks = svg.named("text").filter { Double($0.text) != nil && $0.attributes["class"] == nil }
        let tick10 = try #require(ticks.first { $0.text == "10" }), tick20 = try #require(ticks.first { $0.text == "20" })
        let pxPerUnit = (svg.number(tick20, "x") - svg.number(tick10, "x")) / 10
        #expect(abs(svg.number(line, "x1") - (svg.number(zero, "x1") + 35 * pxPerUnit)) < 0.02)
        #expect(svg.withClass("target-label").first?.text == "target price 35 CNY/kg")
        #expect(svg.withID("target-line").isEmpty == false)
        #expect(expectValidSVG(render(bars)).withID("target-line").isEmpty)
    }

    /// A long title shrinks, then is shortened, so it never runs past the canvas; the legend
    /// lists only items drawn.
    @Test func titleFitsAndLegendListsDrawnItems() throws {
        let long = String(repeating: "Zhejiang 2025: ~5,000 fuel-cell vehicles, ", count: 3)
        let svg = expectValidSVG(CostChartSVG.render(title: long, unit: "CNY/kg", bars: ResultsFixtures.costBars))
        let title = try #require(svg.withClass("title").first)
        let size = svg.number(title, "font-size")
        #expect(size >= 14 && size < 20)
        #expect(estimatedTextWidth(title.text, fontSize: size) * 1.1 <= 900 - 32)
        #expect(fittedTitle("Short", width: 868, size: 20) == ("Short", 20))
        let zero = expectValidSVG(render([CostBar(label: "x", segments: [("production", 5), ("cracking", 0)])]))
        let legend = zero.children(of: try #require(zero.withID("legend").first)).map(\.text).filter { !$0.isEmpty }
        #expect(legend == ["production"])
    }
}

@Suite struct ResultsTornadoChartTests {
    @Test func barsRunFromTheBaselineToEachResult() throws {
        let rows = ResultsFixtures.tornadoRows
        let svg = expectValidSVG(TornadoChartSVG.render(title: "T", unit: "CNY/kg", baseline: 34.2, rows: rows))
        #expect(svg.withClass("row").count == rows.count)
        let baselineX = svg.number(try #require(svg.withID("baseline").first), "x1")
        let lows = svg.withClass("low"), highs = svg.withClass("high")
        #expect(lows.count == rows.count && highs.count == rows.count)
        // Pixels per unit from the first low bar; every other bar must agree.
        let scale = svg.number(lows[0], "width") / abs(rows[0].lowValue - 34.2)
        for (row, (low, high)) in zip(rows, zip(lows, highs)) {
            for (rect, value) in [(low, row.lowValue), (high, row.highValue)] {
                let (x, width) = (svg.number(rect, "x"), svg.number(rect, "width"))
                if value < 34.2 { #expect(abs(x + width - baselineX) < 0.011) } else { #expect(abs(x - baselineX) < 0.011) }
                #expect(abs(width - abs(value - 34.2) * scale) < 0.03)
            }
        }
        // Non-monotone row (both below the baseline): two half-height bars, one above the other.
        let (low, high) = (lows[4], highs[4])
        #expect(svg.number(low, "height") == 11 && svg.number(high, "height") == 11)
        #expect(svg.number(high, "y") == svg.number(low, "y") + 11)
        #expect(svg.withClass("low-input").map(\.text) == rows.map(\.lowInput))
    }

    @Test func undefinedValuesAndDegenerateInputs() {
        let rows = [TornadoRow(parameter: "R&D <x>", lowValue: .nan, highValue: 36, lowInput: "a", highInput: "b")]
        let svg = expectValidSVG(TornadoChartSVG.render(title: "T", unit: "u", baseline: 34, rows: rows))
        #expect(svg.withClass("low").isEmpty && svg.withClass("high").count == 1)
        #expect(svg.withClass("low-input").first?.text == "undefined")
        _ = expectValidSVG(TornadoChartSVG.render(title: "T", unit: "u", baseline: 34, rows: []))
        let noBaseline = expectValidSVG(TornadoChartSVG.render(title: "T", unit: "u", baseline: .nan, rows: ResultsFixtures.tornadoRows))
        #expect(noBaseline.withClass("low").isEmpty && noBaseline.withClass("row").count == ResultsFixtures.tornadoRows.count)
        let flat = [TornadoRow(parameter: "flat", lowValue: 0, highValue: 0, lowInput: "0", highInput: "0")]
        _ = expectValidSVG(TornadoChartSVG.render(title: "T", unit: "u", baseline: 0, rows: flat))
        let a = TornadoChartSVG.render(title: "T", unit: "u", baseline: 34.2, rows: ResultsFixtures.tornadoRows)
        #expect(a == TornadoChartSVG.render(title: "T", unit: "u", baseline: 34.2, rows: ResultsFixtures.tornadoRows))
    }
}

@Suite struct ResultsHistogramTests {
    private func counts(_ svg: ParsedSVG) -> [Int] { svg.withClass("bin").map { Int($0.attributes["data-count"] ?? "") ?? -1 } }

    @Test func binsCountByHand() {
        // 0…9 in 5 bins of width 1.8: [0,1.8) [1.8,3.6) [3.6,5.4) [5.4,7.2) [7.2,9] → 2 each.
        let tenValues = expectValidSVG(HistogramSVG.render(title: "h", unit: "u", values: (0..<10).map(Double.init), bins: 5, markers: []))
        #expect(counts(tenValues) == [2, 2, 2, 2, 2])
        // 0…10 in 5 bins of width 2: the largest value falls in the last (closed) bin.
        let elevenValues = expectValidSVG(HistogramSVG.render(title: "h", unit: "u", values: (0...10).map(Double.init), bins: 5, markers: []))
        #expect(counts(elevenValues) == [2, 2, 2, 2, 3])
        // Bars: heights proportional to counts.
        let heights = elevenValues.withClass("bin").map { elevenValues.number($0, "height") }
        #expect(abs(heights[4] / heights[0] - 1.5) < 0.001)
    }

    @Test func sampleCountsAddUpAndMarkersAreDrawnInPlace() throws {
        let values = ResultsFixtures.histogramValues + [.nan, .infinity]
        let markers: [(label: String, value: Double)] = [("P5", 28.9), ("P50", 32.4), ("mean", 33.0), ("P95", 41.1), ("bad", .nan)]
        let svg = expectValidSVG(HistogramSVG.render(title: "h", unit: "CNY/kg", values: values, bins: 30, markers: markers))
        #expect(counts(svg).reduce(0, +) == ResultsFixtures.histogramValues.count)
        #expect(svg.withClass("bin").count <= 30)
        #expect(svg.named("text").contains { $0.text == "n = 2000; 2 undefined values left out" })
        let lines = svg.withClass("marker")
        #expect(lines.count == 4)
        let x = Dictionary(uniqueKeysWithValues: lines.map { ($0.attributes["data-label"]!, svg.number($0, "x1")) })
        #expect(x["P5"]! < x["P50"]! && x["P50"]! < x["mean"]! && x["mean"]! < x["P95"]!)
        // Linear scale: (P95 − P50) / (P50 − P5) in pixels equals the same in values.
        #expect(abs((x["P95"]! - x["P50"]!) / (x["P50"]! - x["P5"]!) - (41.1 - 32.4) / (32.4 - 28.9)) < 0.001)
    }

    @Test func degenerateSamplesAreValid() {
        _ = expectValidSVG(HistogramSVG.render(title: "h", unit: "u", values: [], bins: 10, markers: [("P50", 1)]))
        _ = expectValidSVG(HistogramSVG.render(title: "h", unit: "u", values: [.nan], bins: 0, markers: []))
        let same = expectValidSVG(HistogramSVG.render(title: "h", unit: "u", values: [7, 7, 7], bins: -3, markers: []))
        #expect(counts(same) == [3])
        let zeros = expectValidSVG(HistogramSVG.render(title: "h", unit: "u", values: [0, 0], bins: 4, markers: []))
        #expect(counts(zeros).reduce(0, +) == 2)
        let a = HistogramSVG.render(title: "h", unit: "u", values: ResultsFixtures.histogramValues, bins: 30, markers: [("P50", 32)])
        #expect(a == HistogramSVG.render(title: "h", unit: "u", values: ResultsFixtures.histogramValues, bins: 30, markers: [("P50", 32)]))
    }
}
