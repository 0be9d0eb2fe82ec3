// Every benchmark group, by name. Each group lives in its own file.
let benchmarkGroups: [(String, @Sendable () -> Void)] = [
    numericsBenchmarkGroup,
    financeBenchmarkGroup,
    ioBenchmarkGroup,
    pathwayBenchmarkGroup,
    flagshipBenchmarkGroup,
    planningModelGroup,
    monotonicityGroup,
    sensitivityBenchmarkGroup,
    placementBenchmarkGroup,
    backendBenchmarkGroup,
    scaleBenchmarkGroup,
    sobolBenchmarkGroup,
]
