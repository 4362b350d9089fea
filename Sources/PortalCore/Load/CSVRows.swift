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

    static func read(_ file: SourceFile, findings: inout Findings) -> CSVRows? {
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
        } else if let opened = unclosedQuoteLine(file.text) {
            // CSV.swift reads an unclosed quote as one cell running to the end of the file, so the rows
            // after it would silently disappear.
            findings.append(.error("a quote opened on this line is never closed: add the closing \" (everything after it was read as one cell)",
                                   at: file.location(line: opened)))
        }
        return CSVRows(header: header, rows: rows.filter { !$0.cells.allSatisfy { $0.trimmingCharactersFast(in: .whitespaces).isEmpty } })
    }

    /// The line where a quoted cell opens and never closes (RFC 4180: a quote opens a cell only at its
    /// start; `""` inside it is a quote character), or nil.
    static func unclosedQuoteLine(_ text: String) -> Int? {
        var line = 1
        var openedOn = 0
        var inQuotes = false
        var justClosed = false
        var atCellStart = true
        for character in text.unicodeScalars {
            if inQuotes {
                if character == "\"" {
                    inQuotes = false
                    justClosed = true
                } else if character == "\n" {
                    line += 1
                }
                continue
            }
            if character == "\"" && (atCellStart || justClosed) {
                inQuotes = true
                if atCellStart { openedOn = line }
                justClosed = false
                atCellStart = false
                continue
            }
            justClosed = false
            atCellStart = character == "," || character == "\n"
            if character == "\n" { line += 1 }
        }
        return inQuotes ? openedOn : nil
    }
}
