import Foundation
import Markdown

/// `portal check`: every finding of loading, resolving and rendering, plus checks on the built pages
/// themselves, in memory, writing nothing: internal links and `#fragments`, images without alt text,
/// headings that skip a level, tables without a header row.
///
/// Problems are found in the HTML, because that is what readers get, whoever wrote it; they are then
/// traced back to where someone can fix them: the line of the Markdown file, the line of `site.yaml`, or
/// else the built page (a problem the theme writes on many pages is reported once, with a count).
public struct SiteChecker: Sendable {
    public init() {}

    public func check(_ options: BuildOptions) -> [Finding] {
        var findings = Findings()
        if let stages = SiteBuilder().runStages(options, findings: &findings) {
            findings += checkOutput(stages, options: options)
        }
        return findings.sorted
    }

    /// The Markdown an output page was made from, with the facts its renderer found.
    struct PageSource: Sendable {
        var file: SourceFile
        var bodyFirstLine: Int
        var facts: RenderedMarkdown

        func fileLine(_ markdownLine: Int) -> Int { markdownLine > 0 ? bodyFirstLine + markdownLine - 1 : 0 }

        /// The first line of the file that contains `text`, for problems the Markdown facts cannot place
        /// (raw HTML written in the body).
        func line(containing text: String) -> Int? {
            guard !text.isEmpty else { return nil }
            for (offset, line) in file.text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            where line.contains(text) {
                return offset + 1
            }
            return nil
        }
    }

    /// One problem on one page, before problems the theme repeats on every page are merged.
    struct PageProblem: Sendable {
        var finding: Finding
        /// Set when the problem is not in the page's own Markdown: merged across pages by this key.
        var repeatKey: String?
    }

    func checkOutput(_ stages: SiteBuilder.Stages, options: BuildOptions) -> Findings {
        let model = stages.model
        let allPaths = Set(stages.files.map(\.path))
        let pages: [(path: String, html: String)] = stages.files.compactMap { file in
            guard file.path.hasSuffix(".html"), case .text(let html) = file.body else { return nil }
            return (file.path, html)
        }
        let scans = pages.parallelMap { PageScan(html: $0.html) }
        var idsByPath: [String: Set<String>] = [:]
        for (index, page) in pages.enumerated() { idsByPath[page.path] = scans[index].ids }

        let sources = pageSources(model)
        let contentURLs = Dictionary(
            model.news.map { ($0.source.relativePath, $0.url) } + model.pages.map { ($0.source.relativePath, $0.url) }
            + model.documents.map { ($0.source.relativePath, $0.url) },
            uniquingKeysWith: { first, _ in first })
        var findings = Findings()
        // Read again for its lines (a menu link's finding points at them); a problem reading it is the one
        // loading found, kept once.
        var siteYAML: SourceFile?
        if options.content.exists("site.yaml") { siteYAML = options.content.readText("site.yaml", findings: &findings) }

        let context = PageContext(files: allPaths, idsByPath: idsByPath, baseURL: stages.baseURL, contentURLs: contentURLs,
                                  siteYAML: siteYAML)
        let indexes = Array(pages.indices)
        let perPage = indexes.parallelMap { index -> [PageProblem] in
            context.problems(path: pages[index].path, scan: scans[index], source: sources[pages[index].path])
        }

        var repeated: [String: (finding: Finding, count: Int)] = [:]
        for problem in perPage.joined() {
            guard let key = problem.repeatKey else {
                findings.append(problem.finding)
                continue
            }
            if let seen = repeated[key] {
                repeated[key] = (seen.finding, seen.count + 1)
            } else {
                repeated[key] = (problem.finding, 1)
            }
        }
        for (finding, count) in repeated.values {
            var finding = finding
            if count > 1 { finding.message += " (and on \(count - 1) other page\(count == 2 ? "" : "s"))" }
            findings.append(finding)
        }
        findings += frontMatterImageAlt(stages.loaded, includeDrafts: options.includeDrafts)
        let weights = PhotoWeightCheck(model.photos)
        findings += indexes.parallelMap { index in
            weights.finding(page: pages[index].path, html: pages[index].html, source: sources[pages[index].path]?.file)
        }.compactMap { $0 }
        return findings
    }

    /// Renders each news item's and page's Markdown again for its facts (links, images, headings with
    /// their lines). The render stage keeps only HTML, and this costs one more Markdown pass, which only
    /// `check` pays.
    func pageSources(_ model: SiteModel) -> [String: PageSource] {
        let markdown = MarkdownRenderer(options: .init(allowRawHTML: model.config.allowRawHTML))
        let entries: [(url: String, file: SourceFile, body: String, firstLine: Int)] =
            model.news.map { ($0.url, $0.source, $0.body, $0.bodyFirstLine) }
            + model.pages.map { ($0.url, $0.source, $0.body, $0.bodyFirstLine) }
            + model.documents.map { ($0.url, $0.source, $0.body, $0.bodyFirstLine) }
        let rendered = entries.parallelMap { markdown.render($0.body) }
        var result: [String: PageSource] = [:]
        for (index, entry) in entries.enumerated() {
            result[URLScheme.outputPath(for: entry.url)] = PageSource(file: entry.file, bodyFirstLine: entry.firstLine,
                                                                    facts: rendered[index])
        }
        return result
    }

    /// `image_alt: ""` passes the resolver (the field is there) but leaves the picture undescribed.
    func frontMatterImageAlt(_ loaded: LoadedContent, includeDrafts: Bool) -> Findings {
        Findings(loaded.news.compactMap { item in
            guard includeDrafts || !item.draft, item.image != nil, let alt = item.imageAlt,
                  alt.value.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
            return .error("image_alt is empty: describe the picture for readers who cannot see it", at: alt.location)
        })
    }
}

/// What every page's checks share; read-only, so pages are checked in parallel.
struct PageContext: Sendable {
    var files: Set<String>
    var idsByPath: [String: Set<String>]
    var baseURL: String
    var basePath: URLScheme.BasePath { URLScheme.BasePath(baseURL: baseURL) }
    /// Content file (`news/a.md`) → its page's address, to point a link to a Markdown file at the page.
    var contentURLs: [String: String]
    var siteYAML: SourceFile?

    func problems(path: String, scan: PageScan, source: SiteChecker.PageSource?) -> [SiteChecker.PageProblem] {
        var problems: [SiteChecker.PageProblem] = []
        let pageURL = URLScheme.address(ofOutputPath: path)
        let basePath = self.basePath
        var usedLinks = Set<Int>()
        var usedImages = Set<Int>()

        /// Places a problem: in the Markdown when the page's source holds it, else on the built page
        /// (or the line of site.yaml that wrote the address), merged across pages.
        func report(_ severity: Finding.Severity, _ message: String, htmlLine: Int, markdownLine: Int?, searchText: String?) {
            if let source {
                if let markdownLine {
                    problems.append(.init(finding: Finding(file: source.file.displayPath, line: source.fileLine(markdownLine),
                                                           severity: severity, message: message), repeatKey: nil))
                    return
                }
                if let searchText, let line = source.line(containing: searchText) {
                    problems.append(.init(finding: Finding(file: source.file.displayPath, line: line, severity: severity,
                                                           message: message), repeatKey: nil))
                    return
                }
            }
            if let searchText, let siteYAML, let line = Self.siteYAMLLine(siteYAML, url: searchText) {
                problems.append(.init(finding: Finding(file: siteYAML.displayPath, line: line, severity: severity, message: message),
                                      repeatKey: "\(siteYAML.displayPath):\(line):\(message)"))
                return
            }
            problems.append(.init(finding: Finding(file: "Public/" + path, line: htmlLine, severity: severity, message: message),
                                  repeatKey: "\(severity):\(message)"))
        }

        func markdownLine(for reference: PageScan.Reference) -> Int? {
            guard let source else { return nil }
            // Pages are published under the base path; the Markdown wrote the site path.
            let written = basePath.sitePath(ofAddress: reference.value) ?? reference.value
            let wanted = written.removingPercentEncoding ?? written
            if reference.isImage {
                for (index, image) in source.facts.images.enumerated() where !usedImages.contains(index)
                    && (image.source.removingPercentEncoding ?? image.source) == wanted {
                    usedImages.insert(index)
                    return image.line
                }
            } else {
                for (index, link) in source.facts.links.enumerated() where !usedLinks.contains(index)
                    && (link.destination.removingPercentEncoding ?? link.destination) == wanted {
                    usedLinks.insert(index)
                    return link.line
                }
            }
            return nil
        }

        for reference in scan.references {
            let target = LinkTarget.resolve(reference.value, pageURL: pageURL, baseURL: baseURL, basePath: basePath)
            let kind = reference.isImage ? "image" : "link"
            switch target {
            case .external:
                continue
            case .outside:
                report(.error, "\(kind) \"\(reference.value)\" leads outside the site", htmlLine: reference.line,
                       markdownLine: markdownLine(for: reference), searchText: reference.value)
            case .site(let targetPath, let fragment):
                guard let file = LinkTarget.file(for: targetPath, in: files) else {
                    var message = "\(kind) \"\(reference.value)\" leads to no page or file of the site"
                    if let hint = markdownFileHint(reference.value, source: source) { message += hint }
                    report(.error, message, htmlLine: reference.line, markdownLine: markdownLine(for: reference),
                           searchText: reference.value)
                    continue
                }
                guard let fragment, !fragment.isEmpty, fragment != "top", let ids = idsByPath[file] else { continue }
                if !ids.contains(fragment) {
                    let where_ = file == path ? "this page" : URLScheme.address(ofOutputPath: file)
                    report(.error, "link \"\(reference.value)\": \(where_) has no element with id \"\(fragment)\"",
                           htmlLine: reference.line, markdownLine: markdownLine(for: reference), searchText: reference.value)
                }
            }
        }

        if let source {
            for image in source.facts.images where image.alt.trimmingCharacters(in: .whitespaces).isEmpty {
                problems.append(.init(finding: Finding(
                    file: source.file.displayPath, line: source.fileLine(image.line), severity: .error,
                    message: "image \"\(image.source)\" has no alt text: describe it between the brackets, ![Mô tả ảnh](\(image.source))"),
                    repeatKey: nil))
            }
        }
        for image in scan.imagesWithoutAlt {
            report(.error, "image \"\(image.src)\" has no alt attribute: add alt=\"…\" describing it, or alt=\"\" if it is only decoration",
                   htmlLine: image.line, markdownLine: nil, searchText: image.src)
        }

        var previous: Int?
        for heading in scan.headings {
            defer { previous = heading.level }
            guard let previous, heading.level > previous + 1 else { continue }
            let fromMarkdown = source?.facts.headings.first { $0.id == heading.id && heading.id != nil }
            if let fromMarkdown {
                report(.warning, "heading level \(heading.level) follows level \(previous): use level \(previous + 1) "
                       + "(\(String(repeating: "#", count: previous + 1)) \(fromMarkdown.text)) so the outline has no gap",
                       htmlLine: heading.line, markdownLine: fromMarkdown.line, searchText: nil)
            } else {
                report(.warning, "heading <h\(heading.level)> follows <h\(previous)>: headings must not skip a level",
                       htmlLine: heading.line, markdownLine: nil, searchText: nil)
            }
        }

        let contentTables = scan.tables.filter { $0.contentOrdinal != nil }.count
        for table in scan.tables where !table.hasHeader {
            if let ordinal = table.contentOrdinal, let source {
                let facts = source.facts.tables
                let line = facts.count == contentTables && ordinal < facts.count ? facts[ordinal].line : 0
                problems.append(.init(finding: Finding(
                    file: source.file.displayPath, line: source.fileLine(line), severity: .warning,
                    message: "table has no header row: write the column names in its first row, above the |---| line"),
                    repeatKey: nil))
            } else {
                report(.warning, "table has no header row: give its first row <th> cells naming the columns",
                       htmlLine: table.line, markdownLine: nil, searchText: nil)
            }
        }
        return problems
    }

    /// A link written to a Markdown file (`2024-03-14-tin.md`) rather than to the page made from it.
    func markdownFileHint(_ value: String, source: SiteChecker.PageSource?) -> String? {
        guard let source else { return nil }
        var path = value
        if let cut = path.firstIndex(where: { $0 == "#" || $0 == "?" }) { path = String(path[..<cut]) }
        guard FileTree.hasExtension(path, "md") else { return nil }
        path = path.removingPercentEncoding ?? path
        let folder = source.file.relativePath.split(separator: "/").dropLast().joined(separator: "/")
        let candidate = path.hasPrefix("/") ? String(path.dropFirst()) : (folder.isEmpty ? path : folder + "/" + path)
        guard let normalised = RelativePath.normalise(candidate), let url = contentURLs[normalised] else {
            return ": link to a page's address, not to its Markdown file"
        }
        return ": link to the page's address, \(url), not to its Markdown file"
    }

    /// The line of site.yaml that writes `url` (the menu, the links block), when one does.
    static func siteYAMLLine(_ file: SourceFile, url: String) -> Int? {
        for (offset, line) in file.text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            guard line.contains("url") else { continue }
            if line.contains("\"\(url)\"") || line.contains("'\(url)'") || line.hasSuffix(" \(url)") || line.contains(" \(url) ")
                || line.contains(" \(url),") || line.contains(" \(url)}") {
                return offset + 1
            }
        }
        return nil
    }
}
