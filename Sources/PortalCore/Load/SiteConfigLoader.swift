import VietnameseText

/// Reads `Content/site.yaml`. Unknown keys are errors: a typo in a setting must not pass silently.
public struct SiteConfigLoader {
    public init() {}

    public func load(from tree: FileTree, findings: inout Findings) -> SiteConfig? {
        guard tree.exists("site.yaml") else {
            findings.append(Finding(file: tree.displayPath("site.yaml"),
                                    message: "site settings not found: create site.yaml with at least \"title:\" and \"base_url:\""))
            return nil
        }
        guard let file = tree.readText("site.yaml", findings: &findings) else { return nil }
        guard var fields = YAMLFields.parse(file.text, in: file, firstLine: 1, findings: &findings) else { return nil }

        let title = fields.string("title", required: true, findings: &findings)
        let province = fields.string("province", findings: &findings)
        let tagline = fields.string("tagline", findings: &findings)
        let baseURL = fields.string("base_url", required: true, findings: &findings)
        let language = fields.string("language", findings: &findings)
        let timeZone = fields.string("time_zone", findings: &findings)
        let perPage = fields.integer("news_per_page", in: 1...500, findings: &findings)
        let rawHTML = fields.bool("raw_html", findings: &findings)
        let compress = fields.bool("compress", findings: &findings)

        var offset = 7 * 60
        if let timeZone {
            if let parsed = LocalDateTime.parseOffset(timeZone.value) {
                offset = parsed
            } else {
                findings.append(.error("time_zone must be an offset such as \"+07:00\", not \"\(timeZone.value)\"", at: timeZone.location))
            }
        }
        if let baseURL, !(baseURL.value.hasPrefix("https://") || baseURL.value.hasPrefix("http://")) {
            findings.append(.error("base_url must start with https:// or http://", at: baseURL.location))
        }

        var agency = SiteConfig.Agency(name: "", role: "", address: "", phone: "", email: "", licence: "", responsible: "")
        if let agencyNode = fields.node("agency"), var agencyFields = fields.nested(agencyNode, findings: &findings) {
            agency.name = agencyFields.string("name", required: true, findings: &findings)?.value ?? ""
            agency.role = agencyFields.string("role", findings: &findings)?.value ?? ""
            agency.address = agencyFields.string("address", findings: &findings)?.value ?? ""
            agency.phone = agencyFields.string("phone", findings: &findings)?.value ?? ""
            agency.email = agencyFields.string("email", findings: &findings)?.value ?? ""
            agency.licence = agencyFields.string("licence", findings: &findings)?.value ?? ""
            agency.responsible = agencyFields.string("responsible", findings: &findings)?.value ?? ""
            agencyFields.reportUnknownKeys(severity: .error, findings: &findings)
        }

        let categories = fields.list("categories", findings: &findings) { entry, findings -> SiteConfig.Category? in
            guard let id = entry.string("id", required: true, findings: &findings),
                  let name = entry.string("name", required: true, findings: &findings) else { return nil }
            if Slug.make(id.value) != id.value {
                findings.append(.error("category id \"\(id.value)\" must be lower-case ASCII words joined by \"-\" (e.g. \"\(Slug.make(id.value))\")",
                                       at: id.location))
                return nil
            }
            return SiteConfig.Category(id: id.value, name: name.value, location: id.location)
        } ?? SiteConfig.defaultCategories.map { SiteConfig.Category(id: $0.id, name: $0.name, location: file.location()) }
        var seenCategories: Set<String> = []
        for category in categories where !seenCategories.insert(category.id).inserted {
            findings.append(.error("category \"\(category.id)\" is listed twice", at: category.location))
        }

        func readLink(_ entry: inout YAMLFields, _ findings: inout Findings) -> SiteConfig.Link? {
            guard let title = entry.string("title", required: true, findings: &findings),
                  let url = entry.string("url", required: true, findings: &findings) else { return nil }
            return SiteConfig.Link(title: title.value, url: url.value)
        }
        let menu = fields.list("menu", findings: &findings, read: readLink) ?? [SiteConfig.Link(title: "Trang chủ", url: URLScheme.home),
                                                                                SiteConfig.Link(title: "Tin tức", url: URLScheme.news)]
        let links = fields.list("links", findings: &findings, read: readLink) ?? []
        var banner: SiteConfig.Link?
        if let node = fields.node("banner"), var bannerFields = fields.nested(node, findings: &findings) {
            if let text = bannerFields.string("text", required: true, findings: &findings) {
                banner = SiteConfig.Link(title: text.value, url: bannerFields.string("url", findings: &findings)?.value ?? "")
            }
            _ = bannerFields.node("url")
            bannerFields.reportUnknownKeys(severity: .error, findings: &findings)
        }
        var images = SiteConfig.ImageSettings()
        if let node = fields.node("images"), var imageFields = fields.nested(node, findings: &findings) {
            let widths = imageFields.stringList("widths", findings: &findings)
            if !widths.isEmpty {
                var parsed: [Int] = []
                for width in widths {
                    if let value = Int(width.value), (16...8192).contains(value) {
                        parsed.append(value)
                    } else {
                        findings.append(.error("images.widths: \"\(width.value)\" is not a width in pixels between 16 and 8192", at: width.location))
                    }
                }
                if !parsed.isEmpty { images.widths = Array(Set(parsed)).sorted() }
            }
            images.maxMegapixels = imageFields.integer("max_megapixels", in: 1...1000, findings: &findings)?.value ?? images.maxMegapixels
            images.jpegQuality = imageFields.integer("jpeg_quality", in: 1...100, findings: &findings)?.value ?? images.jpegQuality
            images.webpQuality = imageFields.integer("webp_quality", in: 1...100, findings: &findings)?.value ?? images.webpQuality
            images.pngCompression = imageFields.integer("png_compression", in: 0...9, findings: &findings)?.value ?? images.pngCompression
            images.cacheBuilds = imageFields.integer("cache_builds", in: 1...1000, findings: &findings)?.value ?? images.cacheBuilds
            images.sizes = imageFields.string("sizes", findings: &findings)?.value ?? images.sizes
            imageFields.reportUnknownKeys(severity: .error, findings: &findings)
        }
        fields.reportUnknownKeys(severity: .error, findings: &findings)

        guard let title, let baseURL else { return nil }
        var base = baseURL.value
        if !base.hasSuffix("/") { base += "/" }
        var config = SiteConfig(
            title: title.value,
            province: province?.value ?? "",
            tagline: tagline?.value ?? "",
            baseURL: base,
            language: language?.value ?? "vi",
            timeZoneOffsetMinutes: offset,
            timeZoneText: timeZone?.value ?? "+07:00",
            newsPerPage: perPage?.value ?? 10,
            allowRawHTML: rawHTML?.value ?? false,
            agency: agency,
            categories: categories,
            menu: menu,
            links: links,
            banner: banner,
            location: file.location()
        )
        config.precompresses = compress?.value ?? true
        config.images = images
        config.sourceText = file.text
        return config
    }
}
