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
}
