import Foundation
import Testing
@testable import H2IO

@Suite struct JSONValueTests {
    @Test func prettyOutputKeepsCallerOrder() throws {
        let manifest: JSONValue = [
            "version": "0.1.0",
            "seed": 42,
            "inputs": .sortedObject(["nodes.csv": "ab", "edges.csv": "cd"]),
            "lcoh": 35.5,
            "flags": [true, false, nil],
            "empty": [:],
            "none": [],
        ]
        let expected = """
            {
              "version": "0.1.0",
              "seed": 42,
              "inputs": {
                "edges.csv": "cd",
                "nodes.csv": "ab"
              },
              "lcoh": 35.5,
              "flags": [
                true,
                false,
                null
              ],
              "empty": {},
              "none": []
            }

            """
        #expect(try manifest.rendered() == expected)
        #expect(try manifest.rendered(pretty: false)
            == #"{"version":"0.1.0","seed":42,"inputs":{"edges.csv":"cd","nodes.csv":"ab"},"lcoh":35.5,"flags":[true,false,null],"empty":{},"none":[]}"#)
    }

    @Test func escapesControlCharactersAndKeepsChineseReadable() throws {
        let value: JSONValue = ["name": "贵阳 \"站\"\\\n\t\r\u{01}\u{1F}\u{08}\u{0C}\u{2028}/é"]
        let text = try value.rendered(pretty: false)
        #expect(text == #"{"name":"贵阳 \"站\"\\\n\t\r\u0001\u001f\b\f\u2028/é"}"#)
        // an independent parser reads back the same string
        let parsed = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: String]
        #expect(parsed?["name"] == "贵阳 \"站\"\\\n\t\r\u{01}\u{1F}\u{08}\u{0C}\u{2028}/é")
    }

    @Test func numbersUseShortestRoundTripAndNaNIsRefused() throws {
        let value: JSONValue = .array([.number(5), .number(0.1 + 0.2), .number(1e-7), .number(-26.65), .integer(-3)])
        #expect(try value.rendered(pretty: false) == "[5,0.30000000000000004,1e-7,-26.65,-3]")
        // valid JSON for an independent parser (whose own decimal conversion is not exact on
        // Linux: it reads 0.30000000000000004 as 0.3000000000000001, so values are checked below)
        let parsed = try JSONSerialization.jsonObject(with: Data(try value.rendered().utf8)) as? [Any]
        #expect(parsed?.count == 5)
        let numbers = try value.rendered(pretty: false).dropFirst().dropLast().split(separator: ",").map { Double($0) }
        #expect(numbers == [5, 0.1 + 0.2, 1e-7, -26.65, -3])
        let error = #expect(throws: OutputError.self) { let bad: JSONValue = ["coordinates": [.number(.nan)]]; _ = try bad.rendered() }
        #expect(error?.kind == .nonFiniteNumber)
        #expect(error?.path == "$.coordinates[0]")
    }
}
