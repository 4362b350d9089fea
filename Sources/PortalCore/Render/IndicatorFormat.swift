import VietnameseText

/// Indicator numbers as a Vietnamese reader expects them, at the precision they were written with.
enum IndicatorFormat {
    static func number(_ number: MachineNumber, unit: IndicatorUnit) -> String {
        let text = VietnameseNumber.format(number.value, decimals: unit == .count ? 0 : number.decimals)
        return unit == .percent ? text + "%" : text
    }

    static func plain(_ number: MachineNumber) -> String {
        VietnameseNumber.format(number.value, decimals: number.decimals)
    }

    static func target(_ target: Target, unit: IndicatorUnit) -> String {
        let decimals = target.valueText.split(separator: ".").dropFirst().first?.count ?? 0
        let number = VietnameseNumber.format(target.value, decimals: decimals)
        return "\(target.symbol) \(number)\(unit == .percent ? "%" : "")"
    }

    /// What an observation shows in place of a number.
    static func observation(_ observation: Observation, unit: IndicatorUnit) -> String {
        if let value = observation.value { return number(value, unit: unit) }
        switch observation.givenStatus {
        case .inProgress: return "Đang triển khai"
        case .notStarted: return "Chưa thực hiện"
        case .noData, nil: return "Chưa có số liệu"
        }
    }

    static func asOf(_ text: String?) -> String? {
        guard let text, let date = LocalDateTime.parse(text, defaultOffsetMinutes: 0) else { return nil }
        return date.vietnameseShort
    }
}
