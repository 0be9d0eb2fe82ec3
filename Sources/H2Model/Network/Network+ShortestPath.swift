// Shortest paths by km with the deterministic tie rule of DESIGN §2.1: among all shortest
// paths, the one whose sequence of node positions (row order) is lexicographically smallest.
//
// Tie policy. Distances are sums of Doubles, so two paths of equal length on paper can differ
// in the last bits. Two lengths a and b count as equal when |a − b| ≤ 1e-9 × max(a, b)
// (`Network.tieTolerance`): far below any surveyed road length, far above rounding in a sum
// of a few hundred edges. With integer km (the tests) every comparison is exact anyway.
//
// Algorithm. Dijkstra from the origin and from the destination (the graph is undirected)
// gives dO and dD. A node v lies on some shortest path iff dO(v) + dD(v) ties dO(d); an edge
// u→v lies on one iff also dO(u) + w(u,v) ties dO(v). Walking from the origin and always taking
// the smallest-position neighbour that satisfies both yields the lexicographically smallest
// shortest path: every shortest path starts at o, the first position where two paths differ
// decides the order, and each greedy step keeps a completion to d available.

public struct NetworkPath: Sendable, Equatable {
    /// Node positions from origin to destination.
    public let positions: [Int]
    /// Length of each edge along the path (count = positions.count − 1).
    public let legKm: [Double]
    public var totalKm: Double { legKm.reduce(0, +) }
}

extension Network {
    public static let tieTolerance = 1e-9

    static func ties(_ a: Double, _ b: Double) -> Bool {
        abs(a - b) <= tieTolerance * max(abs(a), abs(b))
    }

    /// Shortest distances (km) from `origin` to every position; `.infinity` where unreachable.
    public func distances(from origin: Int) -> [Double] {
        var dist = [Double](repeating: .infinity, count: nodes.count)
        var heap = MinHeap()
        dist[origin] = 0
        heap.push(0, origin)
        while let (d, u) = heap.pop() {
            if d > dist[u] { continue }
            for (v, w) in adjacency[u] where d + w < dist[v] {
                dist[v] = d + w
                heap.push(d + w, v)
            }
        }
        return dist
    }

    /// The shortest path between two node ids under the tie rule; nil when either id is unknown
    /// or the nodes are not connected. Origin == destination gives the one-node path.
    public func shortestPath(from origin: String, to destination: String) -> NetworkPath? {
        guard let o = position(of: origin), let d = position(of: destination) else { return nil }
        return shortestPath(fromPosition: o, toPosition: d, distancesFromOrigin: distances(from: o),
                            distancesFromDestination: distances(from: d))
    }

    /// As above with precomputed Dijkstra distances (callers with many pairs cache them).
    public func shortestPath(
        fromPosition o: Int, toPosition d: Int, distancesFromOrigin dO: [Double], distancesFromDestination dD: [Double]
    ) -> NetworkPath? {
        let total = dO[d]
        guard total.isFinite else { return nil }
        var positions = [o]
        var legs: [Double] = []
        var u = o
        while u != d {
            guard positions.count <= nodes.count,
                  let step = adjacency[u].first(where: { v, w in
                      Self.ties(dO[u] + w, dO[v]) && Self.ties(dO[v] + dD[v], total) && dO[v] > dO[u]
                  })
            else { return nil } // unreachable with a consistent tolerance; refuse rather than loop
            positions.append(step.neighbour)
            legs.append(step.km)
            u = step.neighbour
        }
        return NetworkPath(positions: positions, legKm: legs)
    }
}

/// A binary min-heap of (key, position), ties broken by position so the order is deterministic.
struct MinHeap {
    private var items: [(key: Double, value: Int)] = []

    private static func less(_ a: (key: Double, value: Int), _ b: (key: Double, value: Int)) -> Bool {
        a.key < b.key || (a.key == b.key && a.value < b.value)
    }

    mutating func push(_ key: Double, _ value: Int) {
        items.append((key, value))
        var i = items.count - 1
        while i > 0 {
            let parent = (i - 1) / 2
            guard Self.less(items[i], items[parent]) else { break }
            items.swapAt(i, parent)
            i = parent
        }
    }

    mutating func pop() -> (Double, Int)? {
        guard let top = items.first else { return nil }
        let last = items.removeLast()
        if !items.isEmpty {
            items[0] = last
            var i = 0
            while true {
                let l = 2 * i + 1, r = l + 1
                var m = i
                if l < items.count, Self.less(items[l], items[m]) { m = l }
                if r < items.count, Self.less(items[r], items[m]) { m = r }
                if m == i { break }
                items.swapAt(i, m)
                i = m
            }
        }
        return (top.key, top.value)
    }
}
