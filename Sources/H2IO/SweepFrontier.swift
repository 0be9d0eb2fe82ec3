// The frontier chart of a sweep (issue 13): a re-optimised sweep over one setting whose rows
// carry both the network's price and its carbon intensity draws frontier.svg, price against
// intensity, one point per case. From the rows alone (a merge of shards draws the same bytes).
import H2Model

enum SweepFrontier {
    static let priceColumn = SensitivityModel.networkAverageColumn
    static let co2Column = "network_co2_kg_per_kg"

    /// The swept key and each case's value text when the sweep draws a frontier, else nil: a
    /// --grid over one setting with numeric values (a word or a list has no axis order; a
    /// cases file is a table, not a curve).
    static func swept(_ fingerprint: SensitivityFingerprint) -> (key: String, labels: [String])? {
        guard fingerprint.depth == .reoptimised, case .sweep(let settings) = fingerprint.settings, let grid = settings.grid, grid.count == 1,
              settings.outputs.contains(priceColumn), settings.outputs.contains(co2Column),
              let design = try? SensitivitySpecs.grid(grid), design.keys.count == 1 else { return nil }
        let labels = (0..<design.caseCount).map { design.texts(ofCase: $0)[0] }
        guard labels.allSatisfy({ Double($0) != nil }) else { return nil }
        return (design.keys[0], labels)
    }

    /// The columns a streamed sweep keeps for the chart.
    static func keptColumns(_ fingerprint: SensitivityFingerprint) -> [String] {
        swept(fingerprint) == nil ? [] : [priceColumn, co2Column]
    }

    static func summaries(_ fingerprint: SensitivityFingerprint, column: (String) throws -> [Double?]) throws -> [(name: String, bytes: [UInt8])] {
        guard let (key, labels) = swept(fingerprint) else { return [] }
        let price = try column(priceColumn), co2 = try column(co2Column)
        guard price.count == labels.count, co2.count == labels.count else { return [] }
        var points: [TradeoffPoint] = []
        for i in labels.indices {
            guard let p = price[i], let c = co2[i] else { continue }
            points.append(TradeoffPoint(label: labels[i], x: c, y: p))
        }
        let a = ParameterCatalogue.defaults.emissions
        let word = fingerprint.language
        let svg = TradeoffChartSVG.render(title: "\(fingerprint.title): \(word("price and carbon intensity"))",
                                          subtitle: "\(word("one point per case, labelled with")) \(key)",
                                          xUnit: word("kg CO2e/kg"), yUnit: word("CNY/kg"), points: points,
                                          thresholds: [(word("T/CAB clean"), a.tcabCleanKgPerKg), (word("T/CAB low-carbon"), a.tcabLowCarbonKgPerKg)])
        return [("frontier.svg", Array(svg.utf8))]
    }
}
