/// A calendar date and wall-clock time as an editor wrote it, in a known UTC offset.
///
/// Parsed by hand: the forms are few and fixed, and `DateFormatter` is slow and locale-bound on Linux.
public struct LocalDateTime: Sendable, Hashable, Comparable {
    public var year: Int
    public var month: Int
    public var day: Int
    public var hour: Int
    public var minute: Int
    public var second: Int
    /// Offset from UTC in minutes (`+07:00` → 420).
    public var offsetMinutes: Int
    /// Whether the editor gave a time of day; a date alone is shown without one.
    public var hasTime: Bool

    public init(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0,
                offsetMinutes: Int, hasTime: Bool = false) {
        self.year = year; self.month = month; self.day = day
        self.hour = hour; self.minute = minute; self.second = second
        self.offsetMinutes = offsetMinutes; self.hasTime = hasTime
    }

    /// Seconds since 1970-01-01T00:00Z: the instant, for ordering across offsets.
    public var epochSeconds: Int {
        let days = Self.daysFromCivil(year: year, month: month, day: day)
        return days * 86_400 + hour * 3600 + minute * 60 + second - offsetMinutes * 60
    }

    public static func < (lhs: LocalDateTime, rhs: LocalDateTime) -> Bool { lhs.epochSeconds < rhs.epochSeconds }

    /// Day of the week, 0 = Sunday.
    public var weekday: Int {
        let days = Self.daysFromCivil(year: year, month: month, day: day)
        return ((days % 7) + 11) % 7
    }

    public static func isValid(year: Int, month: Int, day: Int) -> Bool {
        guard (1...9999).contains(year), (1...12).contains(month), day >= 1 else { return false }
        return day <= daysIn(month: month, year: year)
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Howard Hinnant's days-from-civil algorithm (proleptic Gregorian).
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }
}

extension LocalDateTime {
    /// Parses `2024-03-14`, `2024-03-14T09:30`, `2024-03-14 09:30:15`, each optionally followed by `Z` or
    /// `±HH:MM`. Without an offset the given default (the site's time zone) applies.
    public static func parse(_ text: String, defaultOffsetMinutes: Int) -> LocalDateTime? {
        let chars = Array(text.trimmingWhitespace().utf8)
        var index = 0
        func number(_ width: Int) -> Int? {
            guard index + width <= chars.count else { return nil }
            var value = 0
            for offset in 0..<width {
                let c = chars[index + offset]
                guard c >= 48 && c <= 57 else { return nil }
                value = value * 10 + Int(c - 48)
            }
            index += width
            return value
        }
        func expect(_ byte: UInt8) -> Bool {
            guard index < chars.count, chars[index] == byte else { return false }
            index += 1
            return true
        }
        guard let year = number(4), expect(45), let month = number(2), expect(45), let day = number(2),
              isValid(year: year, month: month, day: day) else { return nil }
        var result = LocalDateTime(year: year, month: month, day: day, offsetMinutes: defaultOffsetMinutes)
        if index == chars.count { return result }
        guard index < chars.count, chars[index] == UInt8(ascii: "T") || chars[index] == UInt8(ascii: " ") else { return nil }
        index += 1
        guard let hour = number(2), hour < 24, expect(58), let minute = number(2), minute < 60 else { return nil }
        result.hour = hour; result.minute = minute; result.hasTime = true
        if expect(58) {
            guard let second = number(2), second < 60 else { return nil }
            result.second = second
        }
        if index == chars.count { return result }
        guard let offset = parseOffset(String(decoding: chars[index...], as: UTF8.self)) else { return nil }
        result.offsetMinutes = offset
        return result
    }

    /// `+07:00` → 420, `-05:30` → -330, `Z` → 0.
    public static func parseOffset(_ text: String) -> Int? {
        let chars = Array(text.utf8)
        if chars == [UInt8(ascii: "Z")] { return 0 }
        guard chars.count == 6, chars[0] == UInt8(ascii: "+") || chars[0] == UInt8(ascii: "-"), chars[3] == UInt8(ascii: ":")
        else { return nil }
        let digits = [chars[1], chars[2], chars[4], chars[5]]
        guard digits.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
        let hours = Int(digits[0] - 48) * 10 + Int(digits[1] - 48)
        let minutes = Int(digits[2] - 48) * 10 + Int(digits[3] - 48)
        guard hours <= 14, minutes < 60 else { return nil }
        return (chars[0] == UInt8(ascii: "-") ? -1 : 1) * (hours * 60 + minutes)
    }

    /// The same instant seen from another offset.
    public func converted(toOffsetMinutes target: Int) -> LocalDateTime {
        let shifted = epochSeconds + target * 60
        let days = Int((Double(shifted) / 86_400).rounded(.down))
        let secondsOfDay = shifted - days * 86_400
        let (y, m, d) = Self.civilFromDays(days)
        return LocalDateTime(year: y, month: m, day: d, hour: secondsOfDay / 3600, minute: secondsOfDay % 3600 / 60,
                             second: secondsOfDay % 60, offsetMinutes: target, hasTime: hasTime)
    }

    static func civilFromDays(_ z0: Int) -> (Int, Int, Int) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}

extension LocalDateTime {
    private static let weekdayNames = ["Chủ nhật", "Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy"]

    /// "ngày 14 tháng 3 năm 2024", as official documents write it.
    public var vietnameseLong: String { "ngày \(day) tháng \(month) năm \(year)" }

    /// "14/03/2024".
    public var vietnameseShort: String { "\(twoDigits(day))/\(twoDigits(month))/\(year)" }

    /// "Thứ Năm, 14/03/2024 09:30" (the time only when the editor gave one).
    public var vietnameseWithWeekday: String {
        var text = "\(Self.weekdayNames[weekday]), \(vietnameseShort)"
        if hasTime { text += " \(twoDigits(hour)):\(twoDigits(minute))" }
        return text
    }

    /// "2024-03-14T09:30:00+07:00": for `<time datetime>` and machine-readable output.
    public var iso8601: String {
        let sign = offsetMinutes < 0 ? "-" : "+"
        let offset = abs(offsetMinutes)
        return "\(year)-\(twoDigits(month))-\(twoDigits(day))T\(twoDigits(hour)):\(twoDigits(minute)):\(twoDigits(second))"
            + "\(sign)\(twoDigits(offset / 60)):\(twoDigits(offset % 60))"
    }

    /// "2024-03-14".
    public var isoDate: String { "\(year)-\(twoDigits(month))-\(twoDigits(day))" }

    private func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}

extension String {
    func trimmingWhitespace() -> String {
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}
