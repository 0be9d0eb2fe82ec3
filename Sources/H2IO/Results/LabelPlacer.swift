// Greedy label placement for the map (issue 11): each label tries candidate positions around
// its point, nearest first, and takes the first one inside the frame that collides with no
// label placed before it (and, if it can, with no marker). Collisions are found through a
// uniform grid of buckets, so each test looks at the few boxes near the candidate: placing n
// labels costs O(n) tests of a bounded number of candidates when labels are not piled up, never
// the O(n²) of comparing every pair.

/// Where a label's text goes and the box it covers.
struct LabelSpot {
    var x: Double
    var y: Double
    var anchor: String
    var box: PlotBox
    /// True when the label sits away from its point (a leader line shows which point it names).
    var displaced: Bool
}

struct LabelPlacer {
    let frame: PlotBox
    /// Bucket side in pixels: about one label's height times three, so a box touches few buckets.
    private let cell = 36.0
    private var labelBuckets: [Int: [Int]] = [:]
    private var markerBuckets: [Int: [Int]] = [:]
    private(set) var labels: [PlotBox] = []
    private var markers: [(box: PlotBox, round: Bool)] = []

    init(frame: PlotBox) { self.frame = frame }

    /// A marker that labels should keep clear of: a square filling `box`, or (`round`) the
    /// circle inscribed in it, whose corners a label may use.
    mutating func addMarker(_ box: PlotBox, round: Bool = false) {
        markers.append((box, round))
        for key in keys(box) { markerBuckets[key, default: []].append(markers.count - 1) }
    }

    /// Places `text` near `p`. A `required` label (a station's name) always gets a spot clear of
    /// other labels when one exists within about fifteen lines of its point, preferring spots clear
    /// of markers; an optional one (a corridor name) is dropped unless it fits next to its point
    /// without touching anything.
    mutating func place(_ text: String, at p: (x: Double, y: Double), gap: Double, fontSize: Double, required: Bool) -> LabelSpot? {
        let width = estimatedTextWidth(text, fontSize: fontSize)
        let rings = required ? 16 : 1
        var fallback: LabelSpot?
        for ring in 0..<rings {
            let distance = gap + Double(ring) * fontSize * 0.9
            for candidate in candidates(width: width, at: p, gap: distance, fontSize: fontSize, displaced: ring > 0) {
                guard frame.contains(candidate.box), !collides(candidate.box, labelBuckets, labels) else { continue }
                if !collides(candidate.box, markerBuckets, markers) {
                    accept(candidate)
                    return candidate
                }
                if required && fallback == nil { fallback = candidate }
            }
            // Over a marker next to the point reads better than far away in the clear; a few
            // steps out, with its leader line, reads better than over another station.
            if ring == min(rings, Self.ringsBeforeOverlap) - 1, let spot = fallback {
                accept(spot)
                return spot
            }
        }
        if let spot = fallback {
            accept(spot)
            return spot
        }
        return nil
    }

    private mutating func accept(_ spot: LabelSpot) {
        labels.append(spot.box)
        for key in keys(spot.box) { labelBuckets[key, default: []].append(labels.count - 1) }
    }

    /// Right, left, above, below, then the four diagonals.
    private func candidates(width w: Double, at p: (x: Double, y: Double), gap: Double, fontSize: Double, displaced: Bool) -> [LabelSpot] {
        let ascent = fontSize * 0.8, descent = fontSize * 0.25
        let middle = p.y + fontSize * 0.35
        let diagonal = gap * 0.75
        func spot(_ x: Double, _ baseline: Double, _ anchor: String) -> LabelSpot {
            let minX = anchor == "start" ? x : anchor == "end" ? x - w : x - w / 2
            return LabelSpot(x: x, y: baseline, anchor: anchor,
                             box: PlotBox(minX: minX, minY: baseline - ascent, maxX: minX + w, maxY: baseline + descent), displaced: displaced)
        }
        return [
            spot(p.x + gap, middle, "start"),
            spot(p.x - gap, middle, "end"),
            spot(p.x, p.y - gap - descent, "middle"),
            spot(p.x, p.y + gap + ascent, "middle"),
            spot(p.x + diagonal, p.y - diagonal - descent, "start"),
            spot(p.x - diagonal, p.y - diagonal - descent, "end"),
            spot(p.x + diagonal, p.y + diagonal + ascent, "start"),
            spot(p.x - diagonal, p.y + diagonal + ascent, "end"),
        ]
    }

    /// Rings searched for a spot clear of markers before a label may sit over one.
    static let ringsBeforeOverlap = 3

    private func collides(_ box: PlotBox, _ buckets: [Int: [Int]], _ boxes: [PlotBox]) -> Bool {
        for key in keys(box) {
            for index in buckets[key] ?? [] where boxes[index].intersects(box) { return true }
        }
        return false
    }

    private func collides(_ box: PlotBox, _ buckets: [Int: [Int]], _ markers: [(box: PlotBox, round: Bool)]) -> Bool {
        for key in keys(box) {
            for index in buckets[key] ?? [] where markers[index].box.intersects(box) {
                guard markers[index].round else { return true }
                // The circle meets the box when the box's nearest point to its centre is inside it.
                let m = markers[index].box, r = m.width / 2
                let (cx, cy) = (m.x + r, m.y + m.height / 2)
                let dx = max(box.x - cx, 0, cx - box.maxX), dy = max(box.y - cy, 0, cy - box.maxY)
                if dx * dx + dy * dy < r * r { return true }
            }
        }
        return false
    }

    /// The buckets a box touches (keys of column and row packed in one Int).
    private func keys(_ box: PlotBox) -> [Int] {
        guard box.x.isFinite, box.y.isFinite, box.maxX.isFinite, box.maxY.isFinite else { return [] }
        // Clamped so an absurd canvas size cannot overflow Int; far-off boxes share edge buckets.
        func bucket(_ v: Double) -> Int { Int(min(max((v / cell).rounded(.down), -1e6), 1e6)) }
        let (x0, x1) = (bucket(box.x), bucket(box.maxX))
        let (y0, y1) = (bucket(box.y), bucket(box.maxY))
        var keys: [Int] = []
        for i in x0...max(x0, x1) { for j in y0...max(y0, y1) { keys.append(i &* 1_000_003 &+ j) } }
        return keys
    }
}
