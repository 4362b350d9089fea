import ByteText
import Foundation
import VietnameseText

/// Recomputes every percentage that Markdown text states together with its numerator and denominator,
/// in the forms Vietnamese reports use:
///
/// - `54,4% (1.013/1.861)` (also with machine numbers: `54.4% (1013/1861)`)
/// - `121/282 cơ sở giáo dục, đạt 42,9%`
/// - `3.094/11.066 trường hợp (đạt tỷ lệ 27,96%)`
///
/// A percentage that disagrees with its fraction at the precision it is written with is a warning at
/// its line and column. Dates (`11/3/2024`) and document numbers (`293/QĐ-UBND`) are not fractions.
struct ProseFigureCheck: Sendable {
    /// Indicator values printed by `{{< indicator … >}}`, so the check sees the text a reader sees.
    let indicators: [Indicator]

    struct Statement: Equatable {
        var percent: Double
        var decimals: Int
        var numerator: Double
        var denominator: Double
        /// 1-based, in characters, of the percentage.
        var column: Int
        var percentText: String
        var fractionText: String
    }

    func check(body: String, file: SourceFile, bodyFirstLine: Int, findings: inout Findings) {
        var body = body
        body.withUTF8 { bytes in
            var fence: Substring?
            var offset = 0
            var lineStart = 0
            // Line by line over the bytes (a line feed is always a character of its own, and the text has no
            // CR). The checks that decide on characters run only on the few lines whose bytes could pass them.
            while lineStart <= bytes.count {
                let lineEnd = ByteSearch.find(UInt8(ascii: "\n"), in: bytes, from: lineStart) ?? bytes.count
                defer {
                    lineStart = lineEnd + 1
                    offset += 1
                }
                let lineBytes = UnsafeBufferPointer(rebasing: bytes[lineStart..<lineEnd])
                let rawLine = { String(decoding: lineBytes, as: UTF8.self)[...] }
                let afterSpaces = lineBytes.drop { $0 == UInt8(ascii: " ") }
                if let open = fence {
                    if afterSpaces.starts(with: open.utf8), rawLine().drop(while: { $0 == " " }).hasPrefix(open) { fence = nil }
                    continue
                }
                if afterSpaces.starts(with: "```".utf8) || afterSpaces.starts(with: "~~~".utf8) {
                    let trimmed = rawLine().drop { $0 == " " }
                    if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                        fence = trimmed.prefix(3)
                        continue
                    }
                }
                // The patterns below are slow, and most lines cannot match them: see `mayHoldFraction`.
                guard Self.mayHoldFraction(lineBytes) else { continue }
                let line = rawLine()
                if line.hasPrefix("    ") || line.hasPrefix("\t") { continue }
                checkLine(String(line), lineNumber: bodyFirstLine + offset, file: file, findings: &findings)
            }
        }
    }

    private func checkLine(_ rawLine: String, lineNumber: Int, file: SourceFile, findings: inout Findings) {
        let line = substituteShortcodes(in: Self.removingCodeSpans(rawLine))
        guard line.utf8.contains(UInt8(ascii: "%")) else { return }
        for statement in Self.statements(in: line) where !Self.agrees(statement) {
            let computed = statement.numerator / statement.denominator * 100
            let expected = VietnameseNumber.format(computed, decimals: statement.decimals) + "%"
            findings.append(.warning(
                "\(statement.percentText) does not match \(statement.fractionText) = \(VietnameseNumber.format(computed, decimals: 4))%, which is \(expected) at the precision written",
                at: file.location(line: lineNumber, column: statement.column)))
        }
    }

    /// False only when no statement can be in the line: every statement has a fraction, a digit and
    /// a slash with at most one space between (`\d\s?/\s?\d`), so it needs a "/" whose neighbours are
    /// not ASCII letters or punctuation. Links (`https://`, `/chi-so/`) and document numbers (`45/BC`)
    /// fail this at once. Substituting shortcodes adds digits and "%", never "/", so the raw line decides.
    static func mayHoldFraction(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        func mayJoin(_ byte: UInt8) -> Bool {
            byte >= 0x80 || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == 0x20 || (0x09...0x0D).contains(byte)
        }
        var position = 1
        while position + 1 < line.count, let slash = ByteSearch.find(UInt8(ascii: "/"), in: line, from: position) {
            guard slash + 1 < line.count else { return false }
            if mayJoin(line[slash - 1]) && mayJoin(line[slash + 1]) { return true }
            position = slash + 1
        }
        return false
    }

    static func agrees(_ statement: Statement) -> Bool {
        guard statement.denominator != 0 else { return false }
        let computed = statement.numerator / statement.denominator * 100
        var step = 1.0
        for _ in 0..<statement.decimals { step /= 10 }
        return abs(computed - statement.percent) <= step / 2 + 1e-9
    }

    // MARK: Finding the statements

    // The patterns are constants (a `try!` here fails on the first test run, never on input), and a
    // Regex is never mutated after creation, so sharing one across threads is safe.
    private static let number = #"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:[.,]\d+)?"#
    /// A fraction that is not part of a date (`11/3/2024`, `25/12`) and not a document number.
    nonisolated(unsafe) private static let fraction = try! Regex(#"("# + number + #")\s?/\s?("# + number + #")(?![\d/]|[.,]\d)"#)
    nonisolated(unsafe) private static let percentThenFraction = try! Regex(#"("# + number + #")\s?%\s*\(\s*("# + number + #")\s?/\s?("# + number + #")\s*\)"#)
    nonisolated(unsafe) private static let reachedPercent = try! Regex(#"^[^;%/]{0,120}?đạt(?:\s+tỷ\s+lệ)?\s*:?\s*("# + number + #")\s?%"#)

    static func statements(in line: String) -> [Statement] {
        var result: [Statement] = []
        var used: [Range<String.Index>] = []
        for match in line.matches(of: percentThenFraction) {
            guard let percent = match.output[1].substring, let numerator = match.output[2].substring,
                  let denominator = match.output[3].substring,
                  let statement = make(line: line, percent: percent, numerator: numerator, denominator: denominator) else { continue }
            result.append(statement)
            used.append(match.range)
        }
        for match in line.matches(of: fraction) where !used.contains(where: { $0.overlaps(match.range) }) {
            // The middle of a date (`11/3/2024`) or of a longer number is not a numerator.
            if match.range.lowerBound > line.startIndex, "0123456789/.,".contains(line[line.index(before: match.range.lowerBound)]) {
                continue
            }
            guard let numerator = match.output[1].substring, let denominator = match.output[2].substring else { continue }
            let after = line[match.range.upperBound...]
            guard let reach = try? reachedPercent.firstMatch(in: after), let percent = reach.output[1].substring,
                  let statement = make(line: line, percent: percent, numerator: numerator, denominator: denominator) else { continue }
            result.append(statement)
        }
        result += tableStatements(in: line)
        return result.sorted { $0.column < $1.column }
    }

    nonisolated(unsafe) private static let wholeFraction = try! Regex(#"^\s*\**("# + number + #")\s?/\s?("# + number + #")\**\s*$"#)
    nonisolated(unsafe) private static let wholePercent = try! Regex(#"^\s*\**("# + number + #")\s?%\**\s*$"#)

    /// A table row where a cell holding a fraction is followed by a cell holding a percentage:
    /// `| Đối tượng đã có tài khoản | 559/20.824 | 2,69% |`.
    static func tableStatements(in line: String) -> [Statement] {
        guard line.hasPrefix("|") else { return [] }
        let cells = line.split(separator: "|", omittingEmptySubsequences: false)
        var result: [Statement] = []
        for index in cells.indices.dropLast() {
            guard let fraction = try? wholeFraction.firstMatch(in: cells[index]),
                  let percent = try? wholePercent.firstMatch(in: cells[index + 1]),
                  let numerator = fraction.output[1].substring, let denominator = fraction.output[2].substring,
                  let value = percent.output[1].substring,
                  let statement = make(line: line, percent: value, numerator: numerator, denominator: denominator) else { continue }
            result.append(statement)
        }
        return result
    }

    private static func make(line: String, percent: Substring, numerator: Substring, denominator: Substring) -> Statement? {
        guard let (value, decimals) = parse(percent), let (top, _) = parse(numerator), let (bottom, _) = parse(denominator),
              bottom != 0 else { return nil }
        let column = line.distance(from: line.startIndex, to: percent.startIndex) + 1
        return Statement(percent: value, decimals: decimals, numerator: top, denominator: bottom, column: column,
                         percentText: "\(percent)%", fractionText: "\(numerator)/\(denominator)")
    }

    /// Reads `1.013`, `54,4`, `1.013,5` the Vietnamese way and `54.4`, `1013` the machine way; returns
    /// the value and how many decimals it is written with.
    static func parse(_ text: Substring) -> (Double, Int)? {
        if text.contains(",") {
            let parts = text.split(separator: ",", omittingEmptySubsequences: false)
            guard parts.count == 2, let value = Double(parts[0].replacingOccurrences(of: ".", with: "") + "." + parts[1]) else { return nil }
            return (value, parts[1].count)
        }
        let groups = text.split(separator: ".", omittingEmptySubsequences: false)
        if groups.count > 1 && groups.dropFirst().allSatisfy({ $0.count == 3 }) {
            return Double(groups.joined()).map { ($0, 0) }
        }
        guard let value = Double(text) else { return nil }
        return (value, groups.count == 2 ? groups[1].count : 0)
    }

    static func removingCodeSpans(_ line: String) -> String {
        guard line.contains("`") else { return line }
        var output = ""
        var inCode = false
        for character in line {
            if character == "`" { inCode.toggle(); output.append(" "); continue }
            output.append(inCode ? " " : character)
        }
        return output
    }

    nonisolated(unsafe) private static let shortcode = try! Regex(#"\{\{<\s*indicator\s+([^>]*?)>\}\}"#)
    nonisolated(unsafe) private static let idArgument = try! Regex(#"id\s*=\s*["']([^"']+)["']"#)
    nonisolated(unsafe) private static let periodArgument = try! Regex(#"period\s*=\s*["']([^"']+)["']"#)

    /// Puts the value an `indicator` shortcode prints in its place (padded to keep columns).
    func substituteShortcodes(in line: String) -> String {
        guard line.contains("{{<") else { return line }
        var output = line
        for match in line.matches(of: Self.shortcode).reversed() {
            guard let arguments = match.output[1].substring,
                  let id = (try? Self.idArgument.firstMatch(in: arguments))?.output[1].substring,
                  let indicator = indicators.first(where: { $0.id == String(id) }) else { continue }
            let period = (try? Self.periodArgument.firstMatch(in: arguments))?.output[1].substring.flatMap { Period.parse(String($0)) }
            let observation = period.map { wanted in indicator.observations.first { $0.period == wanted } } ?? indicator.latest
            guard let value = observation?.value, indicator.unit == .percent else { continue }
            output.replaceSubrange(match.range, with: IndicatorFormat.number(value, unit: indicator.unit))
        }
        return output
    }
}
