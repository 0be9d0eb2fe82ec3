// h2bench: on-demand benchmarks (`swift run -c release h2bench [group...]`).
// Groups register themselves in `benchmarkGroups`; with no argument every group runs.
let requested = Set(CommandLine.arguments.dropFirst())
for (name, run) in benchmarkGroups where requested.isEmpty || requested.contains(name) {
    print("== \(name)")
    run()
}
