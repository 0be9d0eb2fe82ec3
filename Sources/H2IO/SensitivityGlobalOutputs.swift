// sobol_indices.csv from a complete `sobol` record: the Saltelli design is rebuilt from the
// fingerprint and the indices computed from the network-average column of samples.csv.
import H2Model

enum GlobalSensitivityOutputs {
    static func summaries(_ f: SensitivityFingerprint, column outputColumn: (String) throws -> [Double?]) throws -> [(name: String, bytes: [UInt8])] {
        guard case .sobol(let settings) = f.settings else { throw SensitivityRecordError("not a sobol record") }
        let parameters = settings.parameters
        let (seed, resamples, confidence) = (settings.seed.value, settings.bootstrapResamples, settings.confidenceLevel)
        let design = try SaltelliDesign(parameters: parameters.count, baseSamples: settings.baseSamples, seed: seed, sampler: settings.sampler)
        // The network average analysed: price, or carbon intensity with `--output co2`.
        let column = try outputColumn(settings.outputs.first ?? SensitivityModel.networkAverageColumn)
        if let missing = column.firstIndex(where: { $0 == nil }) {
            throw SensitivityRecordError("sample \(missing) has no network average (the model had no answer there), so Sobol indices cannot be estimated; narrow the distributions or use fixed placement")
        }
        let indices = try sobolIndices(design: design, outputs: column.map { $0! }, bootstrapResamples: resamples,
                                       confidenceLevel: confidence, seed: seed).rankedByTotalOrder()
        var table = CSVWriter(name: "sobol_indices.csv", header: ["rank", "parameter", "unit", "first_order", "first_order_low", "first_order_high",
                                                                  "total_order", "total_order_low", "total_order_high"])
        for (rank, index) in indices.enumerated() {
            let p = parameters[index.parameter]
            try table.appendRow([.integer(rank + 1), .text(p.key), .text(p.unit),
                                 .number(index.firstOrder), .number(index.firstOrderInterval.lowerBound), .number(index.firstOrderInterval.upperBound),
                                 .number(index.totalOrder), .number(index.totalOrderInterval.lowerBound), .number(index.totalOrderInterval.upperBound)])
        }
        return [("sobol_indices.csv", table.bytes(withBOM: f.bom))]
    }
}
