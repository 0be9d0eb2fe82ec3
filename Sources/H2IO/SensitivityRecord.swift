import H2Model
import H2Numerics
// What a sensitivity run (or one shard of it) produced before its summary files are made: the
// run's fingerprint (everything that determines its rows) and its rows as CSV cell text.
// An unsharded run and `merge` both turn a complete record into the output folder through
// `SensitivityOutputs.files`, so the two write the same bytes.

public enum SensitivityCommand: String, Sendable, CaseIterable {
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

public struct SensitivityRecord: Sendable {
    /// A JSON object: `command`, `rows` (the whole run's row count), the scenario's inputs and
    /// overrides, and the command's own settings. Written into manifest.json and shard.json.
    public var fingerprint: JSONValue
    public var header: [String]
    /// Cell text per row (numbers in shortest round-trip form, empty where there is no answer).
    public var rows: [[String]]

    public init(fingerprint: JSONValue, header: [String], rows: [[String]]) {
        self.fingerprint = fingerprint
        self.header = header
        self.rows = rows
    }

    public var command: SensitivityCommand? { fingerprint["command"]?.stringValue.flatMap(SensitivityCommand.init) }
    public var totalRows: Int { fingerprint["rows"]?.intValue ?? 0 }
    public var withBOM: Bool { fingerprint["bom"] == .bool(true) }

    /// The cell text of a number, or empty for nil.
    public static func cell(_ x: Double?) -> String { x.map(formatNumber) ?? "" }
}

/// The parts of a fingerprint every sensitivity command shares.
public enum SensitivityFingerprint {
    /// `command`, scenario name and folder, input files with their SHA-256, overrides with
    /// origins, depth, the base plan, library versions, then the command's own members, then
    /// the row count. `jobs` and the shard are not in it: they do not change the results.
    public static func make(_ command: SensitivityCommand, scenario: Scenario, folder: String, depth: SensitivityDepth,
                            basePlan: CorridorPlan, settings: [JSONMember], rows: Int, bom: Bool) -> JSONValue {
        let overrides: [JSONValue] = scenario.parameters.overridden.map { v in
            .object([JSONMember("key", .string(v.spec.key)), JSONMember("value", .number(v.value)), JSONMember("unit", .string(v.spec.unit)),
                     JSONMember("origin", .string(v.origin.description)), JSONMember("basis", .string(v.basis.rawValue))])
        } + SettingOverrides.manifestEntries(scenario)
        let libraries = linkedLibraryVersions()
        var members: [JSONMember] = [
            JSONMember("tool", "h2corridor"),
            JSONMember("version", .string(h2corridorVersion)),
            JSONMember("command", .string(command.rawValue)),
            JSONMember("scenario", .string(scenario.name)),
            JSONMember("scenario_title", .string(scenario.title)),
            JSONMember("scenario_folder", .string(folder)),
            JSONMember("price_year", .integer(scenario.priceYear)),
            JSONMember("inputs", .array(scenario.inputs.map { .object([JSONMember("path", .string($0.path)), JSONMember("sha256", .string($0.sha256))]) })),
            JSONMember("overrides", .array(overrides)),
            JSONMember("depth", .string(depth.rawValue)),
            JSONMember("base_plan", .object([
                JSONMember("status", .string(basePlan.status.word)),
                JSONMember("stations", .integer(basePlan.stationCount)),
                JSONMember("network_average_cny_per_kg", .number(basePlan.networkAverage.total)),
            ])),
            JSONMember("libraries", .object(libraries.keys.sorted().map { JSONMember($0, .string(libraries[$0]!)) })),
        ]
        members.append(contentsOf: settings)
        members.append(JSONMember("bom", .bool(bom)))
        members.append(JSONMember("rows", .integer(rows)))
        return .object(members)
    }
}
