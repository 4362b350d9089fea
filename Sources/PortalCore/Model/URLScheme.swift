/// The site's addresses (SPEC §9): the one place where they are spelt.
///
/// Every address here is a path within the site (`/tin-tuc/`), what the route table, the output paths,
/// `check` and the preview server work with. Where the site is published is added when a file is
/// written, by `BasePath`: a site at a host's root publishes these paths as they are, one under
/// `https://backan.gov.vn/chuyendoiso/` publishes `/tin-tuc/` as `/chuyendoiso/tin-tuc/`. A stand-alone page may not
/// take a first segment that one of these addresses uses (`reservedFirstSegments`), so adding an address
/// here also keeps pages off it.
public enum URLScheme {
    public static let home = "/"

    public static let news = "/tin-tuc/"
    public static func newsItem(slug: String) -> String { "/tin-tuc/\(slug)/" }

    public static func category(_ id: String) -> String { "/chuyen-muc/\(id)/" }
    public static func categoryFeed(_ id: String) -> String { "/chuyen-muc/\(id)/rss.xml" }

    public static let tags = "/the/"
    public static func tag(slug: String) -> String { "/the/\(slug)/" }

    public static func page(slug: String) -> String { "/\(slug)/" }

    public static let dashboard = "/chi-so/"
    public static func indicatorGroup(_ id: String) -> String { "/chi-so/#nhom-\(id)" }
    public static func indicator(slug: String) -> String { "/chi-so/\(slug)/" }
    public static let indicatorsCSV = "/chi-so/chi-so.csv"
    public static func indicatorCSV(slug: String) -> String { indicator(slug: slug) + "du-lieu.csv" }

    public static let reports = "/bao-cao/"
    public static func report(id: String) -> String { "/bao-cao/\(id)/" }

    public static let documents = "/van-ban/"
    public static func documentType(slug: String) -> String { "/van-ban/loai/\(slug)/" }
    public static func documentYear(_ year: Int) -> String { "/van-ban/nam/\(year)/" }
    public static func document(slug: String) -> String { "/van-ban/\(slug)/" }

    public static let rankings = "/xep-hang/"
    public static func rankingLevel(_ id: String) -> String { "/xep-hang/\(id)/" }
    /// `2024-Q1` → `/xep-hang/huyen/2024-q1/`: addresses are lower case.
    public static func rankingPeriod(level: String, period: String) -> String { "/xep-hang/\(level)/\(period.lowercased())/" }
    public static func rankingUnit(_ id: String) -> String { "/xep-hang/don-vi/\(id)/" }
    /// The folder of the unit pages, which no level may take as its id.
    public static let rankingUnitsSegment = "don-vi"
    /// The CSV download beside a level's table or a period's.
    public static func rankingCSV(table: String) -> String { table + "du-lieu.csv" }
    public static let rankingsFeed = "/xep-hang/rss.xml"

    public static let search = "/tim-kiem/"
    /// The search index's folder (`SearchIndexWriter`): its directory, shards, document store and filters.
    public static let searchIndex = "/tim-kiem/chi-muc/"
    public static let searchDirectory = searchIndex + "muc-luc.json"
    public static func searchShard(_ number: Int) -> String { searchIndex + "t/\(number).json" }
    public static func searchChunk(_ number: Int) -> String { searchIndex + "d/\(number).json" }
    public static let searchFilters = searchIndex + "loc.json"

    public static let feed = "/rss.xml"
    public static let sitemap = "/sitemap.xml"
    public static let robots = "/robots.txt"
    public static let notFound = "/404.html"

    /// `Content/media/` and `Theme/assets/` are published under their own names.
    public static let media = "/media/"
    public static let assets = "/assets/"

    /// One published size of a photo, in the folder the photo sits in (a news bundle's address, or under
    /// `/media/`): `/media/anh-3f2a9c1e4b-960.webp`, `…-og.jpg`. The hash changes whenever the bytes may,
    /// so a host may cache these for a year.
    public static func photo(folder: String, stem: String, hash: String, size: String, fileExtension: String) -> String {
        "\(folder)\(stem)-\(hash)-\(size).\(fileExtension)"
    }

    /// The folder of a photo outside a news bundle, by its folder under `Content/` (`media/su-kien`,
    /// `reports/bao-cao-2024`): `Content/media/` keeps its own names, the others go below `/media/`.
    public static func photoFolder(contentFolder: String) -> String {
        if contentFolder == "media" || contentFolder.hasPrefix("media/") { return "/" + contentFolder + "/" }
        return media + contentFolder + "/"
    }

    /// Page 1 of a list is its own address; the others are below it: `/tin-tuc/trang/2/`.
    public static func listPage(_ list: String, page: Int) -> String { page == 1 ? list : "\(list)trang/\(page)/" }

    /// The first segments of the addresses above (`tin-tuc`, `rss.xml`, …): a stand-alone page published
    /// at one of them would hide the portal's own pages.
    public static let reservedFirstSegments: Set<String> = {
        let addresses = [news, category("x"), categoryFeed("x"), tags, dashboard, indicatorsCSV, reports, documents, rankings, search,
                         searchIndex, feed, sitemap, robots, notFound, media, assets]
        return Set(addresses.compactMap { $0.split(separator: "/").first.map(String.init) })
    }()

    /// The file a folder's address is served from, as every web server does.
    public static let indexFile = "index.html"

    /// Where the file for an address is written, relative to the output folder: `/tin-tuc/` →
    /// `tin-tuc/index.html`, `/404.html` → `404.html`.
    public static func outputPath(for address: String) -> String {
        let trimmed = address.hasPrefix("/") ? String(address.dropFirst()) : address
        if trimmed.isEmpty { return indexFile }
        return trimmed.hasSuffix("/") ? trimmed + indexFile : trimmed
    }

    /// The address of an output file, the reverse of `outputPath(for:)`: `tin-tuc/index.html` → `/tin-tuc/`.
    public static func address(ofOutputPath path: String) -> String {
        if path == indexFile { return home }
        if path.hasSuffix("/" + indexFile) { return "/" + path.dropLast(indexFile.count) }
        return "/" + path
    }

    /// The path of `base_url` every published address starts with (SPEC §11): `/` for a site at a
    /// host's root, `/chuyendoiso/` for one under a province's domain. Site paths (`/tin-tuc/`) become
    /// published addresses only through `address(_:)`, applied to every page once it is rendered
    /// (`BasePathRewriter`), to the search index and to redirect pages, so templates, Markdown and
    /// shortcodes all write site paths and none of them knows where the site is published.
    public struct BasePath: Sendable, Equatable {
        /// Begins and ends with `/`, percent-encoded as written in `base_url`.
        public let path: String

        public static let root = BasePath(path: "/")

        public init(baseURL: String) {
            var path = "/"
            if let schemeEnd = baseURL.range(of: "://") {
                let afterHost = baseURL[schemeEnd.upperBound...].drop { $0 != "/" }
                path = String(afterHost.prefix { $0 != "?" && $0 != "#" })
            }
            self.init(path: path)
        }

        private init(path: String) {
            var path = path.isEmpty ? "/" : path
            if !path.hasPrefix("/") { path = "/" + path }
            if !path.hasSuffix("/") { path += "/" }
            self.path = path
        }

        public var isRoot: Bool { path == "/" }

        /// A site path as the site publishes it: `/tin-tuc/` → `/chuyendoiso/tin-tuc/`. Anything else (a
        /// relative address, `//host/…`, `https:`, `#top`) is returned as it is.
        public func address(_ sitePath: String) -> String {
            guard !isRoot, Self.isSitePath(sitePath) else { return sitePath }
            return path + sitePath.dropFirst()
        }

        /// The site path a published address names, the reverse of `address(_:)`: nil when the address
        /// is root-relative but not under the base path (it leads outside the site).
        public func sitePath(ofAddress address: String) -> String? {
            guard !isRoot, Self.isSitePath(address) else { return address }
            if address.hasPrefix(path) { return "/" + address.dropFirst(path.count) }
            return address + "/" == path ? "/" : nil
        }

        /// Root-relative (`/x`), not protocol-relative (`//host/x`).
        static func isSitePath(_ value: some StringProtocol) -> Bool {
            value.hasPrefix("/") && !value.hasPrefix("//")
        }
    }
}
