// The numerical guards' faults as messages and exit codes (issue 12, item 5): a value set with
// --set is a usage error (64), a value in a file — a parameter with its file and line, or a
// table row and field — is a data error (65). The message says what the value makes unsound.
import ArgumentParser
import H2IO
import H2Model

/// Prints `fault` against the input that causes it and returns the exit code.
func report(_ fault: EngineFault, directory: String?) -> ExitCode {
    let what = "\(fault.quantity) \(fault.problem)"
    let together = fault.jointly ? " (with \(fault.causes.map(\.spec.key).joined(separator: ", ")) together)" : ""
    var fileErrors = InputErrors()
    var usage: [String] = []
    for cause in fault.causes {
        let value = "\(formatNumber(cause.value)) \(cause.spec.unit)"
        let fix = "give a value nearer the catalogue's \(formatNumber(cause.spec.base)) \(cause.spec.unit)"
            + (cause.spec.low.flatMap { low in cause.spec.high.map { " (its range \(formatNumber(low)) to \(formatNumber($0)))" } } ?? "")
        switch cause.origin {
        case .commandLine:
            usage.append("--set \(cause.spec.key)=\(formatNumber(cause.value)): with \(value), \(what)\(together). Fix: \(fix)")
        case .file(let path, let line):
            fileErrors.append(InputError(file: path, line: line, field: cause.spec.key, message: "with \(value), \(what)\(together)", fix: fix))
        case .catalogue:
            break
        }
    }
    if !usage.isEmpty {
        for line in usage { printError("error: \(line)") }
        return ExitCode(Exit.usage)
    }
    if !fileErrors.errors.isEmpty {
        printError(fileErrors.description)
        return ExitCode(Exit.dataError)
    }
    // No parameter is the cause: the chain's own options (cost) or the scenario's [cost] table.
    printError("error: \(what), with every parameter at its catalogue value: check the distance, capacity and utilisation given\(directory.map { " (options, or the [cost] table of \($0)/scenario.toml)" } ?? "")")
    return ExitCode(Exit.usage)
}

/// Checks what the planner will take from the tables and the cost engine before it runs.
func guardPlanning(_ planning: PlanningScenario, _ scenario: Scenario, directory: String) throws {
    do { try PlanningGuard.check(planning, scenario.parameters) } catch {
        guard !error.rows.isEmpty else { throw report(error.fault, directory: directory) }
        // Blame the field with the largest value (a 1e308 among tens); name the others beside it.
        let folder = directory.hasSuffix("/") ? directory : directory + "/"
        let cells = error.rows.flatMap { r in r.fieldOrder.map { (row: r, field: $0, value: r.fields[$0]!) } }
        let culprit = cells.max { abs($0.value) < abs($1.value) }!
        let others = cells.filter { !($0.row == culprit.row && $0.field == culprit.field) }
            .map { "\($0.field) \(formatNumber($0.value)) (\($0.row.table) row \($0.row.row))" }
        let with = others.isEmpty ? "" : " with \(others.joined(separator: ", "))"
        let errors = InputErrors([InputError(file: folder + culprit.row.table, row: culprit.row.row, field: culprit.field,
                                             message: "\(formatNumber(culprit.value))\(with): \(error.fault.quantity) \(error.fault.problem)",
                                             fix: "check the value and its unit")])
        printError(errors.description)
        throw ExitCode(Exit.dataError)
    }
}

/// `--max-memory` as bytes (the default limit when not given); a usage error when malformed.
func parseMemoryLimit(_ text: String?) throws -> Double {
    guard let text else { return WorkLimits.defaultMemoryBytes }
    guard let bytes = WorkLimits.parseBytes(text) else {
        printError("error: --max-memory \(text): give a size such as 4G or 512M")
        throw ExitCode(Exit.usage)
    }
    return bytes
}

/// Refuses a planning MILP estimated over the memory limit before it is built (exit 64).
func checkPlanningSize(_ planning: PlanningScenario, directory: String, memoryLimit: Double) throws {
    if let problem = PlanningSize.estimate(planning).problem(memoryLimit: memoryLimit) {
        printError("error: \(directory): \(problem)")
        throw ExitCode(Exit.usage)
    }
}
