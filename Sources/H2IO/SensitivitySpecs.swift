import Foundation
import H2Model
import H2Numerics
// What a planner types to set up a sensitivity run — `--grid`, `--cases`, `--distributions`,
// `--parameters`, `--shard` — read into typed values. A malformed option is a usage error
// (exit 64); a malformed file is a data error (exit 65) located by file, row and field.

public enum SensitivitySpecs {
    /// `--grid key=v1,v2,...` or `--grid key=lo:hi:n` (n evenly spaced values, ends included).
    public static func gridAxis(_ text: String) throws(ScenarioError) -> (spec: ParameterSpec, values: [Double]) {
        guard let equals = text.firstIndex(of: "=") else {
            throw .usage("--grid \(text): expected key=v1,v2,... or key=lo:hi:n, e.g. --grid electricity.grid_price_cny_per_kwh=0.4:0.8:5")
        }
        let key = String(text[..<equals]).trimmingSpaces()
        let spec = try parameter(key, option: "--grid \(text)")
        let body = String(text[text.index(after: equals)...])
        var values: [Double] = []
        if body.contains(":") {
            let parts = body.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
            guard parts.count == 3 else {
                throw .usage("--grid \(text): a range is lo:hi:n (three parts: low, high and the number of values), got \"\(body)\"")
            }
            let low = try number(parts[0], option: "--grid \(text)", what: "the low end")
            let high = try number(parts[1], option: "--grid \(text)", what: "the high end")
            let count: Int
            switch NumberText.parseInt(parts[2]) {
            case .success(let n) where n > WorkLimits.maximumGridAxisValues:
                throw .usage("--grid \(text): \(WorkLimits.formatCount(n)) values on one key are more than the \(WorkLimits.formatCount(WorkLimits.maximumGridAxisValues)) a grid axis may have; give fewer values")
            case .success(let n) where n >= 1: count = n
            case .success: throw .usage("--grid \(text): the number of values n must be at least 1, got \(parts[2].trimmingSpaces())")
            case .failure(let problem): throw .usage("--grid \(text): the number of values n: \(problem.message). Fix: \(problem.fix)")
            }
            guard low <= high else { throw .usage("--grid \(text): the low end \(formatNumber(low)) is above the high end \(formatNumber(high))") }
            guard count > 1 || low == high else {
                throw .usage("--grid \(text): one value cannot span \(formatNumber(low)) to \(formatNumber(high)); give n ≥ 2, or a single value key=\(formatNumber(low))")
            }
            values = SweepDesign.linearlySpaced(low, high, count: count)
        } else {
            for part in body.split(separator: ",", omittingEmptySubsequences: false) {
                values.append(try number(String(part), option: "--grid \(text)", what: "a value"))
            }
        }
        for v in values {
            if let why = spec.domain.problem(with: v) {
                throw .usage("--grid \(text): \(formatNumber(v)) \(spec.unit) \(why) (\(key) takes values \(spec.domain.summary))")
            }
        }
        return (spec, values)
    }

    /// `--grid key=values` of a catalogue parameter or a scenario setting (SettingOverrides:
    /// values as scenario.toml writes them, checked when the scenario is read with them).
    public static func gridColumn(_ text: String) throws(ScenarioError) -> (column: SweepColumn, values: [Double]) {
        if let equals = text.firstIndex(of: "="), SettingOverrides.isSettingKey(String(text[..<equals]).trimmingSpaces()) {
            let key = String(text[..<equals]).trimmingSpaces()
            let values = try SettingOverrides.gridValues(String(text[text.index(after: equals)...]), option: "--grid \(text)")
            return (.setting(key: key, values: values), values.indices.map(Double.init))
        }
        let axis = try gridAxis(text)
        return (.parameter(axis.spec), axis.values)
    }

    /// Several `--grid` options: the Cartesian product; a key given twice is an error.
    public static func grid(_ texts: [String]) throws(ScenarioError) -> SweepDesign {
        var axes: [(column: SweepColumn, values: [Double])] = []
        for text in texts {
            let axis = try gridColumn(text)
            if axes.contains(where: { $0.column.key == axis.column.key }) {
                throw .usage("--grid \(text): \(axis.column.key) is swept twice; give all its values in one --grid")
            }
            axes.append(axis)
        }
        guard SweepDesign.gridCaseCount(axes.map(\.values.count)) != nil else {
            let digits = axes.reduce(0.0) { $0 + log10(Double($1.values.count)) }
            throw .usage("--grid: the grid has about 10^\(Int(digits)) cases (\(axes.map { String($0.values.count) }.joined(separator: " × "))), more than can be counted; give fewer values per key")
        }
        return SweepDesign.grid(columns: axes)
    }

    /// `--cases FILE.csv`: one case per row, one column per dotted key.
    public static func cases(_ path: String) throws(ScenarioError) -> SweepDesign {
        let table: CSVTable
        do { table = try CSVTable.read(from: path) } catch { throw .data(InputErrors([error])) }
        var problems = InputErrors()
        var specs: [ParameterSpec?] = []
        var columns: [SweepColumn] = []
        for column in table.header {
            if let spec = ParameterCatalogue.byKey[column] {
                specs.append(spec)
                columns.append(.parameter(spec))
            } else if SettingOverrides.isSettingKey(column) {
                // A setting's values as written, in order of first appearance.
                var values: [String] = []
                for row in table.rows.indices {
                    if let v = problems.recording({ () throws(InputError) in try table.string(row, column) }), !values.contains(v) { values.append(v) }
                }
                specs.append(nil)
                columns.append(.setting(key: column, values: values))
            } else {
                let hint = closestMatch(to: column, among: ParameterCatalogue.all.map(\.key)).map { "write \($0), or " } ?? ""
                problems.append(table.headerError("column \"\(column)\" is not a parameter",
                                                  fix: "\(hint)use a dotted key from `h2corridor explain`"))
            }
        }
        try throwData(problems)
        var rows: [[Double]] = []
        for row in table.rows.indices {
            var values: [Double] = []
            for (spec, column) in zip(specs, columns) {
                guard let spec else {
                    if case .setting(let key, let texts) = column, let text = table.optionalString(row, key) { values.append(Double(texts.firstIndex(of: text) ?? 0)) }
                    continue
                }
                guard let v = problems.recording({ () throws(InputError) in try table.double(row, spec.key, allowNegative: true) }) else { continue }
                if let why = spec.domain.problem(with: v) {
                    problems.append(table.error(row: row, column: spec.key, "\(formatNumber(v)) \(spec.unit) \(why)", fix: "give a value \(spec.domain.summary)"))
                }
                values.append(v)
            }
            rows.append(values)
        }
        try throwData(problems)
        return SweepDesign(columns: columns, cases: rows)
    }

    /// `--distributions FILE.csv` with columns key,distribution,p1,p2[,p3]:
    /// triangular low,mode,high · uniform low,high · normal mean,sd · lognormal median,sigma.
    public static func distributions(_ path: String) throws(ScenarioError) -> [String: Distribution] {
        let table: CSVTable
        do {
            table = try CSVTable.read(from: path)
            try table.requireColumns(["key", "distribution", "p1", "p2"], optional: ["p3"])
        } catch { throw .data(InputErrors([error])) }
        var problems = InputErrors()
        var result: [String: Distribution] = [:]
        for row in table.rows.indices {
            guard let key = problems.recording({ () throws(InputError) in try table.string(row, "key") }),
                  let kind = problems.recording({ () throws(InputError) in try table.string(row, "distribution") }) else { continue }
            guard let spec = ParameterCatalogue.byKey[key] else {
                let hint = closestMatch(to: key, among: ParameterCatalogue.all.map(\.key)).map { "did you mean \($0)? " } ?? ""
                problems.append(table.error(row: row, column: "key", "unknown parameter \"\(key)\"", fix: "\(hint)`h2corridor explain` lists every key"))
                continue
            }
            if result[key] != nil {
                problems.append(table.error(row: row, column: "key", "\(key) is given a distribution twice", fix: "keep one row per parameter"))
            }
            let p1 = problems.recording { () throws(InputError) in try table.double(row, "p1", allowNegative: true) }
            let p2 = problems.recording { () throws(InputError) in try table.double(row, "p2", allowNegative: true) }
            let p3Cell: Double?? = problems.recording { () throws(InputError) in try table.optionalDouble(row, "p3", allowNegative: true) }
            guard let p1, let p2, let p3o = p3Cell else { continue }
            let d: Distribution
            switch kind.lowercased() {
            case "triangular":
                guard let p3 = p3o else {
                    problems.append(table.error(row: row, column: "p3", "triangular needs p3 (the high value)", fix: "write low,mode,high in p1,p2,p3"))
                    continue
                }
                d = .triangular(low: p1, mode: p2, high: p3)
            case "uniform": d = .uniform(low: p1, high: p2)
            case "normal": d = .normal(mean: p1, sd: p2)
            case "lognormal": d = .lognormal(median: p1, sigma: p2)
            default:
                problems.append(table.error(row: row, column: "distribution", "unknown distribution \"\(kind)\"",
                                            fix: "write triangular, uniform, normal or lognormal"))
                continue
            }
            do { try d.validate() } catch {
                problems.append(table.error(row: row, column: "distribution", error.detail, fix: "check p1, p2, p3 (\(spec.unit))"))
                continue
            }
            if let why = DomainLimits.distributionProblem(d) {
                problems.append(table.error(row: row, column: "p2", why, fix: "narrow the distribution (\(spec.unit))"))
                continue
            }
            result[key] = d
        }
        try throwData(problems)
        return result
    }

    /// `--parameters key,key,...`: catalogue keys, each known, none twice.
    public static func parameterKeys(_ text: String) throws(ScenarioError) -> [String] {
        var keys: [String] = []
        for part in text.split(separator: ",", omittingEmptySubsequences: false) {
            let key = String(part).trimmingSpaces()
            _ = try parameter(key, option: "--parameters \(text)")
            if keys.contains(key) { throw .usage("--parameters \(text): \(key) is listed twice") }
            keys.append(key)
        }
        return keys
    }

    /// `--shard k/N`.
    public static func shard(_ text: String) throws(ScenarioError) -> ShardSpec {
        switch ShardSpec.parse(text) {
        case .success(let s): return s
        case .failure(let problem): throw .usage(problem.message)
        }
    }

    static func parameter(_ key: String, option: String) throws(ScenarioError) -> ParameterSpec {
        guard let spec = ParameterCatalogue.byKey[key] else {
            let hint = closestMatch(to: key, among: ParameterCatalogue.all.map(\.key)).map { " Did you mean \($0)?" } ?? ""
            throw .usage("\(option): unknown parameter \"\(key)\".\(hint) (h2corridor explain lists every key)")
        }
        return spec
    }

    static func number(_ text: String, option: String, what: String) throws(ScenarioError) -> Double {
        switch NumberText.parseDouble(text) {
        case .success(let v): return v
        case .failure(let problem): throw .usage("\(option): \(what): \(problem.message). Fix: \(problem.fix)")
        }
    }

    static func throwData(_ problems: InputErrors) throws(ScenarioError) {
        do { try problems.throwIfAny() } catch { throw .data(error) }
    }
}
