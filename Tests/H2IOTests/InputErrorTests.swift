import Testing
@testable import H2IO

@Suite struct InputErrorTests {
    @Test func rendersFileLineRowFieldMessageAndFix() {
        let error = InputError(
            file: "Models/x/nodes.csv", line: 7, row: 6, field: "lat", message: "\"abc\" is not a number",
            fix: "write a decimal number with \".\" as separator, e.g. 26.65")
        #expect(error.description
            == "Models/x/nodes.csv:7 (row 6, field \"lat\"): \"abc\" is not a number. Fix: write a decimal number with \".\" as separator, e.g. 26.65")
    }

    @Test func rendersWithoutOptionalParts() {
        #expect(InputError(file: "a.csv", message: "file not found").description == "a.csv: file not found")
        #expect(InputError(file: "s.toml", line: 3, column: 9, message: "bad.", fix: "x").description == "s.toml:3:9: bad. Fix: x")
        #expect(InputError(file: "s.toml", line: 3, field: "finance.rate", message: "m").description == "s.toml:3 (field \"finance.rate\"): m")
    }

    @Test func collectsEveryProblem() throws {
        let table = CSVTable(file: "n.csv", header: ["id", "lat", "lon"], rows: [["a", "x", "1"], ["b", "2", "y"], ["c", "3", "4"]])
        var problems = InputErrors()
        var sum = 0.0
        for row in table.rows.indices {
            sum += try problems.check { try table.double(row, "lat") } ?? 0
            sum += try problems.check { try table.double(row, "lon") } ?? 0
        }
        #expect(sum == 1 + 2 + 3 + 4)
        #expect(problems.count == 2)
        #expect(problems.map(\.row) == [1, 2])
        #expect(problems.map(\.field) == ["lat", "lon"])
        #expect(problems.description.hasSuffix("\n2 problems found."))
        #expect(throws: InputErrors.self) { try problems.throwIfAny() }
        #expect(throws: Never.self) { try InputErrors().throwIfAny() }
    }
}
