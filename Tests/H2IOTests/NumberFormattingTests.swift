import Testing
import H2Numerics
@testable import H2IO
@testable import H2Model

@Suite struct NumberFormattingTests {
    @Test(arguments: [
        (5.0, "5"), (-1200.0, "-1200"), (0.1, "0.1"), (26.65, "26.65"), (-26.65, "-26.65"), (1234.5, "1234.5"),
        (0.1 + 0.2, "0.30000000000000004"), (0.0, "0"), (-0.0, "0"), (100.0, "100"),
        (1e-6, "0.000001"), (2.5e-5, "0.000025"), (0.0001, "0.0001"), (9.99e-7, "9.99e-7"), (1e-7, "1e-7"),
        (123456789012345.0, "123456789012345"), (999999999999999.0, "999999999999999"), (1e15, "1e15"),
        (1.5e20, "1.5e20"), (1e300, "1e300"), (Double.leastNonzeroMagnitude, "5e-324"),
        (Double.greatestFiniteMagnitude, "1.7976931348623157e308"), (1.0 / 3.0, "0.3333333333333333"),
        (35.0, "35"), (0.05, "0.05"), (2e14, "200000000000000"),
    ])
    func knownValues(value: Double, expected: String) {
        #expect(formatNumber(value) == expected)
    }

    /// Every finite bit pattern class: random bits cover subnormals, huge and tiny values.
    @Test func randomBitPatternsRoundTrip() {
        var generator = SplitMix64(seed: 0x5EED)
        var checked = 0
        while checked < 50_000 {
            let value = Double(bitPattern: generator.next())
            guard value.isFinite else { continue }
            checkRoundTrip(value)
            checked += 1
        }
    }

    /// Values of the sizes results have: ¥/kg, km, kg/day, capex in ¥.
    @Test func randomEverydayValuesRoundTrip() {
        var generator = SplitMix64(seed: 42)
        for _ in 0..<50_000 {
            let exponent = Double(generator.next() % 2200) / 100 - 7  // 1e-7 … 1e15
            let mantissa = Double(generator.next() >> 11) / Double(1 << 53) + 0.5
            let value = (generator.next() & 1 == 0 ? 1 : -1) * mantissa * pow10(exponent)
            checkRoundTrip(value)
        }
        for cents in 0..<20_000 {  // prices with two decimals, as typed
            checkRoundTrip(Double(cents) / 100)
        }
    }

    func checkRoundTrip(_ value: Double) {
        let text = formatNumber(value)
        #expect(Double(text) == value, "\(value) → \(text)")
        let magnitude = abs(value)
        let plainRange = magnitude >= 1e-6 && magnitude < 1e15
        #expect(text.contains("e") == !plainRange || value == 0, "\(value) → \(text)")
        #expect(!text.hasSuffix(".0") && !text.contains("+") && !text.hasSuffix("."), "\(value) → \(text)")
        // shortest: as many significant digits as Swift's shortest representation
        let significant = text.split(separator: "e")[0].filter(\.isNumber).drop { $0 == "0" }
        let reference = value.description.split(separator: "e")[0].filter(\.isNumber).drop { $0 == "0" }
        #expect(trimZeros(significant) == trimZeros(reference), "\(value) → \(text)")
    }

    func trimZeros(_ digits: Substring) -> Substring {
        var digits = digits
        while digits.last == "0" { digits = digits.dropLast() }
        return digits
    }

    func pow10(_ exponent: Double) -> Double {
        var result = 1.0
        let whole = Int(exponent.rounded(.down))
        for _ in 0..<abs(whole) { result = whole < 0 ? result / 10 : result * 10 }
        return result * (1 + (exponent - Double(whole)) * 9)
    }
}

