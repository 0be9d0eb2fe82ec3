// Exit code 64 (DESIGN §4): a wrong option names the option and says how to write it, and a
// failed run writes nothing.
import Foundation
import Testing

/// A command line that must be refused as a usage error.
struct UsageCase: Sendable, CustomTestStringConvertible {
    var name: String
    var arguments: [String]
    /// Fragments the message must contain: the option or key at fault, and the fix.
    var mentions: [String]
    var testDescription: String { name }
}

let usageCases: [UsageCase] = [
    UsageCase(name: "unknown --production", arguments: ["--production", "fusion"],
              mentions: ["--production", "fusion", "byproduct", "onsite-electrolysis"]),
    UsageCase(name: "unknown --delivery", arguments: ["--delivery", "teleport"],
              mentions: ["--delivery", "teleport", "tube-trailer-20", "pipeline"]),
    UsageCase(name: "negative distance", arguments: ["--distance-km=-5"], mentions: ["--distance-km", "0 km or more"]),
    UsageCase(name: "zero capacity", arguments: ["--station-kg-per-day", "0"],
              mentions: ["--station-kg-per-day", "greater than 0"]),
    UsageCase(name: "utilisation above 1", arguments: ["--utilisation", "1.5"], mentions: ["--utilisation", "(0, 1]"]),
    UsageCase(name: "utilisation 0 (American spelling)", arguments: ["--utilization", "0"], mentions: ["--utilisation", "(0, 1]"]),
    UsageCase(name: "both spellings", arguments: ["--utilisation", "0.5", "--utilization", "0.5"], mentions: ["give it once"]),
    UsageCase(name: "pressure 50 MPa", arguments: ["--pressure-mpa", "50"], mentions: ["--pressure-mpa", "35 or 70"]),
    UsageCase(name: "on-site electrolysis with a trailer",
              arguments: ["--production", "onsite-electrolysis", "--delivery", "tube-trailer-20"],
              mentions: ["--delivery", "onsite-electrolysis", "use --delivery none"]),
    UsageCase(name: "station cracker fed by liquid hydrogen",
              arguments: ["--production", "ammonia-cracking-station", "--delivery", "liquid"],
              mentions: ["--delivery", "use --delivery ammonia-tanker"]),
    UsageCase(name: "ammonia tanker for by-product hydrogen",
              arguments: ["--production", "byproduct", "--delivery", "ammonia-tanker"],
              mentions: ["ammonia-tanker", "use --production ammonia-cracking-station"]),
    UsageCase(name: "delivery none for a central plant",
              arguments: ["--production", "grid-electrolysis", "--delivery", "none"],
              mentions: ["--delivery", "only on-site electrolysis"]),
    UsageCase(name: "--compare with --production", arguments: ["--compare", "--production", "byproduct"],
              mentions: ["--compare", "drop --production"]),
    UsageCase(name: "--set unknown key", arguments: ["--set", "no.such_key=1"],
              mentions: ["--set", "no.such_key", "h2corridor explain"]),
    UsageCase(name: "--set misspelt key", arguments: ["--set", "electricity.grid_prise_cny_per_kwh=0.5"],
              mentions: ["electricity.grid_prise_cny_per_kwh", "Did you mean electricity.grid_price_cny_per_kwh?"]),
    UsageCase(name: "--set key in the wrong table", arguments: ["--set", "station.grid_price_cny_per_kwh=0.5"],
              mentions: ["station.grid_price_cny_per_kwh", "Did you mean electricity.grid_price_cny_per_kwh?"]),
    UsageCase(name: "--set text value", arguments: ["--set", "electricity.grid_price_cny_per_kwh=abc"],
              mentions: ["electricity.grid_price_cny_per_kwh=abc", "not a number", "Fix: write a decimal number"]),
    UsageCase(name: "--set decimal comma", arguments: ["--set", "electricity.grid_price_cny_per_kwh=0,5"],
              mentions: ["0,5", "Fix: write \".\" as the decimal separator"]),
    UsageCase(name: "--set negative price", arguments: ["--set", "electricity.grid_price_cny_per_kwh=-1"],
              mentions: ["electricity.grid_price_cny_per_kwh=-1", "must be at least 0", "Fix: give a value ≥ 0"]),
    UsageCase(name: "--set nan", arguments: ["--set", "electricity.grid_price_cny_per_kwh=nan"],
              mentions: ["electricity.grid_price_cny_per_kwh=nan", "not a finite number", "Fix"]),
    UsageCase(name: "--set fractional years", arguments: ["--set", "finance.operating_years=10.5"],
              mentions: ["finance.operating_years", "whole number"]),
    UsageCase(name: "--set empty value", arguments: ["--set", "electricity.grid_price_cny_per_kwh="],
              mentions: ["electricity.grid_price_cny_per_kwh", "empty", "Fix"]),
    UsageCase(name: "--set without =", arguments: ["--set", "electricity.grid_price_cny_per_kwh"],
              mentions: ["--set electricity.grid_price_cny_per_kwh", "expected key=value", "e.g. --set"]),
    UsageCase(name: "--set same key twice",
              arguments: ["--set", "electricity.grid_price_cny_per_kwh=0.4", "--set", "electricity.grid_price_cny_per_kwh=0.5"],
              mentions: ["electricity.grid_price_cny_per_kwh", "set twice", "keep one"]),
]

@Suite("Usage errors exit 64")
struct UsageErrorTests {
    @Test(arguments: usageCases)
    func costRefusesTheCommandLine(_ c: UsageCase) throws {
        let folder = TemporaryFolder()
        let result = try CLI.run(["cost", "--scenario", CLI.model("guizhou-2025"), "--out", "result.csv"] + c.arguments, in: folder)
        #expect(result.exitCode == 64, "\(result.stderr)")
        for fragment in c.mentions {
            #expect(result.stderr.contains(fragment), "stderr lacks \"\(fragment)\":\n\(result.stderr)")
        }
        #expect(result.stdout.isEmpty)
        #expect(folder.listing.isEmpty, "a refused run wrote \(folder.listing)")
    }

    /// `--set` is shared by every command that reads a scenario.
    @Test(arguments: ["validate", "explain"])
    func otherCommandsRefuseABadSet(_ command: String) throws {
        let folder = TemporaryFolder()
        let result = try CLI.run([command, CLI.model("zhejiang-2025"), "--set", "electricity.grid_prise_cny_per_kwh=0.5"], in: folder)
        #expect(result.exitCode == 64, "\(result.stderr)")
        #expect(result.stderr.contains("Did you mean electricity.grid_price_cny_per_kwh?"))
        #expect(folder.listing.isEmpty)
    }

    @Test func unknownSubcommandIsAUsageError() throws {
        let result = try CLI.run(["costs"])
        #expect(result.exitCode == 64)
        #expect(result.stderr.contains("costs"))
    }

    /// An inconsistency a `--set` creates is the command line's fault: it should name the `--set`
    /// (not scenario.toml, which is fine) and exit 64 like every other bad `--set`.
    @Test func inconsistentSetNamesTheSet() throws {
        let folder = TemporaryFolder()
        let result = try CLI.run(["cost", "--scenario", CLI.model("guizhou-2025"), "--out", "result.csv",
                                  "--set", "electricity.tou_flat_hours=8"], in: folder)
        #expect(result.exitCode != 0)
        #expect(result.stderr.contains("24"))
        #expect(folder.listing.isEmpty)
        #expect(result.exitCode == 64)
        #expect(result.stderr.contains("--set"))
        #expect(!result.stderr.contains("scenario.toml"))
    }
}
