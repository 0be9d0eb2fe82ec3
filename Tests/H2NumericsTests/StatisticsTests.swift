import Testing
@testable import H2Numerics

// Reference values: NumPy 2.4 on this vector — np.percentile(x, q, method="linear") (NumPy's
// default, the same (n − 1)·p interpolation as gsl_stats_quantile_from_sorted_data),
// np.mean, np.var(ddof=1), np.std(ddof=1), np.corrcoef.
private let values = [3.1, -2.0, 7.5, 0.25, 10.0, 4.4, 4.4, -1.0, 8.8, 2.2, 6.0]
private let paired = [1.0, 0.5, 3.0, 2.0, 4.0, 3.5, 2.5, 0.0, 5.0, 1.5, 3.3]

@Test func percentilesMatchNumPyLinear() {
    let ps = [0, 0.05, 0.25, 0.5, 0.9, 0.95, 1]
    let expected = [-2.0, -1.5, 1.225, 4.4, 8.8, 9.4, 10.0]
    for (got, want) in zip(percentiles(of: values, at: ps), expected) {
        #expect(isClose(got, want, absolute: 1e-12))
    }
}

@Test func quantileOfSortedAgreesWithPercentiles() {
    let sorted = values.sorted()
    #expect(isClose(quantile(0.25, ofSorted: sorted), 1.225, absolute: 1e-12))
    #expect(quantile(0.5, ofSorted: [7]) == 7)
}

@Test func momentsMatchNumPy() {
    #expect(isClose(mean(values), 3.9681818181818187, relative: 1e-14))
    #expect(isClose(variance(values), 15.471136363636365, relative: 1e-13))
    #expect(isClose(standardDeviation(values), 3.933336543398793, relative: 1e-13))
    #expect(isClose(correlation(values, paired), 0.8899082614430254, relative: 1e-13))
}

@Test func nanPropagatesInsteadOfBeingDropped() {
    let results = percentiles(of: [1, .nan, 3], at: [0.5, 0.9])
    #expect(results.count == 2 && results.allSatisfy { $0.isNaN })
    #expect(mean([1, .nan]).isNaN)
}
