/// CNY per kg by cost item, with fixed storage so that evaluating a chain allocates nothing.
public struct CostVector: Sendable, Equatable {
    public var production = 0.0
    public var purification = 0.0
    public var conditioning = 0.0
    public var transport = 0.0
    public var cracking = 0.0
    public var stationCapex = 0.0
    public var stationOM = 0.0
    public var energy = 0.0
    public var taxes = 0.0
    public var subsidies = 0.0

    public init() {}

    public subscript(item: CostItem) -> Double {
        get {
            switch item {
            case .production: production
            case .purification: purification
            case .conditioning: conditioning
            case .transport: transport
            case .cracking: cracking
            case .stationCapex: stationCapex
            case .stationOM: stationOM
            case .energy: energy
            case .taxes: taxes
            case .subsidies: subsidies
            }
        }
        set {
            switch item {
            case .production: production = newValue
            case .purification: purification = newValue
            case .conditioning: conditioning = newValue
            case .transport: transport = newValue
            case .cracking: cracking = newValue
            case .stationCapex: stationCapex = newValue
            case .stationOM: stationOM = newValue
            case .energy: energy = newValue
            case .taxes: taxes = newValue
            case .subsidies: subsidies = newValue
            }
        }
    }

    /// Sum of all items, added in the fixed item order so the total is reproducible.
    public var total: Double {
        production + purification + conditioning + transport + cracking
            + stationCapex + stationOM + energy + taxes + subsidies
    }

    public static func + (a: CostVector, b: CostVector) -> CostVector {
        var r = CostVector()
        for item in CostItem.allCases { r[item] = a[item] + b[item] }
        return r
    }

    public static func * (a: CostVector, k: Double) -> CostVector {
        var r = CostVector()
        for item in CostItem.allCases { r[item] = a[item] * k }
        return r
    }
}
