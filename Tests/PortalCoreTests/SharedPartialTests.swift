import Foundation
@testable import PortalCore
import PortalTestSupport
import Testing

@Suite struct SharedPartialTests {
    /// Every file of the bundled site (every page type, the English page with its own language, pages
    /// with and without breadcrumbs and feeds) must be the same with the header and footer cached.
    @Test func cachedHeaderAndFooterChangeNoByteOfTheBundledSite() throws {
        let root = TestSite.repositoryRoot
        let content = FileTree(root: root.appendingPathComponent("Content"), displayRoot: "Content")
        let theme = FileTree(root: root.appendingPathComponent("Theme"), displayRoot: "Theme")
        var findings = Findings()
        let loaded = try #require(SiteLoader(content: content, theme: theme).load(findings: &findings))
        let model = SiteResolver(includeDrafts: false).resolve(loaded, findings: &findings)
        var plain = SiteRenderer(baseURL: model.config.baseURL)
        plain.cachesSharedPartials = false
        let cached = SiteRenderer(baseURL: model.config.baseURL)
        let expected = try #require(plain.render(model, theme: loaded.theme, findings: &findings))
        let actual = try #require(cached.render(model, theme: loaded.theme, findings: &findings))
        #expect(expected.count == actual.count)
        for (want, got) in zip(expected, actual) {
            guard case .text(let wantText) = want.body, case .text(let gotText) = got.body else { continue }
            #expect(want.path == got.path)
            #expect(Array(wantText.utf8) == Array(gotText.utf8), "\(want.path) differs with cached partials")
        }
    }

    @Test func theBundledThemeHasItsSharedPartialsCached() throws {
        var findings = Findings()
        let theme = ThemeLoader().load(from: FileTree(root: TestSite.repositoryRoot.appendingPathComponent("Theme"), displayRoot: "Theme"),
                                       findings: &findings)
        let set = try #require(TemplateSet.load(theme, findings: &findings))
        let cache = try #require(set.partialCache)
        let cached = Set(cache.occurrences.map(\.partial))
        #expect(cached == ["partials/footer", "partials/header", "partials/breadcrumbs", "partials/news-card"])
    }

    /// A view's fingerprint is made from the fields it declares, so two views that differ in any field a
    /// template can see differ in their fingerprints; the site and the news cards are written as their
    /// identity (each is made once and shared by every page).
    @Test func fingerprintsDifferWhereverAFieldDiffers() {
        let link = LinkView(title: "a", url: "/", isExternal: false, isCurrent: false)
        var variants = [link]
        variants.append(LinkView(title: "b", url: "/", isExternal: false, isCurrent: false))
        variants.append(LinkView(title: "a", url: "/b/", isExternal: false, isCurrent: false))
        variants.append(LinkView(title: "a", url: "/", isExternal: true, isCurrent: false))
        variants.append(LinkView(title: "a", url: "/", isExternal: false, isCurrent: true))
        #expect(Set(variants.map { PartialCache.fingerprint($0) }).count == variants.count)
        #expect(PartialCache.fingerprint(link) == PartialCache.fingerprint(LinkView(title: "a", url: "/", isExternal: false, isCurrent: false)))

        let agency = AgencyView(name: "n", role: "r", address: "a", phone: "p", email: "e", licence: "l", responsible: "x")
        var agencies = [agency]
        for field in 0..<7 {
            var texts = ["n", "r", "a", "p", "e", "l", "x"]
            texts[field] += "!"
            agencies.append(AgencyView(name: texts[0], role: texts[1], address: texts[2], phone: texts[3], email: texts[4],
                                       licence: texts[5], responsible: texts[6]))
        }
        #expect(Set(agencies.map { PartialCache.fingerprint($0) }).count == agencies.count)
        #expect(AgencyView.fields.fields.count == 7)

        let category = CategoryView(id: "a", name: "A", url: "/a/", count: 1)
        #expect(PartialCache.fingerprint(category) != PartialCache.fingerprint(CategoryView(id: "a", name: "A", url: "/a/", count: 2)))
        // Same field values, another type: not the same value to a template that looks further.
        #expect(PartialCache.fingerprint(category) != PartialCache.fingerprint(
            FilterLinkView(title: "A", url: "/a/", count: 1, isCurrent: false)))

        let site = SiteView(title: "t", province: "p", tagline: "g", baseURL: "b", language: "vi", agency: agency, links: [link],
                            categories: [category], banner: link)
        #expect(PartialCache.fingerprint(site) == PartialCache.fingerprint(site))
        #expect(PartialCache.fingerprint(site) != PartialCache.fingerprint(SiteView(
            title: "t", province: "p", tagline: "g", baseURL: "b", language: "vi", agency: agency, links: [link], categories: [category],
            banner: link)), "another site, even with the same fields, is another value")
        // A view not declared comparable is never compared, nor is anything holding one.
        let list = NewsListView(heading: "h", intro: nil, items: [], pagination: nil, feedURL: nil)
        #expect(PartialCache.fingerprint(list) == nil)
    }

    @Test func includesAreRewrittenOnlyWhereTheOutputIsCertain() {
        let shared = SharedPartials([
            "base": "<body>\n{{> p}}\n{{#x}}\n{{> p}}\n{{/x}}\n  {{> p}}\n{{> q}}\n<ul>{{#items}}{{> p}}{{/items}}</ul>\n"
                + "{{#items}}<li>{{> p}}</li>{{/items}}\n</body>\n",
            "p": "<p>{{site.title}}</p>\n<hr>\n",
            "q": "{{> p}}\n",
        ])
        #expect(shared.occurrences == [
            .init(partial: "p", dropsFinalLineFeed: true, sections: [], isWholeSection: false),
            .init(partial: "p", dropsFinalLineFeed: true, sections: ["x"], isWholeSection: false),
            .init(partial: "p", dropsFinalLineFeed: false, sections: ["items"], isWholeSection: true),
            // q is included from the top of base, so it too sees the page alone.
            .init(partial: "p", dropsFinalLineFeed: true, sections: [], isWholeSection: false),
        ])
        #expect(shared.rewritten["q"] == "{{{__cachedPartial3}}}\n")
        #expect(shared.rewritten["base"] == "<body>\n{{{__cachedPartial0}}}\n{{#x}}\n{{{__cachedPartial1}}}\n{{/x}}\n  {{> p}}\n"
            + "{{> q}}\n<ul>{{{__cachedPartial2}}}</ul>\n{{#items}}<li>{{> p}}</li>{{/items}}\n</body>\n")
    }

    /// `{{#things}}{{> item}}{{/things}}` walked by the page's root gives what the library gives for every
    /// kind of value a section can hold on a page that qualifies.
    @Test func aWholeSectionIncludeIsWalkedAsTheLibraryWalksIt() throws {
        struct Page: TemplateView, Sendable {
            var things: (any Sendable)?
            static let fields = ViewFields<Page>([
                ViewField(name: "things", shape: .value, read: { $0.things }, fingerprint: { _, _ in false }),
                .text("pageName") { _ in "trang <1>" },
                .text("title") { _ in "tiêu đề của trang" },
            ])
        }
        let texts = ["page": "<ul>{{#things}}{{> item}}{{/things}}</ul>\n",
                     "item": "<li>{{title}}|{{url}}|{{pageName}}</li>"]
        let names = Set(TemplateSet.required + ["page", "item"])
        let theme = Theme(templates: names.sorted().map { name in
            SourceFile(relativePath: "templates/\(name).mustache", displayPath: "Theme/templates/\(name).mustache", text: texts[name] ?? "")
        }, assets: [])
        var findings = Findings()
        let cached = try #require(TemplateSet.load(theme, findings: &findings))
        let plain = try #require(TemplateSet.load(theme, findings: &findings, cachePartials: false))
        let cache = try #require(cached.partialCache)
        let links = [LinkView(title: "Một", url: "/1/", isExternal: false, isCurrent: false),
                     LinkView(title: "Hai & ba", url: "/2/", isExternal: false, isCurrent: true)]
        let values: [(any Sendable)?] = [links, links + links, [LinkView](), links[1], true, false, nil, "chữ", ""]
        for value in values {
            let page = Page(things: value)
            #expect(cache.qualifies(page, template: "page"))
            let want = plain.render(page, template: "page")
            #expect(cached.render(page, template: "page") == want, "\(String(describing: value))")
            // Again, now from what the first render recorded.
            #expect(cached.render(page, template: "page") == want, "\(String(describing: value)), recorded")
        }
        #expect(plain.render(Page(things: links), template: "page")
                == "<ul><li>Một|/1/|trang &lt;1&gt;</li><li>Hai &amp; ba|/2/|trang &lt;1&gt;</li></ul>\n")
    }

    @Test func aBlockDefaultInsideASectionTurnsTheCacheOff() {
        let shared = SharedPartials(["base": "{{#x}}{{$main}}{{/main}}{{/x}}\n{{> p}}\n", "p": "<p>{{a}}</p>\n<hr>\n"])
        #expect(shared.occurrences.isEmpty)
    }
}
