// Bounded work, checked before any computing (issue 12). Every sensitivity request is sized —
// rows (model evaluations), the memory they need and the bytes they write — and refused when
// over a documented limit, with the size and how to split it. The memory formulas are
// measured on the release build (Benchmarks/memory.sh prints the figures behind them).
//
// Limits:
// - memory: 2 GiB by default; `--max-memory` raises (or lowers) it.
// - values on one grid axis: 1,000,000.
// - rows one process computes (the whole run, or one shard): 100,000,000. At the fixed
//   placement's 17,000 evaluations a second on 2 cores that is 1.6 hours; more goes into
//   shards, which any number of machines compute.
//
// Memory (bytes) of each command, for R rows in this process, D varied parameters, O outputs:
// - sweep, montecarlo (streamed in blocks): `baseline` + `block`; unsharded montecarlo adds
//   16 B a sample for the percentile pass (one output at a time: the numbers and their sorted
//   copy). A sweep's grid takes 8 B per axis value; a case table 8 B a cell plus 40 B a row.
// - sobol (the Saltelli matrices and every row in memory, since the indices need all of
//   them): `baseline` + R × (D + O + 1) × 170 B + R × D × 8 B for the design points
//   (measured, 15 parameters: 73 MB at N = 1,024, 401 MB at N = 8,192 — 2.8 KB a row, the
//   formula 3.0 KB).
// - merge of montecarlo shards: `baseline` + 16 B a sample (streamed); of sobol shards: as
//   sobol.
// - tornado (rows in memory): `baseline` + R × (3 + O) × 200 B.
// - any of them with `--reoptimize` (every row re-plans): the above, plus one plan's working
//   set for each of the J = min(--jobs, R) threads (each builds its link costs, curves and
//   MILP at once; CBC's lock on its driver does not save the rest). Measured on the release
//   build (`/usr/bin/time -f %M`, `sweep Models/guizhou-2025 --grid
//   finance.discount_rate_pct=6,8 --reoptimize`): 108.9 MB with --jobs 1, 160.9 MB with
//   --jobs 2, so 52 MB a concurrent plan, 3.25 × the MILP's PlanningSize estimate (16 MB);
//   the working set is taken as 3.25 × that estimate (the estimate with J = 1 is 120 MB, with
//   J = 2 172 MB). The MILP is the largest of the scenarios the run plans (the base, and one
//   per setting choice of a sweep). A re-planned run also may not exceed 10,000 rows in one
//   process (Guizhou re-plans in about 13 s of CPU, so that is 36 CPU-hours; more goes into
//   shards).


public struct WorkEstimate: Sendable, Equatable {
    /// Rows computed by this process.
    public var rows: Int
    /// Memory, bytes.
    public var bytes: Double
    /// Whether `--shard` reduces this process's memory (it does unless the command needs every
    /// row at once for its summary and is run whole).
    public var shardable: Bool
    /// Set when every row re-plans (`--reoptimize`): the MILP each plan solves.
    public var replanning: Replanning?

    public init(rows: Int, bytes: Double, shardable: Bool, replanning: Replanning? = nil) {
        self.rows = rows
        self.bytes = bytes
        self.shardable = shardable
        self.replanning = replanning
    }

    public struct Replanning: Sendable, Equatable {
        /// The largest planning MILP of the run.
        public var milp: PlanningSize
        /// Threads that plan at once.
        public var threads: Int
        /// One plan's working set (measured: 3.25 × the MILP's estimate; see the top).
        public var planBytes: Double { 3.25 * (milp.bytes - WorkLimits.baseline) }
        /// Memory of the plans alive at once, bytes.
        public var bytes: Double { Double(threads) * planBytes }
    }

    /// This estimate for a run that re-plans every row on `jobs` threads: the largest MILP of
    /// `scenarios` (the base, and one per setting choice of a sweep), planned on min(`jobs`,
    /// rows) threads at once.
    public func replanning(_ scenarios: [PlanningScenario], jobs: Int) -> WorkEstimate {
        precondition(!scenarios.isEmpty, "no scenario to re-plan")
        let milp = scenarios.map(PlanningSize.estimate).max { $0.bytes < $1.bytes }!
        let r = Replanning(milp: milp, threads: max(1, min(jobs, rows)))
        return WorkEstimate(rows: rows, bytes: bytes + r.bytes, shardable: shardable, replanning: r)
    }
}

public enum WorkLimits {
    public static let defaultMemoryBytes: Double = 2 * 1_073_741_824
    public static let maximumRowsPerProcess = 100_000_000
    /// Rows one process may re-plan (`--reoptimize`): each is a planning MILP of seconds.
    public static let maximumReplansPerProcess = 10_000
    /// Values one `--grid` key may take (8 MB of them); more is a typing slip, not a sweep.
    public static let maximumGridAxisValues = 1_000_000
    /// Resident memory of the tool with a scenario loaded (the base plan's MILP is counted by
    /// PlanningSize). Measured peaks of fixed-placement montecarlo on Guizhou, release build,
    /// base plan included: 104.8 MB at 10⁴ samples, 105.9 at 10⁵, 105.1 at 10⁶ (Benchmarks/memory.sh).
    public static let baseline: Double = 64 * 1_048_576
    /// One streamed block of rows with its formatted cells (4096 rows).
    public static func block(cellsPerRow: Int) -> Double { 4096 * Double(cellsPerRow) * 200 }

    public static func monteCarlo(rows: Int, parameters: Int, outputs: Int, whole: Bool) -> WorkEstimate {
        WorkEstimate(rows: rows, bytes: baseline + block(cellsPerRow: 1 + parameters + outputs) + (whole ? 16 * Double(rows) : 0), shardable: true)
    }

    public static func sweep(rows: Int, parameters: Int, outputs: Int, designBytes: Double) -> WorkEstimate {
        WorkEstimate(rows: rows, bytes: baseline + block(cellsPerRow: parameters + outputs) + designBytes, shardable: true)
    }

    public static func sobol(rows: Int, parameters: Int, outputs: Int) -> WorkEstimate {
        WorkEstimate(rows: rows, bytes: baseline + Double(rows) * (Double(parameters + outputs + 1) * 170 + Double(parameters) * 8), shardable: true)
    }

    /// A tornado: its few rows (two per parameter) in memory.
    public static func tornado(rows: Int, outputs: Int) -> WorkEstimate {
        WorkEstimate(rows: rows, bytes: baseline + Double(rows) * Double(3 + outputs) * 200, shardable: true)
    }

    /// Nil when within the limits; otherwise what is too large and how to split it. `what`
    /// names the request ("montecarlo --samples 100000000"), `total` the whole run's rows.
    public static func problem(_ what: String, _ estimate: WorkEstimate, totalRows: Int, memoryLimit: Double) -> String? {
        let rowLimit = estimate.replanning == nil ? maximumRowsPerProcess : maximumReplansPerProcess
        let rowsOver = estimate.rows > rowLimit
        let memoryOver = estimate.bytes > memoryLimit
        guard rowsOver || memoryOver else { return nil }
        // The MILPs do not shrink with the rows a shard computes: only the rest is per row.
        let fixed = baseline + (estimate.replanning?.bytes ?? 0)
        let perRow = estimate.rows > 0 ? max(1, (estimate.bytes - fixed) / Double(estimate.rows)) : 1
        var shards = Int((Double(totalRows) / Double(rowLimit)).rounded(.up))
        let shardsHelpMemory = memoryLimit > fixed
        if memoryOver && shardsHelpMemory {
            shards = max(shards, Int((Double(totalRows) * perRow / (memoryLimit - fixed)).rounded(.up)))
        }
        var text = "\(what): \(formatCount(estimate.rows)) rows in one process"
        text += memoryOver ? " need about \(formatBytes(estimate.bytes)) of memory, over the limit of \(formatBytes(memoryLimit))"
                           : " are over the limit of \(formatCount(rowLimit))\(estimate.replanning == nil ? "" : " re-planned rows") per process"
        if let r = estimate.replanning {
            let m = r.milp
            text += ". Every row re-plans: a planning MILP of about \(formatCount(m.columns)) variables, \(formatCount(m.rows)) constraints and \(formatCount(m.nonzeros)) nonzeros"
            text += " (about \(formatBytes(r.planBytes)) a plan), \(r.threads) at once on --jobs \(r.threads): \(formatBytes(r.bytes))"
            if memoryOver && r.threads > 1 { text += "; fewer --jobs hold fewer of them" }
        }
        if estimate.shardable && (rowsOver || shardsHelpMemory) {
            text += "; split the run with --shard k/N for k = 1…N, N ≥ \(max(2, shards)), and combine the folders with h2corridor merge"
        }
        if memoryOver { text += ", or raise the limit with --max-memory (e.g. --max-memory \(String(formatBytes(estimate.bytes * 1.25).filter { $0 != " " })))" }
        return text
    }

    /// "2 GB", "512 MB" (binary units, one decimal below 10).
    public static func formatBytes(_ bytes: Double) -> String {
        let units: [(String, Double)] = [("TB", 1_099_511_627_776), ("GB", 1_073_741_824), ("MB", 1_048_576), ("KB", 1024)]
        for (unit, size) in units where bytes >= size {
            let x = bytes / size
            return x < 10 ? "\(formatNumber((x * 10).rounded(.up) / 10)) \(unit)" : "\(Int(x.rounded(.up))) \(unit)"
        }
        return "\(Int(bytes)) B"
    }

    /// "100,000,000".
    public static func formatCount(_ n: Int) -> String {
        let digits = Array(String(n))
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out += "," }
            out.append(c)
        }
        return out
    }

    /// Parses a memory size: a number with an optional K, M, G or T suffix (binary), e.g.
    /// "4G", "512M", "1.5G"; nil when it is not one.
    public static func parseBytes(_ text: String) -> Double? {
        var body = Substring(text.uppercased())
        if body.hasSuffix("B") { body = body.dropLast() }
        var factor = 1.0
        if let last = body.last, let f = ["K": 1024.0, "M": 1_048_576, "G": 1_073_741_824, "T": 1_099_511_627_776][String(last)] {
            factor = f
            body = body.dropLast()
        }
        guard let x = Double(body), x.isFinite, x > 0 else { return nil }
        return x * factor
    }
}
