// Longitude/latitude → pixels for map.svg: equirectangular, x shrunk by cos(latitude at the
// middle of the map), fitted to the bounding box of everything drawn. Adequate for a province
// (a few hundred km), with plain arithmetic so the SVG is identical on every platform.

struct MapProjection {
    let centreLongitude: Double
    let centreLatitude: Double
    /// Pixels per degree of latitude.
    let pixelsPerDegree: Double
    /// cos(centre latitude): shrinks degrees of longitude to the same ground distance.
    let longitudeFactor: Double
    let centreX: Double
    let centreY: Double

    /// Fits the bounding box of `points` (latitude, longitude) into `area`, keeping the
    /// aspect ratio. No points: centred on 0, 0. One point (or all in one place): a window of
    /// half a degree around it, so a single station is still drawn at a sensible scale.
    init(fitting points: [(latitude: Double, longitude: Double)], into area: PlotBox) {
        var minLatitude = Double.infinity, maxLatitude = -Double.infinity
        var minLongitude = Double.infinity, maxLongitude = -Double.infinity
        for point in points {
            minLatitude = min(minLatitude, point.latitude)
            maxLatitude = max(maxLatitude, point.latitude)
            minLongitude = min(minLongitude, point.longitude)
            maxLongitude = max(maxLongitude, point.longitude)
        }
        if points.isEmpty { (minLatitude, maxLatitude, minLongitude, maxLongitude) = (0, 0, 0, 0) }
        centreLatitude = (minLatitude + maxLatitude) / 2
        centreLongitude = (minLongitude + maxLongitude) / 2
        longitudeFactor = max(0.05, deterministicCosine(degrees: centreLatitude))
        var spanX = (maxLongitude - minLongitude) * longitudeFactor
        var spanY = maxLatitude - minLatitude
        if spanX <= 0 && spanY <= 0 { (spanX, spanY) = (0.5, 0.5) }
        let scaleX = spanX > 0 ? area.width / spanX : Double.infinity
        let scaleY = spanY > 0 ? area.height / spanY : Double.infinity
        pixelsPerDegree = min(scaleX, scaleY)
        centreX = area.x + area.width / 2
        centreY = area.y + area.height / 2
    }

    func x(longitude: Double) -> Double { centreX + (longitude - centreLongitude) * longitudeFactor * pixelsPerDegree }
    func y(latitude: Double) -> Double { centreY - (latitude - centreLatitude) * pixelsPerDegree }

    /// Pixels per km on the ground (a degree of latitude is about 111.32 km).
    var pixelsPerKm: Double { pixelsPerDegree / 111.32 }
}

/// A rectangle in SVG pixels.
struct PlotBox: Equatable {
    var x: Double
    var y: Double
    var width: Double
    var height: Double

    var maxX: Double { x + width }
    var maxY: Double { y + height }

    init(x: Double, y: Double, width: Double, height: Double) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }

    init(minX: Double, minY: Double, maxX: Double, maxY: Double) {
        self.init(x: minX, y: minY, width: maxX - minX, height: maxY - minY)
    }

    func intersects(_ other: PlotBox) -> Bool {
        x < other.maxX && other.x < maxX && y < other.maxY && other.y < maxY
    }

    func contains(_ other: PlotBox) -> Bool {
        other.x >= x && other.maxX <= maxX && other.y >= y && other.maxY <= maxY
    }
}

/// cos of an angle in degrees by its Taylor series (|x| ≤ π/2 after folding), with + − × ÷
/// only: libm's cos may differ in the last bit between platforms, this does not.
func deterministicCosine(degrees: Double) -> Double {
    guard degrees.isFinite else { return 1 }
    var folded = degrees.truncatingRemainder(dividingBy: 360)
    if folded < 0 { folded = -folded }
    if folded > 180 { folded = 360 - folded }
    // cos(180° − a) = −cos(a), so fold to 0…90°.
    let sign = folded > 90 ? -1.0 : 1.0
    if folded > 90 { folded = 180 - folded }
    let radians = folded * 3.141592653589793 / 180
    let square = radians * radians
    var term = 1.0
    var sum = 1.0
    for n in 1...12 {
        term *= -square / Double((2 * n - 1) * (2 * n))
        sum += term
    }
    return sign * sum
}
