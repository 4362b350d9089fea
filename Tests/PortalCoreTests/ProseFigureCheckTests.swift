import Foundation
@testable import PortalCore
import PortalTestSupport
import Testing

@Suite struct ProseFigureCheckTests {
    func statements(_ line: String) -> [(String, String)] {
        ProseFigureCheck.statements(in: line).map { ($0.percentText, $0.fractionText) }
    }

    @Test func readsTheFormsVietnameseReportsUse() {
        #expect(statements("Tỷ lệ đạt: 54,4% (1.013/1.861), tăng").elementsEqual([("54,4%", "1.013/1.861")], by: ==))
        #expect(statements("có 121/282 cơ sở giáo dục, đạt 42,9 %, tăng 37").elementsEqual([("42,9%", "121/282")], by: ==))
        #expect(statements("3.094/11.066 trường hợp (đạt tỷ lệ 27,96%); 73/82 trường hợp (đạt tỷ lệ 89%)")
            .elementsEqual([("27,96%", "3.094/11.066"), ("89%", "73/82")], by: ==))
        #expect(statements("machine numbers 54.4% (1013/1861) too").elementsEqual([("54.4%", "1013/1861")], by: ==))
        #expect(statements("| Đã có tài khoản | 559/20.824 | 2,69% |").elementsEqual([("2,69%", "559/20.824")], by: ==))
    }

    @Test func datesAndDocumentNumbersAreNotFractions() {
        #expect(statements("ngày 11/3/2024 đạt 100%").isEmpty)
        #expect(statements("từ ngày 25/12/2023 đến 05/03/2024, đạt 5%").isEmpty)
        #expect(statements("Quyết định số 293/QĐ-UBND ngày 28/02/2024 đạt 10%").isEmpty)
        #expect(statements("(29/203 học viên)").isEmpty)
        #expect(statements("`54,4% (1.013/1.861)`").count == 1, "code spans are removed by check(), not here")
    }

    func findings(_ body: String) throws -> [Finding] {
        let site = try TestSite(["news/a.md": TestSite.news(title: "Tin", body: body)])
        return site.build().findings
    }

    @Test func wrongFigureIsAWarningAtItsLineAndColumn() throws {
        let found = try findings("Đoạn một.\n\nTỷ lệ đạt 55,4% (1.013/1.861).\n")
        #expect(found.map(\.description) == [
            "Content/news/a.md:9:11: warning: 55,4% does not match 1.013/1.861 = 54,4331%, which is 54,4% at the precision written",
        ])
    }

    @Test func rightFiguresPassInBothNumberFormats() throws {
        let body = """
            Đạt 54,4% (1.013/1.861); 54.4% (1013/1861); 121/282 cơ sở, đạt 42,9%; 73/82 trường hợp (đạt tỷ lệ 89%).

            | Chỉ số | Số liệu | Tỷ lệ |
            |---|---|---|
            | Rà soát | 19.616/20.824 | 94,2% |
            """
        #expect(try findings(body).isEmpty)
    }

    @Test func codeIsNotChecked() throws {
        #expect(try findings("Mã `55,4% (1.013/1.861)` thôi.\n\n```\n55,4% (1.013/1.861)\n```\n").isEmpty)
    }

    /// On the seed content, the only findings are the report's own slip (559/20.824 written as 2,69%),
    /// in the data, the report and the news item that quotes it.
    @Test func seedContentHasOnlyTheReportsOwnSlip() throws {
        let root = TestSite.repositoryRoot
        let report = SiteBuilder().build(BuildOptions(
            content: FileTree(root: root.appendingPathComponent("Content"), displayRoot: "Content"),
            theme: FileTree(root: root.appendingPathComponent("Theme"), displayRoot: "Theme"), output: nil))
        #expect(report.findings.count == 3, "\(report.findings.map(\.description))")
        #expect(report.findings.allSatisfy { $0.severity == .warning && $0.message.contains("2.6844") || $0.message.contains("2,6844") })
    }
}
