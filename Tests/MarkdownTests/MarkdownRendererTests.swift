import Foundation
import Markdown
import Testing

@Suite struct MarkdownRendererTests {
    let renderer = MarkdownRenderer()

    @Test func rendersGitHubFlavouredExtensions() {
        let html = renderer.render("""
            | Chỉ tiêu | Kết quả |
            |---|---:|
            | 1.1 | 100% |

            ~~cũ~~ và www.backan.gov.vn

            - [x] xong
            - [ ] chưa
            """).html
        #expect(html.contains("<div class=\"table-scroll\" role=\"region\" tabindex=\"0\" aria-label=\"Bảng 1\">\n<table>"))
        #expect(html.contains("</table>\n</div>"))
        #expect(html.contains("<th align=\"right\">Kết quả</th>"))
        #expect(html.contains("<del>cũ</del>"))
        #expect(html.contains("<a href=\"http://www.backan.gov.vn\">www.backan.gov.vn</a>"))
        #expect(html.contains("type=\"checkbox\" checked=\"\" disabled=\"\""))
    }

    @Test func numbersFootnotes() {
        let html = renderer.render("Gồm 07 dịch vụ[^1].\n\n[^1]: Danh sách dịch vụ.\n").html
        #expect(html.contains("<sup class=\"footnote-ref\"><a href=\"#fn-1\" id=\"fnref-1\" data-footnote-ref>1</a></sup>"))
        #expect(html.contains("<section class=\"footnotes\" data-footnotes>"))
    }

    @Test func omitsRawHTMLUnlessAllowed() {
        let source = "Trước <script>alert(1)</script> sau\n\n<div class=\"x\">khối</div>\n"
        let safe = renderer.render(source).html
        #expect(!safe.contains("<script>"))
        #expect(!safe.contains("<div class=\"x\">"))
        #expect(safe.contains("raw HTML omitted"))
        let unsafe = MarkdownRenderer(options: .init(allowRawHTML: true)).render(source).html
        #expect(unsafe.contains("<div class=\"x\">khối</div>"))
        // tagfilter still disarms script tags even when raw HTML is allowed.
        #expect(!unsafe.contains("<script>"))
    }

    @Test func givesHeadingsStableUniqueIDs() {
        let rendered = renderer.render("## Kết quả đạt được\n\ntext\n\n## Kết quả đạt được\n\n### Tồn tại, hạn chế\n")
        #expect(rendered.headings.map(\.id) == ["ket-qua-dat-duoc", "ket-qua-dat-duoc-1", "ton-tai-han-che"])
        #expect(rendered.html.contains("<h2 id=\"ket-qua-dat-duoc\">Kết quả đạt được</h2>"))
        #expect(rendered.html.contains("<h2 id=\"ket-qua-dat-duoc-1\">"))
        #expect(rendered.html.contains("<h3 id=\"ton-tai-han-che\">"))
    }

    @Test func leavesAuthorsHeadingTagsAloneWhenRawHTMLIsAllowed() {
        let rendered = MarkdownRenderer(options: .init(allowRawHTML: true))
            .render("<h2 class=\"own\">Tự viết</h2>\n\n## Sau đó\n")
        #expect(rendered.html.contains("<h2 class=\"own\">Tự viết</h2>"))
        #expect(rendered.html.contains("<h2 id=\"sau-do\">Sau đó</h2>"))
    }

    @Test func doesNotMistakeEscapedTextForHeadings() {
        let rendered = renderer.render("`<h2>` trong mã\n\n## Thật\n")
        #expect(rendered.html.contains("<code>&lt;h2&gt;</code>"))
        #expect(rendered.html.contains("<h2 id=\"that\">Thật</h2>"))
    }

    @Test func extractsTheFirstParagraphAsPlainText() {
        let rendered = renderer.render("## Tiêu đề\n\nĐoạn **đầu** có [liên kết](/a/) và `mã`,\ntiếp dòng.\n\nĐoạn hai.\n")
        #expect(rendered.firstParagraph == "Đoạn đầu có liên kết và mã, tiếp dòng.")
        #expect(rendered.plainText.hasPrefix("Tiêu đề Đoạn đầu"))
        #expect(rendered.links.map(\.destination) == ["/a/"])
    }

    @Test func collectsImagesWithAltAndLine() {
        let rendered = renderer.render("Dòng một.\n\n![Bản đồ phủ sóng](ban-do.png)\n")
        #expect(rendered.images.map(\.source) == ["ban-do.png"])
        #expect(rendered.images.map(\.alt) == ["Bản đồ phủ sóng"])
        #expect(rendered.images.map(\.line) == [3])
    }

    /// cmark-gfm's `cmark_parser_finish` rewrites a process-wide table; without the lock, documents
    /// rendered at the same time lose strikethrough and autolinks now and then.
    @Test func rendersTheSameFromManyThreadsAsFromOne() {
        let documents = (0..<400).map { index in
            """
            # Tin số \(index)

            ~~bỏ~~ www.example\(index).vn và https://a.vn/\(index) và ~~gạch \(index)~~

            | a | b |
            |---|---|
            | \(index) | ~~\(index)~~ |

            - [x] việc \(index)

            Chú thích[^n].

            [^n]: Ghi chú \(index).
            """
        }
        let expected = documents.map { renderer.render($0) }
        let results = ResultBox(count: documents.count)
        DispatchQueue.concurrentPerform(iterations: documents.count * 3) { iteration in
            let index = iteration % documents.count
            results.set(index, renderer.render(documents[index]))
        }
        #expect(results.mismatches == 0)
        for index in documents.indices {
            #expect(results.get(index) == expected[index], "document \(index) differs when rendered concurrently")
        }
        #expect(expected.allSatisfy { $0.html.contains("<del>") && $0.html.contains("<a href=\"http://www.example") })
    }
}

private final class ResultBox: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [RenderedMarkdown?]
    private(set) var mismatches = 0
    init(count: Int) { values = Array(repeating: nil, count: count) }
    func set(_ index: Int, _ value: RenderedMarkdown) {
        lock.lock(); defer { lock.unlock() }
        if let existing = values[index], existing != value { mismatches += 1 }
        values[index] = value
    }
    func get(_ index: Int) -> RenderedMarkdown? {
        lock.lock(); defer { lock.unlock() }
        return values[index]
    }
}
