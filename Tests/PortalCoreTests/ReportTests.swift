import Foundation
import PortalCore
import PortalTestSupport
import Testing

@Suite struct ReportTests {
    static let indicators = [
        "indicators/indicators.yaml": """
            groups:
              - { id: chinh-quyen-so, name: "Chính quyền số" }
            indicators:
              - { id: "1.1", group: chinh-quyen-so, name: "Tỷ lệ DVCTT toàn trình", unit: percent, targets: { 2024: ">= 80" } }
              - { id: "B1", group: chinh-quyen-so, name: "Tỷ lệ DVCTT toàn trình trên tổng số TTHC", unit: percent }
            """,
        "indicators/values.csv": """
            indicator,period,value,numerator,denominator,status,as_of,note
            1.1,2024-Q1,100,1013,1013,,2024-03-10,
            B1,2024-Q1,54.4,1013,1861,,2024-03-11,
            """,
    ]

    static let index = """
        ---
        title: "Kết quả hoạt động Quý I năm 2024"
        number: "12/BC-BCĐ"
        issuer: ["UBND TỈNH THỬ NGHIỆM", "BCĐ VỀ CHUYỂN ĐỔI SỐ"]
        place: "Thử Nghiệm"
        date: 2024-03
        period: 2024-Q1
        status: "Dự thảo"
        signer: { on_behalf: "TM. BAN CHỈ ĐẠO", position: "TRƯỞNG BAN", name: "" }
        recipients: ["Bộ Thông tin và Truyền thông (b/c);", "Lưu: VT."]
        ---
        """

    /// Built with the minimal inline theme unless `templates` is nil (the bundled theme, for `BundledThemeTests`).
    static func reportSite(_ extra: [String: String] = [:], templates: [String: String]? = MinimalTheme.templates) throws -> TestSite {
        var files = Self.indicators
        files["reports/2024-q1/_index.md"] = Self.index
        files["reports/2024-q1/02-nhiem-vu.md"] = """
            ---
            title: "Nhiệm vụ trọng tâm Quý II"
            ---
            ## Dữ liệu

            Kết nối dữ liệu[^b].

            [^b]: Chú thích thứ hai.
            """
        files["reports/2024-q1/01-ket-qua.md"] = """
            ---
            title: "Kết quả triển khai"
            ---
            ## Chính quyền số

            ### Kết quả đạt được

            Tỷ lệ toàn trình đạt {{< indicator id="1.1" >}}; trên tổng số TTHC: {{< indicator id="B1" show="value" >}} (1.013/1.861)[^a].

            ### Tồn tại, hạn chế

            Còn chậm.

            ## Hạ tầng số

            Mã `{{< indicator id="9.9" >}}` giữ nguyên.

            [^a]: Chú thích thứ nhất.
            """
        files["reports/2024-q1/03-phu-luc.md"] = """
            ---
            title: "Kết quả thực hiện các chỉ tiêu"
            appendix: true
            ---
            {{< indicator-table group="chinh-quyen-so" period="2024-Q1" >}}
            """
        for (path, text) in extra { files[path] = text }
        return try TestSite(files, templates: templates)
    }

    func reportSite(_ extra: [String: String] = [:]) throws -> TestSite {
        try Self.reportSite(extra)
    }

    @Test func reportReadsAsTheOfficialDocumentWithNumberedSections() throws {
        let site = try reportSite()
        let report = site.build()
        #expect(report.findings.isEmpty, "\(report.findings)")
        let page = try #require(site.page("bao-cao/2024-q1/index.html"))
        #expect(page.contains("<p>UBND TỈNH THỬ NGHIỆM</p><p>BCĐ VỀ CHUYỂN ĐỔI SỐ</p><p>12/BC-BCĐ</p><p>Dự thảo</p>"), "issuer, number, status")
        #expect(page.contains("<p>BÁO CÁO</p><h1>Kết quả hoạt động Quý I năm 2024</h1>"), "kind and title")
        #expect(page.contains("<p>Thử Nghiệm, ngày … tháng 3 năm 2024</p>"))
        // Sections in file-name order, numbered I., II.; their headings 1., 2.; below 1.1., 1.2.
        #expect(page.contains("<h2 id=\"ket-qua-trien-khai\"><span class=\"heading-number\">I.</span> Kết quả triển khai</h2>"))
        #expect(page.contains("<h3 id=\"chinh-quyen-so\"><span class=\"heading-number\">1.</span> Chính quyền số</h3>"))
        #expect(page.contains("<h4 id=\"ket-qua-dat-duoc\"><span class=\"heading-number\">1.1.</span> Kết quả đạt được</h4>"))
        #expect(page.contains("<h4 id=\"ton-tai-han-che\"><span class=\"heading-number\">1.2.</span> Tồn tại, hạn chế</h4>"))
        #expect(page.contains("<h3 id=\"ha-tang-so\"><span class=\"heading-number\">2.</span> Hạ tầng số</h3>"))
        #expect(page.contains("<h2 id=\"nhiem-vu-trong-tam-quy-ii\"><span class=\"heading-number\">II.</span> Nhiệm vụ trọng tâm Quý II</h2>"))
        #expect(page.contains("<h3 id=\"du-lieu\"><span class=\"heading-number\">1.</span> Dữ liệu</h3>"))
        let first = try #require(page.range(of: "Kết quả triển khai</h2>"))
        let second = try #require(page.range(of: "Nhiệm vụ trọng tâm Quý II</h2>"))
        #expect(first.lowerBound < second.lowerBound)
        // The table of contents links the stable anchors.
        #expect(page.contains("<a href=\"#ket-qua-trien-khai\">I. Kết quả triển khai</a>"))
        #expect(page.contains("<a href=\"#chinh-quyen-so\">1. Chính quyền số</a>"))
        // Footnotes are numbered across the whole report, in one list.
        #expect(page.contains("<a href=\"#fn-a\" id=\"fnref-a\" data-footnote-ref>1</a>"))
        #expect(page.contains("<a href=\"#fn-b\" id=\"fnref-b\" data-footnote-ref>2</a>"))
        #expect(page.components(separatedBy: "<section class=\"footnotes\"").count == 2)
        // Live numbers, and shortcodes in code left alone.
        #expect(page.contains("<a class=\"indicator-inline__value\" href=\"/chi-so/1-1/\">100%</a>"))
        #expect(page.contains("status--dat\">Đạt</span>"))
        #expect(page.contains("href=\"/chi-so/b1/\">54,4%</a></span> (1.013/1.861)"))
        #expect(page.contains("<code>{{&lt; indicator id=&quot;9.9&quot; &gt;}}</code>"))
        // Sign-off, then the appendix made from the data: the appendix section is not part of the body.
        #expect(page.contains("<ul class=\"recipients\"><li>Bộ Thông tin và Truyền thông (b/c);</li><li>Lưu: VT.</li></ul>"))
        let signoff = try #require(page.range(of: "<p>TM. BAN CHỈ ĐẠO TRƯỞNG BAN </p>"), "on behalf, position, no name")
        let appendix = try #require(page.range(of: "<th scope=\"rowgroup\" colspan=\"6\">Chính quyền số</th>"))
        #expect(signoff.lowerBound < appendix.lowerBound)
        #expect(page.contains("<td class=\"num\">1.013/1.013</td>"))
        #expect(!page.contains("III."))
        let list = try #require(site.page("bao-cao/index.html"))
        #expect(list.contains("<a href=\"/bao-cao/2024-q1/\">Kết quả hoạt động Quý I năm 2024</a>"))
    }

    /// SPEC §5 read by a new editor: `_index.md` with only a title, sections as plain Markdown that start
    /// with their heading, footnotes in both, a live number and a chart.
    @Test func reportWrittenFromTheContractAloneBuildsIntoOnePage() throws {
        var files = Self.indicators
        files["reports/bao-cao-moi/_index.md"] = "---\ntitle: \"Báo cáo kết quả chuyển đổi số\"\n---\n"
        files["reports/bao-cao-moi/01-ket-qua.md"] = """
            ## Kết quả triển khai

            ### Chính quyền số

            #### Kết quả đạt được

            Tỷ lệ hồ sơ toàn trình đạt {{< indicator id="1.1" >}}[^dvc].

            {{< chart indicator="B1" type="bar" >}}

            [^dvc]: Theo Hệ thống thông tin giải quyết TTHC.
            """
        files["reports/bao-cao-moi/02-nhiem-vu.md"] = """

            # Nhiệm vụ *trọng tâm* Quý II

            Hoàn thành kết nối dữ liệu[^kn].

            [^kn]: Kết nối với Cổng Dịch vụ công quốc gia.
            """
        let site = try TestSite(files)
        let report = site.build()
        #expect(report.findings.isEmpty, "\(report.findings)")
        let page = try #require(site.page("bao-cao/bao-cao-moi/index.html"))
        #expect(page.contains("<h1 class=\"official-document__title\">Báo cáo kết quả chuyển đổi số</h1>"))
        // Each section's first heading is its title, numbered, and not repeated in its body.
        #expect(page.contains("<h2 id=\"ket-qua-trien-khai\"><span class=\"heading-number\">I.</span> Kết quả triển khai</h2>"))
        // Under a `##` title the section's own headings start at `###`, numbered as `##` under a title field.
        #expect(page.contains("<h3 id=\"chinh-quyen-so\"><span class=\"heading-number\">1.</span> Chính quyền số</h3>"))
        #expect(page.contains("<h4 id=\"ket-qua-dat-duoc\"><span class=\"heading-number\">1.1.</span> Kết quả đạt được</h4>"))
        #expect(page.contains("<h2 id=\"nhiem-vu-trong-tam-quy-ii\"><span class=\"heading-number\">II.</span> Nhiệm vụ <em>trọng tâm</em> Quý II</h2>"))
        #expect(page.components(separatedBy: "Kết quả triển khai</h").count == 2)
        #expect(!page.contains("<h3 id=\"ket-qua-trien-khai"))
        // The table of contents, and footnotes numbered across the report in one list.
        #expect(page.contains("<a href=\"#ket-qua-trien-khai\">I. Kết quả triển khai</a>"))
        #expect(page.contains("<a href=\"#chinh-quyen-so\">1. Chính quyền số</a>"))
        #expect(page.contains("<a href=\"#nhiem-vu-trong-tam-quy-ii\">II. Nhiệm vụ trọng tâm Quý II</a>"))
        #expect(page.contains("<a href=\"#fn-dvc\" id=\"fnref-dvc\" data-footnote-ref>1</a>"))
        #expect(page.contains("<a href=\"#fn-kn\" id=\"fnref-kn\" data-footnote-ref>2</a>"))
        #expect(page.components(separatedBy: "<section class=\"footnotes\"").count == 2)
        // Shortcodes: the live number and the chart.
        #expect(page.contains("<a class=\"indicator-inline__value\" href=\"/chi-so/1-1/\">100%</a>"))
        #expect(page.contains("role=\"img\""))
        // No date: a draft whose date line keeps its blanks, with no machine date to go with it.
        #expect(page.contains("<p class=\"official-document__date\">ngày … tháng … năm …</p>"))
        let list = try #require(site.page("bao-cao/index.html"))
        #expect(list.contains("Báo cáo · chưa ghi ngày"))
        let sitemap = try #require(site.page("sitemap.xml"))
        #expect(sitemap.contains("<url><loc>https://cds.example.gov.vn/bao-cao/bao-cao-moi/</loc></url>"))
    }

    @Test func reportsWithoutADateComeAfterTheDatedOnes() throws {
        let site = try TestSite([
            "reports/a-du-thao/_index.md": "---\ntitle: Dự thảo A\n---\n",
            "reports/b-cu/_index.md": "---\ntitle: Báo cáo cũ\ndate: 2023-12-20\n---\n",
            "reports/c-moi/_index.md": "---\ntitle: Báo cáo mới\ndate: 2024-03-20\n---\n",
            "reports/d-du-thao/_index.md": "---\ntitle: Dự thảo D\n---\n",
        ])
        let report = site.build()
        #expect(report.findings.isEmpty, "\(report.findings)")
        let list = try #require(site.page("bao-cao/index.html"))
        let order = ["Báo cáo mới", "Báo cáo cũ", "Dự thảo A", "Dự thảo D"].map { list.range(of: "\($0)</a>")?.lowerBound }
        #expect(order.allSatisfy { $0 != nil } && order == order.sorted { $0! < $1! }, "\(order)")
        #expect(list.contains("<time datetime=\"2024-03-20\">20/03/2024</time>"))
        #expect(list.contains("Báo cáo · chưa ghi ngày"))
        let draft = try #require(site.page("bao-cao/a-du-thao/index.html"))
        #expect(draft.contains("<p class=\"official-document__date\">ngày … tháng … năm …</p>"))
        let sitemap = try #require(site.page("sitemap.xml"))
        #expect(sitemap.contains("<loc>https://cds.example.gov.vn/bao-cao/c-moi/</loc><lastmod>2024-03-20</lastmod>"))
        #expect(sitemap.contains("<url><loc>https://cds.example.gov.vn/bao-cao/a-du-thao/</loc></url>"))
        #expect(sitemap.contains("<loc>https://cds.example.gov.vn/bao-cao/</loc><lastmod>2024-03-20</lastmod>"))
    }

    @Test func findingsInASectionWithoutFrontMatterAreAtTheirFileLines() throws {
        let site = try reportSite([
            "reports/2024-q1/02-nhiem-vu.md": """
                ## Nhiệm vụ {{< indicator id="8.8" >}}

                Đoạn một.

                Hai {{< indicator id="7.7" >}}.

                Tỷ lệ đạt 50,0% (1.013/1.861).

                # Tiêu đề sai cấp

                Chú thích[^a].

                [^a]: Trùng nhãn.
                """,
        ])
        let findings = site.build().findings
        func has(_ line: Int, _ column: Int?, _ text: String) -> Bool {
            findings.contains {
                $0.file == "Content/reports/2024-q1/02-nhiem-vu.md" && $0.line == line && (column == nil || $0.column == column)
                    && $0.message.contains(text)
            }
        }
        // (The column of a shortcode in a heading counts from the heading's text, as in any file.)
        #expect(has(1, nil, "unknown indicator \"8.8\""), "\(findings.map(\.description))")
        #expect(has(5, 5, "unknown indicator \"7.7\""))
        #expect(has(7, nil, "does not match 1.013/1.861"))
        #expect(has(9, 1, "use ### for headings inside a section: ## is the section's own title"))
        #expect(has(13, 1, "footnote [^a] is already defined"))
    }

    @Test func weightOrdersSectionsBeforeFileNames() throws {
        let site = try reportSite(["reports/2024-q1/00-mo-dau.md": "---\ntitle: Phần cuối\nweight: 99\n---\nText.\n"])
        site.build()
        let page = try #require(site.page("bao-cao/2024-q1/index.html"))
        #expect(page.contains("<span class=\"heading-number\">III.</span> Phần cuối"))
    }

    @Test func unknownIndicatorInASectionIsReportedAtItsLine() throws {
        let site = try reportSite(["reports/2024-q1/02-nhiem-vu.md": "---\ntitle: Nhiệm vụ\n---\nMột.\n\nHai {{< indicator id=\"7.7\" >}}.\n"])
        let report = site.build()
        #expect(report.findings.contains {
            $0.file == "Content/reports/2024-q1/02-nhiem-vu.md" && $0.line == 6 && $0.column == 5 && $0.message.contains("unknown indicator \"7.7\"")
        }, "\(report.findings)")
        #expect(!report.wroteOutput)
    }

    @Test func footnoteLabelUsedInTwoSectionsIsAnError() throws {
        let site = try reportSite(["reports/2024-q1/02-nhiem-vu.md": "---\ntitle: Nhiệm vụ\n---\nX[^a].\n\n[^a]: Trùng.\n"])
        let report = site.build()
        #expect(report.findings.contains {
            $0.file == "Content/reports/2024-q1/02-nhiem-vu.md" && $0.line == 6 && $0.message.contains("footnote [^a] is already defined")
        }, "\(report.findings)")
    }

    @Test func shortcodeErrorsNameTheFileAndLine() throws {
        let site = try reportSite(["pages/trang.md": """
            ---
            title: Trang
            ---
            {{< bieu-do id="1.1" >}}

            {{< indicator >}}

            {{< chart indicator="1.1" type="pie" >}}

            Giữa câu {{< chart indicator="1.1" >}} là sai.

            {{< indicator id="1.1" colour="red" >}}
            """])
        let findings = site.build().findings
        func has(_ line: Int, _ text: String) -> Bool {
            findings.contains { $0.file == "Content/pages/trang.md" && $0.line == line && $0.message.contains(text) }
        }
        #expect(has(4, "unknown shortcode \"bieu-do\""), "\(findings.map(\.description))")
        #expect(has(6, "needs id="))
        #expect(has(8, "unknown chart type \"pie\""))
        #expect(has(10, "on a line of its own"))
        #expect(has(12, "does not take \"colour\""))
    }

    @Test func chartFromASmallCSVBesideTheFile() throws {
        let site = try reportSite([
            "news/2024-03-01-thanh-toan/index.md": TestSite.news(title: "Thanh toán", body: "{{< chart data=\"thanh-toan.csv\" type=\"bar\" title=\"Hồ sơ thanh toán trực tuyến\" >}}\n"),
            "news/2024-03-01-thanh-toan/thanh-toan.csv": "Năm,Số hồ sơ\n2023,900\n2024,1571\n",
        ])
        let report = site.build()
        #expect(report.findings.isEmpty, "\(report.findings)")
        let page = try #require(site.page("tin-tuc/thanh-toan/index.html"))
        #expect(page.contains("Hồ sơ thanh toán trực tuyến"))
        #expect(page.contains("1.571"))
        #expect(page.contains("role=\"img\""))
    }
}

@Suite struct DocumentTests {
    /// Built with the minimal inline theme unless `templates` is nil (the bundled theme, for `BundledThemeTests`).
    static func site(templates: [String: String]? = MinimalTheme.templates) throws -> TestSite {
        try TestSite([
            "documents/833-kh-ubnd.md": """
                ---
                number: "833/KH-UBND"
                type: "Kế hoạch"
                issuer: "UBND tỉnh Thử Nghiệm"
                issued: 2023-12-20
                field: "Chuyển đổi số"
                summary: "Kế hoạch chuyển đổi số năm 2024"
                file: ke-hoach.pdf
                ---
                Kế hoạch được báo cáo Quý I/2024 nhắc đến.
                """,
            "documents/383-qd-ubnd.md": """
                ---
                number: "383/QĐ-UBND"
                type: "Quyết định"
                issuer: "UBND tỉnh Thử Nghiệm"
                issued: 2024-03-14
                summary: "Ban hành danh mục nhiệm vụ, dự án chuyển đổi số mới năm 2024"
                ---
                """,
            "media/ke-hoach.pdf": "%PDF-1.4 thử",
        ], templates: templates)
    }

    func site() throws -> TestSite {
        try Self.site()
    }

    @Test func listsDocumentsNewestFirstWithFilterPages() throws {
        let site = try site()
        let report = site.build()
        #expect(report.findings.isEmpty, "\(report.findings)")
        let list = try #require(site.page("van-ban/index.html"))
        let newer = try #require(list.range(of: "383/QĐ-UBND"))
        let older = try #require(list.range(of: "833/KH-UBND"))
        #expect(newer.lowerBound < older.lowerBound)
        #expect(list.contains("<time datetime=\"2024-03-14\">14/03/2024</time>"))
        #expect(list.contains("<a href=\"/van-ban/loai/ke-hoach/\">Kế hoạch 1</a>"), "a type with its count")
        #expect(list.contains("<a href=\"/van-ban/nam/2023/\">Năm 2023 1</a>"), "a year with its count")
        let plans = try #require(site.page("van-ban/loai/ke-hoach/index.html"))
        #expect(plans.contains("833/KH-UBND") && !plans.contains("383/QĐ-UBND"))
        #expect(plans.contains("aria-current=\"page\">Kế hoạch 1</a>"))
        let year = try #require(site.page("van-ban/nam/2024/index.html"))
        #expect(year.contains("383/QĐ-UBND") && !year.contains("833/KH-UBND"))
    }

    @Test func documentPageShowsItsFieldsAndAttachment() throws {
        let site = try site()
        site.build()
        let page = try #require(site.page("van-ban/833-kh-ubnd/index.html"))
        #expect(page.contains("<h1>Kế hoạch 833/KH-UBND</h1><p>Kế hoạch chuyển đổi số năm 2024</p>"), "type, number, summary")
        #expect(page.contains("<dt>issuer</dt><dd>UBND tỉnh Thử Nghiệm</dd><dt>field</dt><dd>Chuyển đổi số</dd>"))
        #expect(page.contains("<a href=\"/media/ke-hoach.pdf\">ke-hoach.pdf</a>"))
        #expect(site.exists("van-ban/383-qd-ubnd/index.html"))
    }

    @Test func missingAttachmentAndFieldsAreFindings() throws {
        let site = try TestSite(["documents/x.md": "---\nnumber: \"1/CV\"\ntype: Công văn\nissued: 2024-13-01\nfile: khong-co.pdf\n---\n"],
                                templates: MinimalTheme.templates)
        let findings = site.build().findings
        #expect(findings.contains { $0.file == "Content/documents/x.md" && $0.message.contains("missing required field \"issuer\"") })
        #expect(findings.contains { $0.file == "Content/documents/x.md" && $0.message.contains("missing required field \"summary\"") })
        #expect(findings.contains { $0.file == "Content/documents/x.md" && $0.line == 4 && $0.message.contains("cannot read date") })
    }
}
