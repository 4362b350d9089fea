import CSV
import Foundation

/// The indicator downloads: machine numbers (dot decimal) so spreadsheets and scripts read them as
/// numbers, with a byte-order mark so Excel opens the Vietnamese text as UTF-8.
enum IndicatorCSV {
    static let header = ["indicator", "name", "group", "unit", "period", "value", "numerator", "denominator",
                         "target", "status", "as_of", "note"]

    static func make(_ indicators: [Indicator], groups: [IndicatorGroup]) -> String {
        let groupNames = Dictionary(uniqueKeysWithValues: groups.map { ($0.id, $0.name) })
        var rows: [[String]] = [header]
        for indicator in indicators {
            for observation in indicator.observations {
                let target = indicator.target(for: observation.period)
                rows.append([
                    text(indicator.id), text(indicator.name), text(groupNames[indicator.groupID] ?? indicator.groupID),
                    indicator.unit.rawValue,
                    observation.period.description,
                    observation.value.map(machine) ?? "", observation.numerator.map(machine) ?? "",
                    observation.denominator.map(machine) ?? "",
                    target.map { "\($0.comparison.rawValue) \($0.valueText)" } ?? "",
                    indicator.status(of: observation)?.slug ?? "",
                    observation.asOf ?? "", text(observation.note ?? ""),
                ])
            }
        }
        return "\u{FEFF}" + write(rows)
    }

    /// Text a spreadsheet would take for a formula (`=`, `+`, `-`, `@` first) gets a leading apostrophe,
    /// which spreadsheets show as plain text: a note must never run as a formula on an official's computer.
    static func text(_ value: String) -> String {
        guard let first = value.first, "=+-@".contains(first) else { return value }
        return "'" + value
    }

    static func machine(_ number: MachineNumber) -> String {
        String(format: "%.\(number.decimals)f", number.value)
    }

    private static func write(_ rows: [[String]]) -> String {
        let stream = OutputStream(toMemory: ())
        stream.open()
        defer { stream.close() }
        do {
            let writer = try CSVWriter(stream: stream)
            for row in rows { try writer.write(row: row) }
        } catch {
            // Writing to memory only fails when memory does; the rows are still returned below as far as written.
        }
        let data = stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
