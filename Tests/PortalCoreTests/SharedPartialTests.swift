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
        var findings: [Finding] = []
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
        var findings: [Finding] = []
        let theme = ThemeLoader().load(from: FileTree(root: TestSite.repositoryRoot.appendingPathComponent("Theme"), displayRoot: "Theme"),
                                       findings: &findings)
        let set = try #require(TemplateSet.load(theme, findings: &findings))
        let cache = try #require(set.partialCache)
        let cached = Set(cache.occurrences.map(\.partial))
        #expect(cached == ["partials/footer", "partials/header", "partials/breadcrumbs", "partials/news-card"])
    }

    /// The fingerprints must write every field the views have: a field left out would let pages that
    /// differ in it share a cached header or footer. (The site is written as its identity.)
    @Test func fingerprintsCoverEveryFieldOfTheSiteViews() {
        let link = LinkView(title: "a", url: "/", isExternal: false, isCurrent: false)
        let category = CategoryView(id: "a", name: "A", url: "/a/", count: 1)
        let agency = AgencyView(name: "n", role: "r", address: "a", phone: "p", email: "e", licence: "l", responsible: "x")
        let site = SiteView(title: "t", province: "p", tagline: "g", baseURL: "b", language: "vi", agency: agency, links: [link],
                            categories: [category], banner: link)
        #expect(Mirror(reflecting: site).children.map(\.label) == ["title", "province", "tagline", "baseURL", "language", "agency",
                                                                   "links", "categories", "banner"])
        #expect(PartialCache.fingerprint(site) == PartialCache.fingerprint(site))
        #expect(PartialCache.fingerprint(site) != PartialCache.fingerprint(SiteView(
            title: "t", province: "p", tagline: "g", baseURL: "b", language: "vi", agency: agency, links: [link], categories: [category],
            banner: link)), "another site, even with the same fields, is another value")
        #expect(Mirror(reflecting: agency).children.map(\.label) == ["name", "role", "address", "phone", "email", "licence",
                                                                     "responsible"])
        #expect(Mirror(reflecting: link).children.map(\.label) == ["title", "url", "isExternal", "isCurrent"])
        #expect(Mirror(reflecting: category).children.map(\.label) == ["id", "name", "url", "count"])
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
            func value(named name: String) -> Any? {
                switch name {
                case "things": things
                case "pageName": "trang <1>"
                case "title": "tiêu đề của trang"
                default: nil
                }
            }
        }
        let texts = ["page": "<ul>{{#things}}{{> item}}{{/things}}</ul>\n",
                     "item": "<li>{{title}}|{{url}}|{{pageName}}</li>"]
        let names = Set(TemplateSet.required + ["page", "item"])
        let theme = Theme(templates: names.sorted().map { name in
            SourceFile(relativePath: "templates/\(name).mustache", displayPath: "Theme/templates/\(name).mustache", text: texts[name] ?? "")
        }, assets: [])
        var findings: [Finding] = []
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
