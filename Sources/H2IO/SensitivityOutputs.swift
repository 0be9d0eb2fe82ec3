import H2Model
import H2Numerics
// The files of a finished sensitivity run, made from its complete record: the rows file, the
// command's summaries and charts, and manifest.json. One function for the unsharded run and
// for `merge`, so both write the same bytes.

public enum SensitivityOutputs {
    /// Every file of the run folder, manifest last. Throws when the record is not one this
    /// version writes (a hand-edited shard) or a number cannot be written.
    public static func files(for record: SensitivityRecord) throws(SensitivityRecordError) -> [(name: String, bytes: [UInt8])] {
        do { return try makeFiles(record) } catch let error as SensitivityRecordError { throw error } catch {
            throw SensitivityRecordError("\(error)")
        }
    }

    static func makeFiles(_ record: SensitivityRecord) throws -> [(name: String, bytes: [UInt8])] {
        let record = record.resolved()
        let command = record.command
        guard record.rows.count == record.totalRows else {
            throw SensitivityRecordError("\(record.rows.count) rows for a run of \(record.totalRows)")
        }
        var files: [(name: String, bytes: [UInt8])] = []
        files.append((command.rowsFile, try csv(command.rowsFile, record.header, record.rows, outputs: Set(record.fingerprint.outputs)).bytes(withBOM: record.withBOM)))
        switch command {
        case .sweep: files += try SweepFrontier.summaries(record.fingerprint) { try record.column($0) }
        case .montecarlo: files += try monteCarloSummaries(record.fingerprint) { key in
            let column = try record.column(key)
            return (column.compactMap { $0 }, column.count)
        }
        case .tornado: files += try tornadoSummaries(record)
        case .sobol: files += try GlobalSensitivityOutputs.summaries(record.fingerprint) { try record.column($0) }
        }
        files.append(("manifest.json", try manifest(record.fingerprint, outputs: files.map { ($0.name, SHA256.hexDigest($0.bytes)) })))
        return files
    }

    /// manifest.json: the fingerprint's members, then every output file with its SHA-256.
    static func manifest(_ fingerprint: SensitivityFingerprint, outputs: [(name: String, sha256: String)]) throws -> [UInt8] {
        var manifest: [JSONMember] = []
        if case .object(let members) = try fingerprint.json() { manifest = members }
        manifest.append(JSONMember("outputs", .array(outputs.map { .object([JSONMember("file", .string($0.name)), JSONMember("sha256", .string($0.sha256))]) })))
        return Array(try JSONValue.object(manifest).rendered(pretty: true).utf8)
    }

    /// The columns a streamed run keeps for its summaries' second pass.
    public static func keptColumns(_ fingerprint: SensitivityFingerprint) -> [String] {
        switch fingerprint.command {
        case .sweep: SweepFrontier.keptColumns(fingerprint)
        case .tornado: []
        case .montecarlo: fingerprint.outputs
        case .sobol: Array(fingerprint.outputs.prefix(1))
        }
    }

    /// The summaries and manifest of a run whose rows were streamed to `writer` (finished
    /// with `added`): the same bytes `files(for:)` makes from the whole record in memory, the
    /// kept columns read back from the side files.
    public static func commitStreamed(_ fingerprint: SensitivityFingerprint, rows: RowStream, to writer: StreamingRunWriter) throws(SensitivityRecordError) {
        do {
            let summaries: [(name: String, bytes: [UInt8])]
            switch fingerprint.command {
            case .sweep: summaries = try SweepFrontier.summaries(fingerprint) { key in try rows.keptColumn(key) }
            case .montecarlo: summaries = try monteCarloSummaries(fingerprint) { key in try rows.keptAnswers(key) }
            case .sobol: summaries = try GlobalSensitivityOutputs.summaries(fingerprint) { key in try rows.keptColumn(key) }
            case .tornado: preconditionFailure("tornado runs are small and written from memory")
            }
            for file in summaries { try writer.add(file.name, bytes: file.bytes) }
            try writer.add("manifest.json", bytes: try manifest(fingerprint, outputs: writer.written))
        } catch let error as SensitivityRecordError { throw error } catch {
            throw SensitivityRecordError("\(error)")
        }
    }

    /// shard.json: the fingerprint, which rows the shard holds, and the SHA-256 of its rows
    /// file, which `merge` checks (an edited shard is refused).
    public static func shardInfo(_ fingerprint: SensitivityFingerprint, shard: ShardSpec, rowsSHA256: String) throws(SensitivityRecordError) -> [UInt8] {
        let slice = shard.rows(of: fingerprint.rows)
        let info = ShardInfo(fingerprint: fingerprint, shard: .init(index: shard.index, count: shard.count, firstRow: slice.lowerBound,
                                                                    rowCount: slice.count, rowsSHA256: rowsSHA256))
        do { return Array(try JSONValue.encoding(info).rendered(pretty: true).utf8) } catch { throw SensitivityRecordError("\(error)") }
    }

    /// A shard's files: its rows and `shard.json` (the fingerprint, which rows it holds, and
    /// their SHA-256).
    public static func shardFiles(for record: SensitivityRecord, shard: ShardSpec) throws(SensitivityRecordError) -> [(name: String, bytes: [UInt8])] {
        let command = record.command
        let slice = shard.rows(of: record.totalRows)
        precondition(record.rows.count == slice.count, "shard \(shard) holds \(record.rows.count) rows, its slice \(slice)")
        let rows: [UInt8]
        do throws(OutputError) { rows = try csv(command.rowsFile, record.header, record.rows, outputs: Set(record.fingerprint.outputs)).bytes(withBOM: record.withBOM) } catch {
            throw SensitivityRecordError("\(error)")
        }
        return [(command.rowsFile, rows), ("shard.json", try shardInfo(record.fingerprint, shard: shard, rowsSHA256: SHA256.hexDigest(rows)))]
    }

    static func csv(_ name: String, _ header: [String], _ rows: [SensitivityRow], outputs: Set<String>) throws(OutputError) -> CSVWriter {
        var w = CSVWriter(name: name, header: header)
        for row in rows { try w.appendRow(row.cells(header: header, outputs: outputs).map { .text($0) }) }
        return w
    }

    // MARK: montecarlo

    /// `answered(output)` gives the output's values of the samples that have one, in sample
    /// order, and the number of samples.
    static func monteCarloSummaries(_ fingerprint: SensitivityFingerprint, answered: (String) throws -> (values: [Double], samples: Int)) throws -> [(name: String, bytes: [UInt8])] {
        var table = CSVWriter(name: "percentiles.csv", header: ["output", "samples", "failed", "p5", "p50", "p95", "mean"])
        var histogram: String? = nil
        let t = fingerprint.language
        do {
            for output in fingerprint.outputs {
                var (values, samples) = try answered(output)
                guard let s = OutputSummary.of(output, answered: &values, samples: samples) else {
                    try table.appendRow([.text(output), .integer(0), .integer(samples), .empty, .empty, .empty, .empty])
                    continue
                }
                try table.appendRow([.text(output), .integer(s.samples), .integer(s.failed), .number(s.p5), .number(s.p50), .number(s.p95), .number(s.mean)])
                if output == SensitivityModel.networkAverageColumn || output == "network_co2_kg_per_kg" {
                    // `values` is sorted now; the histogram does not depend on the order.
                    let co2 = output.hasSuffix("co2_kg_per_kg")
                    let quantity = t(co2 ? "network-average carbon intensity" : "network-average nozzle price")
                    let title = t == .zh ? "\(fingerprint.title)——\(quantity)，\(samples) 次抽样" : "\(fingerprint.title): \(quantity), \(samples) samples"
                    histogram = HistogramSVG.render(title: title, unit: t(co2 ? "kg CO2e/kg" : "CNY/kg"), values: values, bins: 40,
                                                    markers: [("P5", s.p5), ("P50", s.p50), (t("mean"), s.mean), ("P95", s.p95)], language: t)
                }
            }
        }
        var files: [(name: String, bytes: [UInt8])] = [("percentiles.csv", table.bytes(withBOM: fingerprint.bom))]
        if let histogram { files.append(("histogram.svg", Array(histogram.utf8))) }
        return files
    }

    // MARK: tornado

    static func tornadoSummaries(_ record: SensitivityRecord) throws -> [(name: String, bytes: [UInt8])] {
        let f = record.fingerprint
        guard case .tornado(let settings) = f.settings else { throw SensitivityRecordError("not a tornado record") }
        let parameters = settings.parameters
        let outputs = settings.outputs
        let baseline = settings.baseline
        guard record.rows.count == 2 * parameters.count, baseline.count == outputs.count else {
            throw SensitivityRecordError("tornado record: \(record.rows.count) runs for \(parameters.count) parameters")
        }
        var files: [(name: String, bytes: [UInt8])] = []
        var perStation: [(station: String, rows: [[CSVCell]])] = []
        // The unit of the outputs analysed (`--output cost|co2`), from the first output's name.
        let unit = outputs.first?.hasSuffix("co2_kg_per_kg") == true ? "co2_kg_per_kg" : "cny_per_kg"
        for (o, output) in outputs.enumerated() {
            let values = try record.column(output)
            var bars: [TornadoBar] = []
            var failed: [Int] = []
            for (p, parameter) in parameters.enumerated() {
                guard let lowOut = values[2 * p], let highOut = values[2 * p + 1] else { failed.append(p); continue }
                bars.append(TornadoBar(key: parameter.key, lowInput: parameter.low, highInput: parameter.high, lowOutput: lowOut, highOutput: highOut))
            }
            let sorted = TornadoBar.sorted(bars)
            let byKey = Dictionary(uniqueKeysWithValues: parameters.map { ($0.key, $0) })
            var rows: [[CSVCell]] = sorted.enumerated().map { rank, bar in
                let p = byKey[bar.key]
                return [.integer(rank + 1), .text(bar.key), .text(p?.unit ?? ""), .number(bar.lowInput),
                        .optional(p?.base), .number(bar.highInput), .number(bar.lowOutput), .number(bar.highOutput),
                        .optional(baseline[o]), .number(bar.swing)]
            }
            for p in failed {
                let q = parameters[p]
                rows.append([.empty, .text(q.key), .text(q.unit), .optional(q.low), .optional(q.base), .optional(q.high), .optional(values[2 * p]),
                             .optional(values[2 * p + 1]), .optional(baseline[o]), .empty])
            }
            if o == 0 {
                do {
                    var table = CSVWriter(name: "tornado.csv", header: ["rank", "parameter", "unit", "low_input", "base_input", "high_input",
                                                                        "low_\(unit)", "high_\(unit)", "baseline_\(unit)", "swing_\(unit)"])
                    for row in rows { try table.appendRow(row) }
                    files.append(("tornado.csv", table.bytes(withBOM: record.withBOM)))
                }
                let chartRows = sorted.prefix(20).map {
                    TornadoRow(parameter: $0.key, lowValue: $0.lowOutput, highValue: $0.highOutput,
                               lowInput: formatNumber($0.lowInput), highInput: formatNumber($0.highInput))
                }
                let t = f.language
                let what = t(unit == "cny_per_kg" ? "network-average price, one parameter at a time" : "network-average carbon intensity, one parameter at a time")
                let svg = TornadoChartSVG.render(title: t == .zh ? "\(f.title)——\(what)" : "\(f.title): \(what)",
                                                 unit: t(unit == "cny_per_kg" ? "CNY/kg" : "kg CO2e/kg"), baseline: baseline[0], rows: Array(chartRows),
                                                 language: t)
                files.append(("tornado.svg", Array(svg.utf8)))
            } else {
                perStation.append((output, rows))
            }
        }
        if !perStation.isEmpty {
            do {
                var table = CSVWriter(name: "tornado_stations.csv", header: ["station", "rank", "parameter", "unit", "low_input", "base_input", "high_input",
                                                                             "low_\(unit)", "high_\(unit)", "baseline_\(unit)", "swing_\(unit)"])
                for (station, rows) in perStation {
                    let site = String(station.dropFirst("station_".count).dropLast(unit.count + 1))
                    for row in rows { try table.appendRow([.text(site)] + row) }
                }
                files.append(("tornado_stations.csv", table.bytes(withBOM: record.withBOM)))
            }
        }
        return files
    }
}

/// shard.json: the fingerprint and which rows the shard holds, with the SHA-256 of its rows
/// file (`merge` refuses an edited shard).
public struct ShardInfo: Sendable, Equatable, Codable {
    public struct Slice: Sendable, Equatable, Codable {
        public var index: Int
        public var count: Int
        public var firstRow: Int
        public var rowCount: Int
        public var rowsSHA256: String
        enum CodingKeys: String, CodingKey {
            case index, count
            case firstRow = "first_row"
            case rowCount = "row_count"
            case rowsSHA256 = "rows_sha256"
        }
    }
    public var fingerprint: SensitivityFingerprint
    public var shard: Slice
}

/// A record that cannot be turned into outputs (a shard folder edited by hand, or made by
/// another version of the tool).
public struct SensitivityRecordError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
