// A value axis with ticks at "nice" steps (1, 2 or 5 × 10^k), computed with + − × ÷ only so
// that the ticks, and so the SVG bytes, are the same on every platform.

struct ChartAxis: Equatable {
    /// The drawn range: the data range widened to whole steps.
    let lower: Double
    let upper: Double
    let step: Double
    let ticks: [Double]
    /// Digits after the point that tick labels need for this step.
    let decimals: Int

    /// An axis covering `low...high` (any order; non-finite ends are treated as 0) with about
    /// `targetTicks` intervals. An empty range (all values equal) is widened so it still has
    /// ticks: to 0...1 around zero, else by 10 % of the value on each side.
    init(covering low: Double, _ high: Double, targetTicks: Int = 6) {
        var low = low.isFinite ? low : 0
        var high = high.isFinite ? high : 0
        if low > high { swap(&low, &high) }
        if high - low <= 0 {
            if low == 0 {
                high = 1
            } else {
                let pad = abs(low) * 0.1
                (low, high) = (low - pad, high + pad)
            }
        }
        // A span beyond Double's range (±1e308 inputs) cannot be drawn meaningfully.
        if !(high - low).isFinite { (low, high) = (0, 1) }
        let raw = (high - low) / Double(max(1, targetTicks))
        var power = 1.0
        var exponent = 0
        while power * 10 <= raw { power *= 10; exponent += 1 }
        while power > raw { power /= 10; exponent -= 1 }
        var step = power * 10
        for factor in [1.0, 2.0, 5.0] where power * factor >= raw {
            step = power * factor
            break
        }
        if step >= power * 10 { exponent += 1 }
        // Ranges near the limits of Double (denormals) would give a zero step: fall back to 1.
        if !(step > 0) || !step.isFinite { (step, exponent) = (1, 0) }
        let firstIndex = (low / step).rounded(.down)
        let lastIndex = (high / step).rounded(.up)
        self.step = step
        self.lower = firstIndex * step
        self.upper = lastIndex * step
        var ticks: [Double] = []
        var index = firstIndex
        while index <= lastIndex {
            ticks.append(index * step)
            index += 1
        }
        self.ticks = ticks
        self.decimals = max(0, -exponent)
    }

    /// Pixel position of `value` when `lower` sits at `start` and `upper` at `end`.
    func position(_ value: Double, start: Double, end: Double) -> Double {
        start + (value - lower) / (upper - lower) * (end - start)
    }

    func tickLabel(_ value: Double) -> String { fixedDecimals(value, decimals) }
}
