import CSV

/// A CSV file as a header and rows, each row with the line it starts on.
///
/// CSV.swift does not report lines, so they are counted: each row takes one line plus the line breaks
/// inside its quoted fields (line endings are already `\n` when a `SourceFile` is read).
struct CSVRows {
    struct Row {
        var line: Int
        var cells: [String]
    }

    var header: [String]
    var rows: [Row]

    static func read(_ file: SourceFile, findings: inout [Finding]) -> CSVRows? {
        let reader: CSVReader
        do {
            reader = try CSVReader(string: file.text, hasHeaderRow: true)
        } catch {
            findings.append(.error("cannot read the header row of this CSV file", at: file.location(line: 1)))
            return nil
        }
        let header = (reader.headerRow ?? []).map { $0.trimmingCharactersFast(in: .whitespaces) }
        var rows: [Row] = []
        var line = 1 + header.reduce(0) { $0 + $1.filter { $0 == "\n" }.count }
        while let cells = reader.next() {
            line += 1
            rows.append(Row(line: line, cells: cells))
            line += cells.reduce(0) { $0 + $1.filter { $0 == "\n" }.count }
        }
        if let error = reader.error {
            findings.append(.error("cannot read the CSV (\(error)): check for an unclosed quote", at: file.location(line: line)))
        }
        return CSVRows(header: header, rows: rows.filter { !$0.cells.allSatisfy { $0.trimmingCharactersFast(in: .whitespaces).isEmpty } })
    }
}
