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
    /// The planning tables (network with corridor names, fleets, vehicle classes, sources,
    /// candidate sites, existing stations, policies, `[placement]` settings); nil when only the
    /// parameters were loaded (`content: .parameters`).
    public var planning: PlanningScenario? = nil
    /// Corridor names of the edges (`corridor` column of edges.csv), keyed "from|to".
    public var corridorNames: [String: String] = [:]
    /// The `name_zh` columns of nodes.csv and sources.csv.
    public var names = ChineseNames()
    /// Plausibility warnings: nothing a run cannot use, but probably not what was meant.
    /// Commands print them on stderr; `--strict` makes them errors.
    public var warnings: [InputError] = []
}

/// How much of a scenario folder to read.
public enum ScenarioContent: Sendable, Equatable {
    /// scenario.toml and the override files: what `cost` and `explain` need.
    case parameters
    /// Every file of the folder: what `run`, `validate` and the sensitivity commands need.
    case everything
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

    /// Reads a scenario in one pass: `directory/scenario.toml` (or only the catalogue when
    /// `directory` is nil), the override files it lists in `scenario.overrides` (a scenario as a
    /// list of overrides; paths relative to the scenario folder), each `--overrides` file in
    /// order, the `--set` assignments and, with `content: .everything`, every table of the
    /// folder (ScenarioSchema). Each file is read once and hashed as read. Listed and
    /// `--overrides` files share one layer: two of them setting the same key is an error.
    ///
    /// Every problem of every file is collected before anything is thrown, so `validate` lists
    /// them all at once; a `--set` that is malformed is a usage error and stops at once.
    /// Plausibility warnings (nothing wrong, but probably not meant) are in `warnings`.
    public static func load(directory: String?, overrideFiles: [String] = [], sets: [String] = [],
                            content: ScenarioContent = .parameters) throws(ScenarioError) -> Scenario {
        var scenario = Scenario(directory: directory, name: "catalogue", title: "Catalogue defaults", province: "",
                                priceYear: 2024, parameters: ParameterSet(), costDefaults: CostDefaults(), inputs: [])
        var files = ScenarioFiles()
        var problems = InputErrors()
        var warnings = InputErrors()
        var listedOverrides: [String] = []
        var settingsFile: TOMLFile? = nil
        if let directory {
            let path = folderPath(directory, "scenario.toml")
            if FileSystem.state(of: path) == .absent {
                problems.append(InputError(file: path, message: "file not found: every scenario folder needs a scenario.toml",
                                           fix: "check the name and folder; `h2corridor init DIR` writes a complete example and docs/SCENARIO.md describes every file"))
            } else if let file = files.toml(path, &problems) {
                settingsFile = file
                if file.entries.isEmpty && file.recordArrayKeys.isEmpty {
                    warnings.append(InputError(file: path, message: "scenario.toml is empty: the scenario has no name, province or settings and every parameter is the catalogue's",
                                               fix: "give at least [scenario] name and province (docs/SCENARIO.md)"))
                }
                problems.append(contentsOf: readMeta(file, into: &scenario))
                problems.append(contentsOf: applyParameters(file, layer: .scenario, structural: structuralKeys, to: &scenario.parameters))
                if let entry = file["scenario.overrides"], let names = problems.recording({ () throws(InputError) in try entry.strings() }) {
                    listedOverrides = names.map { $0.hasPrefix("/") ? $0 : folderPath(directory, $0) }
                }
            }
        }
        for path in listedOverrides + overrideFiles {
            if let file = files.toml(path, &problems) {
                problems.append(contentsOf: applyParameters(file, layer: .overrideFile, structural: [], to: &scenario.parameters))
            }
        }
        for assignment in sets {
            if let setting = SettingOverrides.entry(forSet: assignment) { scenario.settingOverrides.append(setting); continue }
            try applySet(assignment, to: &scenario.parameters)
        }
        // Consistency of several keys is judged only on values that were all read: a value
        // refused above would leave its catalogue default and give a misleading second problem.
        if problems.isEmpty {
            try consistencyProblems(scenario, directory: directory, inputOrder: files.inputs.map(\.path), into: &problems)
        }
        // A folder that does not exist has one problem, not one per missing table.
        if content == .everything, let directory, FileSystem.state(of: directory) != .absent {
            readTables(directory, settingsFile: settingsFile, files: &files, scenario: &scenario, &problems, &warnings)
        }
        warnings.append(contentsOf: plausibilityWarnings(scenario.parameters))
        scenario.inputs = files.inputs
        scenario.warnings = warnings.errors
        do { try problems.throwIfAny() } catch { throw SettingOverrides.error(error) }
        return scenario
    }

    static func folderPath(_ directory: String, _ name: String) -> String {
        directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }

    /// A problem spanning several keys is blamed on the strongest place that set one of them:
    /// `--set` (a usage error), else an override file or the scenario, with its line.
    static func consistencyProblems(_ scenario: Scenario, directory: String?, inputOrder: [String],
                                    into located: inout InputErrors) throws(ScenarioError) {
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
            if let (key, path, line) = fileSetters.max(by: { (inputOrder.firstIndex(of: $0.1) ?? 0) < (inputOrder.firstIndex(of: $1.1) ?? 0) }) {
                located.append(InputError(file: path, line: line, field: key, message: problem.message, fix: fix))
            } else {
                located.append(InputError(file: directory.map { $0 + "/scenario.toml" } ?? "parameters", field: problem.keys.first,
                                          message: problem.message, fix: fix))
            }
        }
    }

    /// How far outside its catalogue range a value may go before it is probably a mistake
    /// (a unit slip: kWh for MWh, t for kg, a percentage written as a fraction).
    public static let plausibilityFactor = 3.0

    /// Values set by the scenario, an override file or `--set` that are more than
    /// `plausibilityFactor` beyond the catalogue's low or high: allowed, but said.
    static func plausibilityWarnings(_ parameters: ParameterSet) -> [InputError] {
        var result: [InputError] = []
        for v in parameters.overridden {
            guard let low = v.spec.low, let high = v.spec.high else { continue }
            let f = plausibilityFactor
            let tooHigh = high > 0 && v.value > high * f
            let tooLow = low > 0 && v.value < low / f
            guard tooHigh || tooLow else { continue }
            let side = tooHigh ? "above the catalogue's high" : "below the catalogue's low"
            let message = "\(formatNumber(v.value)) \(v.spec.unit) is more than \(formatNumber(f)) times \(side) (range \(formatNumber(low))–\(formatNumber(high)))"
            let fix = "check the unit (\(v.spec.unit)); if the value is meant, give its basis and source"
            switch v.origin {
            case .file(let path, let line): result.append(InputError(file: path, line: line, field: v.spec.key, message: message, fix: fix))
            case .commandLine: result.append(InputError(file: "--set", field: v.spec.key, message: message, fix: fix))
            case .catalogue: break
            }
        }
        return result
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
