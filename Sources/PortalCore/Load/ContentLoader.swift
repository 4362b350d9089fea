import VietnameseText

/// Reads news items and stand-alone pages: front matter field by field, body kept as Markdown.
public struct ContentLoader: Sendable {
    public init() {}

    /// News items are `news/*.md` and bundles `news/<name>/index.md`; other files in a bundle folder are
    /// its resources (images), not items.
    public func newsPaths(in files: [String]) -> [(path: String, bundle: String?)] {
        var result: [(String, String?)] = []
        for path in files where path.hasPrefix("news/") && FileTree.hasExtension(path, "md") {
            // Listed paths have no empty parts, so the slashes tell the shape: news/a.md, news/b/index.md.
            let slashes = path.utf8.count(where: { $0 == UInt8(ascii: "/") })
            if slashes == 1 {
                result.append((path, nil))
            } else if slashes == 2 && FileTree.isNamed(path, "index", extension: "md") {
                result.append((path, String(path.dropLast("/index.md".count))))
            }
        }
        return result
    }

    public func loadNews(path: String, bundle: String?, tree: FileTree, timeZone: Int, findings: inout Findings) -> LoadedNewsItem? {
        guard let file = readNonEmpty(path, tree: tree, findings: &findings),
              let split = FrontMatter.split(file, findings: &findings),
              var fields = YAMLFields.parse(split.yaml, in: file, firstLine: split.yamlFirstLine, findings: &findings)
        else { return nil }

        let title = fields.string("title", required: true, findings: &findings)
        let dateText = fields.string("date", required: true, findings: &findings)
        let category = fields.string("category", required: true, findings: &findings)
        let tags = fields.stringList("tags", findings: &findings)
        let summary = fields.string("summary", findings: &findings)
        let image = fields.string("image", findings: &findings)
        let imageAlt = fields.string("image_alt", findings: &findings)
        let author = fields.string("author", findings: &findings)
        let sourceLine = fields.string("source", findings: &findings)
        let slug = fields.string("slug", findings: &findings)
        let draft = fields.bool("draft", findings: &findings)?.value ?? false
        let featured = fields.bool("featured", findings: &findings)?.value ?? false
        let aliases = fields.stringList("aliases", findings: &findings)
        fields.reportUnknownKeys(severity: .warning, findings: &findings)

        var date: Located<LocalDateTime>?
        if let dateText {
            if let parsed = LocalDateTime.parse(dateText.value, defaultOffsetMinutes: timeZone) {
                date = Located(parsed, at: dateText.location)
            } else {
                findings.append(.error("cannot read date \"\(dateText.value)\": write it as 2024-03-14 or 2024-03-14T09:30",
                                       at: dateText.location))
            }
        }
        guard let title, let date, let category else { return nil }
        return LoadedNewsItem(source: file, bundleFolder: bundle, title: title, date: date, category: category, tags: tags,
                              summary: summary, image: image, imageAlt: imageAlt, author: author, sourceLine: sourceLine,
                              slug: slug, draft: draft, featured: featured, bodyUTF8Offset: split.bodyUTF8Offset,
                              bodyFirstLine: split.bodyFirstLine, aliases: aliases)
    }

    public func loadPage(path: String, tree: FileTree, findings: inout Findings) -> LoadedPage? {
        guard let file = readNonEmpty(path, tree: tree, findings: &findings),
              let split = FrontMatter.split(file, findings: &findings),
              var fields = YAMLFields.parse(split.yaml, in: file, firstLine: split.yamlFirstLine, findings: &findings)
        else { return nil }
        let title = fields.string("title", required: true, findings: &findings)
        let summary = fields.string("summary", findings: &findings)
        let slug = fields.string("slug", findings: &findings)
        let layout = fields.string("layout", findings: &findings)
        let language = fields.string("language", findings: &findings)?.value
        let draft = fields.bool("draft", findings: &findings)?.value ?? false
        let aliases = fields.stringList("aliases", findings: &findings)
        fields.reportUnknownKeys(severity: .warning, findings: &findings)
        guard let title else { return nil }
        return LoadedPage(source: file, title: title, summary: summary, slug: slug, layout: layout, language: language, draft: draft,
                          body: split.body, bodyFirstLine: split.bodyFirstLine, aliases: aliases)
    }

    private func readNonEmpty(_ path: String, tree: FileTree, findings: inout Findings) -> SourceFile? {
        guard let file = tree.readText(path, findings: &findings) else { return nil }
        if file.text.allSatisfy(\.isWhitespace) {
            findings.append(.error("file is empty: write its front matter (---, title: …, ---) and text, or delete it",
                                   at: file.location()))
            return nil
        }
        return file
    }
}
