// The size of the planning MILP, estimated from the scenario before anything is built (issue
// 12, item 1): the variables, constraints and nonzeros of PhasedPlanningModel's formulation,
// counted family by family from the candidate sites, station unit types, periods, fleets (the
// sites each can use), corridor round trips (the candidate sites within range of each arc) and
// supply links. Each count is an upper bound of what the formulation adds (links dominated by
// another mode, duplicate cover sets and sites with no load are not subtracted), so a scenario
// under the limit always fits; the test checks the bound and its tightness on the flagships.
//
// Memory: the model as MILPProblem holds every variable and constraint with its name and every
// term (about 160 B a variable, 120 B a constraint, 16 B a nonzero), and the solver copies it
// into its own row- and column-ordered matrices, presolved copies and cut pools. Measured
// (VmHWM of `run`, debug build): Guizhou as committed 76 MB; split every 50 km 110 MB in the
// solve, 34 MB more for 13,128 more estimated columns, 13,170 rows and 58,926 nonzeros — the
// weights below (1,300 B a column, 800 B a row, 160 B a nonzero) give 117 MB for it. The limit
// is the memory limit of the other work estimates: 2 GiB by default, `run --max-memory`.

public struct PlanningSize: Sendable, Equatable {
    public var columns: Int
    public var rows: Int
    public var nonzeros: Int
    /// The families of variables, largest first: (what, columns).
    public var parts: [Part]
    public struct Part: Sendable, Equatable {
        public var name: String
        public var columns: Int
        public var reduce: String
    }

    public static let bytesPerColumn = 1_300.0
    public static let bytesPerRow = 800.0
    public static let bytesPerNonzero = 160.0

    /// Memory the run needs for the MILP, bytes (on top of WorkLimits.baseline).
    public var bytes: Double {
        WorkLimits.baseline + Double(columns) * Self.bytesPerColumn + Double(rows) * Self.bytesPerRow + Double(nonzeros) * Self.bytesPerNonzero
    }

    /// Nil when the estimate fits `memoryLimit`; otherwise the size and how to reduce it.
    public func problem(memoryLimit: Double) -> String? {
        guard bytes > memoryLimit else { return nil }
        var text = "the planning MILP would have about \(WorkLimits.formatCount(columns)) variables, \(WorkLimits.formatCount(rows)) constraints and \(WorkLimits.formatCount(nonzeros)) nonzeros"
        text += " and need about \(WorkLimits.formatBytes(bytes)) of memory, over the limit of \(WorkLimits.formatBytes(memoryLimit))"
        let top = parts.prefix(3).filter { $0.columns > 0 }
        if !top.isEmpty {
            text += ". Most variables: " + top.map { "\(WorkLimits.formatCount($0.columns)) \($0.name) (\($0.reduce))" }.joined(separator: "; ")
        }
        text += ". Or raise the limit with --max-memory (e.g. --max-memory \(String(WorkLimits.formatBytes(bytes * 1.25).filter { $0 != " " })))"
        return text
    }
}

extension PlanningSize {
    /// The estimate for scenario `s`.
    public static func estimate(_ s: PlanningScenario) -> PlanningSize {
        let net = s.network
        let set = s.settings
        let T = max(1, set.periodYears.count)
        var candidates = Set<Int>()
        if let ids = s.candidateSites {
            for id in ids { if let p = net.position(of: id) { candidates.insert(p) } }
        } else {
            candidates = Set(net.nodes.indices)
        }
        for e in s.existingStations { if let p = net.position(of: e.node) { candidates.insert(p) } }
        let C = candidates.count
        let classOf = Dictionary(s.vehicleClasses.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let has70 = s.fleets.contains { classOf[$0.vehicleClass]?.pressure == .mpa70 }
        let P = has70 ? 2 : 1
        let K = set.stationSizesKgPerDay.count * P
        let choose = set.objective != .leastCost || set.maximumPriceCnyPerKg != nil
        var cols = 0, rows = 0, nz = 0

        // Station units and open indicators.
        let units = C * K * T
        cols += units + C * T * P
        rows += C * K * (T - 1) + C * T + 3 * C * T * P
        nz += 2 * C * K * (T - 1) + C * T * K + C * T * P * (2 * K + 4)

        // Fleets: depot assignments to the sites within the radius; corridor draws at the
        // candidate sites within range behind each arc of the round trip.
        var distanceCache: [Int: [Double]] = [:]
        func distances(_ p: Int) -> [Double] {
            if let d = distanceCache[p] { return d }
            let d = net.distances(from: p)
            distanceCache[p] = d
            return d
        }
        var assign = 0, draws = 0, coverRows = 0, coverTerms = 0
        let maxRange = s.vehicleClasses.map(\.rangeKm).max() ?? 0
        for fleet in s.fleets {
            if choose { cols += T; nz += 2 * T }
            switch fleet.pattern {
            case .depot(let home, let radius):
                guard let h = net.position(of: home) else { continue }
                let d = distances(h)
                let limit = radius * (1 + Network.tieTolerance)
                let sites = candidates.filter { d[$0] <= limit }.count
                assign += sites * T
                rows += T
            case .corridor(let origin, let destination, _):
                guard let o = net.position(of: origin), let d = net.position(of: destination),
                      let path = net.shortestPath(fromPosition: o, toPosition: d, distancesFromOrigin: distances(o), distancesFromDestination: distances(d))
                else { continue }
                let trip = RoundTrip(path: path)
                let range = classOf[fleet.vehicleClass]?.rangeKm ?? maxRange
                let window = trip.candidatesWithinRange(rangeKm: range, isCandidate: candidates.contains)
                let W = trip.arcCount
                coverRows += W * T
                coverTerms += window.reduce(0, +) * T
                draws += window.reduce(0, +) * T
                rows += W * T  // fuel rows, one per cover group at most
            }
        }
        cols += assign + draws
        rows += assign + draws + coverRows + 2 * C * T * P
        nz += 5 * assign + 5 * draws + coverTerms + coverRows + 2 * C * T * P * K

        // Supply links: every source that reaches a site, by every mode it may use, and the
        // on-site electrolyser; per period a volume per pressure, a volume in the curve, and the
        // site's intakes (one binary per site, mode and period, each needing the site open;
        // a plant at the station excludes the other modes).
        var linksPerSite = 0
        for source in s.sources {
            linksPerSite += source.pathway == .ammoniaCrackingStation ? 1 : set.deliveryModes.filter { source.pathway.incompatibility(with: $0) == nil }.count
        }
        if set.onsiteElectrolysis { linksPerSite += 1 }
        let links = C * linksPerSite * T
        let bays = C * (set.deliveryModes.count + (set.onsiteElectrolysis ? 1 : 0) + 1) * T
        cols += links * (P + 1) + bays
        rows += 2 * links + C * T * (1 + P) + 2 * bays
        nz += links * (3 * P + 5) + 6 * bays

        // Central plants: a size class a period (doublings from 250 kg/day to the source's
        // capacity), and the source capacity rows.
        var plants = 0
        for source in s.sources {
            let most = max(250, source.capacityKgPerDay(in: Int.max))
            let sizes = most.isFinite ? Int((_log2(most / 250)).rounded(.up)) + 1 : 64
            plants += 2 * min(sizes, 64) * T
        }
        cols += plants
        rows += 3 * 2 * s.sources.count * T + s.sources.count * T
        nz += 4 * plants + links

        let parts = [
            Part(name: "corridor fuel draws", columns: draws, reduce: "fewer candidate sites along the corridors (candidates.csv) or a larger placement.split_edges_km"),
            Part(name: "supply-link volumes", columns: links * (P + 1), reduce: "fewer delivery modes (placement.delivery_modes), sources or candidate sites"),
            Part(name: "station units", columns: units, reduce: "fewer station sizes (placement.station_sizes_kg_per_day), periods or candidate sites"),
            Part(name: "depot assignments", columns: assign, reduce: "smaller service_radius_km in fleets.csv or fewer candidate sites"),
        ].sorted { $0.columns > $1.columns }
        return PlanningSize(columns: cols, rows: rows, nonzeros: nz, parts: parts)
    }
}

extension RoundTrip {
    /// For every arc t = 1 … 2k, how many walk points before it (cyclically) lie within
    /// `rangeKm` and are candidates: the size of its arc-cover set before duplicates are merged
    /// (an upper bound of it). O(k log k), without building the sets.
    func candidatesWithinRange(rangeKm: Double, isCandidate: (Int) -> Bool) -> [Int] {
        let limit = rangeKm + Self.slack(rangeKm)
        let n = walk.count - 1  // fill points w_0 … w_{2k−1}
        guard n > 0 else { return [] }
        var prefix = [0]
        for s in 0..<n { prefix.append(prefix[s] + (isCandidate(walk[s]) ? 1 : 0)) }
        let total = roundTripKm
        // First index in 0..<end with cumulativeKm ≥ x.
        func firstAtLeast(_ x: Double, _ end: Int) -> Int {
            var lo = 0, hi = end
            while lo < hi { let mid = (lo + hi) / 2; if cumulativeKm[mid] < x { lo = mid + 1 } else { hi = mid } }
            return lo
        }
        var counts: [Int] = []
        for t in 1...n {
            let c = cumulativeKm[t]
            // s < t with c_t − c_s ≤ R; s ≥ t (previous cycle) with c_t + T − c_s ≤ R.
            let lo = firstAtLeast(c - limit, t)
            var count = prefix[t] - prefix[lo]
            let lo2 = max(t, firstAtLeast(c + total - limit, n))
            if lo2 < n { count += prefix[n] - prefix[lo2] }
            counts.append(count)
        }
        return counts
    }
}
