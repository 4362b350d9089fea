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
                    indicator.id, indicator.name, groupNames[indicator.groupID] ?? indicator.groupID, indicator.unit.rawValue,
                    observation.period.description,
                    observation.value.map(machine) ?? "", observation.numerator.map(machine) ?? "",
                    observation.denominator.map(machine) ?? "",
                    target.map { "\($0.comparison.rawValue) \($0.valueText)" } ?? "",
                    indicator.status(of: observation)?.slug ?? "",
                    observation.asOf ?? "", observation.note ?? "",
                ])
            }
        }
        return "\u{FEFF}" + write(rows)
    }

    static func machine(_ number: MachineNumber) -> String {
        String(format: "%.\(number.decimals)f", number.value)
    }

    /// RFC 4180 as CSV.swift writes it (the library this project reads CSV with): fields joined by `,`,
    /// rows by `\n`; a field with `"`, `,`, CR or LF is quoted and its `"` doubled. Written here because
    /// the library's writer, through an `OutputStream`, was slower than everything else on the dashboard.
    static func write(_ rows: [[String]]) -> String {
        var out = ""
        for (rowIndex, row) in rows.enumerated() {
            if rowIndex > 0 { out += "\n" }
            for (fieldIndex, field) in row.enumerated() {
                if fieldIndex > 0 { out += "," }
                let needsQuotes = field.utf8.contains { $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: ",") || $0 == 0x0D || $0 == 0x0A }
                guard needsQuotes else {
                    out += field
                    continue
                }
                out += "\""
                for scalar in field.unicodeScalars {
                    if scalar == "\"" { out += "\"\"" } else { out.unicodeScalars.append(scalar) }
                }
                out += "\""
            }
        }
        return out + "\n"
    }
}
