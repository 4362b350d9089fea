import Foundation

/// Joins the ranking files: every score to its unit and pillar, totals, ranks per level and period (ties
/// share a rank: 1, 2, 2, 4), bands, the change of rank since the level's previous period, and the
/// published figures checked against the scores.
struct RankingResolver {
    func resolve(_ loaded: LoadedRankings, findings: inout Findings) -> Rankings {
        var levelIndex: [String: Int] = [:]
        for (index, level) in loaded.levels.enumerated() where levelIndex[level.id.value] == nil { levelIndex[level.id.value] = index }

        var units: [RankingUnit] = []
        var unitIndex: [String: Int] = [:]
        for definition in loaded.units where unitIndex[definition.id.value] == nil {
            guard let level = levelIndex[definition.level.value] else {
                let known = loaded.levels.map(\.id.value).joined(separator: ", ")
                findings.append(.error("unit \(definition.id.value) has unknown level \"\(definition.level.value)\" (rankings.yaml defines: \(known))",
                                       at: definition.level.location))
                continue
            }
            unitIndex[definition.id.value] = units.count
            units.append(RankingUnit(id: definition.id.value, name: definition.name, level: level, parent: definition.parent,
                                     map: definition.map))
        }
        for definition in loaded.units {
            if let parent = definition.parent, unitIndex[parent] == nil {
                findings.append(.warning("unit \(definition.id.value) names parent \"\(parent)\", which is not a unit in rankings.yaml",
                                         at: definition.id.location))
            }
        }

        // Scores by level, period and unit, each checked against its unit's pillars.
        var scores: [Int: [Period: [Int: [Int: RankingScoreRow]]]] = [:]
        for row in loaded.scores {
            guard let unit = unitIndex[row.unit] else {
                findings.append(.error("unknown unit \"\(row.unit)\": it is not in rankings/rankings.yaml", at: row.location))
                continue
            }
            let level = loaded.levels[units[unit].level]
            guard let pillar = level.pillars.firstIndex(where: { $0.id == row.pillar }) else {
                let known = level.pillars.map(\.id).joined(separator: ", ")
                findings.append(.error("unknown pillar \"\(row.pillar)\" for level \(level.id.value) (its pillars: \(known))", at: row.location))
                continue
            }
            let max = level.pillars[pillar]
            if row.score.value > max.max {
                findings.append(.error("score \(row.score.value.formatted(decimals: row.score.decimals)) is above the maximum of \(max.id), \(max.maxText) points",
                                       at: row.location))
                continue
            }
            scores[units[unit].level, default: [:]][row.period, default: [:]][unit, default: [:]][pillar] = row
        }

        var levels: [RankingLevel] = []
        for (index, definition) in loaded.levels.enumerated() {
            let byPeriod = scores[index] ?? [:]
            var periods: [RankingPeriod] = []
            for period in byPeriod.keys.sorted() {
                let byUnit = byPeriod[period] ?? [:]
                var entries: [RankingEntry] = []
                let decimals = byUnit.values.flatMap { $0.values.map(\.score.decimals) }.max() ?? 0
                for unit in byUnit.keys.sorted(by: { units[$0].id < units[$1].id }) {
                    let given = byUnit[unit] ?? [:]
                    let missing = definition.pillars.indices.filter { given[$0] == nil }
                    if !missing.isEmpty, let first = given.values.min(by: { $0.location.line < $1.location.line }) {
                        let names = missing.map { definition.pillars[$0].id }.joined(separator: ", ")
                        findings.append(.warning("\(units[unit].id) has no score for \(names) in \(period): its total counts only the pillars given",
                                                 at: first.location))
                    }
                    let values = definition.pillars.indices.map { given[$0]?.score.value }
                    let total = Self.sum(values.compactMap { $0 }, decimals: decimals)
                    entries.append(RankingEntry(unit: unit, scores: values, total: total, decimals: decimals, rank: 0,
                                                band: definition.bands.firstIndex { total >= $0.min - Self.epsilon }, change: nil))
                }
                entries = Self.ranked(entries) { units[$0].id }
                if let previous = periods.last {
                    for position in entries.indices {
                        let before = previous.entries.first { $0.unit == entries[position].unit }
                        entries[position].change = before.map { Self.change(from: $0.rank, to: entries[position].rank) } ?? .new
                    }
                }
                periods.append(RankingPeriod(period: period, entries: entries))
            }
            levels.append(RankingLevel(id: definition.id.value, name: definition.name, pillars: definition.pillars,
                                       bands: definition.bands, periods: periods))
        }

        for row in loaded.published {
            guard let unit = unitIndex[row.unit] else {
                findings.append(.error("unknown unit \"\(row.unit)\": it is not in rankings/rankings.yaml", at: row.location))
                continue
            }
            let level = levels[units[unit].level]
            guard let entry = level.periods.first(where: { $0.period == row.period })?.entries.first(where: { $0.unit == unit }) else {
                findings.append(.warning("\(row.unit) has no scores for \(row.period) in scores.csv: the published figures cannot be checked",
                                         at: row.location))
                continue
            }
            if let total = row.total, abs(total.value - entry.total) > Self.epsilon {
                findings.append(.warning("published total \(total.value.formatted(decimals: total.decimals)) but the scores add up to \(entry.total.formatted(decimals: entry.decimals)): check scores.csv or published.csv",
                                         at: row.location))
            }
            if let rank = row.rank, rank != entry.rank {
                findings.append(.warning("published rank \(rank) but the scores rank \(row.unit) \(entry.rank) in \(row.period): check scores.csv or published.csv",
                                         at: row.location))
            }
        }

        for unit in units where unit.map != nil && loaded.mapFile != nil {
            if !loaded.mapFeatures.contains(where: { $0.id == unit.map }), let definition = loaded.units.first(where: { $0.id.value == unit.id }) {
                findings.append(.warning("unit \(unit.id) has map: \(unit.map ?? ""), but map.geojson has no feature with that id",
                                         at: definition.id.location))
            }
        }

        for index in levels.indices {
            levels[index].map = RankingMapProjection.geometry(levelIndex: index, units: units, features: loaded.mapFeatures)
        }
        let national = loaded.national.sorted { ($0.period, $0.index == "dti" ? 0 : 1, $0.location.line) < ($1.period, $1.index == "dti" ? 0 : 1, $1.location.line) }
        return Rankings(levels: levels, units: units, national: national)
    }

    /// Scores are written with a few decimals; sums compared as written, not with binary fractions' dust.
    static let epsilon = 1e-6

    static func sum(_ values: [Double], decimals: Int) -> Double {
        let scale = pow(10, Double(min(decimals, 6)))
        return (values.reduce(0) { $0 + ($1 * scale).rounded() }) / scale
    }

    /// By total, highest first; equal totals share the better rank and the next rank skips (1, 2, 2, 4).
    static func ranked(_ entries: [RankingEntry], id: (Int) -> String) -> [RankingEntry] {
        var sorted = entries.sorted { $0.total != $1.total ? $0.total > $1.total : id($0.unit) < id($1.unit) }
        for position in sorted.indices {
            if position > 0, abs(sorted[position].total - sorted[position - 1].total) <= epsilon {
                sorted[position].rank = sorted[position - 1].rank
            } else {
                sorted[position].rank = position + 1
            }
        }
        return sorted
    }

    static func change(from before: Int, to now: Int) -> RankChange {
        if now < before { return .up(before - now) }
        if now > before { return .down(now - before) }
        return .same
    }
}

extension Double {
    /// Fixed decimals with a dot, for findings and CSV (machine numbers).
    func formatted(decimals: Int) -> String { String(format: "%.\(max(0, min(decimals, 6)))f", self) }
}
