/// A cost per kg itemised by `CostItem`, in CNY per kg dispensed. Every item of `CostItem` is
/// present (zero when it does not apply), in `CostItem` order, and the items sum to `total`.
public struct ItemisedCost: Sendable, Equatable {
    /// CNY per kg, indexed in `CostItem.allCases` order.
    public private(set) var cnyPerKgInItemOrder: [Double]

    public init() {
        cnyPerKgInItemOrder = Array(repeating: 0, count: CostItem.allCases.count)
    }

    public subscript(item: CostItem) -> Double {
        get { cnyPerKgInItemOrder[Self.index(of: item)] }
        set { cnyPerKgInItemOrder[Self.index(of: item)] = newValue }
    }

    /// Every item with its CNY per kg, in `CostItem` order.
    public var items: [(item: CostItem, cnyPerKg: Double)] {
        Array(zip(CostItem.allCases, cnyPerKgInItemOrder)).map { (item: $0.0, cnyPerKg: $0.1) }
    }

    /// The sum of the items, added in `CostItem` order.
    public var total: Double { cnyPerKgInItemOrder.reduce(0, +) }

    static func index(of item: CostItem) -> Int {
        CostItem.allCases.firstIndex(of: item)!
    }
}
