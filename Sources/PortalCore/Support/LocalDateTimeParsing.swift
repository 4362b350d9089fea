import VietnameseText

enum LocalDateTimeParsing {
    /// A calendar date alone: `2024-03-10`.
    static func isDate(_ text: String) -> Bool {
        guard text.count == 10, let parsed = LocalDateTime.parse(text, defaultOffsetMinutes: 0) else { return false }
        return !parsed.hasTime
    }
}
