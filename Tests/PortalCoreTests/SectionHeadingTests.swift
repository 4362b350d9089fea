@testable import PortalCore
import Testing

@Suite struct SectionHeadingTests {
    @Test func firstLineHeadingIsTheTitleAndTheRestIsTheBody() throws {
        let found = try #require(SectionHeading.first(in: "\n  ## Kết quả *nổi bật* ##  \nNội dung.\n", firstLine: 1))
        #expect(found.heading.markdown == "Kết quả *nổi bật* ##  ")
        #expect(found.heading.text == "Kết quả *nổi bật*")
        #expect(found.heading.level == 2)
        #expect((found.heading.line, found.heading.column) == (2, 6))
        #expect(found.rest == "Nội dung.\n")
        #expect(found.restFirstLine == 3)
        #expect(SectionHeading.first(in: "# Mở đầu", firstLine: 4)?.heading.line == 4)
        #expect(SectionHeading.first(in: "# Mở đầu", firstLine: 4)?.rest == "")
        #expect(SectionHeading.first(in: "## C# và F#", firstLine: 1)?.heading.text == "C# và F#")
    }

    @Test func otherFirstLinesAreNoTitle() {
        for body in ["Đoạn văn.\n\n## Sau đó", "### Mục con", "#Tiêu đề", "    ## Khối mã", "## ##", "##", "", " \n\t\n"] {
            #expect(SectionHeading.first(in: body, firstLine: 1) == nil, "\(body)")
        }
    }
}
