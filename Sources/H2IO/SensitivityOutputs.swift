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
        guard let command = record.command else { throw SensitivityRecordError("the fingerprint names no known command") }
        guard record.rows.count == record.totalRows else {
            throw SensitivityRecordError("\(record.rows.count) rows for a run of \(record.totalRows)")
        }
        var files: [(name: String, bytes: [UInt8])] = []
        files.append((command.rowsFile, try csv(command.rowsFile, record.header, record.rows).bytes(withBOM: record.withBOM)))
        switch command {
        case .sweep: files += try SweepFrontier.summaries(record.fingerprint) { try column(record, $0) }
        case .montecarlo: files += try monteCarloSummaries(record.fingerprint, withBOM: record.withBOM) { key in
            let column = try column(record, key)
            return (column.compactMap { $0 }, column.count)
        }
        case .tornado: files += try tornadoSummaries(record)
        case .sobol: files += try GlobalSensitivityOutputs.summaries(record.fingerprint, withBOM: record.withBOM) { try column(record, $0) }
        }
        files.append(("manifest.json", try manifest(record.fingerprint, outputs: files.map { ($0.name, SHA256.hexDigest($0.bytes)) })))
        return files
    }

    /// manifest.json: the fingerprint's members, then every output file with its SHA-256.
    static func manifest(_ fingerprint: JSONValue, outputs: [(name: String, sha256: String)]) throws -> [UInt8] {
        var manifest: [JSONMember] = []
        if case .object(let members) = fingerprint { manifest = members }
        manifest.append(JSONMember("outputs", .array(outputs.map { .object([JSONMember("file", .string($0.name)), JSONMember("sha256", .string($0.sha256))]) })))
        return Array(try JSONValue.object(manifest).rendered(pretty: true).utf8)
    }

    /// The columns a streamed run keeps for its summaries' second pass.
    public static func keptColumns(_ command: SensitivityCommand, fingerprint: JSONValue) -> [String] {
        switch command {
        case .sweep: SweepFrontier.keptColumns(fingerprint)
        case .tornado: []
        case .montecarlo: strings(fingerprint["outputs"])
        case .sobol: Array(strings(fingerprint["outputs"]).prefix(1))
        }
    }

    /// The summaries and manifest of a run whose rows were streamed to `writer` (finished
    /// with `added`): the same bytes `files(for:)` makes from the whole record in memory, the
    /// kept columns read back from the side files.
    public static func commitStreamed(_ fingerprint: JSONValue, rows: RowStream, to writer: StreamingRunWriter) throws(SensitivityRecordError) {
        do {
            guard let command = fingerprint["command"]?.stringValue.flatMap(SensitivityCommand.init) else {
                throw SensitivityRecordError("the fingerprint names no known command")
            }
            let withBOM = fingerprint["bom"] == .bool(true)
            let summaries: [(name: String, bytes: [UInt8])]
            switch command {
            case .sweep: summaries = try SweepFrontier.summaries(fingerprint) { key in try rows.keptColumn(key) }
            case .montecarlo: summaries = try monteCarloSummaries(fingerprint, withBOM: withBOM) { key in try rows.keptAnswers(key) }
            case .sobol: summaries = try GlobalSensitivityOutputs.summaries(fingerprint, withBOM: withBOM) { key in try rows.keptColumn(key) }
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
    public static func shardInfo(_ fingerprint: JSONValue, shard: ShardSpec, rowsSHA256: String) throws(SensitivityRecordError) -> [UInt8] {
        let slice = shard.rows(of: fingerprint["rows"]?.intValue ?? 0)
        let info: JSONValue = .object([
            JSONMember("fingerprint", fingerprint),
            JSONMember("shard", .object([JSONMember("index", .integer(shard.index)), JSONMember("count", .integer(shard.count)),
                                         JSONMember("first_row", .integer(slice.lowerBound)), JSONMember("row_count", .integer(slice.count)),
                                         JSONMember("rows_sha256", .string(rowsSHA256))])),
        ])
        do throws(OutputError) { return Array(try info.rendered(pretty: true).utf8) } catch { throw SensitivityRecordError("\(error)") }
    }

    /// A shard's files: its rows and `shard.json` (the fingerprint, which rows it holds, and
    /// their SHA-256).
    public static func shardFiles(for record: SensitivityRecord, shard: ShardSpec) throws(SensitivityRecordError) -> [(name: String, bytes: [UInt8])] {
        guard let command = record.command else { throw SensitivityRecordError("the fingerprint names no known command") }
        let slice = shard.rows(of: record.totalRows)
        precondition(record.rows.count == slice.count, "shard \(shard) holds \(record.rows.count) rows, its slice \(slice)")
        let rows: [UInt8]
        do throws(OutputError) { rows = try csv(command.rowsFile, record.header, record.rows).bytes(withBOM: record.withBOM) } catch {
            throw SensitivityRecordError("\(error)")
        }
        return [(command.rowsFile, rows), ("shard.json", try shardInfo(record.fingerprint, shard: shard, rowsSHA256: SHA256.hexDigest(rows)))]
    }

    static func csv(_ name: String, _ header: [String], _ rows: [[String]]) throws(OutputError) -> CSVWriter {
        var w = CSVWriter(name: name, header: header)
        for row in rows { try w.appendRow(row.map { .text($0) }) }
        return w
    }

    /// The values of column `name` (nil for empty cells).
    static func column(_ record: SensitivityRecord, _ name: String) throws -> [Double?] {
        guard let c = record.header.firstIndex(of: name) else { throw SensitivityRecordError("no column \(name)") }
        var values: [Double?] = []
        values.reserveCapacity(record.rows.count)
        for row in record.rows {
            if row[c].isEmpty { values.append(nil); continue }
            guard let x = Double(row[c]) else { throw SensitivityRecordError("\"\(row[c])\" in column \(name) is not a number") }
            values.append(x)
        }
        return values
    }

    static func strings(_ value: JSONValue?) -> [String] { value?.arrayValue?.compactMap(\.stringValue) ?? [] }

    // MARK: montecarlo

    /// `answered(output)` gives the output's values of the samples that have one, in sample
    /// order, and the number of samples.
    static func monteCarloSummaries(_ fingerprint: JSONValue, withBOM: Bool, answered: (String) throws -> (values: [Double], samples: Int)) throws -> [(name: String, bytes: [UInt8])] {
        var table = CSVWriter(name: "percentiles.csv", header: ["output", "samples", "failed", "p5", "p50", "p95", "mean"])
        var histogram: String? = nil
        do {
            for output in strings(fingerprint["outputs"]) {
                var (values, samples) = try answered(output)
                guard let s = OutputSummary.of(output, answered: &values, samples: samples) else {
                    try table.appendRow([.text(output), .integer(0), .integer(samples), .empty, .empty, .empty, .empty])
                    continue
                }
                try table.appendRow([.text(output), .integer(s.samples), .integer(s.failed), .number(s.p5), .number(s.p50), .number(s.p95), .number(s.mean)])
                if output == SensitivityModel.networkAverageColumn || output == "network_co2_kg_per_kg" {
                    let name = fingerprint["scenario_title"]?.stringValue ?? fingerprint["scenario"]?.stringValue ?? ""
                    // `values` is sorted now; the histogram does not depend on the order.
                    let co2 = output.hasSuffix("co2_kg_per_kg")
                    histogram = HistogramSVG.render(title: "\(name): network-average \(co2 ? "carbon intensity" : "nozzle price"), \(samples) samples",
                                                    unit: co2 ? "kg CO2e/kg" : "CNY/kg",
                                                    values: values, bins: 40,
                                                    markers: [("P5", s.p5), ("P50", s.p50), ("mean", s.mean), ("P95", s.p95)])
                }
            }
        }
        var files: [(name: String, bytes: [UInt8])] = [("percentiles.csv", table.bytes(withBOM: withBOM))]
        if let histogram { files.append(("histogram.svg", Array(histogram.utf8))) }
        return files
    }

    // MARK: tornado

    static func tornadoSummaries(_ record: SensitivityRecord) throws -> [(name: String, bytes: [UInt8])] {
        let f = record.fingerprint
        let parameters = f["parameters"]?.arrayValue ?? []
        let outputs = strings(f["outputs"])
        let baseline = f["baseline"]?.arrayValue?.map { $0.doubleValue } ?? []
        guard record.rows.count == 2 * parameters.count, baseline.count == outputs.count else {
            throw SensitivityRecordError("tornado record: \(record.rows.count) runs for \(parameters.count) parameters")
        }
        var files: [(name: String, bytes: [UInt8])] = []
        var perStation: [(station: String, rows: [[CSVCell]])] = []
        // The unit of the outputs analysed (`--output cost|co2`), from the first output's name.
        let unit = outputs.first?.hasSuffix("co2_kg_per_kg") == true ? "co2_kg_per_kg" : "cny_per_kg"
        for (o, output) in outputs.enumerated() {
            let values = try column(record, output)
            var bars: [TornadoBar] = []
            var failed: [Int] = []
            for (p, parameter) in parameters.enumerated() {
                guard let lowOut = values[2 * p], let highOut = values[2 * p + 1] else { failed.append(p); continue }
                bars.append(TornadoBar(key: parameter["key"]?.stringValue ?? "", lowInput: parameter["low"]?.doubleValue ?? .nan,
                                       highInput: parameter["high"]?.doubleValue ?? .nan, lowOutput: lowOut, highOutput: highOut))
            }
            let sorted = TornadoBar.sorted(bars)
            let byKey = Dictionary(uniqueKeysWithValues: parameters.map { ($0["key"]?.stringValue ?? "", $0) })
            var rows: [[CSVCell]] = sorted.enumerated().map { rank, bar in
                let p = byKey[bar.key]
                return [.integer(rank + 1), .text(bar.key), .text(p?["unit"]?.stringValue ?? ""), .number(bar.lowInput),
                        .optional(p?["base"]?.doubleValue), .number(bar.highInput), .number(bar.lowOutput), .number(bar.highOutput),
                        .optional(baseline[o]), .number(bar.swing)]
            }
            for p in failed {
                let q = parameters[p]
                rows.append([.empty, .text(q["key"]?.stringValue ?? ""), .text(q["unit"]?.stringValue ?? ""), .optional(q["low"]?.doubleValue),
                             .optional(q["base"]?.doubleValue), .optional(q["high"]?.doubleValue), .optional(values[2 * p]),
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
                let name = f["scenario_title"]?.stringValue ?? f["scenario"]?.stringValue ?? ""
                let svg = TornadoChartSVG.render(title: "\(name): network-average \(unit == "cny_per_kg" ? "price" : "carbon intensity"), one parameter at a time",
                                                 unit: unit == "cny_per_kg" ? "CNY/kg" : "kg CO2e/kg", baseline: baseline[0] ?? .nan, rows: Array(chartRows))
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

/// A record that cannot be turned into outputs (a shard folder edited by hand, or made by
/// another version of the tool).
public struct SensitivityRecordError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
