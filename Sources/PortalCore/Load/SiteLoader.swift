import Foundation

/// The load stage: reads `Content/` and `Theme/` into `LoadedContent`, collecting every finding.
public struct SiteLoader: Sendable {
    public var content: FileTree
    public var theme: FileTree

    public init(content: FileTree, theme: FileTree) {
        self.content = content
        self.theme = theme
    }

    public func load(findings: inout Findings) -> LoadedContent? {
        let snapshot = load(changes: .everything, previous: nil)
        findings += snapshot.findings
        return snapshot.content
    }

    /// Loads again after `changes`, reusing from `previous` every part none of whose files changed: after
    /// one saved news item that is one file read, not the whole archive. With `.everything` or no
    /// previous load, reads everything. The result is what a fresh load of the folders gives.
    public func load(changes: ContentChanges, previous: LoadSnapshot?) -> LoadSnapshot {
        var findings = Findings()
        guard content.isDirectory("") else {
            findings.append(Finding(file: content.displayRoot, message: "content folder not found: run in the site's folder or pass --content"))
            return LoadSnapshot(parts: nil, findings: findings)
        }
        guard theme.isDirectory("") else {
            findings.append(Finding(file: theme.displayRoot, message: "theme folder not found: run in the site's folder or pass --theme"))
            return LoadSnapshot(parts: nil, findings: findings)
        }
        // site.yaml sets the time zone every date is read in, and a moved folder may hold anything: both
        // are rare enough to read everything again.
        let previous = changes.contentPaths.contains("site.yaml") ? nil : previous?.parts
        guard let previous, case .paths(let changedContent, let changedTheme) = changes,
              let listing = previous.listing.updated(for: changedContent, in: content) else {
            return LoadSnapshot(parts: loadAll(), findings: nil)
        }
        let parts = reload(previous, listing: listing, content: changedContent, theme: changedTheme)
        // Only news items that were there before changed, and nothing else: the next stages may take
        // the previous site and replace just those items.
        let onlyNews = changedTheme.isEmpty && listing.files == previous.listing.files
            && changedContent.allSatisfy { previous.news[$0] != nil }
        return LoadSnapshot(parts: parts, findings: nil, rereadNews: onlyNews ? changedContent.sorted() : nil)
    }

    private func loadAll() -> LoadSnapshot.Parts {
        var configFindings = Findings()
        let config = SiteConfigLoader().load(from: content, findings: &configFindings)
        var listingFindings = Findings()
        let files = content.files(under: "", findings: &listingFindings)
        let listing = Listing(files: files, set: Set(files), findings: listingFindings)
        let timeZone = config?.timeZoneOffsetMinutes ?? 7 * 60
        return LoadSnapshot.Parts(
            listing: listing, config: Part(config, configFindings),
            news: loadNews(listing.newsPaths, timeZone: timeZone),
            pages: loadPages(files), reports: loadReports(files), documents: loadDocuments(files, timeZone: timeZone),
            indicators: loadIndicators(), dataFiles: loadDataFiles(files), theme: loadTheme(), rankings: loadRankings())
    }

    private func reload(_ previous: LoadSnapshot.Parts, listing: Listing, content changed: Set<String>,
                        theme changedTheme: Set<String>) -> LoadSnapshot.Parts {
        let files = listing.files
        let timeZone = previous.config.value?.timeZoneOffsetMinutes ?? 7 * 60
        func touched(_ prefix: String) -> Bool { changed.contains { $0.hasPrefix(prefix) } }

        var news: [String: Part<LoadedNewsItem?>] = [:]
        var toRead: [(path: String, bundle: String?)] = []
        let newsPaths = listing.newsPaths
        news.reserveCapacity(newsPaths.count)
        for entry in newsPaths {
            if !changed.contains(entry.path), let kept = previous.news[entry.path] {
                news[entry.path] = kept
            } else {
                toRead.append(entry)
            }
        }
        news.merge(loadNews(toRead, timeZone: timeZone)) { _, new in new }

        return LoadSnapshot.Parts(
            listing: listing, config: previous.config, news: news,
            pages: touched("pages/") ? loadPages(files) : previous.pages,
            reports: touched("reports/") ? loadReports(files) : previous.reports,
            documents: touched("documents/") ? loadDocuments(files, timeZone: timeZone) : previous.documents,
            indicators: touched("indicators/") ? loadIndicators() : previous.indicators,
            dataFiles: changed.contains(where: Self.isDataFile) ? loadDataFiles(files) : previous.dataFiles,
            theme: changedTheme.isEmpty ? previous.theme : loadTheme(),
            rankings: touched(RankingLoader.folder) ? loadRankings() : previous.rankings)
    }

    private func loadNews(_ paths: [(path: String, bundle: String?)], timeZone: Int) -> [String: Part<LoadedNewsItem?>] {
        let loader = ContentLoader()
        // More threads than cores: reading a file waits in the kernel, parsing its front matter does not.
        let loaded = paths.map { NewsPath(path: $0.path, bundle: $0.bundle) }.parallelMap(threads: threadsForWorkThatWaits) {
            entry -> Part<LoadedNewsItem?> in
            var local = Findings()
            let item = loader.loadNews(path: entry.path, bundle: entry.bundle, tree: content, timeZone: timeZone, findings: &local)
            return Part(item, local)
        }
        var result: [String: Part<LoadedNewsItem?>] = [:]
        result.reserveCapacity(paths.count)
        for (entry, part) in zip(paths, loaded) { result[entry.path] = part }
        return result
    }

    private func loadPages(_ files: [String]) -> Part<[LoadedPage]> {
        var findings = Findings()
        var pages: [LoadedPage] = []
        for path in files where path.hasPrefix("pages/") && FileTree.hasExtension(path, "md") {
            if let page = ContentLoader().loadPage(path: path, tree: content, findings: &findings) { pages.append(page) }
        }
        return Part(pages, findings)
    }

    private func loadReports(_ files: [String]) -> Part<[LoadedReport]> {
        var findings = Findings()
        let reports = DocumentLoader().loadReports(files: files, tree: content, findings: &findings)
        return Part(reports, findings)
    }

    private func loadDocuments(_ files: [String], timeZone: Int) -> Part<[LoadedDocument]> {
        var findings = Findings()
        let documents = DocumentLoader().loadDocuments(files: files, tree: content, timeZone: timeZone, findings: &findings)
        return Part(documents, findings)
    }

    private func loadIndicators() -> Part<LoadedIndicators> {
        var findings = Findings()
        let indicators = IndicatorLoader().load(from: content, findings: &findings)
        return Part(indicators, findings)
    }

    private func loadRankings() -> Part<LoadedRankings> {
        var findings = Findings()
        let rankings = RankingLoader().load(from: content, findings: &findings)
        return Part(rankings, findings)
    }

    static func isDataFile(_ path: String) -> Bool {
        FileTree.hasExtension(path, "csv") && !path.hasPrefix("indicators/") && !path.hasPrefix("media/")
            && !path.hasPrefix(RankingLoader.folder)
    }

    private func loadDataFiles(_ files: [String]) -> Part<[String: SourceFile]> {
        var findings = Findings()
        var dataFiles: [String: SourceFile] = [:]
        for path in files where Self.isDataFile(path) {
            if let file = content.readText(path, findings: &findings) { dataFiles[path] = file }
        }
        return Part(dataFiles, findings)
    }

    private func loadTheme() -> Part<Theme> {
        var findings = Findings()
        let theme = ThemeLoader().load(from: theme, findings: &findings)
        return Part(theme, findings)
    }
}

/// What changed in the watched folders since the last load, as paths relative to `Content/` and `Theme/`.
public enum ContentChanges: Sendable {
    /// Unknown, or too much to tell apart: read everything.
    case everything
    case paths(content: Set<String>, theme: Set<String>)

    var contentPaths: Set<String> {
        if case .paths(let content, _) = self { return content }
        return []
    }
}

/// One load, part by part with each part's findings, for the next load to take the unchanged parts from.
public struct LoadSnapshot: Sendable {
    struct Parts: Sendable {
        var listing: Listing
        var config: Part<SiteConfig?>
        /// By path, so an unchanged item is found without reading it.
        var news: [String: Part<LoadedNewsItem?>]
        var pages: Part<[LoadedPage]>
        var reports: Part<[LoadedReport]>
        var documents: Part<[LoadedDocument]>
        var indicators: Part<LoadedIndicators>
        var dataFiles: Part<[String: SourceFile]>
        var theme: Part<Theme>
        var rankings: Part<LoadedRankings>
    }

    let parts: Parts?
    public let findings: Findings
    /// Nil when the site could not be loaded at all (no site.yaml, no content folder).
    public let content: LoadedContent?
    /// Set when the only files read again were these news items (paths under Content/), all there
    /// before: nothing else changed since the previous load.
    let rereadNews: [String]?

    init(parts: Parts?, findings: Findings?, rereadNews: [String]? = nil) {
        self.parts = parts
        self.rereadNews = rereadNews
        guard let parts else {
            self.findings = findings ?? []
            content = nil
            return
        }
        let newsPaths = parts.listing.newsPaths
        var all = (findings ?? []) + parts.listing.findings + parts.config.findings + parts.pages.findings + parts.reports.findings
            + parts.documents.findings + parts.indicators.findings + parts.dataFiles.findings + parts.theme.findings
            + parts.rankings.findings
        var news: [LoadedNewsItem] = []
        news.reserveCapacity(newsPaths.count)
        for entry in newsPaths {
            guard let part = parts.news[entry.path] else { continue }
            all += part.findings
            if let item = part.value { news.append(item) }
        }
        self.findings = all
        content = parts.config.value.map { config in
            LoadedContent(config: config, news: news, pages: parts.pages.value, reports: parts.reports.value,
                          documents: parts.documents.value, contentFiles: parts.listing.set,
                          mediaFiles: parts.listing.mediaFiles, indicators: parts.indicators.value,
                          dataFiles: parts.dataFiles.value, theme: parts.theme.value, rankings: parts.rankings.value)
        }
    }
}

/// A loaded value and what loading it found.
struct Part<Value: Sendable>: Sendable {
    var value: Value
    var findings: Findings

    init(_ value: Value, _ findings: Findings) {
        self.value = value
        self.findings = findings
    }
}

/// Every file under `Content/`, sorted, as `FileTree.files` lists them.
struct Listing: Sendable {
    private(set) var files: [String]
    private(set) var set: Set<String>
    let findings: Findings
    /// `ContentLoader.newsPaths` of the files, worked out once per listing rather than once per load.
    private(set) var newsPaths: [(path: String, bundle: String?)]
    /// Files under `media/`, likewise worked out once per listing.
    private(set) var mediaFiles: [String]

    init(files: [String], set: Set<String>, findings: Findings) {
        self.files = files
        self.set = set
        self.findings = findings
        newsPaths = ContentLoader().newsPaths(in: files)
        mediaFiles = files.filter { $0.hasPrefix("media/") }
    }

    /// The listing after `changed`, looking only at those paths; nil when one of them is something the
    /// whole tree must be walked again for (a link, a new folder, an unreadable name).
    func updated(for changed: Set<String>, in tree: FileTree) -> Listing? {
        var added: [String] = []
        var removed: Set<String> = []
        for path in changed.sorted() {
            // FileTree never lists hidden files or editors' backups, nor anything inside hidden folders.
            if path.split(separator: "/").contains(where: FileTree.isSkipped) { continue }
            var status = stat()
            if lstat(tree.path(path), &status) != 0 {
                guard errno == ENOENT else { return nil }
                if set.contains(path) {
                    removed.insert(path)
                } else {
                    // A folder moved away or deleted: everything that was under it.
                    let folder = path + "/"
                    removed.formUnion(files.filter { $0.hasPrefix(folder) })
                }
            } else if status.st_mode & S_IFMT == S_IFREG {
                if !set.contains(path) { added.append(path) }
            } else if status.st_mode & S_IFMT == S_IFDIR {
                // A folder's own event (a file inside it changed, or it was created): new folders are
                // walked again; an existing one changes nothing by itself.
                let folder = path + "/"
                if !files.contains(where: { $0.hasPrefix(folder) }) { return nil }
            } else {
                return nil
            }
        }
        guard !added.isEmpty || !removed.isEmpty else { return self }
        var set = self.set
        set.subtract(removed)
        set.formUnion(added)
        return Listing(files: set.sorted(), set: set, findings: findings)
    }
}

private struct NewsPath: Sendable {
    var path: String
    var bundle: String?
}
