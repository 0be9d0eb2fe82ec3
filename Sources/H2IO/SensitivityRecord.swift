import H2Model
import H2Numerics
// What a sensitivity run (or one shard of it) produced before its summary files are made: the
// run's fingerprint (everything that determines its rows) and its rows. Both are typed: the
// fingerprint is a Codable value written into manifest.json and shard.json with the tool's
// JSON writer and read back from shard.json by `merge` into the same type, so no summary looks
// a setting up by key in untyped JSON; the rows hold numbers, not their text.
// An unsharded run and `merge` both turn a complete record into the output folder through
// `SensitivityOutputs.files`, so the two write the same bytes.

public enum SensitivityCommand: String, Sendable, CaseIterable, Codable {
    case sweep, tornado, montecarlo, sobol

    /// The per-row file each command writes (and each shard holds).
    public var rowsFile: String {
        switch self {
        case .sweep: "sweep.csv"
        case .tornado: "tornado_runs.csv"
        case .montecarlo, .sobol: "samples.csv"
        }
    }
}

/// One row of a run: its leading text cells (a sample's index; a tornado run's parameter and
/// side; a sweep case's values as given), then its numbers (inputs, outputs), nil where the
/// model had no answer.
public struct SensitivityRow: Sendable, Equatable {
    public var labels: [String]
    public var values: [Double?]

    public init(labels: [String], values: [Double?]) {
        self.labels = labels
        self.values = values
    }

    /// The CSV cells, empty where there is no answer. An output column with a physical unit
    /// (`_cny_per_kg`, `_kg_per_day`, `_pct`, ...) is written at the resolution of that unit
    /// (NumberResolution, as in a run's files: a sweep's served kg/day reads as the run's);
    /// drawn or swept inputs keep the shortest round-trip form, so a row reproduces its case.
    public func cells(header: [String], outputs: Set<String>) -> [String] {
        labels + values.enumerated().map { i, x in
            let c = labels.count + i
            guard let x, c < header.count, outputs.contains(header[c]), let d = NumberResolution.decimals(forColumn: header[c]) else {
                return SensitivityRecord.cell(x)
            }
            return NumberResolution.text(x, decimals: d)
        }
    }
}

public struct SensitivityRecord: Sendable {
    public var fingerprint: SensitivityFingerprint
    public var header: [String]
    public var rows: [SensitivityRow]

    public init(fingerprint: SensitivityFingerprint, header: [String], rows: [SensitivityRow]) {
        self.fingerprint = fingerprint
        self.header = header
        self.rows = rows
    }

    public var command: SensitivityCommand { fingerprint.command }
    public var totalRows: Int { fingerprint.rows }
    public var withBOM: Bool { fingerprint.bom }

    /// The record as its rows file holds it: every output at the resolution it is written at
    /// (`SensitivityRow.cells`). Summaries are made from this, so a run's summaries and those of
    /// a merge of its shards (read back from the files) are the same bytes.
    public func resolved() -> SensitivityRecord {
        let outputs = Set(fingerprint.outputs)
        var r = self
        r.rows = rows.map { row in
            let cells = row.cells(header: header, outputs: outputs)
            return SensitivityRow(labels: row.labels, values: cells.dropFirst(row.labels.count).map { $0.isEmpty ? nil : Double($0) })
        }
        return r
    }

    /// The cell text of a number, or empty for nil.
    public static func cell(_ x: Double?) -> String { x.map(formatNumber) ?? "" }

    /// The values of column `name` (an output or an input column).
    func column(_ name: String) throws(SensitivityRecordError) -> [Double?] {
        guard let c = header.firstIndex(of: name) else { throw SensitivityRecordError("no column \(name)") }
        let labels = fingerprint.settings.labelColumns
        guard c >= labels else { throw SensitivityRecordError("column \(name) holds text, not numbers") }
        return rows.map { $0.values[c - labels] }
    }
}

/// Everything that determines a sensitivity run's rows, and the language of its pictures:
/// the tool, the command, the scenario's inputs with their SHA-256 and overrides with origins,
/// the depth, the base plan, library versions, then the command's own settings, then the row
/// count. `jobs` and the shard are not in it: they do not change the results.
///
/// Encoded as one JSON object in this order (the command's settings flattened into it), which
/// is the order of the manifests written before the fingerprint was typed: the bytes stay.
/// `language` and `scenario_title_zh` are written only for `--lang zh`, so an English run's
/// manifest is unchanged.
public struct SensitivityFingerprint: Sendable, Equatable, Codable {
    public struct InputHash: Sendable, Equatable, Codable {
        public var path: String
        public var sha256: String
    }

    /// A parameter override (a number with unit and basis) or a setting override (its TOML text).
    public struct Override: Sendable, Equatable, Codable {
        public enum Value: Sendable, Equatable, Codable {
            case number(Double)
            case text(String)

            public init(from decoder: any Decoder) throws {
                let c = try decoder.singleValueContainer()
                if let text = try? c.decode(String.self) { self = .text(text) } else { self = .number(try c.decode(Double.self)) }
            }

            public func encode(to encoder: any Encoder) throws {
                var c = encoder.singleValueContainer()
                switch self {
                case .number(let x): try c.encode(x)
                case .text(let s): try c.encode(s)
                }
            }
        }
        public var key: String
        public var value: Value
        public var unit: String?
        public var origin: String
        public var basis: String?
    }

    public struct BasePlan: Sendable, Equatable, Codable {
        public var status: String
        public var stations: Int
        public var networkAverageCnyPerKg: Double
        enum CodingKeys: String, CodingKey {
            case status, stations
            case networkAverageCnyPerKg = "network_average_cny_per_kg"
        }
    }

    public var tool = "h2corridor"
    public var version: String
    public var command: SensitivityCommand
    public var scenario: String
    public var scenarioTitle: String
    public var scenarioFolder: String
    public var priceYear: Int
    public var inputs: [InputHash]
    public var overrides: [Override]
    public var depth: SensitivityDepth
    public var basePlan: BasePlan
    /// Library name → version, written sorted by name.
    public var libraries: [String: String]
    public var settings: SensitivitySettings
    /// The language of the charts (`--lang`); the title in it is `title`.
    public var language: OutputLanguage = .en
    public var scenarioTitleZh: String?
    public var bom: Bool
    public var rows: Int

    /// The scenario's title in the run's language.
    public var title: String { language == .zh ? scenarioTitleZh ?? scenarioTitle : scenarioTitle }
    /// The output columns, in the order the model returns them.
    public var outputs: [String] { settings.outputs }

    public init(_ command: SensitivityCommand, scenario: Scenario, folder: String, depth: SensitivityDepth,
                basePlan: CorridorPlan, settings: SensitivitySettings, rows: Int, bom: Bool, language: OutputLanguage = .en) {
        version = h2corridorVersion
        self.command = command
        self.scenario = scenario.name
        scenarioTitle = scenario.title
        scenarioFolder = folder
        priceYear = scenario.priceYear
        inputs = scenario.inputs.map { InputHash(path: $0.path, sha256: $0.sha256) }
        overrides = scenario.parameters.overridden.map { v in
            Override(key: v.spec.key, value: .number(v.value), unit: v.spec.unit, origin: v.origin.description, basis: v.basis.rawValue)
        } + scenario.settingOverrides.map { e in
            Override(key: e.dottedKey, value: .text(SettingOverrides.tomlText(e.value)), unit: nil, origin: e.file, basis: nil)
        }
        self.depth = depth
        self.basePlan = BasePlan(status: basePlan.status.word, stations: basePlan.stationCount, networkAverageCnyPerKg: basePlan.networkAverage.total)
        libraries = linkedLibraryVersions()
        self.settings = settings
        self.language = language
        scenarioTitleZh = language == .zh ? scenario.titleZh : nil
        self.rows = rows
        self.bom = bom
    }

    enum CodingKeys: String, CodingKey {
        case tool, version, command, scenario
        case scenarioTitle = "scenario_title"
        case scenarioTitleZh = "scenario_title_zh"
        case scenarioFolder = "scenario_folder"
        case priceYear = "price_year"
        case inputs, overrides, depth
        case basePlan = "base_plan"
        case libraries, language, bom, rows
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(tool, forKey: .tool)
        try c.encode(version, forKey: .version)
        try c.encode(command, forKey: .command)
        try c.encode(scenario, forKey: .scenario)
        try c.encode(scenarioTitle, forKey: .scenarioTitle)
        if language != .en {
            try c.encode(language, forKey: .language)
            try c.encodeIfPresent(scenarioTitleZh, forKey: .scenarioTitleZh)
        }
        try c.encode(scenarioFolder, forKey: .scenarioFolder)
        try c.encode(priceYear, forKey: .priceYear)
        try c.encode(inputs, forKey: .inputs)
        try c.encode(overrides, forKey: .overrides)
        try c.encode(depth.rawValue, forKey: .depth)
        try c.encode(basePlan, forKey: .basePlan)
        try c.encode(SortedStrings(libraries), forKey: .libraries)
        try settings.encode(to: encoder)
        try c.encode(bom, forKey: .bom)
        try c.encode(rows, forKey: .rows)
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        tool = try c.decode(String.self, forKey: .tool)
        version = try c.decode(String.self, forKey: .version)
        command = try c.decode(SensitivityCommand.self, forKey: .command)
        scenario = try c.decode(String.self, forKey: .scenario)
        scenarioTitle = try c.decode(String.self, forKey: .scenarioTitle)
        language = try c.decodeIfPresent(OutputLanguage.self, forKey: .language) ?? .en
        scenarioTitleZh = try c.decodeIfPresent(String.self, forKey: .scenarioTitleZh)
        scenarioFolder = try c.decode(String.self, forKey: .scenarioFolder)
        priceYear = try c.decode(Int.self, forKey: .priceYear)
        inputs = try c.decode([InputHash].self, forKey: .inputs)
        overrides = try c.decode([Override].self, forKey: .overrides)
        depth = try c.decodeRaw(SensitivityDepth.self, forKey: .depth)
        basePlan = try c.decode(BasePlan.self, forKey: .basePlan)
        libraries = try c.decode(SortedStrings.self, forKey: .libraries).values
        settings = try SensitivitySettings(from: decoder, command: command)
        bom = try c.decode(Bool.self, forKey: .bom)
        rows = try c.decode(Int.self, forKey: .rows)
    }

    /// The JSON object (for manifest.json and shard.json).
    public func json() throws(SensitivityRecordError) -> JSONValue {
        do { return try JSONValue.encoding(self) } catch { throw SensitivityRecordError("the fingerprint cannot be written: \(error)") }
    }
}

/// A command's own members of the fingerprint.
public enum SensitivitySettings: Sendable, Equatable {
    case sweep(Sweep)
    case tornado(Tornado)
    case montecarlo(MonteCarlo)
    case sobol(Sobol)

    public struct CasesFile: Sendable, Equatable, Codable {
        public var path: String
        public var sha256: String
        public init(path: String, sha256: String) {
            self.path = path
            self.sha256 = sha256
        }
    }

    /// `grid` (the --grid texts) or `cases_file`, the swept keys and the outputs.
    public struct Sweep: Sendable, Equatable, Codable {
        public var casesFile: CasesFile?
        public var grid: [String]?
        public var parameters: [String]
        public var outputs: [String]
        public init(casesFile: CasesFile?, grid: [String]?, parameters: [String], outputs: [String]) {
            self.casesFile = casesFile
            self.grid = grid
            self.parameters = parameters
            self.outputs = outputs
        }
        enum CodingKeys: String, CodingKey {
            case casesFile = "cases_file"
            case grid, parameters, outputs
        }
    }

    public struct TornadoParameterValues: Sendable, Equatable, Codable {
        public var key: String
        public var unit: String
        public var low: Double
        public var base: Double
        public var high: Double
        public init(key: String, unit: String, low: Double, base: Double, high: Double) {
            self.key = key
            self.unit = unit
            self.low = low
            self.base = base
            self.high = high
        }
    }

    /// The parameters in run order (run 2p is parameter p low, 2p + 1 high), the outputs and
    /// their values at the scenario's own inputs.
    public struct Tornado: Sendable, Equatable, Codable {
        public var parameters: [TornadoParameterValues]
        public var outputs: [String]
        public var baseline: [Double]
        public init(parameters: [TornadoParameterValues], outputs: [String], baseline: [Double]) {
            self.parameters = parameters
            self.outputs = outputs
            self.baseline = baseline
        }
    }

    /// A varied parameter and the distribution it is drawn from.
    public struct DrawnParameter: Sendable, Equatable, Codable {
        public var key: String
        public var unit: String
        public var distribution: Distribution

        public init(key: String, unit: String, distribution: Distribution) {
            self.key = key
            self.unit = unit
            self.distribution = distribution
        }

        enum CodingKeys: String, CodingKey { case key, unit, distribution, low, mode, high, mean, sd, median, sigma }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(key, forKey: .key)
            try c.encode(unit, forKey: .unit)
            switch distribution {
            case let .triangular(low, mode, high):
                try c.encode("triangular", forKey: .distribution)
                try c.encode(low, forKey: .low); try c.encode(mode, forKey: .mode); try c.encode(high, forKey: .high)
            case let .uniform(low, high):
                try c.encode("uniform", forKey: .distribution)
                try c.encode(low, forKey: .low); try c.encode(high, forKey: .high)
            case let .normal(mean, sd):
                try c.encode("normal", forKey: .distribution)
                try c.encode(mean, forKey: .mean); try c.encode(sd, forKey: .sd)
            case let .lognormal(median, sigma):
                try c.encode("lognormal", forKey: .distribution)
                try c.encode(median, forKey: .median); try c.encode(sigma, forKey: .sigma)
            }
        }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            key = try c.decode(String.self, forKey: .key)
            unit = try c.decode(String.self, forKey: .unit)
            switch try c.decode(String.self, forKey: .distribution) {
            case "triangular": distribution = .triangular(low: try c.decode(Double.self, forKey: .low), mode: try c.decode(Double.self, forKey: .mode),
                                                          high: try c.decode(Double.self, forKey: .high))
            case "uniform": distribution = .uniform(low: try c.decode(Double.self, forKey: .low), high: try c.decode(Double.self, forKey: .high))
            case "normal": distribution = .normal(mean: try c.decode(Double.self, forKey: .mean), sd: try c.decode(Double.self, forKey: .sd))
            case "lognormal": distribution = .lognormal(median: try c.decode(Double.self, forKey: .median), sigma: try c.decode(Double.self, forKey: .sigma))
            case let other: throw DecodingError.dataCorruptedError(forKey: .distribution, in: c, debugDescription: "unknown distribution \"\(other)\"")
            }
        }
    }

    public struct MonteCarlo: Sendable, Equatable, Codable {
        public var samples: Int
        public var seed: Seed
        public var sampler: String
        public var parameters: [DrawnParameter]
        public var outputs: [String]
        public init(samples: Int, seed: UInt64, sampler: String, parameters: [DrawnParameter], outputs: [String]) {
            self.samples = samples
            self.seed = Seed(seed)
            self.sampler = sampler
            self.parameters = parameters
            self.outputs = outputs
        }
    }

    /// The Saltelli design's settings (the design is rebuilt from them for the indices).
    public struct Sobol: Sendable, Equatable, Codable {
        public var baseSamples: Int
        public var seed: Seed
        public var sampler: SaltelliSampler
        public var bootstrapResamples: Int
        public var confidenceLevel: Double
        public var parameters: [DrawnParameter]
        public var outputs: [String]
        public init(baseSamples: Int, seed: UInt64, sampler: SaltelliSampler, bootstrapResamples: Int, confidenceLevel: Double,
                    parameters: [DrawnParameter], outputs: [String]) {
            self.baseSamples = baseSamples
            self.seed = Seed(seed)
            self.sampler = sampler
            self.bootstrapResamples = bootstrapResamples
            self.confidenceLevel = confidenceLevel
            self.parameters = parameters
            self.outputs = outputs
        }
        enum CodingKeys: String, CodingKey {
            case baseSamples = "base_samples"
            case seed, sampler
            case bootstrapResamples = "bootstrap_resamples"
            case confidenceLevel = "confidence_level"
            case parameters, outputs
        }
        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(baseSamples, forKey: .baseSamples)
            try c.encode(seed, forKey: .seed)
            try c.encode(sampler.rawValue, forKey: .sampler)
            try c.encode(bootstrapResamples, forKey: .bootstrapResamples)
            try c.encode(confidenceLevel, forKey: .confidenceLevel)
            try c.encode(parameters, forKey: .parameters)
            try c.encode(outputs, forKey: .outputs)
        }
        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            baseSamples = try c.decode(Int.self, forKey: .baseSamples)
            seed = try c.decode(Seed.self, forKey: .seed)
            sampler = try c.decodeRaw(SaltelliSampler.self, forKey: .sampler)
            bootstrapResamples = try c.decode(Int.self, forKey: .bootstrapResamples)
            confidenceLevel = try c.decode(Double.self, forKey: .confidenceLevel)
            parameters = try c.decode([DrawnParameter].self, forKey: .parameters)
            outputs = try c.decode([String].self, forKey: .outputs)
        }
    }

    /// A 64-bit seed, written as text: JSON readers keep integers exact only up to 2^53.
    public struct Seed: Sendable, Equatable, Codable {
        public var value: UInt64
        public init(_ value: UInt64) { self.value = value }
        public init(from decoder: any Decoder) throws {
            let c = try decoder.singleValueContainer()
            let text = try c.decode(String.self)
            guard let value = UInt64(text) else { throw DecodingError.dataCorruptedError(in: c, debugDescription: "seed \"\(text)\" is not a whole number") }
            self.value = value
        }
        public func encode(to encoder: any Encoder) throws {
            var c = encoder.singleValueContainer()
            try c.encode(String(value))
        }
    }

    public var outputs: [String] {
        switch self {
        case .sweep(let s): s.outputs
        case .tornado(let s): s.outputs
        case .montecarlo(let s): s.outputs
        case .sobol(let s): s.outputs
        }
    }

    /// How many leading text cells a row has before its numbers.
    public var labelColumns: Int {
        switch self {
        case .sweep(let s): s.parameters.count
        case .tornado: 2
        case .montecarlo, .sobol: 1
        }
    }

    /// The command's members, written into the encoder's current object.
    func encode(to encoder: any Encoder) throws {
        switch self {
        case .sweep(let s): try s.encode(to: encoder)
        case .tornado(let s): try s.encode(to: encoder)
        case .montecarlo(let s): try s.encode(to: encoder)
        case .sobol(let s): try s.encode(to: encoder)
        }
    }

    init(from decoder: any Decoder, command: SensitivityCommand) throws {
        switch command {
        case .sweep: self = .sweep(try Sweep(from: decoder))
        case .tornado: self = .tornado(try Tornado(from: decoder))
        case .montecarlo: self = .montecarlo(try MonteCarlo(from: decoder))
        case .sobol: self = .sobol(try Sobol(from: decoder))
        }
    }
}

extension OutputLanguage: Codable {}

/// A string map written as an object sorted by key (a dictionary's own order is random).
private struct SortedStrings: Codable {
    var values: [String: String]
    init(_ values: [String: String]) { self.values = values }

    struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        for key in values.keys.sorted() { try c.encode(values[key]!, forKey: Key(stringValue: key)) }
    }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: Key.self)
        var values: [String: String] = [:]
        for key in c.allKeys { values[key.stringValue] = try c.decode(String.self, forKey: key) }
        self.values = values
    }
}

extension KeyedDecodingContainer {
    /// A String-backed enum by its raw value; an unknown value names the member.
    func decodeRaw<T: RawRepresentable>(_ type: T.Type, forKey key: Key) throws -> T where T.RawValue == String {
        let text = try decode(String.self, forKey: key)
        guard let value = T(rawValue: text) else {
            throw DecodingError.dataCorruptedError(forKey: key, in: self, debugDescription: "unknown value \"\(text)\"")
        }
        return value
    }
}
