import Foundation

/// Joins indicator definitions to their groups and observations, and checks the data.
struct IndicatorResolver {
    func resolve(_ loaded: LoadedIndicators, findings: inout Findings) -> (groups: [IndicatorGroup], indicators: [Indicator]) {
        var groups: [IndicatorGroup] = []
        var groupIDs: Set<String> = []
        for group in loaded.groups {
            if groupIDs.insert(group.value.id).inserted {
                groups.append(group.value)
            } else {
                findings.append(.error("group \"\(group.value.id)\" is defined twice", at: group.location))
            }
        }

        var indicators: [Indicator] = []
        var indexByID: [String: Int] = [:]
        var slugOwners: [String: String] = [:]
        for definition in loaded.definitions {
            let id = definition.id.value
            guard indexByID[id] == nil else {
                findings.append(.error("indicator \"\(id)\" is defined twice", at: definition.id.location))
                continue
            }
            guard groupIDs.contains(definition.group.value) else {
                let known = groups.map(\.id).joined(separator: ", ")
                findings.append(.error("unknown group \"\(definition.group.value)\" (groups: \(known))", at: definition.group.location))
                continue
            }
            let slug = IndicatorSlug.make(id)
            if let owner = slugOwners[slug] {
                findings.append(.error("indicators \"\(owner)\" and \"\(id)\" would share the address /chi-so/\(slug)/: rename one",
                                       at: definition.id.location))
                continue
            }
            slugOwners[slug] = id
            indexByID[id] = indicators.count
            indicators.append(Indicator(id: id, groupID: definition.group.value, name: definition.name, unit: definition.unit,
                                        formula: definition.formula, targets: definition.targets, source: definition.source,
                                        description: definition.description, highlight: definition.highlight, observations: [], location: definition.id.location))
        }

        var seen: [String: SourceLocation] = [:]
        for row in loaded.rows {
            guard let index = indexByID[row.indicator.value] else {
                findings.append(.error("unknown indicator \"\(row.indicator.value)\": define it in indicators.yaml first",
                                       at: row.indicator.location))
                continue
            }
            let key = "\(row.indicator.value)\u{0}\(row.observation.period)"
            if let first = seen[key] {
                findings.append(.error("indicator \(row.indicator.value) already has a value for \(row.observation.period) (line \(first.line)): keep one row",
                                       at: row.observation.location))
                continue
            }
            seen[key] = row.observation.location
            check(row.observation, of: indicators[index], findings: &findings)
            indicators[index].observations.append(row.observation)
        }
        for index in indicators.indices {
            indicators[index].observations.sort { $0.period < $1.period }
        }
        let order = Dictionary(uniqueKeysWithValues: groups.enumerated().map { ($1.id, $0) })
        let sorted = indicators.enumerated().sorted { lhs, rhs in
            let (l, r) = (order[lhs.element.groupID] ?? 0, order[rhs.element.groupID] ?? 0)
            return l != r ? l < r : lhs.offset < rhs.offset
        }.map(\.element)
        return (groups, sorted)
    }

    /// The arithmetic of one row: value = numerator / denominator (× 100 for percent) at the precision
    /// the value is written with.
    func check(_ observation: Observation, of indicator: Indicator, findings: inout Findings) {
        if let denominator = observation.denominator, denominator.value == 0 {
            findings.append(.error("denominator is 0", at: observation.location))
            return
        }
        if let value = observation.value, let numerator = observation.numerator, let denominator = observation.denominator {
            let scale = indicator.unit == .percent ? 100.0 : 1.0
            let computed = numerator.value / denominator.value * scale
            let step = pow(10.0, Double(-value.decimals))
            if abs(computed - value.value) > step / 2 + 1e-9 {
                let written = Self.format(numerator.value) + "/" + Self.format(denominator.value)
                let expected = String(format: "%.\(value.decimals)f", computed)
                findings.append(.warning(
                    "value \(Self.format(value.value, decimals: value.decimals)) disagrees with \(written) = \(String(format: "%.4f", computed)), which is \(expected) at the precision written",
                    at: observation.location))
            }
        }
        if indicator.unit == .percent, let value = observation.value, value.value > 100 {
            findings.append(.warning("\(Self.format(value.value, decimals: value.decimals))% is above 100%: check the value", at: observation.location))
        }
    }

    static func format(_ value: Double, decimals: Int = 0) -> String {
        // Int(value) traps beyond Int.max, and a mistyped denominator can be 30 digits long.
        decimals == 0 && value == value.rounded() && abs(value) < 1e15
            ? String(Int(value)) : String(format: "%.\(min(decimals, 15))f", value)
    }
}
