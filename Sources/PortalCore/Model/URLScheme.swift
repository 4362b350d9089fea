/// The site's addresses (SPEC §9): the one place where they are spelt.
///
/// Every address here is root-relative within the site (`/tin-tuc/`); where the site is published
/// (`base_url`) is added only where an address is written as an absolute URL. A stand-alone page may not
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

    public static let search = "/tim-kiem/"
    public static let searchIndex = "/tim-kiem/chi-muc.json"

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
        let addresses = [news, category("x"), categoryFeed("x"), tags, dashboard, indicatorsCSV, reports, documents, search,
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
}
