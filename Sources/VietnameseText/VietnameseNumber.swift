/// Numbers written the Vietnamese way: `.` groups thousands, `,` marks decimals.
public enum VietnameseNumber {
    /// `1013` → `"1.013"`, `54.4` with 1 decimal → `"54,4"`, `-1234.5` with 2 → `"-1.234,50"`.
    public static func format(_ value: Double, decimals: Int = 0) -> String {
        guard value.isFinite else { return "–" }
        // A Double has no digits left to show past 15 decimals, and 10^20 no longer fits the UInt64
        // arithmetic below: a value written with 20 decimals in values.csv used to trap here.
        let decimals = min(max(decimals, 0), 15)
        let scale = pow10(decimals)
        let scaled = (abs(value) * scale).rounded(.toNearestOrAwayFromZero)
        if scaled > 9.0e17 {
            // Too large for the integer path: the whole part's digits as printf writes them, grouped.
            let digits = String(format: "%.0f", abs(value).rounded(.toNearestOrAwayFromZero))
            return (value < 0 ? "-" : "") + grouped(digits)
        }
        let units = UInt64(scaled)
        let divisor = UInt64(scale)
        let whole = divisor == 0 ? units : units / divisor
        let fraction = divisor == 0 ? 0 : units % divisor
        var text = grouped(whole)
        if decimals > 0 {
            var digits = String(fraction)
            while digits.count < decimals { digits = "0" + digits }
            text += "," + digits
        }
        return (value < 0 && units != 0 ? "-" : "") + text
    }

    /// `54.4` → `"54,4%"`.
    public static func percent(_ value: Double, decimals: Int = 1) -> String {
        format(value, decimals: decimals) + "%"
    }

    private static func grouped(_ number: UInt64) -> String {
        grouped(String(number))
    }

    private static func grouped(_ number: String) -> String {
        let digits = Array(number)
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out.append(".") }
            out.append(digit)
        }
        return out
    }

    private static func pow10(_ exponent: Int) -> Double {
        var result = 1.0
        for _ in 0..<max(0, exponent) { result *= 10 }
        return result
    }
}
