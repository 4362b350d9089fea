import Foundation
import PortalCore
import PortalTestSupport
import Testing

/// Windows tools save `Bài mới.MD` and `ANH.JPG`: a file whose extension differs only in case is the same
/// kind of content as its lower-case spelling; a photo is published in its sizes under its name made an
/// address (`ANH.JPG` → `anh-<hash>-64.jpg`).
@Suite struct ExtensionCaseTests {
    /// A real 64 × 48 JPEG, saved under the name given.
    static func writeJPEG(_ site: TestSite, _ path: String) throws {
        try PhotoFixture.write(site.content.appendingPathComponent(path), width: 64, height: 48)
    }

    @Test func everyKindOfContentIsReadWhateverTheCaseOfItsExtension() throws {
        let site = try TestSite([
            "news/Bài mới.MD": TestSite.news(title: "Bài mới", extra: "image: ANH.JPG\nimage_alt: \"Hội nghị\""),
            "news/2024-03-01-goi/index.Md": TestSite.news(
                title: "Tin có ảnh", body: "![Sơ đồ](SO-DO.JPG)\n\n{{< chart data=\"so-lieu.CSV\" type=\"bar\" title=\"Số hồ sơ\" >}}\n"),
            "news/2024-03-01-goi/so-lieu.CSV": "Năm,Số hồ sơ\n2023,900\n2024,1571\n",
            "news/2024-03-01-goi/ghi-chu.MD": "Ghi chú của người viết, không đăng.\n",
            "pages/Lien-he.MD": "---\ntitle: Liên hệ\nlayout: rieng\n---\nGọi cho chúng tôi.\n",
            "documents/833.MD": """
                ---
                number: "833/KH-UBND"
                type: "Kế hoạch"
                issuer: "UBND tỉnh"
                issued: 2024-01-10
                summary: "Kế hoạch chuyển đổi số năm 2024"
                ---
                """,
            "reports/2024-q1/_index.MD": "---\ntitle: Báo cáo Quý I\ndate: 2024-03-20\n---\n",
            "reports/2024-q1/01-ket-qua.MD": "---\ntitle: Kết quả triển khai\n---\nNội dung.\n",
        ])
        try Self.writeJPEG(site, "media/ANH.JPG")
        try Self.writeJPEG(site, "news/2024-03-01-goi/SO-DO.JPG")
        let page = try String(contentsOf: site.theme.appendingPathComponent("templates/page.mustache"), encoding: .utf8)
        try page.write(to: site.theme.appendingPathComponent("templates/rieng.MUSTACHE"), atomically: true, encoding: .utf8)

        let report = site.build()
        #expect(report.findings.isEmpty, "\(report.findings)")
        let item = try #require(site.page("tin-tuc/bai-moi/index.html"))
        let published = site.snapshot().keys
        let photo = try #require(published.first { $0.hasPrefix("media/anh-") && $0.hasSuffix("-64.jpg") })
        #expect(item.contains("/" + photo))
        #expect(!published.contains("media/ANH.JPG"), "a photo is published in its sizes, not as the camera wrote it")
        let bundlePhoto = try #require(published.first { $0.hasPrefix("tin-tuc/tin-co-anh/so-do-") && $0.hasSuffix("-64.webp") })
        #expect(!site.exists("tin-tuc/tin-co-anh/ghi-chu.MD"), "a bundle's Markdown file is not one of its images")
        let bundle = try #require(site.page("tin-tuc/tin-co-anh/index.html"))
        #expect(bundle.contains("/" + bundlePhoto + " 64w"))
        #expect(bundle.contains("1.571"), "the chart from so-lieu.CSV")
        #expect(site.page("lien-he/index.html")?.contains("Gọi cho chúng tôi.") == true)
        #expect(site.exists("van-ban/833-kh-ubnd/index.html"))
        #expect(site.page("bao-cao/2024-q1/index.html")?.contains("Kết quả triển khai</h2>") == true)
    }

    @Test func extensionTestIgnoresCaseAndNothingElse() {
        #expect(FileTree.hasExtension("news/Bài mới.MD", "md"))
        #expect(FileTree.hasExtension("news/a.Md", "md"))
        #expect(FileTree.hasExtension("a.csv", "csv"))
        #expect(!FileTree.hasExtension("news/a.mdx", "md"))
        #expect(!FileTree.hasExtension("news/amd", "md"))
        #expect(!FileTree.hasExtension(".md", "md"))
        #expect(!FileTree.hasExtension("news/a.ṁd", "md"))
        #expect(FileTree.isNamed("news/b/index.MD", "index", extension: "md"))
        #expect(FileTree.isNamed("reports/q1/_index.md", "_index", extension: "md"))
        #expect(!FileTree.isNamed("reports/q1/x_index.md", "_index", extension: "md"))
        #expect(!FileTree.isNamed("news/b/INDEX.md", "index", extension: "md"))
    }
}
