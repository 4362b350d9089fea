import Foundation
@testable import PortalCore
import PortalTestSupport
import Testing

/// A name a template writes that no view it is rendered with has is a finding at the template's line and
/// column, instead of an empty spot on every page.
@Suite struct TemplateCheckTests {
    static let content = [
        "news/a.md": TestSite.news(title: "Tin một", extra: "summary: \"Tóm tắt\""),
        "pages/gioi-thieu.md": "---\ntitle: Giới thiệu\n---\nNội dung.",
    ]

    func build(changing name: String, to text: String) throws -> BuildReport {
        var templates = MinimalTheme.templates
        templates[name] = text
        let site = try TestSite(Self.content, templates: templates)
        return site.build()
    }

    @Test func theMinimalAndTheBundledThemesNameOnlyFieldsTheirPagesHave() throws {
        let minimal = try TestSite(Self.content, templates: MinimalTheme.templates).build()
        #expect(minimal.findings.isEmpty, "\(minimal.findings)")
        let bundled = try TestSite(Self.content).build()
        #expect(bundled.findings.isEmpty, "\(bundled.findings)")
    }

    @Test func aMistypedFieldIsAnErrorAtItsLineAndColumnWithTheNearestName() throws {
        let report = try build(changing: "news-item", to: "{{<base}}{{$main}}\n<h1>{{title}}</h1>\n<p>{{dateLnog}}</p>\n{{/main}}{{/base}}")
        #expect(!report.succeeded)
        let finding = try #require(report.findings.first { $0.message.contains("dateLnog") })
        #expect(finding.file == "Theme/templates/news-item.mustache")
        #expect(finding.line == 3)
        #expect(finding.column == 4)
        #expect(finding.message.contains("news-item pages"))
        #expect(finding.message.contains("did you mean \"dateLong\""))
    }

    @Test func namesAreLookedUpAsMustacheLooksThemUp() throws {
        // Inside a list, the item's fields first, then the page's; inside text or a flag, the page's;
        // a transform's name inside its parentheses; a dotted name field by field.
        let report = try build(changing: "news-list", to: """
            {{<base}}{{$main}}
            {{#items}}{{title}} {{heading}} {{documentTitle}}{{/items}}
            {{#heading}}{{heading}} {{path}}{{/heading}}{{#hasItems}}{{heading}}{{/hasItems}}{{^hasItems}}{{heading}}{{/hasItems}}
            {{uppercased(heading)}} {{site.agency.name}} {{#site.agency}}{{name}} {{heading}}{{/site.agency}} {{.}}
            {{/main}}{{/base}}
            """)
        #expect(report.findings.isEmpty, "\(report.findings)")
        let wrong = try build(changing: "news-list", to: """
            {{<base}}{{$main}}
            {{#items}}{{titel}}{{/items}} {{uppercased(headng)}} {{site.agency.nam}} {{#pagination}}{{totl}}{{/pagination}}
            {{/main}}{{/base}}
            """)
        let names = wrong.findings.map(\.message)
        #expect(names.contains { $0.hasPrefix("\"titel\"") && $0.contains("did you mean \"title\"") }, "\(names)")
        #expect(names.contains { $0.hasPrefix("\"uppercased(headng)\"") }, "\(names)")
        #expect(names.contains { $0.hasPrefix("\"site.agency.nam\"") && $0.contains("did you mean \"name\"") }, "\(names)")
        #expect(names.contains { $0.hasPrefix("\"totl\"") && $0.contains("did you mean \"total\"") }, "\(names)")
        #expect(wrong.findings.allSatisfy { $0.line == 2 })
    }

    @Test func aPartialIsCheckedWhereItIsIncluded() throws {
        // The card's fields exist inside the list of items, not at the top of a page.
        var templates = MinimalTheme.templates
        templates["page"] = "{{<base}}{{$main}}\n{{> partials/card}}\n{{/main}}{{/base}}"
        let site = try TestSite(Self.content, templates: templates)
        let report = site.build()
        let found = report.findings.filter { $0.file == "Theme/templates/partials/card.mustache" }
        #expect(found.contains { $0.message.hasPrefix("\"dateISO\"") && $0.message.contains("here: the page pages") }, "\(report.findings)")
        #expect(!found.contains { $0.message.hasPrefix("\"title\"") }, "a page has a title too")
    }

    @Test func aLayoutIsCheckedAgainstTheStandAlonePageItDraws() throws {
        var templates = MinimalTheme.templates
        templates["contact"] = "{{<base}}{{$main}}{{title}} {{agency}}{{/main}}{{/base}}"
        let site = try TestSite(["pages/lien-he.md": "---\ntitle: Liên hệ\nlayout: contact\n---\n"], templates: templates)
        let report = site.build()
        #expect(report.findings.map(\.message).contains { $0.hasPrefix("\"agency\" is not a field of the contact pages") }, "\(report.findings)")
    }
}
