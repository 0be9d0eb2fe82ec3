// A scenario folder read into typed values: `scenario.toml` (meta, cost defaults, parameter
// overrides with optional basis and source), named override files and `--set` overrides.
// Every problem is reported with file, line and key; nothing is half-applied.
import H2Model

/// What `h2corridor cost` uses when an option is not given.
public struct CostDefaults: Sendable, Equatable {
    public var production: ProductionPathway?
    public var delivery: DeliveryMode?
    public var distanceKm: Double?
    public var stationKgPerDay: Double?
    public var utilisationPct: Double?
    public var pressure: DispensingPressure?
    public init() {}
}

/// An input file and its SHA-256, for the manifest.
public struct InputFileHash: Sendable, Equatable {
    public var path: String
    public var sha256: String
}

public struct Scenario: Sendable {
    public var directory: String?
    public var name: String
    public var title: String
    public var province: String
    public var priceYear: Int
    public var parameters: ParameterSet
    public var costDefaults: CostDefaults
    public var inputs: [InputFileHash]
    /// Settings given on the command line that are not catalogue parameters ([placement] keys,
    /// demand.scale: SettingOverrides), applied over scenario.toml's when the tables are read.
    public var settingOverrides: [TOMLEntry] = []
    /// The title in Chinese (`scenario.title_zh`), for --lang zh outputs; nil: the title.
    public var titleZh: String? = nil
    /// The language of the run's pictures the scenario asks for (`scenario.language`); --lang wins.
    public var language: OutputLanguage? = nil
    /// The title in `language`.
    public func title(in language: OutputLanguage) -> String { language == .zh ? titleZh ?? title : title }
}

/// A scenario could not be read: either an option on the command line is wrong (exit 64) or
/// a file's content is (exit 65).
public enum ScenarioError: Error, CustomStringConvertible, Sendable {
    case usage(String)
    case data(InputErrors)

    public var description: String {
        switch self {
        case .usage(let message): message
        case .data(let errors): errors.description
        }
    }
}

public enum ScenarioLoader {
    /// Keys of `scenario.toml` that are not catalogue parameters.
    static let structuralKeys: Set<String> = Set<String>([
        "scenario.name", "scenario.title", "scenario.title_zh", "scenario.language", "scenario.province", "scenario.price_year", "scenario.description",
        "cost.production", "cost.delivery", "cost.distance_km", "cost.station_kg_per_day",
        "cost.utilization_pct", "cost.pressure_mpa", "scenario.overrides",
    ]).union(placementKeys)

    /// Suffixes that attach provenance to an overridden parameter written as an inline table:
    /// `grid_price_cny_per_kwh = { value = 0.45, basis = "REPORTED", source = "..." }`.
    static let provenanceFields = ["value", "basis", "source"]

    /// Reads `directory/scenario.toml` (or only the catalogue when `directory` is nil), then the
    /// override files it lists in `scenario.overrides` (a scenario as a list of overrides; paths
    /// relative to the scenario folder), then each `--overrides` file in order, then the `--set`
    /// assignments. Listed and `--overrides` files share one layer: two of them setting the same
    /// key is an error.
    public static func load(directory: String?, overrideFiles: [String] = [], sets: [String] = []) throws(ScenarioError) -> Scenario {
        var scenario = Scenario(directory: directory, name: "catalogue", title: "Catalogue defaults", province: "",
                                priceYear: 2024, parameters: ParameterSet(), costDefaults: CostDefaults(), inputs: [])
        var problems = InputErrors()
        var listedOverrides: [String] = []
        if let directory {
            let path = directory.hasSuffix("/") ? directory + "scenario.toml" : directory + "/scenario.toml"
            if let file = read(path, into: &problems, hashes: &scenario.inputs) {
                problems.append(contentsOf: readMeta(file, into: &scenario))
                problems.append(contentsOf: applyParameters(file, layer: .scenario, structural: structuralKeys, to: &scenario.parameters))
                if let entry = file["scenario.overrides"], let names = problems.recording({ () throws(InputError) in try entry.strings() }) {
                    let folder = directory.hasSuffix("/") ? directory : directory + "/"
                    listedOverrides = names.map { $0.hasPrefix("/") ? $0 : folder + $0 }
                }
            }
        }
        for path in listedOverrides + overrideFiles {
            if let file = read(path, into: &problems, hashes: &scenario.inputs) {
                problems.append(contentsOf: applyParameters(file, layer: .overrideFile, structural: [], to: &scenario.parameters))
            }
        }
        do { try problems.throwIfAny() } catch { throw .data(error) }

        for assignment in sets {
            if let setting = SettingOverrides.entry(forSet: assignment) { scenario.settingOverrides.append(setting); continue }
            try applySet(assignment, to: &scenario.parameters)
        }
        // A problem spanning several keys is blamed on the strongest place that set one of them:
        // `--set` (a usage error), else an override file or the scenario, with its line.
        var located = InputErrors()
        for problem in ConsistencyChecks.problems(scenario.parameters.assumptions) {
            let setters = problem.keys.compactMap { key in scenario.parameters.value(of: key).map { (key, $0.origin) } }
            let fix = "adjust \(problem.keys.joined(separator: ", "))"
            if let (key, _) = setters.first(where: { $0.1 == .commandLine }) {
                throw .usage("--set \(key)=…: \(problem.message)")
            }
            let fileSetters = setters.compactMap { key, origin -> (String, String, Int?)? in
                if case .file(let path, let line) = origin { return (key, path, line) }
                return nil
            }
            // Override files come after the scenario in the list of inputs: prefer the last one.
            let inputOrder = scenario.inputs.map(\.path)
            if let (key, path, line) = fileSetters.max(by: { (inputOrder.firstIndex(of: $0.1) ?? 0) < (inputOrder.firstIndex(of: $1.1) ?? 0) }) {
                located.append(InputError(file: path, line: line, field: key, message: problem.message, fix: fix))
            } else {
                located.append(InputError(file: directory.map { $0 + "/scenario.toml" } ?? "parameters", field: problem.keys.first,
                                          message: problem.message, fix: fix))
            }
        }
        do { try located.throwIfAny() } catch { throw .data(error) }
        return scenario
    }

    static func read(_ path: String, into problems: inout InputErrors, hashes: inout [InputFileHash]) -> TOMLFile? {
        do {
            let input = try InputFile.read(path)
            hashes.append(InputFileHash(path: path, sha256: SHA256.hexDigest(input.bytes)))
            return try TOMLFile(parsing: String(decoding: input.bytes, as: UTF8.self), file: path)
        } catch let error as InputError {
            problems.append(error)
        } catch let errors as InputErrors {
            problems.append(contentsOf: errors.errors)
        } catch {
            problems.append(InputError(file: path, message: "\(error)"))
        }
        return nil
    }

    static func readMeta(_ file: TOMLFile, into scenario: inout Scenario) -> [InputError] {
        var problems = InputErrors()
        if let entry = file["scenario.name"] { scenario.name = problems.recording { () throws(InputError) in try entry.string() } ?? scenario.name }
        if let entry = file["scenario.title"] { scenario.title = problems.recording { () throws(InputError) in try entry.string() } ?? scenario.title }
        if let entry = file["scenario.title_zh"] { scenario.titleZh = problems.recording { () throws(InputError) in try entry.string() } }
        if let entry = file["scenario.language"], let text = problems.recording({ () throws(InputError) in try entry.string() }) {
            scenario.language = OutputLanguage(rawValue: text)
            if scenario.language == nil { problems.append(entry.error("unknown language \"\(text)\"", fix: "write en or zh")) }
        }
        if let entry = file["scenario.province"] { scenario.province = problems.recording { () throws(InputError) in try entry.string() } ?? "" }
        if let entry = file["scenario.price_year"] { scenario.priceYear = problems.recording { () throws(InputError) in try entry.integer() } ?? scenario.priceYear }
        var d = CostDefaults()
        if let entry = file["cost.production"], let text = problems.recording({ () throws(InputError) in try entry.string() }) {
            d.production = ProductionPathway(rawValue: text)
            if d.production == nil {
                problems.append(entry.error("unknown production pathway \"\(text)\"",
                                            fix: "use one of \(ProductionPathway.allCases.map(\.rawValue).joined(separator: ", "))"))
            }
        }
        if let entry = file["cost.delivery"], let text = problems.recording({ () throws(InputError) in try entry.string() }) {
            d.delivery = DeliveryMode(rawValue: text)
            if d.delivery == nil {
                problems.append(entry.error("unknown delivery mode \"\(text)\"",
                                            fix: "use one of \(DeliveryMode.allCases.map(\.rawValue).joined(separator: ", "))"))
            }
        }
        if let entry = file["cost.distance_km"] { d.distanceKm = problems.recording { () throws(InputError) in try entry.number() } }
        if let entry = file["cost.station_kg_per_day"] { d.stationKgPerDay = problems.recording { () throws(InputError) in try entry.number(allowZero: false) } }
        if let entry = file["cost.utilization_pct"] {
            d.utilisationPct = problems.recording { () throws(InputError) in try entry.number(allowZero: false) }
            if let u = d.utilisationPct, u > 100 { problems.append(entry.error("\(formatNumber(u)) % is above 100 %", fix: "give a percentage in (0, 100]")) }
        }
        if let entry = file["cost.pressure_mpa"], let mpa = problems.recording({ () throws(InputError) in try entry.integer() }) {
            d.pressure = DispensingPressure(rawValue: mpa)
            if d.pressure == nil { problems.append(entry.error("\(mpa) MPa is not a dispensing pressure", fix: "write 35 or 70")) }
        }
        scenario.costDefaults = d
        return problems.errors
    }

    /// Applies every catalogue key of `file` to `parameters`; any other key that is not
    /// structural is reported with the closest known key.
    static func applyParameters(_ file: TOMLFile, layer: OverrideLayer, structural: Set<String>,
                                to parameters: inout ParameterSet) -> [InputError] {
        var problems = InputErrors()
        var candidates = Array(structural)
        for spec in ParameterCatalogue.all { candidates.append(spec.key) }
        func isKnown(_ key: String) -> Bool {
            if structural.contains(key) || ParameterCatalogue.byKey[key] != nil { return true }
            if !structural.isEmpty, SettingOverrides.isSettingKey(key) { return true }
            if let dot = key.lastIndex(of: "."), provenanceFields.contains(String(key[key.index(after: dot)...])) {
                return ParameterCatalogue.byKey[String(key[..<dot])] != nil
            }
            return false
        }
        problems.append(contentsOf: file.rejectUnknownKeys(isKnown: isKnown, candidates: candidates))

        for spec in ParameterCatalogue.all {
            let plain = file[spec.key]
            let tabled = file[spec.key + ".value"]
            guard let entry = plain ?? tabled else {
                if file[spec.key + ".basis"] != nil || file[spec.key + ".source"] != nil {
                    problems.append(InputError(file: file.file, line: file.line(of: spec.key), field: spec.key,
                                               message: "basis or source given without a value", fix: "add value = … to \(spec.key)"))
                }
                continue
            }
            guard let value = problems.recording({ () throws(InputError) in try entry.number(allowNegative: true) }) else { continue }
            var basis: Basis? = nil
            if let basisEntry = file[spec.key + ".basis"], let text = problems.recording({ () throws(InputError) in try basisEntry.string() }) {
                basis = Basis(rawValue: text.uppercased())
                if basis == nil {
                    problems.append(basisEntry.error("unknown basis \"\(text)\"", fix: "write REPORTED, DERIVED or ESTIMATE"))
                }
            }
            let source = file[spec.key + ".source"].flatMap { entry in problems.recording { () throws(InputError) in try entry.string() } }
            do {
                try parameters.set(spec.key, to: value, origin: .file(path: file.file, line: entry.line), layer: layer,
                                   basis: basis, source: source)
            } catch {
                problems.append(entry.error(error.message, fix: error.fix))
            }
        }
        return problems.errors
    }

    /// `--set key=value`: a usage error (exit 64) when malformed or unknown.
    static func applySet(_ assignment: String, to parameters: inout ParameterSet) throws(ScenarioError) {
        guard let equals = assignment.firstIndex(of: "=") else {
            throw .usage("--set \(assignment): expected key=value, e.g. --set electricity.grid_price_cny_per_kwh=0.5")
        }
        let key = String(assignment[..<equals]).trimmingSpaces()
        let text = String(assignment[assignment.index(after: equals)...])
        guard ParameterCatalogue.byKey[key] != nil else {
            let hint = closestMatch(to: key, among: ParameterCatalogue.all.map(\.key)).map { " Did you mean \($0)?" } ?? ""
            throw .usage("--set \(assignment): unknown parameter \"\(key)\".\(hint) (h2corridor explain lists every key)")
        }
        let value: Double
        switch NumberText.parseDouble(text) {
        case .success(let v): value = v
        case .failure(let problem): throw .usage("--set \(assignment): \(problem.message). Fix: \(problem.fix)")
        }
        do {
            try parameters.set(key, to: value, origin: .commandLine, layer: .commandLine)
        } catch {
            throw .usage("--set \(assignment): \(error.message). Fix: \(error.fix)")
        }
    }
}
