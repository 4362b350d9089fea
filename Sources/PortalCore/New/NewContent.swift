import Foundation
import VietnameseText

/// `portal new`: a news item, document or page with its front matter filled in, so an editor starts from
/// a file that builds instead of from a blank page.
public enum NewContentKind: String, CaseIterable, Sendable {
    case news, document, page
}

public struct NewContentError: Error, CustomStringConvertible, Equatable {
    public var description: String
}

public struct NewContent: Sendable {
    public var kind: NewContentKind
    public var title: String
    /// The moment to date the file with; the caller reads the clock.
    public var now: Date

    public init(kind: NewContentKind, title: String, now: Date) {
        self.kind = kind
        self.title = title
        self.now = now
    }

    /// Writes the file under `tree` and returns its display path (`Content/news/2024-03-14-tieu-de.md`).
    /// Never replaces a file: a taken name gets `-2`, `-3`, … (and, for news and pages, a `slug` field to
    /// match, so the address does not collide either).
    public func create(in tree: FileTree, config: SiteConfig) throws(NewContentError) -> String {
        let title = self.title.trimmingCharacters(in: .whitespaces)
        guard !title.isEmpty else { throw NewContentError(description: "the title is empty: write it in quotes, e.g. \"Tiêu đề tin\"") }
        guard !title.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            throw NewContentError(description: "the title must be one line without control characters")
        }
        let slug = Slug.make(title)
        guard !slug.isEmpty else {
            throw NewContentError(description: "the title has no letters or digits to make a file name from")
        }
        if kind == .page, URLScheme.reservedFirstSegments.contains(slug) {
            throw NewContentError(description: "the address /\(slug)/ is used by the portal itself: choose another title")
        }
        let local = Self.localTime(now, offsetMinutes: config.timeZoneOffsetMinutes)
        let folder = switch kind {
        case .news: "news"
        case .document: "documents"
        case .page: "pages"
        }
        let stem = kind == .page ? slug : "\(local.isoDate)-\(slug)"
        do {
            try FileManager.default.createDirectory(at: tree.url(folder), withIntermediateDirectories: true)
        } catch {
            throw NewContentError(description: "cannot create the folder \(tree.displayPath(folder)): \(error.localizedDescription)")
        }
        for attempt in 1...100 {
            let suffix = attempt == 1 ? "" : "-\(attempt)"
            let relative = "\(folder)/\(stem)\(suffix).md"
            // A bundle folder of the same name is the same item.
            if tree.exists("\(folder)/\(stem)\(suffix)") { continue }
            let text = frontMatter(title: title, slug: attempt == 1 ? nil : slug + suffix, local: local, config: config)
            switch Self.createExclusively(tree.url(relative).path, contents: Data(text.utf8)) {
            case .created: return tree.displayPath(relative)
            case .exists: continue
            case .failed(let reason):
                throw NewContentError(description: "cannot write \(tree.displayPath(relative)): \(reason)")
            }
        }
        throw NewContentError(description: "\(tree.displayPath(folder)) already has 100 files named \(stem)…: give the title more words")
    }

    func frontMatter(title: String, slug: String?, local: LocalDateTime, config: SiteConfig) -> String {
        let quotedTitle = Self.yamlQuoted(title)
        let slugLine = slug.map { "slug: \($0)  # tên tệp \"\($0)\" đã có nên địa chỉ cũng đổi theo\n" } ?? ""
        switch kind {
        case .news:
            let ids = config.categories.map(\.id)
            let first = ids.first ?? "chinh-quyen-so"
            let time = "\(local.isoDate)T\(Self.twoDigits(local.hour)):\(Self.twoDigits(local.minute))"
            return """
                ---
                title: \(quotedTitle)
                date: \(time)
                category: \(first)  # chọn một: \(ids.joined(separator: ", "))
                tags: []  # ví dụ: ["dịch vụ công trực tuyến", "chữ ký số"]
                \(slugLine)draft: true  # xoá dòng này khi tin đã sẵn sàng đăng
                ---

                Đoạn mở đầu: nêu ý chính của tin trong một, hai câu (dùng làm tóm tắt nếu không có trường summary).

                """
        case .document:
            let type = Self.documentType(of: title).map(Self.yamlQuoted) ?? "\"\""
            return """
                ---
                number: ""  # số ký hiệu, ví dụ 833/KH-UBND
                type: \(type)  # Kế hoạch, Quyết định, Công văn, Tờ trình, Chỉ thị, …
                issuer: ""  # cơ quan ban hành, ví dụ UBND tỉnh
                issued: \(local.isoDate)  # ngày ban hành
                # effective: \(local.isoDate)  # ngày có hiệu lực, nếu khác ngày ban hành
                signer: ""  # người ký
                field: ""  # lĩnh vực
                summary: \(quotedTitle)  # trích yếu
                # file: van-ban/ten-tep.pdf  # tệp đính kèm trong Content/media/, nếu có
                ---

                """
        case .page:
            return """
                ---
                title: \(quotedTitle)
                summary: ""  # một câu giới thiệu trang
                \(slugLine)draft: true  # xoá dòng này khi trang đã sẵn sàng đăng
                ---

                Nội dung trang.

                """
        }
    }

    /// Kinds of directive documents, as titles begin with them.
    static let documentTypes = ["Kế hoạch", "Quyết định", "Công văn", "Tờ trình", "Chỉ thị", "Thông báo", "Báo cáo",
                                "Nghị quyết", "Hướng dẫn", "Chương trình", "Đề án", "Thông tư", "Nghị định"]

    /// "Kế hoạch chuyển đổi số năm 2024" is a Kế hoạch: the one field a title tells.
    static func documentType(of title: String) -> String? {
        let slug = Slug.make(title)
        return documentTypes.first { slug == Slug.make($0) || slug.hasPrefix(Slug.make($0) + "-") }
    }

    /// The wall-clock time at `date` in the site's time zone.
    static func localTime(_ date: Date, offsetMinutes: Int) -> LocalDateTime {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        return LocalDateTime(year: 1970, month: 1, day: 1, second: seconds, offsetMinutes: 0, hasTime: true)
            .converted(toOffsetMinutes: offsetMinutes)
    }

    static func yamlQuoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    static func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

    enum Creation: Equatable {
        case created, exists
        case failed(String)
    }

    /// `O_EXCL`: the check that the name is free and the creation are one step, so two editors running
    /// `portal new` at once cannot overwrite each other.
    static func createExclusively(_ path: String, contents: Data) -> Creation {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        if descriptor < 0 {
            return errno == EEXIST ? .exists : .failed(String(cString: strerror(errno)))
        }
        defer { close(descriptor) }
        let written = contents.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        return written == contents.count ? .created : .failed(String(cString: strerror(errno)))
    }
}
