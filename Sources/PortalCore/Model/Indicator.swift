import Foundation

/// A reporting period as `values.csv` writes it: `2024`, `2024-H1`, `2024-Q1` or `2024-03`.
public enum Period: Sendable, Hashable, Comparable, CustomStringConvertible {
    case year(Int)
    case half(Int, Int)
    case quarter(Int, Int)
    case month(Int, Int)

    public static func parse(_ text: String) -> Period? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, first.count == 4, let year = Int(first), year >= 1900, year <= 2200 else { return nil }
        if parts.count == 1 { return .year(year) }
        guard parts.count == 2 else { return nil }
        let rest = parts[1]
        if rest.count == 2, rest.first == "H", let half = Int(rest.dropFirst()), (1...2).contains(half) { return .half(year, half) }
        if rest.count == 2, rest.first == "Q", let quarter = Int(rest.dropFirst()), (1...4).contains(quarter) { return .quarter(year, quarter) }
        if rest.count == 2, rest.allSatisfy(\.isASCII), let month = Int(rest), (1...12).contains(month) { return .month(year, month) }
        return nil
    }

    public var year: Int {
        switch self {
        case .year(let y), .half(let y, _), .quarter(let y, _), .month(let y, _): y
        }
    }

    /// The last month the period covers, then its length: orders periods by when they end, a quarter
    /// after its last month.
    var sortKey: (Int, Int) {
        switch self {
        case .year(let y): (y * 12 + 12, 4)
        case .half(let y, let h): (y * 12 + h * 6, 3)
        case .quarter(let y, let q): (y * 12 + q * 3, 2)
        case .month(let y, let m): (y * 12 + m, 1)
        }
    }

    public static func < (lhs: Period, rhs: Period) -> Bool { lhs.sortKey < rhs.sortKey }

    /// As written in `values.csv`.
    public var description: String {
        switch self {
        case .year(let y): "\(y)"
        case .half(let y, let h): "\(y)-H\(h)"
        case .quarter(let y, let q): "\(y)-Q\(q)"
        case .month(let y, let m): m < 10 ? "\(y)-0\(m)" : "\(y)-\(m)"
        }
    }

    /// As a Vietnamese report writes it: "Quý I/2024", "6 tháng đầu năm 2024", "Tháng 3/2024", "Năm 2024".
    public var vietnamese: String {
        switch self {
        case .year(let y): "Năm \(y)"
        case .half(let y, let h): h == 1 ? "6 tháng đầu năm \(y)" : "6 tháng cuối năm \(y)"
        case .quarter(let y, let q): "Quý \(["I", "II", "III", "IV"][q - 1])/\(y)"
        case .month(let y, let m): "Tháng \(m)/\(y)"
        }
    }
}

/// How an indicator's values are measured and shown.
public enum IndicatorUnit: String, Sendable, CaseIterable {
    case percent, count, ratio, score
}

/// A target expression from `indicators.yaml`: `">= 80"`, `"> 30"`, `"<= 5"`, `"< 5"`, or `"80"`
/// (a bare number means at least that).
public struct Target: Sendable, Equatable {
    public enum Comparison: String, Sendable, Equatable {
        case atLeast = ">="
        case above = ">"
        case atMost = "<="
        case below = "<"
    }

    public var comparison: Comparison
    public var value: Double
    /// The number as written, to show it with the same precision.
    public var valueText: String

    public static func parse(_ text: String) -> Target? {
        var rest = Substring(text.trimmingCharacters(in: .whitespaces))
        var comparison = Comparison.atLeast
        for candidate in [Comparison.atLeast, .atMost, .above, .below] where rest.hasPrefix(candidate.rawValue) {
            comparison = candidate
            rest = rest.dropFirst(candidate.rawValue.count)
            break
        }
        if rest.hasPrefix("≥") { comparison = .atLeast; rest = rest.dropFirst() }
        else if rest.hasPrefix("≤") { comparison = .atMost; rest = rest.dropFirst() }
        var number = rest.trimmingCharacters(in: .whitespaces)
        if number.hasSuffix("%") { number.removeLast() }
        guard let value = MachineNumber.parse(number) else { return nil }
        return Target(comparison: comparison, value: value.value, valueText: number)
    }

    public func isMet(by value: Double) -> Bool {
        // Values are compared at the precision they are written with; a tiny epsilon absorbs binary noise.
        let epsilon = 1e-9
        switch comparison {
        case .atLeast: return value >= self.value - epsilon
        case .above: return value > self.value + epsilon
        case .atMost: return value <= self.value + epsilon
        case .below: return value < self.value - epsilon
        }
    }

    public var symbol: String {
        switch comparison {
        case .atLeast: "≥"
        case .above: ">"
        case .atMost: "≤"
        case .below: "<"
        }
    }
}

/// A number as written in a data file: dot decimal, no thousands separator; remembers its decimals.
public struct MachineNumber: Sendable, Equatable {
    public var value: Double
    public var decimals: Int

    public init(value: Double, decimals: Int) {
        self.value = value
        self.decimals = decimals
    }

    public static func parse(_ text: String) -> MachineNumber? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return nil }
        var digitsSeen = false
        var dotSeen = false
        var decimals = 0
        for (index, character) in trimmed.enumerated() {
            switch character {
            case "0"..."9":
                digitsSeen = true
                if dotSeen { decimals += 1 }
            case ".":
                if dotSeen { return nil }
                dotSeen = true
            case "-" where index == 0:
                continue
            default:
                return nil
            }
        }
        guard digitsSeen, !trimmed.hasSuffix("."), let value = Double(trimmed), value.isFinite else { return nil }
        return MachineNumber(value: value, decimals: decimals)
    }
}

/// An explicit status from `values.csv`, when there is no number to judge.
public enum GivenStatus: String, Sendable, CaseIterable {
    case noData = "no-data"
    case inProgress = "in-progress"
    case notStarted = "not-started"
}

/// An indicator's standing against its year's target.
public enum IndicatorStatus: String, Sendable, Equatable {
    case achieved, notAchieved, noData, inProgress, notStarted

    public var vietnamese: String {
        switch self {
        case .achieved: "Đạt"
        case .notAchieved: "Chưa đạt"
        case .noData: "Chưa có số liệu"
        case .inProgress: "Đang triển khai"
        case .notStarted: "Chưa thực hiện"
        }
    }

    /// For CSS classes and CSV downloads.
    public var slug: String {
        switch self {
        case .achieved: "dat"
        case .notAchieved: "chua-dat"
        case .noData: "chua-co-so-lieu"
        case .inProgress: "dang-trien-khai"
        case .notStarted: "chua-thuc-hien"
        }
    }
}

public struct IndicatorGroup: Sendable, Equatable {
    public var id: String
    public var name: String
}

/// One indicator with its definition and every observation, resolved and ordered by period.
public struct Indicator: Sendable {
    public var id: String
    public var groupID: String
    public var name: String
    public var unit: IndicatorUnit
    public var formula: String?
    /// Year → target.
    public var targets: [Int: Target]
    public var source: String?
    /// Markdown.
    public var description: String?
    /// Shown in the home page's highlights block.
    public var highlight: Bool
    public var observations: [Observation]
    public var location: SourceLocation

    /// `1.3b` → `1-3b`: the indicator's address segment.
    public var slug: String { IndicatorSlug.make(id) }
    public var url: String { URLScheme.indicator(slug: slug) }

    public var latest: Observation? { observations.last }

    public func target(for period: Period) -> Target? { targets[period.year] }

    /// The status of one observation against its year's target; nil when there is nothing to judge
    /// against (no target for that year).
    public func status(of observation: Observation) -> IndicatorStatus? {
        if let given = observation.givenStatus {
            switch given {
            case .noData: return .noData
            case .inProgress: return .inProgress
            case .notStarted: return .notStarted
            }
        }
        guard let value = observation.value?.value else { return .noData }
        guard let target = target(for: observation.period) else { return nil }
        return target.isMet(by: value) ? .achieved : .notAchieved
    }
}

public struct Observation: Sendable {
    public var period: Period
    public var value: MachineNumber?
    public var numerator: MachineNumber?
    public var denominator: MachineNumber?
    public var givenStatus: GivenStatus?
    public var asOf: String?
    public var note: String?
    public var location: SourceLocation
}

enum IndicatorSlug {
    /// Keeps the letters of an id and turns its dots into dashes: `1.3b` → `1-3b`.
    static func make(_ id: String) -> String {
        var result = ""
        var pendingDash = false
        for character in id.lowercased() {
            if character.isASCII && (character.isLetter || character.isNumber) {
                if pendingDash && !result.isEmpty { result.append("-") }
                pendingDash = false
                result.append(character)
            } else {
                pendingDash = true
            }
        }
        return result
    }
}
