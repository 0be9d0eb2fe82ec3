// The progress bar's line fits the terminal at any width (issue 11: 16 stacked partial lines
// at 50 columns).
import Testing
@testable import h2corridor

@Suite struct ProgressLineTests {
    @Test(arguments: [20, 30, 50, 80, 200])
    func lineFitsTheWidth(columns: Int) {
        for done in [0, 1, 999, 5000, 10000] {
            let line = ProgressBar.line(label: "montecarlo", done: done, total: 10000, elapsed: 12.5, columns: columns)
            #expect(line.count <= columns - 1, "\(columns): \(line)")
            #expect(line.hasPrefix("montecarlo"))
            #expect(line.contains("\(done)/10000") || columns < 22)
        }
    }

    @Test func barShrinksThenTimesGo() {
        let wide = ProgressBar.line(label: "sobol", done: 50, total: 100, elapsed: 10, columns: 120)
        #expect(wide == "sobol [###############---------------] 50/100  10.0 s, ~10 s left")
        let narrow = ProgressBar.line(label: "sobol", done: 50, total: 100, elapsed: 10, columns: 50)
        #expect(narrow.contains("s left") && narrow.count == 49)
        let tiny = ProgressBar.line(label: "sobol", done: 50, total: 100, elapsed: 10, columns: 30)
        #expect(tiny == "sobol [#########----------] 50/100" || !tiny.contains("left"))
    }
}
