/// Checks the old addresses news items and pages claim (`aliases:`) and makes the site's `Alias` list:
/// each old address once, none of them an address the site itself publishes.
struct AliasResolver {
    let model: SiteModel

    /// The characters an old address may hold: what a URL carries unencoded, less what would need
    /// quoting in the server snippet (quotes, `;`, braces, `$`, `\`).
    private static let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~/?&=%+,:@!")
    /// Extensions a static host serves as a page; any other (`.php`, `.aspx`) needs the server.
    private static let pageExtensions: Set<String> = ["html", "htm"]

    func resolve(_ loaded: LoadedContent, findings: inout Findings) -> [Alias] {
        var claims: [(aliases: [Located<String>], target: String, title: String)] = []
        let newsByFile = Dictionary(model.news.map { ($0.source.relativePath, $0) }, uniquingKeysWith: { first, _ in first })
        for item in loaded.news where !item.aliases.isEmpty {
            guard let resolved = newsByFile[item.source.relativePath] else { continue }
            claims.append((item.aliases, resolved.url, resolved.title))
        }
        let pagesByFile = Dictionary(model.pages.map { ($0.source.relativePath, $0) }, uniquingKeysWith: { first, _ in first })
        for page in loaded.pages where !page.aliases.isEmpty {
            guard let resolved = pagesByFile[page.source.relativePath] else { continue }
            claims.append((page.aliases, resolved.url, resolved.title))
        }
        guard !claims.isEmpty else { return [] }

        let published = publishedPaths()
        var owners: [String: SourceLocation] = [:]
        var aliases: [Alias] = []
        for claim in claims {
            for written in claim.aliases {
                guard let (address, form) = Self.parse(written, findings: &findings) else { continue }
                // A folder's address and its index file are one old page on the web server.
                let key: String
                if case .page(let outputPath) = form { key = outputPath } else { key = address }
                if let first = owners[key] {
                    findings.append(.error(
                        "\(first.file):\(first.line) and \(written.location.file):\(written.location.line) both claim the old address "
                        + "\"\(written.value)\": keep it on the one page it should lead to", at: written.location))
                    continue
                }
                if case .page(let outputPath) = form, published.contains(outputPath) {
                    findings.append(.error(
                        "the old address \"\(written.value)\" is an address of this site (\(URLScheme.address(ofOutputPath: outputPath))): "
                        + "remove it from aliases", at: written.location))
                    continue
                }
                owners[key] = written.location
                aliases.append(Alias(address: address, form: form, target: claim.target, targetTitle: claim.title,
                                     location: written.location))
            }
        }
        return aliases
    }

    /// `index.php?com=tintuc_ct&id_news=170` → `/index.php?com=…` for the server; `/tin-tuc/ten-cu` →
    /// the page `tin-tuc/ten-cu/index.html`. Nil, with a finding, for what is not an old address.
    static func parse(_ written: Located<String>, findings: inout Findings) -> (String, Alias.Form)? {
        let value = written.value
        if value.contains("://") || value.hasPrefix("//") {
            findings.append(.error("the old address \"\(value)\" names a host: write it from the site's root, e.g. "
                                   + "/index.php?com=tintuc_ct&id_news=170", at: written.location))
            return nil
        }
        if let bad = value.first(where: { !allowed.contains($0) }) {
            findings.append(.error("the old address \"\(value)\" holds \"\(bad)\": write it as the browser's address bar shows it, "
                                   + "percent-encoded, without spaces or a #fragment", at: written.location))
            return nil
        }
        let address = value.hasPrefix("/") ? value : "/" + value
        let path = address.prefix { $0 != "?" }
        if path.split(separator: "/", omittingEmptySubsequences: false).contains(where: { $0 == ".." || $0 == "." }) {
            findings.append(.error("the old address \"\(value)\" has a \".\" or \"..\" segment: write the address itself",
                                   at: written.location))
            return nil
        }
        if path.count < address.count { return (address, .server) }
        let last = path.split(separator: "/").last.map(String.init) ?? ""
        if let dot = last.lastIndex(of: "."), dot != last.startIndex {
            let fileExtension = last[last.index(after: dot)...].lowercased()
            if !pageExtensions.contains(fileExtension) { return (address, .server) }
            return (address, .page(outputPath: URLScheme.outputPath(for: address)))
        }
        let folder = address.hasSuffix("/") ? address : address + "/"
        return (folder, .page(outputPath: URLScheme.outputPath(for: folder)))
    }

    /// Every output path the site writes besides redirect pages: its pages, copied files and data files.
    private func publishedPaths() -> Set<String> {
        var paths = Set(model.routes.pages.map(\.outputPath))
        paths.formUnion(model.copiedFiles.map(\.outputPath))
        var data = [URLScheme.feed, URLScheme.sitemap, URLScheme.robots, URLScheme.searchIndex, URLScheme.notFound,
                    URLScheme.indicatorsCSV]
        data += model.config.categories.map { URLScheme.categoryFeed($0.id) }
        data += model.indicators.map { URLScheme.indicatorCSV(slug: $0.slug) }
        paths.formUnion(data.map(URLScheme.outputPath(for:)))
        return paths
    }
}
