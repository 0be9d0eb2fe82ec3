import ArgumentParser

struct H2Corridor: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "h2corridor",
        abstract: "Hydrogen corridors and refuelling-station economics for provincial planners.",
        discussion: """
        Costs are itemised CNY per kg at the nozzle, computed from physical and economic parameters \
        whose every value carries its origin, basis (REPORTED / DERIVED / ESTIMATE) and source.

        Exit codes: 0 success; 64 usage error; 65 invalid input data; 3 infeasible or time limit \
        without a feasible answer; 1 other failure.

        Examples:
          h2corridor run Models/guizhou-2025
          h2corridor place --nodes nodes.csv --edges edges.csv --flows flows.csv \\
            --range-km 300 --stations 4 --out placed
          h2corridor tornado Models/guizhou-2025
          h2corridor cost --production byproduct --delivery tube-trailer-20 \\
            --distance-km 100 --station-kg-per-day 500
          h2corridor cost --compare --distance-km 150 --station-kg-per-day 1000
          h2corridor explain Models/guizhou-2025
          h2corridor validate Models/zhejiang-2025
          h2corridor init Models/fujian-draft --province Fujian
        """,
        version: "0.1.0",
        subcommands: [Run.self, Cost.self, Place.self, Validate.self, Init.self, Explain.self, Sweep.self, Tornado.self, MonteCarlo.self, Sobol.self, Merge.self, Verify.self]
    )
}
