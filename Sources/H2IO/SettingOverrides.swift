// Scenario settings that are not catalogue parameters — every `[placement]` key, the delivery
// modes allowed by year and the demand scale — set from the command line (`--set`) or swept
// (`--grid`, `--cases`). A value is written as in scenario.toml (`--set placement.solver=glpk`,
// `--set "placement.periods=[2025,2030]"`) and read by the same code as the file's, so a value
// means the same and is checked the same wherever it is given.
import H2Model

public enum SettingOverrides {
    /// The file name of command-line setting entries in messages; an error there is a usage
    /// error (exit 64), not a data error.
    public static let origin = "--set"

    /// `placement.first_year.tube_trailer_50`: the key part of a delivery mode.
    static func keyPart(_ mode: DeliveryMode) -> String { mode.rawValue.replacingAll("-", with: "_") }
    /// The modes a source may deliver hydrogen by, whose years a scenario may limit.
    static let limitableModes: [DeliveryMode] = DeliveryMode.allCases.filter { $0 != .none }

    static let firstYearPrefix = "placement.first_year."
    static let lastYearPrefix = "placement.last_year."
    public static let demandScaleKey = "demand.scale"
    static let groupScalePrefix = "demand.scale_by_group."

    /// Every fixed setting key (group scales are open: `demand.scale_by_group.<group>`).
    public static var keys: [String] {
        ScenarioLoader.placementKeys.filter { $0.hasPrefix("placement.") }.sorted()
            + limitableModes.flatMap { [firstYearPrefix + keyPart($0), lastYearPrefix + keyPart($0)] }
            + [demandScaleKey]
    }

    /// Whether `key` is a scenario setting (not a catalogue parameter).
    public static func isSettingKey(_ key: String) -> Bool {
        if key.hasPrefix(groupScalePrefix) { return key.count > groupScalePrefix.count && !key.dropFirst(groupScalePrefix.count).contains(".") }
        return keys.contains(key)
    }

    /// The entry of `--set key=value` when `key` is a setting, nil when it is not (a catalogue
    /// parameter, handled by the parameter set).
    public static func entry(forSet assignment: String, option: String = origin) -> TOMLEntry? {
        guard let equals = assignment.firstIndex(of: "=") else { return nil }
        let key = String(assignment[..<equals]).trimmingSpaces()
        guard isSettingKey(key) else { return nil }
        return entry(key: key, text: String(assignment[assignment.index(after: equals)...]), option: option)
    }

    /// A setting's value as TOML reads it (`2030`, `[500, 1000]`, `true`, `"glpk"`); text that is
    /// no TOML value is taken as a string, so `--set placement.solver=glpk` needs no quotes.
    public static func entry(key: String, text: String, option: String = origin) -> TOMLEntry {
        let trimmed = text.trimmingSpaces()
        var value = TOMLScalar.string(trimmed)
        if let file = try? TOMLFile(parsing: "v = " + trimmed, file: option), file.entries.count == 1, let parsed = file.entries.first {
            value = parsed.value
        }
        return TOMLEntry(file: option, dottedKey: key, value: value, line: nil)
    }

    /// The values of one swept setting: `v1,v2,...` split at commas outside brackets and
    /// quotes (`[2025,2030],[2025,2027,2030]`), or `lo:hi:n` for a number.
    public static func gridValues(_ body: String, option: String) throws(ScenarioError) -> [String] {
        if !body.contains("["), !body.contains("\""), body.contains(":") {
            let parts = body.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
            guard parts.count == 3, case .success(let low) = NumberText.parseDouble(parts[0]), case .success(let high) = NumberText.parseDouble(parts[1]),
                  case .success(let n) = NumberText.parseInt(parts[2]), n >= 1, n <= WorkLimits.maximumGridAxisValues, low <= high, n > 1 || low == high else {
                throw .usage("\(option): a range is lo:hi:n (low ≤ high, n ≥ 1 values), got \"\(body)\"")
            }
            return SweepDesign.linearlySpaced(low, high, count: n).map(formatNumber)
        }
        var values: [String] = [], current = "", depth = 0, quoted = false
        for c in body {
            if c == "\"" { quoted.toggle() }
            if !quoted { if c == "[" { depth += 1 } else if c == "]" { depth -= 1 } }
            if c == ",", depth == 0, !quoted { values.append(current); current = "" } else { current.append(c) }
        }
        values.append(current)
        if let empty = values.firstIndex(where: { $0.trimmingSpaces().isEmpty }) {
            throw .usage("\(option): value \(empty + 1) is empty; separate values with commas, e.g. placement.solver=cbc,glpk")
        }
        return values.map { $0.trimmingSpaces() }
    }

    /// The file's entries with `overlay`'s in their place (the last of a key wins).
    static func overlaid(_ file: TOMLFile, with overlay: [TOMLEntry]) -> TOMLFile {
        guard !overlay.isEmpty else { return file }
        var last: [String: TOMLEntry] = [:]
        for e in overlay { last[e.dottedKey] = e }
        let kept = file.entries.filter { last[$0.dottedKey] == nil }
        var seen: Set<String> = []
        let added = overlay.reversed().filter { seen.insert($0.dottedKey).inserted }.reversed()
        return TOMLFile(file: file.file, entries: kept + added, recordCounts: file.recordCounts, lineIndex: file.lineIndex)
    }

    /// Problems of the command-line entries are usage errors (exit 64), the others data errors.
    static func error(_ problems: InputErrors) -> ScenarioError {
        let fromCommandLine = problems.errors.filter { $0.file.hasPrefix("--") }
        if !fromCommandLine.isEmpty { return .usage(InputErrors(fromCommandLine).description) }
        return .data(problems)
    }

    /// Applies the settings read from `file` (scenario.toml with the command-line entries over
    /// it) that the table readers do not: the delivery modes allowed by year, and the demand
    /// scale, global and per fleet group (fleets.csv's `group` column, or the vehicle class).
    static func apply(_ file: TOMLFile, fleetsPath: String, fleets: inout [Fleet], policies: inout PolicySet, _ problems: inout InputErrors) {
        var years = DeliveryModeYears()
        for mode in limitableModes {
            for (prefix, isFirst) in [(firstYearPrefix, true), (lastYearPrefix, false)] {
                guard let e = file[prefix + keyPart(mode)], let y = problems.recording({ () throws(InputError) in try e.integer() }) else { continue }
                if let why = DomainLimits.designYearProblem(y) {
                    problems.append(e.error(why, fix: "give the calendar year from (or to) which \(mode.rawValue) may be used, e.g. 2027"))
                } else if isFirst { years.firstYear[mode] = y } else { years.lastYear[mode] = y }
            }
            if let first = years.firstYear[mode], let last = years.lastYear[mode], last < first, let e = file[lastYearPrefix + keyPart(mode)] {
                problems.append(e.error("\(mode.rawValue) is allowed to \(last), before it is allowed from \(first)", fix: "give a last year at or after the first year"))
            }
        }
        policies.deliveryModeYears = years

        func scale(_ e: TOMLEntry) -> Double? {
            guard let v = problems.recording({ () throws(InputError) in try e.number(allowZero: false) }) else { return nil }
            if v > 100 { problems.append(e.error("a demand scale of \(formatNumber(v)) is more than 100 times the plan's fleets", fix: "give a factor such as 0.5 or 1.2")); return nil }
            return v
        }
        let global = file[demandScaleKey].flatMap(scale) ?? 1
        let groupEntries = file.entries.filter { $0.dottedKey.hasPrefix(groupScalePrefix) }
        guard global != 1 || !groupEntries.isEmpty else { return }
        // A fleet's group: the `group` column of fleets.csv where given, else its vehicle class.
        var groupOf: [String: String] = [:]
        if let t = try? CSVTable.read(from: fleetsPath), t.header.contains("id") {
            for row in t.rows.indices {
                guard let id = t.optionalString(row, "id") else { continue }
                groupOf[id] = (t.header.contains("group") ? t.optionalString(row, "group") : nil) ?? t.optionalString(row, "vehicle_class")
            }
        }
        let groups = Set(fleets.map { groupOf[$0.id] ?? $0.vehicleClass })
        var byGroup: [String: Double] = [:]
        for e in groupEntries {
            let group = String(e.dottedKey.dropFirst(groupScalePrefix.count))
            guard groups.contains(group) else {
                problems.append(e.error("no fleet is in group \"\(group)\"", fix: "use a group of fleets.csv (its group column, else the vehicle class): \(groups.sorted().joined(separator: ", "))"))
                continue
            }
            if let v = scale(e) { byGroup[group] = v }
        }
        for i in fleets.indices {
            let group = groupOf[fleets[i].id] ?? fleets[i].vehicleClass
            fleets[i].vehicles *= global * (byGroup[group] ?? 1)
        }
    }

    /// The setting overrides for a manifest: key, value as written and origin.
    public static func manifestEntries(_ scenario: Scenario) -> [JSONValue] {
        scenario.settingOverrides.map { e in
            .object([JSONMember("key", .string(e.dottedKey)), JSONMember("value", .string(tomlText(e.value))), JSONMember("origin", .string(e.file))])
        }
    }

    /// A value as TOML would write it (strings quoted).
    public static func tomlText(_ v: TOMLScalar) -> String { v.description }
}

extension String {
    fileprivate func replacingAll(_ a: Character, with b: Character) -> String { String(map { $0 == a ? b : $0 }) }
}
