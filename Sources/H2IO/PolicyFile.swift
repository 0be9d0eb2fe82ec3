// policies.csv of a scenario folder: one policy measure per row, with scope, calendar years,
// rate, optional cap and second rate, basis and source (issue 9). Scope names are resolved
// here to nodes: a province to every node of the scenario that is not a border node, a city to
// the nodes whose `city` column in nodes.csv names it, a node list to itself. Every problem
// names file, line, row and field.
import H2Model

extension ScenarioLoader {
    static let policyColumns = ["id", "measure", "scope_level", "scope", "start_year", "end_year", "rate", "unit", "basis", "source"]
    static let policyOptionalColumns = ["cap", "rate_above_cap", "name", "note"]

    /// The subsidy keys of the parameter catalogue, which describe one chain without a place or a
    /// calendar (`h2corridor cost`). A planned network takes its policies from policies.csv only.
    static let chainOnlyPolicyKeys = [
        "policy.construction_subsidy_mcny", "policy.operating_subsidy_initial_cny_per_kg", "policy.operating_subsidy_initial_years",
        "policy.operating_subsidy_later_cny_per_kg", "policy.operating_subsidy_later_years",
    ]

    /// Reads policies.csv (nil: no measures) for a network read from the `nodes` table.
    /// `province` is the scenario's `[scenario] province`.
    static func readPolicies(_ table: CSVTable?, nodes: CSVTable?, network: Network, province: String,
                             parameters: ParameterSet) throws(InputErrors) -> PolicySet {
        var problems = InputErrors()
        // One way to state a subsidy in a run: a catalogue subsidy key set to a non-zero value
        // would otherwise apply everywhere and in every year, the error this file exists to prevent.
        for key in chainOnlyPolicyKeys {
            guard let v = parameters.value(of: key), v.value != 0 else { continue }
            let fix = "set it to 0 and write the measure as a row of policies.csv, with its scope and calendar years"
            switch v.origin {
            case .file(let path, let line):
                problems.append(InputError(file: path, line: line, field: key, message: "a subsidy without scope or years is not used by run", fix: fix))
            case .commandLine:
                problems.append(InputError(file: "--set", field: key, message: "a subsidy without scope or years is not used by run", fix: fix))
            case .catalogue: break
            }
        }
        // The table's header was checked where it was read (ScenarioSchema.policies).
        guard let t = table else {
            try problems.throwIfAny()
            return PolicySet()
        }
        let cityOfNode = nodes.flatMap(citiesOfNodes)
        let provinceNodes = Set(network.nodes.filter { $0.kind != "border" }.map(\.id))

        var measures: [PolicyMeasure] = []
        var rowOfMeasure: [Int] = []
        var ids: Set<String> = []
        for row in t.rows.indices {
            func read<T>(_ body: () throws(InputError) -> T) -> T? { problems.recording(body) }
            let id = read { () throws(InputError) in try t.string(row, "id") }
            if let id, !ids.insert(id).inserted {
                problems.append(t.error(row: row, column: "id", "measure \"\(id)\" is listed twice", fix: "give each row its own id"))
            }
            var kind: PolicyMeasureKind?
            if let text = read({ () throws(InputError) in try t.string(row, "measure") }) {
                kind = PolicyMeasureKind(rawValue: text)
                if kind == nil {
                    let hint = closestMatch(to: text, among: PolicyMeasureKind.allCases.map(\.rawValue)).map { "did you mean \"\($0)\"? " } ?? ""
                    problems.append(t.error(row: row, column: "measure", "unknown measure \"\(text)\"",
                                            fix: "\(hint)use one of \(PolicyMeasureKind.allCases.map(\.rawValue).joined(separator: ", "))"))
                }
            }
            let scope = readScope(t, row, province: province, provinceNodes: provinceNodes, cityOfNode: cityOfNode,
                                  network: network, &problems)
            let start = read { () throws(InputError) in try t.int(row, "start_year") }
            let end = read { () throws(InputError) in try t.int(row, "end_year") }
            if let start, let end, end < start {
                problems.append(t.error(row: row, column: "end_year", "the measure ends (\(end)) before it starts (\(start))",
                                        fix: "give the last calendar year in force, \(start) or later"))
            }
            var rate = read { () throws(InputError) in try t.double(row, "rate", allowNegative: true) }
            if let r = rate, r < 0 {
                problems.append(t.error(row: row, column: "rate", "the rate is negative (\(formatNumber(r)))",
                                        fix: "give the rate as a positive amount; a subsidy is paid to the station, a tax rate is what it pays"))
                rate = nil
            }
            let unit = read { () throws(InputError) in try t.string(row, "unit") }
            if let kind, let unit, unit != kind.unit {
                problems.append(t.error(row: row, column: "unit", "\(kind.rawValue) is given in \(kind.unit), not \"\(unit)\"",
                                        fix: "write \(kind.unit) and the rate in that unit"))
            }
            if let kind, let r = rate, kind.unit == "%", r > 100 {
                problems.append(t.error(row: row, column: "rate", "\(formatNumber(r)) % is above 100 %", fix: "give a percentage, 0 to 100"))
            }
            var cap = read { () throws(InputError) in try t.optionalDouble(row, "cap", allowNegative: true) } ?? nil
            if let c = cap, c <= 0 {
                problems.append(t.error(row: row, column: "cap", "the cap must be positive (\(formatNumber(c)))", fix: "give the cap, or leave the cell empty for none"))
                cap = nil
            }
            if let kind, cap != nil, kind.capUnit == nil {
                problems.append(t.error(row: row, column: "cap", "\(kind.rawValue) takes no cap", fix: "leave the cell empty"))
            }
            var above = read { () throws(InputError) in try t.optionalDouble(row, "rate_above_cap", allowNegative: true) } ?? nil
            if let a = above, a < 0 {
                problems.append(t.error(row: row, column: "rate_above_cap", "the rate is negative (\(formatNumber(a)))", fix: "give CNY/kg, zero or more"))
                above = nil
            }
            if above != nil && (kind != .operatingSubsidy || cap == nil) {
                problems.append(t.error(row: row, column: "rate_above_cap", "a second rate needs an operating_subsidy with a cap",
                                        fix: "give the cap in kg/yr, or leave rate_above_cap empty"))
            }
            var basis: Basis?
            if let text = read({ () throws(InputError) in try t.string(row, "basis") }) {
                basis = Basis(rawValue: text.uppercased())
                if basis == nil { problems.append(t.error(row: row, column: "basis", "unknown basis \"\(text)\"", fix: "write REPORTED, DERIVED or ESTIMATE")) }
            }
            let source = read { () throws(InputError) in try t.string(row, "source") }
            if let id, let kind, let scope, let start, let end, end >= start, let rate, let basis, let source {
                let modelRate = kind.unit == "%" ? rate / 100 : rate
                measures.append(PolicyMeasure(id: id, kind: kind, scope: scope, startYear: start, endYear: end, rate: modelRate,
                                              cap: cap, rateAboveCap: above, basis: basis, source: source))
                rowOfMeasure.append(row)
            }
        }
        // Two rows of one measure and one scope in force in the same year would be paid twice
        // (or, for a tax rate, contradict each other).
        for (i, m) in measures.enumerated() {
            for (k, earlier) in measures[..<i].enumerated()
            where earlier.kind == m.kind && earlier.scope.level == m.scope.level && earlier.scope.nodes == m.scope.nodes
                && earlier.startYear <= m.endYear && m.startYear <= earlier.endYear {
                let row = rowOfMeasure[i], other = rowOfMeasure[k]
                problems.append(t.error(row: row, column: "start_year",
                                        "\(m.kind.rawValue) \"\(m.id)\" overlaps \"\(earlier.id)\" (row \(other + 1)) for \(m.scope.level.rawValue) \(m.scope.name) in \(max(m.startYear, earlier.startYear))–\(min(m.endYear, earlier.endYear))",
                                        fix: "make the years of the two rows follow each other (a new rate starts the year after the old one ends)"))
            }
        }
        if t.rows.isEmpty { problems.append(t.headerError("no measures", fix: "add one row per measure, or remove the file")) }
        try problems.throwIfAny()
        return PolicySet(measures)
    }

    static func readScope(_ t: CSVTable, _ row: Int, province: String, provinceNodes: Set<String>, cityOfNode: [String: String]?,
                          network: Network, _ problems: inout InputErrors) -> PolicyScope? {
        guard let levelText = problems.recording({ () throws(InputError) in try t.string(row, "scope_level") }),
              let name = problems.recording({ () throws(InputError) in try t.string(row, "scope") }) else { return nil }
        switch levelText {
        case "province":
            guard name.lowercased() == province.lowercased(), !province.isEmpty else {
                problems.append(t.error(row: row, column: "scope", "unknown scope: province \"\(name)\" is not this scenario's province (\"\(province)\")",
                                        fix: "write \(province.isEmpty ? "the province named in scenario.toml [scenario] province" : "\"\(province)\""), or use scope_level city or nodes"))
                return nil
            }
            return PolicyScope(level: .province, name: name, nodes: provinceNodes)
        case "city":
            guard let cityOfNode else {
                problems.append(t.error(row: row, column: "scope_level", "a city scope needs the column \"city\" in nodes.csv",
                                        fix: "add a city column (the prefecture-level city of each node) to nodes.csv, or list the nodes with scope_level nodes"))
                return nil
            }
            let nodes = Set(cityOfNode.filter { $0.value.lowercased() == name.lowercased() }.map(\.key))
            guard !nodes.isEmpty else {
                let cities = Set(cityOfNode.values).sorted()
                let hint = closestMatch(to: name, among: cities).map { "did you mean \"\($0)\"? " } ?? ""
                problems.append(t.error(row: row, column: "scope", "unknown scope: no node of nodes.csv is in city \"\(name)\"",
                                        fix: "\(hint)use a city of the nodes.csv city column: \(cities.joined(separator: ", "))"))
                return nil
            }
            return PolicyScope(level: .city, name: name, nodes: nodes)
        case "nodes":
            let ids = name.split(separator: ";").map { String($0).trimmingSpaces() }.filter { !$0.isEmpty }
            let unknown = ids.filter { network.position(of: $0) == nil }
            guard unknown.isEmpty, !ids.isEmpty else {
                let hint = unknown.first.flatMap { closestMatch(to: $0, among: network.nodes.map(\.id)) }.map { "did you mean \"\($0)\"? " } ?? ""
                problems.append(t.error(row: row, column: "scope", ids.isEmpty ? "unknown scope: no node listed" : "unknown scope: node \(unknown.map { "\"\($0)\"" }.joined(separator: ", ")) is not in nodes.csv",
                                        fix: "\(hint)list node ids of nodes.csv separated by \";\""))
                return nil
            }
            return PolicyScope(level: .nodes, name: ids.joined(separator: ";"), nodes: Set(ids))
        default:
            problems.append(t.error(row: row, column: "scope_level", "unknown scope level \"\(levelText)\"", fix: "write province, city or nodes"))
            return nil
        }
    }

    /// The optional `city` column of nodes.csv (node id → city), nil when the column is absent.
    static func citiesOfNodes(_ t: CSVTable) -> [String: String]? {
        guard t.hasColumn("city") else { return nil }
        var result: [String: String] = [:]
        for row in t.rows.indices {
            if let id = t.optionalString(row, "id"), let city = t.optionalString(row, "city") { result[id] = city }
        }
        return result
    }
}
