import Foundation

/// An indicator definition as written in `indicators.yaml`, not yet joined to its group or values.
public struct IndicatorDefinition: Sendable {
    public var id: Located<String>
    public var group: Located<String>
    public var name: String
    public var unit: IndicatorUnit
    public var formula: String?
    public var targets: [Int: Target]
    public var source: String?
    public var description: String?
    public var highlight: Bool
}

/// One row of `values.csv`, its fields checked one by one.
public struct ObservationRow: Sendable {
    public var indicator: Located<String>
    public var observation: Observation
}

public struct LoadedIndicators: Sendable {
    public var groups: [Located<IndicatorGroup>]
    public var definitions: [IndicatorDefinition]
    public var rows: [ObservationRow]
    /// The text of every file read, in order: what a later stage compares to tell whether the indicators
    /// changed, without comparing the values one by one.
    public var sourceTexts: [String] = []

    public static let empty = LoadedIndicators(groups: [], definitions: [], rows: [])
}

/// Reads `Content/indicators/indicators.yaml` and `values.csv`. Each value keeps its file and line.
public struct IndicatorLoader: Sendable {
    public init() {}

    static let columns = ["indicator", "period", "value", "numerator", "denominator", "status", "as_of", "note"]

    public func load(from tree: FileTree, findings: inout Findings) -> LoadedIndicators {
        guard tree.exists("indicators/indicators.yaml") else {
            if tree.exists("indicators/values.csv") {
                findings.append(Finding(file: tree.displayPath("indicators/indicators.yaml"),
                                        message: "values.csv needs indicators.yaml beside it to define the indicators"))
            }
            return .empty
        }
        var loaded = LoadedIndicators.empty
        if let file = tree.readText("indicators/indicators.yaml", findings: &findings) {
            loaded.sourceTexts.append(file.text)
            loadDefinitions(file, into: &loaded, findings: &findings)
        }
        if tree.exists("indicators/values.csv"), let file = tree.readText("indicators/values.csv", findings: &findings) {
            loaded.sourceTexts.append(file.text)
            loaded.rows = loadRows(file, findings: &findings)
        }
        return loaded
    }

    func loadDefinitions(_ file: SourceFile, into loaded: inout LoadedIndicators, findings: inout Findings) {
        guard var fields = YAMLFields.parse(file.text, in: file, firstLine: 1, findings: &findings) else { return }
        loaded.groups = fields.list("groups", findings: &findings) { entry, findings -> Located<IndicatorGroup>? in
            guard let id = entry.string("id", required: true, findings: &findings),
                  let name = entry.string("name", required: true, findings: &findings) else { return nil }
            return Located(IndicatorGroup(id: id.value, name: name.value), at: id.location)
        } ?? []
        loaded.definitions = fields.list("indicators", findings: &findings) { entry, findings -> IndicatorDefinition? in
            readDefinition(&entry, findings: &findings)
        } ?? []
        fields.reportUnknownKeys(severity: .error, findings: &findings)
    }

    func readDefinition(_ entry: inout YAMLFields, findings: inout Findings) -> IndicatorDefinition? {
        let id = entry.string("id", required: true, findings: &findings)
        let group = entry.string("group", required: true, findings: &findings)
        let name = entry.string("name", required: true, findings: &findings)
        let unitText = entry.string("unit", required: true, findings: &findings)
        let formula = entry.string("formula", findings: &findings)
        let source = entry.string("source", findings: &findings)
        let description = entry.string("description", findings: &findings)
        let highlight = entry.bool("highlight", findings: &findings)?.value ?? false
        var unit: IndicatorUnit?
        if let unitText {
            unit = IndicatorUnit(rawValue: unitText.value)
            if unit == nil {
                findings.append(.error("unknown unit \"\(unitText.value)\": use percent, count, ratio or score", at: unitText.location))
            }
        }
        var targets: [Int: Target] = [:]
        if let targetsNode = entry.node("targets") {
            if let mapping = targetsNode.mapping {
                for (yearNode, expressionNode) in mapping {
                    let yearText = yearNode.scalar?.string ?? ""
                    guard let year = Int(yearText), (1900...2200).contains(year) else {
                        findings.append(.error("target year \"\(yearText)\" must be a year such as 2024", at: entry.location(of: yearNode)))
                        continue
                    }
                    let expression = expressionNode.scalar?.string ?? ""
                    guard let target = Target.parse(expression) else {
                        findings.append(.error("cannot read target \"\(expression)\": write \">= 80\", \"> 30\", \"<= 5\" or \"80\"",
                                               at: entry.location(of: expressionNode)))
                        continue
                    }
                    targets[year] = target
                }
            } else {
                findings.append(.error("targets must be year: expression lines, e.g. 2024: \">= 80\"", at: entry.location(of: targetsNode)))
            }
        }
        guard let id, let group, let name, let unit else { return nil }
        if IndicatorSlug.make(id.value).isEmpty {
            findings.append(.error("indicator id \"\(id.value)\" has no letters or digits", at: id.location))
            return nil
        }
        return IndicatorDefinition(id: id, group: group, name: name.value, unit: unit, formula: formula?.value, targets: targets,
                                   source: source?.value, description: description?.value, highlight: highlight)
    }

    func loadRows(_ file: SourceFile, findings: inout Findings) -> [ObservationRow] {
        guard let csv = CSVRows.read(file, findings: &findings) else { return [] }
        var columnIndex: [String: Int] = [:]
        for (index, name) in csv.header.enumerated() {
            if !Self.columns.contains(name) {
                findings.append(.error("unknown column \"\(name)\" (columns: \(Self.columns.joined(separator: ",")))",
                                       at: file.location(line: 1)))
            }
            columnIndex[name] = index
        }
        for required in ["indicator", "period", "value"] where columnIndex[required] == nil {
            findings.append(.error("missing column \"\(required)\" in the header row", at: file.location(line: 1)))
        }
        guard columnIndex["indicator"] != nil, columnIndex["period"] != nil, columnIndex["value"] != nil else { return [] }

        var rows: [ObservationRow] = []
        for row in csv.rows {
            let cells = row.cells
            func cell(_ name: String) -> String {
                guard let index = columnIndex[name], index < cells.count else { return "" }
                return cells[index].trimmingCharactersFast(in: .whitespaces)
            }
            let location = file.location(line: row.line)
            if cells.count != csv.header.count {
                findings.append(.error("this row has \(cells.count) cells but the header has \(csv.header.count): check the commas",
                                       at: location))
                continue
            }
            if let parsed = readRow(cell, location: location, findings: &findings) { rows.append(parsed) }
        }
        return rows
    }

    func readRow(_ cell: (String) -> String, location: SourceLocation, findings: inout Findings) -> ObservationRow? {
        var ok = true
        let indicator = cell("indicator")
        if indicator.isEmpty {
            findings.append(.error("the indicator cell is empty", at: location))
            ok = false
        }
        let period = Period.parse(cell("period"))
        if period == nil {
            findings.append(.error("cannot read period \"\(cell("period"))\": write 2024, 2024-H1, 2024-Q1 or 2024-03", at: location))
            ok = false
        }
        func number(_ name: String) -> MachineNumber? {
            let text = cell(name)
            guard !text.isEmpty else { return nil }
            guard let number = MachineNumber.parse(text) else {
                let hint = text.contains(",") ? " (write numbers with a dot for decimals and no thousands separator: 54.4, 1013)" : ""
                findings.append(.error("\(name) \"\(text)\" is not a number\(hint)", at: location))
                ok = false
                return nil
            }
            return number
        }
        let value = number("value"), numerator = number("numerator"), denominator = number("denominator")
        var status: GivenStatus?
        let statusText = cell("status")
        if !statusText.isEmpty {
            status = GivenStatus(rawValue: statusText)
            if status == nil {
                findings.append(.error("unknown status \"\(statusText)\": leave it empty or write no-data, in-progress or not-started",
                                       at: location))
                ok = false
            }
        }
        if value == nil && status == nil && ok {
            findings.append(.error("a row without a value needs a status (no-data, in-progress or not-started)", at: location))
            ok = false
        }
        let asOf = cell("as_of")
        if !asOf.isEmpty && LocalDateTimeParsing.isDate(asOf) == false {
            findings.append(.error("as_of \"\(asOf)\" is not a date such as 2024-03-10", at: location))
            ok = false
        }
        guard ok, let period else { return nil }
        let note = cell("note")
        return ObservationRow(
            indicator: Located(indicator, at: location),
            observation: Observation(period: period, value: value, numerator: numerator, denominator: denominator,
                                     givenStatus: status, asOf: asOf.isEmpty ? nil : asOf, note: note.isEmpty ? nil : note,
                                     location: location))
    }
}
