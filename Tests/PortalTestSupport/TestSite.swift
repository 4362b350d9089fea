import Foundation
import PortalCore

/// A site written into a fresh temporary folder: `Content/` from the files given, `Theme/` either written
/// from the templates given (`MinimalTheme.templates` for the engine's tests) or copied from the
/// repository's bundled theme (for tests of that theme), output into `Public/`.
public final class TestSite {
    public let root: URL
    public var content: URL { root.appendingPathComponent("Content") }
    public var theme: URL { root.appendingPathComponent("Theme") }
    public var output: URL { root.appendingPathComponent("Public") }

    public static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    public static let defaultSiteYAML = """
        title: "Cổng thông tin Chuyển đổi số tỉnh Thử Nghiệm"
        province: "Tỉnh Thử Nghiệm"
        base_url: "https://cds.example.gov.vn/"
        news_per_page: 2
        agency:
          name: "Sở Thông tin và Truyền thông tỉnh Thử Nghiệm"
          address: "Số 1, đường Trường Chinh"
          email: "stttt@example.gov.vn"
        links:
          - { title: "Cổng Dịch vụ công quốc gia", url: "https://dichvucong.gov.vn/" }
        """

    /// `files` maps paths under `Content/` to their text; `site.yaml` defaults to `defaultSiteYAML`.
    /// `templates` maps template names (`news-item`, `partials/card`) to their text; nil copies the
    /// bundled theme.
    public init(_ files: [String: String] = [:], includeSiteYAML: Bool = true, templates: [String: String]? = nil) throws {
        root = FileManager.default.temporaryDirectory
            .appendingPathComponent("portal-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: content, withIntermediateDirectories: true)
        if let templates {
            for (name, text) in templates {
                let url = theme.appendingPathComponent("templates/\(name).mustache")
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(text.utf8).write(to: url)
            }
        } else {
            try FileManager.default.copyItem(at: Self.repositoryRoot.appendingPathComponent("Theme"), to: theme)
        }
        var all = files
        if includeSiteYAML && all["site.yaml"] == nil { all["site.yaml"] = Self.defaultSiteYAML }
        for (path, text) in all { try write(path, text) }
    }

    deinit {
        try? FileManager.default.removeItem(at: root)
    }

    public func write(_ path: String, _ text: String) throws {
        try writeData(path, Data(text.utf8))
    }

    public func writeData(_ path: String, _ data: Data) throws {
        let url = content.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
    }

    /// Writes a file under `Theme/`, e.g. `writeTheme("assets/css/site.css", "…")` beside an inline theme.
    public func writeTheme(_ path: String, _ text: String) throws {
        let url = theme.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    public func remove(_ path: String) throws {
        try FileManager.default.removeItem(at: content.appendingPathComponent(path))
    }

    public func options(drafts: Bool = false, write: Bool = true, baseURL: String? = nil, clean: Bool = false,
                        output: URL? = nil) -> BuildOptions {
        BuildOptions(content: FileTree(root: content, displayRoot: "Content"),
                     theme: FileTree(root: theme, displayRoot: "Theme"),
                     output: write ? (output ?? self.output, "Public") : nil, includeDrafts: drafts, baseURLOverride: baseURL,
                     clean: clean)
    }

    /// `clean`: as `portal build --clean`; `output`: into another folder than `Public/`; `renderCache`:
    /// another folder than `.portal-cache/` for the renderings and pages' keys kept between builds.
    @discardableResult
    public func build(drafts: Bool = false, baseURL: String? = nil, clean: Bool = false, output: URL? = nil,
                      renderCache: URL? = nil) -> BuildReport {
        var options = options(drafts: drafts, baseURL: baseURL, clean: clean, output: output)
        options.renderCache = renderCache
        return SiteBuilder().build(options)
    }

    /// The text of a built file, e.g. `page("tin-tuc/index.html")`; nil when it was not written.
    public func page(_ path: String) -> String? {
        try? String(contentsOf: output.appendingPathComponent(path), encoding: .utf8)
    }

    public func exists(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: output.appendingPathComponent(path).path)
    }

    /// Every file of the output with its bytes, for byte-for-byte comparisons.
    public func snapshot(of folder: URL? = nil) -> [String: Data] {
        let base = folder ?? output
        var result: [String: Data] = [:]
        guard let enumerator = FileManager.default.enumerator(at: base, includingPropertiesForKeys: nil) else { return [:] }
        for case let url as URL in enumerator {
            var isDirectory: ObjCBool = false
            FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory)
            if !isDirectory.boolValue {
                let relative = String(url.standardizedFileURL.path.dropFirst(base.standardizedFileURL.path.count + 1))
                result[relative] = try? Data(contentsOf: url)
            }
        }
        return result
    }

    /// A news item with the required fields and the given extras.
    public static func news(title: String, date: String = "2024-03-14", category: String = "chinh-quyen-so",
                            extra: String = "", body: String = "Nội dung tin.") -> String {
        """
        ---
        title: "\(title)"
        date: \(date)
        category: \(category)
        \(extra)
        ---
        \(body)
        """
    }
}
