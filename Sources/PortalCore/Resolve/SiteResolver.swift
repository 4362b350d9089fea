import VietnameseText

/// The resolve stage: checks every value against the rest of the site and builds the `SiteModel`.
/// Reads and writes no files; every problem becomes a finding and all are collected.
public struct SiteResolver: Sendable {
    public var includeDrafts: Bool
    /// What the previous resolve made, for the preview server; a fresh one otherwise.
    let cache: ResolveCache
    let slugs: SlugMemo

    public init(includeDrafts: Bool) {
        self.init(includeDrafts: includeDrafts, cache: nil)
    }

    init(includeDrafts: Bool, cache: ResolveCache?) {
        self.includeDrafts = includeDrafts
        self.cache = cache ?? ResolveCache()
        slugs = self.cache.slugs
    }

    public func resolve(_ loaded: LoadedContent, findings: inout Findings) -> SiteModel {
        let config = loaded.config
        var urls = URLRegistry()
        var copied: [CopiedFile] = []

        var news: [NewsItem] = []
        let previousNews = cache.news
        let listed = loaded.news.filter { includeDrafts || !$0.draft }
        // Each item on its own (on every core); then, in order, the addresses they claim.
        let resolvedEntries = listed.parallelMap { item -> ResolveCache.NewsEntry in
            // An image is looked for among the other files, which may have changed; such items are few.
            if item.image == nil, let previous = previousNews[item.source.relativePath], previous.text == item.source.text,
               previous.settings == config.sourceText {
                return previous
            }
            var local = Findings()
            let resolved = resolveNews(item, loaded: loaded, findings: &local)
            return ResolveCache.NewsEntry(text: item.source.text, settings: config.sourceText, item: resolved, findings: local)
        }
        var newsEntries: [String: ResolveCache.NewsEntry] = [:]
        newsEntries.reserveCapacity(listed.count)
        for (item, entry) in zip(listed, resolvedEntries) {
            newsEntries[item.source.relativePath] = entry
            findings += entry.findings
            guard let resolved = entry.item else { continue }
            urls.claim(resolved.url, by: resolved.source.displayPath, at: item.slug?.location ?? item.title.location, findings: &findings)
            news.append(resolved)
        }
        cache.keepNews(newsEntries)
        // Sorted by key, then moved once: a sort comparing the items themselves copies them at every step.
        let keys = news.map { (epoch: $0.date.epochSeconds, slug: $0.slug) }
        let order = news.indices.sorted { keys[$0].epoch != keys[$1].epoch ? keys[$0].epoch > keys[$1].epoch : keys[$0].slug < keys[$1].slug }
        news = order.map { news[$0] }

        var pages: [Page] = []
        for loadedPage in loaded.pages where includeDrafts || !loadedPage.draft {
            guard let page = resolvePage(loadedPage, templates: loaded.theme, findings: &findings) else { continue }
            urls.claim(page.url, by: page.source.displayPath, at: loadedPage.slug?.location ?? loadedPage.title.location, findings: &findings)
            pages.append(page)
        }
        pages.sort { $0.slug < $1.slug }

        var tagIndex: [String: Int] = [:]
        var tags: [SiteModel.Tag] = []
        var byCategory: [String: [Int]] = [:]
        for (index, item) in news.enumerated() {
            byCategory[item.categoryID, default: []].append(index)
            for (tag, slug) in zip(item.tags, item.tagSlugs) {
                if let existing = tagIndex[slug] {
                    if tags[existing].items.last != index { tags[existing].items.append(index) }
                } else {
                    tagIndex[slug] = tags.count
                    tags.append(SiteModel.Tag(name: tag, slug: slug, items: [index]))
                }
            }
        }

        var sortedFiles: [String]?
        var photos = PhotoSources()
        for item in news {
            if let bundle = item.bundleFolder {
                if sortedFiles == nil { sortedFiles = loaded.contentFiles.sorted() }
                let files = sortedFiles ?? []
                let folder = bundle + "/"
                // The bundle's files sit together in the sorted list, from the first path not below the folder's.
                var low = 0, high = files.count
                while low < high {
                    let middle = (low + high) / 2
                    if files[middle] < folder { low = middle + 1 } else { high = middle }
                }
                for path in files[low...].prefix(while: { $0.hasPrefix(folder) }) where !FileTree.hasExtension(path, "md") {
                    let name = String(path.dropFirst(bundle.count + 1))
                    let outputPath = String(item.url.dropFirst()) + name
                    if PhotoSources.isPhoto(path) {
                        photos.add(path, publishedAt: "/" + outputPath)
                    } else {
                        copied.append(CopiedFile(root: .content, sourcePath: path, outputPath: outputPath))
                    }
                }
            } else if let image = item.image, !image.contentPath.isEmpty, !image.contentPath.hasPrefix("media/") {
                if PhotoSources.isPhoto(image.contentPath) {
                    photos.add(image.contentPath, publishedAt: image.url)
                } else {
                    copied.append(CopiedFile(root: .content, sourcePath: image.contentPath, outputPath: String(image.url.dropFirst())))
                }
            }
        }
        let documentResolver = DocumentResolver(includeDrafts: includeDrafts, resolver: self)
        let reports = documentResolver.resolveReports(loaded.reports, findings: &findings)
        let documents = documentResolver.resolveDocuments(loaded.documents, files: loaded.contentFiles, findings: &findings)
        for report in reports {
            urls.claim(report.url, by: report.source.displayPath, at: report.source.location(), findings: &findings)
        }
        for document in documents {
            urls.claim(document.url, by: document.source.displayPath, at: document.source.location(), findings: &findings)
            if let file = document.file, !file.contentPath.isEmpty, !file.contentPath.hasPrefix("media/") {
                copied.append(CopiedFile(root: .content, sourcePath: file.contentPath, outputPath: String(file.url.dropFirst())))
            }
        }
        for path in loaded.mediaFiles {
            if PhotoSources.isPhoto(path) {
                photos.add(path, publishedAt: "/" + path)
            } else {
                copied.append(CopiedFile(root: .content, sourcePath: path, outputPath: path))
            }
        }
        photos.addTheRest(of: loaded.contentFiles)
        var imageFields: [String: SourceLocation] = [:]
        for item in listed { if let image = item.image { imageFields[item.source.relativePath] = image.location } }
        for item in news {
            if let image = item.image, !image.contentPath.isEmpty, let location = imageFields[item.source.relativePath] {
                photos.markLeadImage(image.contentPath, of: item.source.relativePath, at: location)
            }
        }
        for path in loaded.theme.assets {
            copied.append(CopiedFile(root: .theme, sourcePath: path, outputPath: path))
        }
        for file in copied {
            urls.claim("/" + file.outputPath, by: file.sourcePath, at: nil, findings: &findings)
        }

        let (groups, indicators) = IndicatorResolver().resolve(loaded.indicators, findings: &findings)
        let prose = ProseFigureCheck(indicators: indicators)
        let bodies = news.map { item in ProseBody(file: item.source, firstLine: item.bodyFirstLine) { item.body } }
            + pages.map { page in ProseBody(file: page.source, firstLine: page.bodyFirstLine) { page.body } }
            + documents.map { document in ProseBody(file: document.source, firstLine: document.bodyFirstLine) { document.body } }
            + reports.flatMap(\.sections).map { section in ProseBody(file: section.source, firstLine: section.bodyFirstLine) { section.body } }
        cache.keep(slugs)
        findings += cache.proseFindings(for: bodies, indicatorSources: loaded.indicators.sourceTexts) { body, text in
            var local = Findings()
            prose.check(body: text, file: body.file, bodyFirstLine: body.firstLine, findings: &local)
            return local
        }
        var model = SiteModel(config: config, news: news, pages: pages, reports: reports, documents: documents, tags: tags,
                              newsByCategory: byCategory,
                              indicatorGroups: groups, indicators: indicators, dataFiles: loaded.dataFiles, copiedFiles: copied,
                              indicatorSources: loaded.indicators.sourceTexts)
        model.rankings = RankingResolver().resolve(loaded.rankings, findings: &findings)
        model.photoSources = photos.sorted
        model.svgFiles = copied.filter { $0.root == .content && FileTree.hasExtension($0.sourcePath, "svg") }.map(\.sourcePath)
        model.photos.contentFiles = loaded.contentFiles
        model.photos.filesWithLeadImage = photos.filesWithLeadImage
        model.routes = RouteResolver(model: model).routes()
        model.aliases = AliasResolver(model: model).resolve(loaded, findings: &findings)
        return model
    }

    func resolveNews(_ item: LoadedNewsItem, loaded: LoadedContent, findings: inout Findings) -> NewsItem? {
        var ok = true
        let config = loaded.config
        if config.category(id: item.category.value) == nil {
            let known = config.categories.map(\.id).joined(separator: ", ")
            findings.append(.error("unknown category \"\(item.category.value)\" (site.yaml lists: \(known))", at: item.category.location))
            ok = false
        }
        let slug = resolveSlug(explicit: item.slug, title: item.title, findings: &findings)
        if slug == nil { ok = false }

        var image: ResolvedResource?
        if let imageField = item.image {
            if item.imageAlt == nil {
                findings.append(.error("image_alt is required when image is set: describe the picture for readers who cannot see it",
                                       at: imageField.location))
                ok = false
            }
            if let slug {
                image = resolveResource(imageField, besides: item.source.relativePath, itemURL: URLScheme.newsItem(slug: slug),
                                        files: loaded.contentFiles, findings: &findings)
                if image == nil { ok = false }
            }
        }
        guard ok, let slug else { return nil }
        let tags = uniqueTags(item.tags.map(\.value))
        return NewsItem(
            source: item.source, bundleFolder: item.bundleFolder, title: item.title.value,
            date: item.date.value.converted(toOffsetMinutes: config.timeZoneOffsetMinutes),
            categoryID: item.category.value, tags: tags.map(\.tag), tagSlugs: tags.map(\.slug),
            summary: item.summary?.value, image: image, imageAlt: item.imageAlt?.value, author: item.author?.value,
            sourceLine: item.sourceLine?.value, slug: slug, draft: item.draft, featured: item.featured,
            bodyUTF8Offset: item.bodyUTF8Offset, bodyFirstLine: item.bodyFirstLine)
    }

    func resolvePage(_ page: LoadedPage, templates: Theme, findings: inout Findings) -> Page? {
        guard let slug = resolveSlug(explicit: page.slug, title: page.title, findings: &findings) else { return nil }
        if URLScheme.reservedFirstSegments.contains(slug) {
            findings.append(.error("the address /\(slug)/ is used by the portal itself: give this page another slug",
                                   at: page.slug?.location ?? page.title.location))
            return nil
        }
        let layout = page.layout?.value ?? "page"
        // Every template's name ends in ".mustache" in some case (`ThemeLoader`).
        if !templates.templates.contains(where: { $0.relativePath.dropLast(".mustache".count) == "templates/\(layout)" }) {
            findings.append(.error("layout \"\(layout)\" has no template: add Theme/templates/\(layout).mustache or use layout: page",
                                   at: page.layout?.location ?? page.source.location()))
            return nil
        }
        return Page(source: page.source, title: page.title.value, summary: page.summary?.value, slug: slug, layout: layout,
                    language: page.language, draft: page.draft, body: page.body, bodyFirstLine: page.bodyFirstLine)
    }

    /// An explicit slug is checked, never silently rewritten into a different address; a default slug is
    /// the transliterated title.
    func resolveSlug(explicit: Located<String>?, title: Located<String>, findings: inout Findings) -> String? {
        if let explicit {
            let value = explicit.value
            if value.containsASCII("/") || value.containsASCII("\\") || value.containsASCII("..") {
                findings.append(.error("slug \"\(value)\" must not contain \"/\", \"\\\" or \"..\": use letters, digits and \"-\" only",
                                       at: explicit.location))
                return nil
            }
            let slug = slugs.make(value)
            if slug.isEmpty {
                findings.append(.error("slug \"\(value)\" has no letters or digits", at: explicit.location))
                return nil
            }
            return slug
        }
        let slug = slugs.make(title.value)
        if slug.isEmpty {
            findings.append(.error("the title has no letters or digits to make an address from: add a slug field", at: title.location))
            return nil
        }
        return slug
    }

    /// Finds an image written relative to the item's file, relative to `Content/media/`, or from the
    /// content root (`/media/anh.jpg`). Paths that climb out of `Content/` are refused.
    func resolveResource(_ field: Located<String>, besides filePath: String, itemURL: String, files: Set<String>,
                         findings: inout Findings, noun: String = "image") -> ResolvedResource? {
        let value = field.value
        if value.hasPrefix("https://") || value.hasPrefix("http://") {
            return ResolvedResource(contentPath: "", url: value)
        }
        let folder = filePath.split(separator: "/").dropLast().joined(separator: "/")
        var candidates: [String?] = []
        if value.hasPrefix("/") {
            candidates = [RelativePath.normalise(String(value.dropFirst()))]
        } else {
            candidates = [RelativePath.normalise(folder + "/" + value), RelativePath.normalise("media/" + value)]
        }
        if candidates.allSatisfy({ $0 == nil }) {
            findings.append(.error("\(noun) path \"\(value)\" leads outside the Content folder: put the file in Content/media/",
                                   at: field.location))
            return nil
        }
        for case let candidate? in candidates where files.contains(candidate) {
            if candidate.hasPrefix("media/") {
                return ResolvedResource(contentPath: candidate, url: "/" + candidate)
            }
            let name = candidate.split(separator: "/").last.map(String.init) ?? candidate
            let bundleRelative = candidate.hasPrefix(folder + "/") ? String(candidate.dropFirst(folder.count + 1)) : name
            return ResolvedResource(contentPath: candidate, url: itemURL + bundleRelative)
        }
        let looked = candidates.compactMap { $0.map { "Content/" + $0 } }.joined(separator: " and ")
        findings.append(.error("\(noun) file \"\(value)\" not found (looked for \(looked))", at: field.location))
        return nil
    }

    /// The tags with their slugs, each slug once, in the order written.
    private func uniqueTags(_ tags: [String]) -> [(tag: String, slug: String)] {
        var seen: Set<String> = []
        return tags.map { (tag: $0, slug: slugs.make($0)) }.filter { seen.insert($0.slug).inserted && !$0.slug.isEmpty }
    }
}

/// Which file claimed which URL first; a second claim is an error naming both files.
struct URLRegistry {
    private var owners: [String: String] = [:]

    mutating func claim(_ url: String, by file: String, at location: SourceLocation?, findings: inout Findings) {
        if let owner = owners[url] {
            let message = "\(owner) and \(file) would both be published at \(url): give one of them a different slug"
            if let location {
                findings.append(.error(message, at: location))
            } else {
                findings.append(Finding(file: file, message: message))
            }
            return
        }
        owners[url] = file
    }
}

/// A Markdown body to check, wherever it came from. The text is made only when checked: a news item's
/// is cut from its file's text at each use, and a cached check needs only the file's text.
struct ProseBody: Sendable {
    var file: SourceFile
    var firstLine: Int
    var text: @Sendable () -> String
}
