// `h2corridor explain`: every parameter with its value, unit, origin, basis and source.
import ArgumentParser
import H2IO
import H2Model

struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List every parameter of a scenario: value, unit, origin (catalogue, file:line, --set), basis and source.",
        discussion: """
        Writes CSV (key,value,unit,origin,basis,low,high,description,source) to stdout or --out.

        Examples:
          h2corridor explain Models/guizhou-2025
          h2corridor explain Models/zhejiang-2025 --key electricity. \\
            --set electricity.grid_price_cny_per_kwh=0.5
          h2corridor explain none --basis ESTIMATE --out estimates.csv
        """)

    @Argument(help: ArgumentHelp("Scenario folder, or `none` for the catalogue alone.", valueName: "scenario"), completion: .directory)
    var scenario = "Models/guizhou-2025"

    @Option(help: ArgumentHelp("Only keys starting with this prefix.", valueName: "prefix"))
    var key: String?

    @Option(help: ArgumentHelp("Only parameters of this basis: REPORTED, DERIVED or ESTIMATE.", valueName: "basis"))
    var basis: String?

    @Option(help: ArgumentHelp("Output CSV file, or - for stdout.", valueName: "file"), completion: .file())
    var out = "-"

    @OptionGroup var overrides: ScenarioOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        if let basis, Basis(rawValue: basis.uppercased()) == nil {
            throw ValidationError("--basis \(basis): write REPORTED, DERIVED or ESTIMATE")
        }
    }

    func run() throws {
        let loaded = try loadScenario(scenarioDirectory(scenario), overrides)
        let wanted = basis.flatMap { Basis(rawValue: $0.uppercased()) }
        let matching = loaded.parameters.all.filter { value in key.map { value.spec.key.hasPrefix($0) } ?? true }
        if matching.isEmpty, let key {
            printError("error: no parameter starts with \"\(key)\" (h2corridor explain none lists every key)")
            throw ExitCode(Exit.usage)
        }
        let values = matching.filter { value in wanted.map { value.basis == $0 } ?? true }
        var csv = CSVWriter(name: "explain", header: ["key", "value", "unit", "origin", "basis", "low", "high", "ref", "description", "source"])
        for v in values {
            try csv.appendRow([.text(v.spec.key), .number(v.value), .text(v.spec.unit), .text(v.origin.description),
                               .text(v.basis.rawValue), .optional(v.spec.low), .optional(v.spec.high),
                               .text(v.spec.referenceRow ?? ""), .text(v.spec.description), .text(v.source)])
        }
        try writeOutput(csv.bytes(withBOM: output.bom), to: out)
    }
}
