import Markdown
import Testing

@Suite struct ShortcodeTests {
    let renderer = MarkdownRenderer()

    @Test func findsCallsInTextWithTheirArgumentsAndLines() throws {
        let rendered = renderer.render("""
            # Tiêu đề

            Tỷ lệ đạt {{< indicator id="1.1" period="2024-Q1" >}} trong quý.

            {{< chart indicators="1.1,1.2,1.3" type='bar' >}}
            """)
        #expect(rendered.shortcodes.count == 2)
        let inline = rendered.shortcodes[0]
        #expect(inline.name == "indicator")
        #expect(inline.argument("id") == "1.1")
        #expect(inline.argument("period") == "2024-Q1")
        #expect(inline.line == 3)
        #expect(inline.column == 11)
        #expect(!inline.standsAlone)
        let block = rendered.shortcodes[1]
        #expect(block.name == "chart" && block.argument("type") == "bar" && block.argument("indicators") == "1.1,1.2,1.3")
        #expect(block.line == 5)
        #expect(block.standsAlone)
        #expect(rendered.html.contains("<p>\(block.placeholder)</p>"))
        #expect(rendered.html.contains("Tỷ lệ đạt \(inline.placeholder) trong quý."))
    }

    @Test func countsLinesInsideAParagraph() {
        let rendered = renderer.render("Dòng một\ndòng hai\nvà {{< indicator id=\"3.3\" >}}\n")
        #expect(rendered.shortcodes.first?.line == 3)
        #expect(rendered.shortcodes.first?.column == 4)
    }

    @Test func leavesShortcodesInCodeAsText() {
        let source = """
            Mã `{{< indicator id="1.1" >}}` trong dòng.

            ```
            {{< chart indicator="3.3" type="line" >}}
            ```

                {{< indicator id="1.2" >}}
            """
        let rendered = renderer.render(source)
        #expect(rendered.shortcodes.isEmpty)
        #expect(rendered.html.contains("<code>{{&lt; indicator id=&quot;1.1&quot; &gt;}}</code>"))
        #expect(rendered.html.contains("{{&lt; chart indicator=&quot;3.3&quot; type=&quot;line&quot; &gt;}}"))
        #expect(rendered.html.contains("{{&lt; indicator id=&quot;1.2&quot; &gt;}}"))
    }

    @Test func markdownAroundACallRendersAsWithoutIt() {
        let source = "Trước **đậm** {{< indicator id=\"1.1\" >}} _nghiêng_ [liên kết](/a/) ~~gạch~~.\n\n- mục {{< indicator id=\"1.2\" >}}\n- mục hai\n"
        let rendered = renderer.render(source)
        var html = rendered.html
        for call in rendered.shortcodes { html = html.replacingOccurrences(of: call.placeholder, with: "X") }
        let plain = renderer.render("Trước **đậm** X _nghiêng_ [liên kết](/a/) ~~gạch~~.\n\n- mục X\n- mục hai\n")
        #expect(html == plain.html)
    }

    @Test func reportsWhatCannotBeRead() {
        let rendered = renderer.render("A {{< indicator id=\"1.1 >}} B\n\nC {{< >}} D\n\nE {{< chart type=bar type=line >}}\n\nF {{< indicator id=\"1.1\"\n")
        #expect(rendered.shortcodes.map { $0.syntaxError != nil } == [true, true, true, true])
        #expect(rendered.shortcodes[0].syntaxError?.contains("closing quote") == true)
        #expect(rendered.shortcodes[1].syntaxError?.contains("needs a name") == true)
        #expect(rendered.shortcodes[2].syntaxError?.contains("given twice") == true)
        #expect(rendered.shortcodes[3].syntaxError?.contains("not closed") == true)
    }

    @Test func placeholdersLeaveHeadingIDsAlone() {
        let rendered = renderer.render("## Kết quả {{< indicator id=\"1.1\" >}}\n")
        #expect(rendered.headings.first?.id == "ket-qua")
    }
}
