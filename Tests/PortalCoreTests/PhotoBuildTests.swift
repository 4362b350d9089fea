import Foundation
import PortalCore
import PortalTestSupport
import Synchronization
import Testing

/// An editor drops camera photos into a news bundle, a page and `media/`: the site publishes each in
/// the sizes of SPEC §10, upright, without metadata, under hashed names, and keeps them in the cache.
@Suite struct PhotoBuildTests {
    static let bundle = "news/hoi-nghi/index.md"
    static let item = TestSite.news(title: "Hội nghị chuyển đổi số", extra: "slug: hoi-nghi\nimage: anh.jpg\nimage_alt: \"Toàn cảnh hội nghị\"",
                                    body: "Đoạn mở đầu.\n\n![Đại biểu phát biểu](chup-2.jpg \"Phát biểu\")\n")

    /// anh.jpg: 2000 × 1500 as stored, turned a quarter by its EXIF (1500 × 2000 upright), with GPS;
    /// chup-2.jpg: 800 × 600.
    func cameraSite(_ extraFiles: [String: String] = [:]) throws -> TestSite {
        var files = [Self.bundle: Self.item]
        for (path, text) in extraFiles { files[path] = text }
        let site = try TestSite(files, templates: MinimalTheme.templates)
        try PhotoFixture.write(site.content.appendingPathComponent("news/hoi-nghi/anh.jpg"), width: 2000, height: 1500,
                               orientation: 6, gps: true)
        try PhotoFixture.write(site.content.appendingPathComponent("news/hoi-nghi/chup-2.jpg"), width: 800, height: 600, gps: true, seed: 2)
        return site
    }

    func published(_ site: TestSite, _ prefix: String) -> [String] {
        site.snapshot().keys.filter { $0.hasPrefix(prefix) }.sorted()
    }

    @Test func cameraPhotoIsPublishedInItsSizesUprightWithoutMetadata() throws {
        let site = try cameraSite()
        let report = site.build()
        #expect(report.findings.isEmpty, "\(report.findings)")
        let files = published(site, "tin-tuc/hoi-nghi/")
        let lead = files.filter { $0.hasPrefix("tin-tuc/hoi-nghi/anh-") }
        let hash = try #require(lead.first.map { String($0.dropFirst("tin-tuc/hoi-nghi/anh-".count).prefix(10)) })
        let name = { (size: String, ext: String) in "tin-tuc/hoi-nghi/anh-\(hash)-\(size).\(ext)" }
        // Upright it is 1500 wide: 1600 would be wider than the photo, so its own width takes that place.
        #expect(lead == [name("1500", "jpg"), name("1500", "webp"), name("480", "jpg"), name("480", "webp"),
                         name("960", "jpg"), name("960", "webp"), name("og", "jpg")])
        #expect(!files.contains("tin-tuc/hoi-nghi/anh.jpg") && !files.contains("tin-tuc/hoi-nghi/chup-2.jpg"),
                "the camera's files are not published")
        let second = files.filter { $0.hasPrefix("tin-tuc/hoi-nghi/chup-2-") }
        #expect(second.count == 4, "480 and 800, JPEG and WebP, no Open Graph crop: \(second)")

        for (size, expected) in [("480", "480x640"), ("960", "960x1280"), ("1500", "1500x2000"), ("og", "1200x630")] {
            let header = try PhotoFixture.capture("vipsheader", site.output.appendingPathComponent(name(size, "jpg")).path)
            #expect(header.contains("\(expected) uchar, 3 bands, srgb"), "\(size): \(header)")
        }
        for file in lead + second {
            let tags = try PhotoFixture.metadataTags(site.output.appendingPathComponent(file))
            #expect(tags.isEmpty, "\(file) keeps \(tags)")
        }

        let page = try #require(site.page("tin-tuc/hoi-nghi/index.html"))
        let srcset = [("480", 480), ("960", 960), ("1500", 1500)].map { "/\(name($0.0, "jpg")) \($0.1)w" }.joined(separator: ", ")
        #expect(page.contains("<img src=\"/\(name("960", "jpg"))\" srcset=\"\(srcset)\" data-webp=\"\(srcset.replacingOccurrences(of: ".jpg", with: ".webp"))\" width=\"1500\" height=\"2000\" alt=\"Toàn cảnh hội nghị\">"),
                "\(page)")
        // The body's photo comes after the item's own: it loads lazily, keeps its alt and title.
        let body = try #require(page.range(of: "<picture>").map { String(page[$0.lowerBound...]) })
        #expect(body.contains("<source type=\"image/webp\" srcset=\"/tin-tuc/hoi-nghi/chup-2-"))
        #expect(body.contains("-800.jpg 800w\" sizes=\"(min-width: 48rem) 46rem, 100vw\" width=\"800\" height=\"600\" alt=\"Đại biểu phát biểu\" title=\"Phát biểu\" loading=\"lazy\" decoding=\"async\"></picture>"),
                "\(body)")
    }

    @Test func firstPhotoOfAPageLoadsAtOnceAndTheOthersLazily() throws {
        let site = try TestSite(["pages/gioi-thieu.md": "---\ntitle: Giới thiệu\n---\n![Trụ sở](/media/tru-so.png)\n\n![Cán bộ](can-bo.jpg)\n"],
                                templates: MinimalTheme.templates)
        try PhotoFixture.write(site.content.appendingPathComponent("media/tru-so.png"), width: 600, height: 400, kind: .png)
        try PhotoFixture.write(site.content.appendingPathComponent("media/can-bo.jpg"), width: 600, height: 400)
        let report = site.build()
        #expect(report.findings.isEmpty, "\(report.findings)")
        let page = try #require(site.page("gioi-thieu/index.html"))
        let pictures = page.components(separatedBy: "<picture>").dropFirst()
        try #require(pictures.count == 2)
        #expect(pictures.first!.contains("alt=\"Trụ sở\" decoding=\"async\">"), "\(pictures.first!)")
        #expect(pictures.first!.contains("/media/tru-so-") && pictures.first!.contains("-600.png 600w"))
        #expect(pictures.last!.contains("alt=\"Cán bộ\" loading=\"lazy\""))
    }

    /// A featured item and a newer one with photos, and a newest one without: the home page shows the
    /// featured card first, a list shows them newest first.
    static let cardFiles = [
        "news/noi-bat/index.md": TestSite.news(title: "Tin nổi bật", date: "2024-03-10",
                                               extra: "slug: noi-bat\nfeatured: true\nimage: anh.jpg\nimage_alt: \"Ảnh nổi bật\""),
        "news/moi/index.md": TestSite.news(title: "Tin mới", date: "2024-03-14", extra: "slug: moi\nimage: anh.jpg\nimage_alt: \"Ảnh mới\""),
        "news/2024-03-15-khong-anh.md": TestSite.news(title: "Tin không ảnh", date: "2024-03-15"),
    ]

    static func cardSite(templates: [String: String]? = nil) throws -> TestSite {
        let site = try TestSite(cardFiles, templates: templates)
        try PhotoFixture.write(site.content.appendingPathComponent("news/noi-bat/anh.jpg"), width: 800, height: 600)
        try PhotoFixture.write(site.content.appendingPathComponent("news/moi/anh.jpg"), width: 800, height: 600, seed: 2)
        return site
    }

    /// The first card photo of the home page or a list is the reader's first image: it loads at once, the
    /// other cards' lazily; the related cards under an item's own photo stay lazy.
    @Test func firstCardPhotoOfAPageLoadsAtOnce() throws {
        let site = try Self.cardSite(templates: MinimalTheme.templates)
        let report = site.build()
        #expect(report.findings.isEmpty, "\(report.findings)")
        let home = try #require(site.page("index.html"))
        #expect(home.contains("alt=\"Ảnh nổi bật\">"), "\(home)")
        #expect(home.contains("alt=\"Ảnh mới\" loading=\"lazy\">"), "\(home)")
        let list = try #require(site.page("tin-tuc/index.html"))
        #expect(list.contains("alt=\"Ảnh mới\">"), "the newest card with a photo, after one without: \(list)")
        // Two cards a page here: the older photo opens page 2, so it is that page's first image.
        let second = try #require(site.page("tin-tuc/trang/2/index.html"))
        #expect(second.contains("alt=\"Ảnh nổi bật\">"), "\(second)")
        let item = try #require(site.page("tin-tuc/noi-bat/index.html"))
        #expect(item.contains("alt=\"Ảnh mới\" loading=\"lazy\">"), "\(item)")
        #expect(!item.contains("alt=\"Ảnh mới\">"), "\(item)")
    }

    @Test func widthsAndQualitiesComeFromSiteYAML() throws {
        let site = try cameraSite(["site.yaml": TestSite.defaultSiteYAML + "\nimages:\n  widths: [320, 640]\n  jpeg_quality: 50\n"])
        let report = site.build()
        #expect(report.findings.isEmpty, "\(report.findings)")
        let sizes = Set(published(site, "tin-tuc/hoi-nghi/").filter { !$0.hasPrefix("tin-tuc/hoi-nghi/index.html") }
            .map { $0.split(separator: "-").last! })
        #expect(sizes == ["320.jpg", "320.webp", "640.jpg", "640.webp", "og.jpg"])
    }

    @Test func unknownImageSettingIsAnError() throws {
        let site = try TestSite(["site.yaml": TestSite.defaultSiteYAML + "\nimages:\n  width: [320]\n"], templates: MinimalTheme.templates)
        let report = site.build()
        #expect(report.findings.contains { $0.file == "Content/site.yaml" && $0.message.contains("width") && $0.severity == .error },
                "\(report.findings)")
    }

    /// The same content twice gives the same bytes; the second build encodes nothing; a build with the
    /// cache removed encodes again and still gives the same bytes.
    @Test func rebuildsAreByteIdenticalAndUseTheCache() throws {
        let site = try cameraSite()
        let encoded = Mutex(0)
        var options = site.options()
        options.photoProgress = { progress in if progress.done == progress.total { encoded.withLock { $0 = progress.encoded } } }
        #expect(SiteBuilder().build(options).succeeded)
        #expect(encoded.withLock { $0 } == 2)
        let first = site.snapshot()
        #expect(SiteBuilder().build(options).succeeded)
        #expect(encoded.withLock { $0 } == 0, "nothing changed, nothing encoded")
        #expect(site.snapshot() == first)
        try FileManager.default.removeItem(at: site.root.appendingPathComponent(".portal-cache"))
        #expect(SiteBuilder().build(options).succeeded)
        #expect(encoded.withLock { $0 } == 2)
        #expect(site.snapshot() == first, "the encoders give the same bytes for the same input")
        // A changed photo is encoded again, alone, under a new name.
        try PhotoFixture.write(site.content.appendingPathComponent("news/hoi-nghi/chup-2.jpg"), width: 800, height: 600, seed: 9)
        #expect(SiteBuilder().build(options).succeeded)
        #expect(encoded.withLock { $0 } == 1)
        let changed = Set(site.snapshot().keys).subtracting(first.keys)
        #expect(changed.count == 4 && changed.allSatisfy { $0.hasPrefix("tin-tuc/hoi-nghi/chup-2-") }, "\(changed)")
    }

    @Test func cacheForgetsPhotosNoBuildUsedForItsNumberOfBuilds() throws {
        let site = try cameraSite(["site.yaml": TestSite.defaultSiteYAML + "\nimages:\n  cache_builds: 2\n"])
        let cache = site.root.appendingPathComponent(".portal-cache/images")
        func entries() throws -> Int {
            try FileManager.default.contentsOfDirectory(atPath: cache.path).filter { !$0.hasPrefix(".") && !$0.hasSuffix(".tsv") }.count
        }
        #expect(site.build().succeeded)
        #expect(try entries() == 2)
        try site.write(Self.bundle, TestSite.news(title: "Hội nghị chuyển đổi số", extra: "slug: hoi-nghi\nimage: anh.jpg\nimage_alt: \"Toàn cảnh\"", body: "Đoạn."))
        try site.remove("news/hoi-nghi/chup-2.jpg")
        #expect(site.build().succeeded)
        #expect(try entries() == 2, "kept: one build did not use it")
        #expect(site.build().succeeded)
        #expect(try entries() == 1, "removed: two builds did not use it")
        #expect(site.build().succeeded)
        #expect(try entries() == 1, "the photo still used stays")
    }

    @Test func checkWarnsOfAPageWhosePhotosWeighOverOneMegabyteOnAPhone() throws {
        let site = try TestSite([
            "site.yaml": TestSite.defaultSiteYAML + "\nimages:\n  widths: [1600]\n  webp_quality: 100\n",
            "pages/album.md": "---\ntitle: Album\n---\n![Một](mot.jpg)\n\n![Hai](hai.jpg)\n",
            "pages/gioi-thieu.md": "---\ntitle: Giới thiệu\n---\n![Nhỏ](nho.jpg)\n",
        ], templates: MinimalTheme.templates)
        for (name, seed) in [("mot", 1), ("hai", 2)] {
            try PhotoFixture.write(site.content.appendingPathComponent("pages/\(name).jpg"), width: 1600, height: 1200, seed: seed)
        }
        try PhotoFixture.write(site.content.appendingPathComponent("pages/nho.jpg"), width: 400, height: 300)
        let findings = SiteChecker().check(site.options(write: false))
        let weights = findings.filter { $0.message.contains("on a 360 px phone screen") }
        #expect(weights.map(\.file) == ["Content/pages/album.md"], "\(findings)")
        #expect(weights.first?.severity == .warning)
        #expect(weights.first?.message.contains("the 2 photos on this page weigh") == true)
    }
}

