import VietnameseText

/// A report (báo cáo) of the Steering Committee: `Content/reports/<id>/_index.md` and its sections.
public struct Report: Sendable {
    public struct Signer: Sendable, Equatable {
        /// "TM. BAN CHỈ ĐẠO".
        public var onBehalf: String
        /// "TRƯỞNG BAN".
        public var position: String
        public var name: String
    }

    public struct Section: Sendable {
        public var source: SourceFile
        public var title: String
        /// Set when the title is the section's first heading (no `title:` field), written out of `body`.
        public var heading: SectionHeading?
        /// Appendix sections (phụ lục) come after the sign-off and are not numbered.
        public var appendix: Bool
        public var body: String
        public var bodyFirstLine: Int
    }

    public var id: String
    public var source: SourceFile
    public var title: String
    /// "Báo cáo", printed above the title.
    public var kind: String
    public var number: String
    /// The issuing body's lines in the top-left block: ["UBND TỈNH BẮC KẠN", "BCĐ VỀ CHUYỂN ĐỔI SỐ"].
    public var issuer: [String]
    public var place: String
    /// Nil for a draft not dated yet.
    public var date: ReportDate?
    public var period: Period?
    /// "Dự thảo" for a draft that is published as such.
    public var status: String?
    public var signer: Signer?
    public var recipients: [String]
    public var summary: String?
    public var draft: Bool
    /// In reading order: by file-name prefix or weight.
    public var sections: [Section]

    public var url: String { URLScheme.report(id: id) }

    /// "ngày 14 tháng 3 năm 2024"; a draft without a date keeps the blanks of the printed form.
    public var dateLine: String { date?.vietnamese ?? "ngày … tháng … năm …" }
}

/// The date of an official document; a draft may leave the day blank (`2024-03`).
public struct ReportDate: Sendable, Equatable, Comparable {
    public var year: Int
    public var month: Int
    public var day: Int?

    public static func parse(_ text: String) -> ReportDate? {
        if let full = LocalDateTime.parse(text, defaultOffsetMinutes: 0), !full.hasTime {
            return ReportDate(year: full.year, month: full.month, day: full.day)
        }
        let parts = text.split(separator: "-")
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2, let year = Int(parts[0]), let month = Int(parts[1]),
              (1...12).contains(month) else { return nil }
        return ReportDate(year: year, month: month, day: nil)
    }

    /// "ngày 14 tháng 3 năm 2024", or with the day left blank as on a draft.
    public var vietnamese: String {
        "ngày \(day.map(String.init) ?? "…") tháng \(month) năm \(year)"
    }

    public var short: String {
        let dayText = day.map { $0 < 10 ? "0\($0)" : "\($0)" } ?? "…"
        return "\(dayText)/\(month < 10 ? "0\(month)" : "\(month)")/\(year)"
    }

    public var iso: String {
        let monthText = month < 10 ? "0\(month)" : "\(month)"
        guard let day else { return "\(year)-\(monthText)" }
        return "\(year)-\(monthText)-\(day < 10 ? "0\(day)" : "\(day)")"
    }

    public static func < (lhs: ReportDate, rhs: ReportDate) -> Bool {
        (lhs.year, lhs.month, lhs.day ?? 0) < (rhs.year, rhs.month, rhs.day ?? 0)
    }
}

/// A directive document (văn bản chỉ đạo điều hành): `Content/documents/*.md`.
public struct DirectiveDocument: Sendable {
    public var source: SourceFile
    /// Số ký hiệu: "833/KH-UBND".
    public var number: String
    /// Kế hoạch, Quyết định, Công văn, Tờ trình, Chỉ thị, …
    public var type: String
    public var issuer: String
    public var issued: LocalDateTime
    public var effective: LocalDateTime?
    public var signer: String?
    /// Lĩnh vực.
    public var field: String?
    /// Trích yếu.
    public var summary: String
    public var file: ResolvedResource?
    public var body: String
    public var bodyFirstLine: Int
    public var slug: String
    /// The type's address segment (`Kế hoạch` → `ke-hoach`): its list is `/van-ban/loai/<typeSlug>/`.
    public var typeSlug: String

    public var url: String { URLScheme.document(slug: slug) }
}
