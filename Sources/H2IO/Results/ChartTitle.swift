// Titles that fit the canvas (issue 11: the Zhejiang cost chart's title ran off the right edge).

/// `text` at a font size that fits `width`: the size shrinks down to 70 % of `size`, and only
/// then is the text shortened with "…". Bold text is taken as 10 % wider than the estimate.
func fittedTitle(_ text: String, width: Double, size: Double) -> (text: String, size: Double) {
    let boldFactor = 1.1
    let natural = estimatedTextWidth(text, fontSize: size) * boldFactor
    guard natural > width, width > 0 else { return (text, size) }
    let smallest = size * 0.7
    let shrunk = max(smallest, (size * width / natural * 10).rounded(.down) / 10)
    if estimatedTextWidth(text, fontSize: shrunk) * boldFactor <= width { return (text, shrunk) }
    return (fitted(text, width: width / boldFactor, fontSize: shrunk), shrunk)
}

extension SVGBuilder {
    /// The chart's bold title line at (x, y), fitted to `width`.
    mutating func title(_ text: String, x: Double, y: Double, size: Double, width: Double) {
        let fit = fittedTitle(text, width: width, size: size)
        label(fit.text, x: x, y: y, size: fit.size, fill: "#111827", weight: "bold", extra: [("class", "title")])
    }
}
