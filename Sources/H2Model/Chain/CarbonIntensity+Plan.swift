// The carbon intensity of a planned network (issue 13): each build's kilogram blended over its
// supply links by kg, as its cost is, and the network's average weighted by kg over the horizon,
// the weights of the network-average price.

extension StationPlan {
    /// kg CO₂e per kg dispensed at this build, its supply links blended by kg (first period).
    public func co2(_ a: Assumptions) throws -> EmissionVector {
        guard supply.count > 1, throughputKgPerDay > 0 else { return try ChainModel.evaluate(chain, a).co2 }
        var blended = EmissionVector()
        for link in supply {
            var c = chain
            c.production = link.source.pathway
            c.delivery = link.delivery
            c.distanceKm = link.distanceKm
            let e = try ChainModel.evaluate(c, a).co2
            for item in EmissionItem.allCases { blended[item] += e[item] * (link.kgPerDay / throughputKgPerDay) }
        }
        return blended
    }

    /// Whether every kg of the build comes from renewable energy (T/CAB's renewable grade).
    public var isRenewable: Bool { supply.allSatisfy { CarbonIntensity.isRenewable($0.source.pathway) } && !supply.isEmpty }
}

extension CorridorPlan {
    /// The network's kg CO₂e per kg, weighted by each build's kg over the horizon.
    public func averageCo2(_ a: Assumptions) throws -> EmissionVector {
        var average = EmissionVector()
        guard horizonKg > 0 else { return average }
        for st in stations {
            let e = try st.co2(a)
            for item in EmissionItem.allCases { average[item] += e[item] * (st.horizonKg / horizonKg) }
        }
        return average
    }

    public var isRenewable: Bool { !stations.isEmpty && stations.allSatisfy(\.isRenewable) }
}
