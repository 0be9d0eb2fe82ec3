// Trailer classes allowed by year (issue 9 item 2): a mode limited to later years carries
// nothing in the periods before, and limiting a mode never lowers the optimum.
import Testing
@testable import H2Model

@Suite struct DeliveryModeYearsTests {
    @Test func allowsOnlyTheGivenYears() {
        let years = DeliveryModeYears(firstYear: [.tubeTrailer50: 2027], lastYear: [.tubeTrailer20: 2029])
        #expect(years.allowed(.tubeTrailer50, inEach: [2025, 2027, 2030]) == [false, true, true])
        #expect(years.allowed(.tubeTrailer20, inEach: [2025, 2027, 2030]) == [true, true, false])
        #expect(years.allowed(.liquid, inEach: [2025, 2030]) == [true, true])
        #expect(DeliveryModeYears().isEmpty && !years.isEmpty)
    }

    /// On random phased instances: with 50 MPa trailers allowed only from 2030, no 2025 link
    /// uses them, and the optimum is never below the unrestricted one; at least one instance
    /// does use them in 2025 when allowed (so the check can fail).
    @Test func fiftyMPaTrailersOnlyFromTheirFirstYear() throws {
        var usedWhenAllowed = 0, compared = 0
        for seed in UInt64(1)...30 {
            let free = try PhasedPlanningTests.instance(seed: seed)
            let base = try CorridorPlanner.plan(free.scenario, free.a)
            guard base.status == .optimal, let baseCost = base.optimiserCostCny else { continue }
            if base.periods[0].links.contains(where: { $0.key.mode == .tubeTrailer50 }) { usedWhenAllowed += 1 }
            var limited = free.scenario
            limited.policies.deliveryModeYears = DeliveryModeYears(firstYear: [.tubeTrailer50: 2030])
            let plan = try CorridorPlanner.plan(limited, free.a)
            guard plan.status == .optimal, let cost = plan.optimiserCostCny else { continue }
            compared += 1
            #expect(!plan.periods[0].links.contains { $0.key.mode == .tubeTrailer50 }, "seed \(seed): 50 MPa trailer used in 2025")
            #expect(cost >= baseCost * (1 - 1e-7 - 2 * free.scenario.settings.relativeGap), "seed \(seed): limiting a trailer class lowered the optimum \(baseCost) → \(cost)")
            // The engine's re-costing still matches the optimiser's objective.
            // (Within the cost curves' approximation where an on-site electrolyser is offered.)
            if let recost = plan.recostedCostCny { #expect(abs(recost - cost) <= (1e-6 + plan.approximationError) * cost, "seed \(seed): recost \(recost) vs \(cost)") }
        }
        print("50 MPa trailers from 2030: \(compared) instances compared; \(usedWhenAllowed) used them in 2025 when allowed")
        #expect(compared >= 8)
        #expect(usedWhenAllowed >= 1)
    }

    /// A mode allowed in no planning period is not offered at all.
    @Test func aModeRetiredBeforeThePlanIsNotOffered() throws {
        let i = try PhasedPlanningTests.instance(seed: 1)
        var s = i.scenario
        s.policies.deliveryModeYears = DeliveryModeYears(lastYear: [.tubeTrailer50: 2020])
        let plan = try CorridorPlanner.plan(s, i.a)
        #expect(plan.status.hasSolution)
        #expect(plan.periods.allSatisfy { !$0.links.contains { $0.key.mode == .tubeTrailer50 } })
        let all = try CorridorPlanner.plan(i.scenario, i.a)
        #expect(plan.supplyOptionCount <= all.supplyOptionCount)
    }
}
