// Issue 12 items 1 and 5 on loaded scenarios: the MILP size estimate against the MILP the
// planner builds (an upper bound, and not so loose that it refuses what fits), and the
// numerical guard's blame (the parameter whose reset makes the result sound).
import Foundation
import H2Model
import Testing
@testable import H2IO

let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

/// A scenario folder loaded the way `run` loads it (through the loader's entry point).
func loadedPlanning(_ directory: String, sets: [String] = []) throws -> (Scenario, PlanningScenario) {
    var scenario = try ScenarioLoader.load(directory: directory, sets: sets)
    let planning = try ScenarioLoader.loadPlanning(directory: directory, scenario: &scenario)
    return (scenario, planning)
}

@Suite("planning guards (issue 12)")
struct PlanningGuardTests {
    /// Guizhou as committed and split every 50 km (more sites, longer walks), and Zhejiang.
    @Test(arguments: [("guizhou-2025", nil), ("guizhou-2025", 50.0), ("zhejiang-2025", nil)] as [(String, Double?)])
    func theSizeEstimateBoundsTheBuiltMILPWithinAFactorOfFive(_ name: String, _ splitKm: Double?) throws {
        var directory = repositoryRoot + "/Models/" + name
        let scratch = scratchFolder()
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        if let splitKm {
            let copy = scratch + "/" + name
            try FileManager.default.copyItem(atPath: directory, toPath: copy)
            let toml = copy + "/scenario.toml"
            let text = try String(contentsOfFile: toml, encoding: .utf8)
            try text.replacingOccurrences(of: "[placement]\n", with: "[placement]\nsplit_edges_km = \(splitKm)\n").write(toFile: toml, atomically: true, encoding: .utf8)
            directory = copy
        }
        let (scenario, planning) = try loadedPlanning(directory)
        let estimate = PlanningSize.estimate(planning)
        let milp = try CorridorPlanner.planningMILP(planning, scenario.parameters.assumptions)
        let nonzeros = milp.constraints.reduce(0) { $0 + $1.terms.count } + milp.variables.filter { $0.objectiveCoefficient != 0 }.count
        print("planning size \(name) split \(splitKm.map { String($0) } ?? "-"): estimate \(estimate.columns) columns, \(estimate.rows) rows, \(estimate.nonzeros) nonzeros; built \(milp.variables.count), \(milp.constraints.count), \(nonzeros)")
        #expect(estimate.columns >= milp.variables.count)
        #expect(estimate.rows >= milp.constraints.count)
        #expect(estimate.nonzeros >= nonzeros)
        #expect(estimate.columns <= 5 * milp.variables.count && estimate.rows <= 5 * milp.constraints.count && estimate.nonzeros <= 5 * nonzeros)
        // The flagships fit the default limit by far.
        #expect(estimate.problem(memoryLimit: WorkLimits.defaultMemoryBytes) == nil)
    }

    @Test func theGuardBlamesTheOneOverrideWhoseResetMakesTheResultSound() throws {
        let directory = repositoryRoot + "/Models/guizhou-2025"
        // Two overrides on the command line; only the crews' hours overflow.
        let (scenario, planning) = try loadedPlanning(directory, sets: ["road.driver_hours_per_year=1e-300", "electricity.grid_price_cny_per_kwh=0.5"])
        do {
            try PlanningGuard.check(planning, scenario.parameters)
            Issue.record("the guard let 1e-300 crew hours through")
        } catch {
            #expect(error.rows.isEmpty)
            #expect(error.fault.causes.map(\.spec.key) == ["road.driver_hours_per_year"], "\(error)")
            #expect(!error.fault.jointly)
            #expect(error.fault.quantity.contains("supply link"), "\(error)")
        }
        // The committed scenario passes.
        let (base, basePlanning) = try loadedPlanning(directory)
        try PlanningGuard.check(basePlanning, base.parameters)
    }

    @Test func causesThatActOnlyTogetherAreFoundAsTheSmallestSet() throws {
        var parameters = ParameterSet()
        try parameters.set("road.average_speed_km_per_h", to: 1e-5, origin: .commandLine, layer: .commandLine)
        try parameters.set("road.driver_hours_per_year", to: 1e-5, origin: .commandLine, layer: .commandLine)
        try parameters.set("electricity.grid_price_cny_per_kwh", to: 0.5, origin: .commandLine, layer: .commandLine)
        // A fault when either road value is tiny (a predicate standing in for an overflow): no
        // single reset cures it, both together do.
        let found = NumericalGuard.causes(in: parameters) { a in a.road.averageSpeedKmPerH < 1 || a.road.driverHoursPerYear < 1 }
        #expect(found.causes.map(\.spec.key).sorted() == ["road.average_speed_km_per_h", "road.driver_hours_per_year"])
        #expect(found.jointly)
        // A fault the catalogue values give too has no parameter to blame.
        #expect(NumericalGuard.causes(in: parameters) { _ in true }.causes.isEmpty)
    }

    // Item 1 for --reoptimize: a re-planned run's estimate adds the planning MILPs alive at once.
    @Test func aReplannedRunCountsItsConcurrentMILPsAndTheLargestScenario() throws {
        let directory = repositoryRoot + "/Models/guizhou-2025"
        let (_, planning) = try loadedPlanning(directory)
        let (_, split) = try loadedPlanning(directory, sets: ["placement.split_edges_km=50"])
        let milp = PlanningSize.estimate(planning), bigger = PlanningSize.estimate(split)
        #expect(bigger.bytes > milp.bytes)
        let fixed = WorkLimits.monteCarlo(rows: 1_000, parameters: 100, outputs: 4, whole: true)
        // Each thread plans at once: a plan's working set (3.25 × the MILP's estimate, measured) each.
        let one = fixed.replanning([planning], jobs: 1), four = fixed.replanning([planning], jobs: 4)
        let plan = 3.25 * (milp.bytes - WorkLimits.baseline)
        #expect(abs(one.bytes - (fixed.bytes + plan)) < 1)
        #expect(abs(four.bytes - one.bytes - 3 * plan) < 1)
        // No more threads than rows; the largest scenario's MILP is the one counted.
        #expect(WorkLimits.monteCarlo(rows: 1, parameters: 100, outputs: 4, whole: true).replanning([planning], jobs: 8).replanning?.threads == 1)
        #expect(fixed.replanning([planning, split], jobs: 2).replanning?.milp == bigger)
        // The limits: 10,000 re-plans a process (fixed placement: 10⁸), and memory.
        let many = WorkLimits.monteCarlo(rows: 20_000, parameters: 100, outputs: 4, whole: true)
        #expect(WorkLimits.problem("m", many, totalRows: 20_000, memoryLimit: WorkLimits.defaultMemoryBytes) == nil)
        let text = WorkLimits.problem("m", many.replanning([planning], jobs: 2), totalRows: 20_000, memoryLimit: WorkLimits.defaultMemoryBytes) ?? ""
        #expect(text.contains("over the limit of 10,000 re-planned rows per process") && text.contains("N ≥ 2"), "\(text)")
        let tight = one.bytes + plan / 2  // fits one thread, not two
        #expect(WorkLimits.problem("m", fixed.replanning([planning], jobs: 1), totalRows: 1_000, memoryLimit: tight) == nil)
        let two = WorkLimits.problem("m", fixed.replanning([planning], jobs: 2), totalRows: 1_000, memoryLimit: tight) ?? ""
        #expect(two.contains("Every row re-plans") && two.contains("fewer --jobs") && two.contains("--max-memory"), "\(two)")
        // When the MILPs alone pass the limit, shards cannot help and are not offered.
        let under = WorkLimits.problem("m", fixed.replanning([split], jobs: 1), totalRows: 1_000, memoryLimit: bigger.bytes)
        #expect(under.map { !$0.contains("--shard") && $0.contains("--max-memory") } == true, "\(under ?? "")")
    }
}
