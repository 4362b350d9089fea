/// `Content/site.yaml`: settings that apply to the whole site.
public struct SiteConfig: Sendable {
    public struct Agency: Sendable, Equatable {
        public var name: String
        public var role: String
        public var address: String
        public var phone: String
        public var email: String
        /// The licence line of an official portal ("Giấy phép số …"), when it has one.
        public var licence: String
        /// The official responsible for the content (Decree 42/2022).
        public var responsible: String
    }

    public struct Category: Sendable, Equatable {
        public var id: String
        public var name: String
        public var location: SourceLocation
    }

    public struct Link: Sendable, Equatable {
        public var title: String
        public var url: String
    }

    public var title: String
    public var province: String
    public var tagline: String
    /// Always ends with `/`.
    public var baseURL: String
    public var language: String
    public var timeZoneOffsetMinutes: Int
    public var timeZoneText: String
    public var newsPerPage: Int
    public var allowRawHTML: Bool
    /// `images:` in site.yaml (SPEC §10).
    public var images: ImageSettings = ImageSettings()
    public var agency: Agency
    public var categories: [Category]
    public var menu: [Link]
    public var links: [Link]
    /// An announcement across the top of every page (e.g. the national Digital Transformation Day).
    public var banner: Link?
    public var location: SourceLocation
    /// `compress:` — whether text files get precompressed `.gz` and `.br` siblings (SPEC §11).
    public var precompresses: Bool = true
    /// site.yaml as read: what caches compare to tell whether the settings changed.
    public var sourceText: String = ""

    /// The seven pillars of the provincial report, used when site.yaml lists no categories.
    public static let defaultCategories: [(id: String, name: String)] = [
        ("ha-tang-so", "Hạ tầng số"),
        ("nhan-luc-so", "Nhân lực số"),
        ("nen-tang-du-lieu-so", "Nền tảng, dữ liệu số"),
        ("an-toan-an-ninh-mang", "An toàn, an ninh mạng"),
        ("chinh-quyen-so", "Chính quyền số"),
        ("kinh-te-so", "Kinh tế số"),
        ("xa-hoi-so", "Xã hội số"),
    ]

    /// How photos are published (SPEC §10); every field has a default.
    public struct ImageSettings: Sendable, Equatable {
        /// Ascending; a photo gets those not wider than itself, and its own width when it is narrower
        /// than the widest.
        public var widths: [Int] = [480, 960, 1600]
        public var maxMegapixels: Int = 60
        public var jpegQuality: Int = 82
        public var webpQuality: Int = 80
        public var pngCompression: Int = 6
        /// A cached photo no build used for this many builds is removed from `.portal-cache/`.
        public var cacheBuilds: Int = 10
        /// The `sizes` attribute: how wide the theme shows a photo in the text column.
        public var sizes: String = "(min-width: 48rem) 46rem, 100vw"

        public init() {}
    }

    public func category(id: String) -> Category? { categories.first { $0.id == id } }
}
