// File-layer benchmarks: CSV reading and writing at sample-file scale, number formatting,
// SHA-256 throughput.
import H2IO
import H2Model

let ioBenchmarkGroup: (String, @Sendable () -> Void) = ("io", {
    var text = "id,name,lat,lon,capacity_kg_per_day\n"
    for i in 0..<100_000 {
        text += "N\(i),\"Node \(i), 贵州\",\(26 + Double(i % 1000) * 0.001),\(106 + Double(i % 777) * 0.01),\(i % 3 * 500 + 500)\n"
    }
    let megabytes = Double(text.utf8.count) / 1e6
    report(measure("CSV parse 1e5 rows (\(Int(megabytes * 10) / 10) MB)", rounds: 5, iterationsPerRound: 1) {
        let table = try! CSVTable(parsing: text, file: "bench.csv")
        return try! table.double(99_999, "lat")
    }, target: "well under 1 s")
    let table = try! CSVTable(parsing: text, file: "bench.csv")
    report(measure("CSV typed read 1e5 rows × 3 numbers", rounds: 5, iterationsPerRound: 1) {
        var sum = 0.0
        for row in table.rows.indices {
            sum += try! table.double(row, "lat") + table.double(row, "lon") + Double(table.int(row, "capacity_kg_per_day"))
        }
        return sum
    })
    report(measure("CSV write 1e5 rows × 5 cells", rounds: 5, iterationsPerRound: 1) {
        var writer = CSVWriter(name: "bench.csv", header: ["id", "name", "lat", "lon", "capacity_kg_per_day"])
        for i in 0..<100_000 {
            try! writer.appendRow([.text("N\(i)"), .text("Node \(i), 贵州"), .number(26 + Double(i) * 1e-5), .number(106.5), .integer(i)])
        }
        return Double(writer.csvText.utf8.count)
    })
    var value = 0.1
    report(measure("formatNumber", rounds: 15, iterationsPerRound: 100_000) {
        value += 1.000001
        return Double(formatNumber(value).utf8.count)
    })
    let bytes = [UInt8](repeating: 0x61, count: 4_000_000)
    let hash = measure("SHA-256 of 4 MB", rounds: 5, iterationsPerRound: 1) { Double(SHA256.hash(bytes)[0]) }
    report(hash, target: "\(Int(4.0 / (hash.medianNanoseconds / 1e9))) MB/s")
})
