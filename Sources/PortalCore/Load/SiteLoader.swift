import Foundation

/// The load stage: reads `Content/` and `Theme/` into `LoadedContent`, collecting every finding.
public struct SiteLoader: Sendable {
    public var content: FileTree
    public var theme: FileTree

    public init(content: FileTree, theme: FileTree) {
        self.content = content
        self.theme = theme
    }

    public func load(findings: inout [Finding]) -> LoadedContent? {
        guard content.isDirectory("") else {
            findings.append(Finding(file: content.displayRoot, message: "content folder not found: run in the site's folder or pass --content"))
            return nil
        }
        guard theme.isDirectory("") else {
            findings.append(Finding(file: theme.displayRoot, message: "theme folder not found: run in the site's folder or pass --theme"))
            return nil
        }
        let config = SiteConfigLoader().load(from: content, findings: &findings)
        let files = content.files(under: "", findings: &findings)
        let loader = ContentLoader()
        let timeZone = config?.timeZoneOffsetMinutes ?? 7 * 60

        let newsPaths = loader.newsPaths(in: files)
        // More threads than cores: reading a file waits in the kernel, parsing its front matter does not.
        let loaded = newsPaths.map { NewsPath(path: $0.path, bundle: $0.bundle) }.parallelMap(threads: threadsForWorkThatWaits) {
            entry -> (LoadedNewsItem?, [Finding]) in
            var local: [Finding] = []
            let item = loader.loadNews(path: entry.path, bundle: entry.bundle, tree: content, timeZone: timeZone, findings: &local)
            return (item, local)
        }
        let news = loaded.compactMap(\.0)
        let newsFindings = loaded.map(\.1)
        findings.append(contentsOf: newsFindings.joined())

        var pages: [LoadedPage] = []
        for path in files where path.hasPrefix("pages/") && path.hasSuffix(".md") {
            if let page = loader.loadPage(path: path, tree: content, findings: &findings) { pages.append(page) }
        }
        let documentLoader = DocumentLoader()
        let reports = documentLoader.loadReports(files: files, tree: content, findings: &findings)
        let documents = documentLoader.loadDocuments(files: files, tree: content, timeZone: timeZone, findings: &findings)
        let indicators = IndicatorLoader().load(from: content, findings: &findings)
        var dataFiles: [String: SourceFile] = [:]
        for path in files where path.hasSuffix(".csv") && !path.hasPrefix("indicators/") && !path.hasPrefix("media/") {
            if let file = content.readText(path, findings: &findings) { dataFiles[path] = file }
        }
        let themeContent = ThemeLoader().load(from: theme, findings: &findings)
        guard let config else { return nil }
        return LoadedContent(config: config, news: news, pages: pages, reports: reports, documents: documents, contentFiles: Set(files),
                             mediaFiles: files.filter { $0.hasPrefix("media/") }, indicators: indicators, dataFiles: dataFiles, theme: themeContent)
    }
}

private struct NewsPath: Sendable {
    var path: String
    var bundle: String?
}
