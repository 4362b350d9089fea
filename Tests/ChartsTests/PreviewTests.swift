import Charts
import Foundation
import Testing

/// Not a check: with `CHART_PREVIEW_DIR` set, writes every sample as a `figure` into an HTML page there,
/// linking `charts.css`, to look at in a browser (see the report in the issue for how).
@Suite struct PreviewTests {
    @Test(.enabled(if: ProcessInfo.processInfo.environment["CHART_PREVIEW_DIR"] != nil))
    func writesPreviewPages() throws {
        let folder = URL(fileURLWithPath: ProcessInfo.processInfo.environment["CHART_PREVIEW_DIR"] ?? ".")
        let renderer = ChartRenderer()
        var all = ""
        for (name, spec) in Samples.golden + Samples.extra {
            let figure = renderer.figure(spec)
            all += "<h2>\(name)</h2>\n" + figure + "\n"
            try Data(Self.page(title: name, body: figure).utf8).write(to: folder.appendingPathComponent(name + ".html"))
        }
        try Data(Self.page(title: "all", body: all).utf8).write(to: folder.appendingPathComponent("all.html"))
    }

    static func page(title: String, body: String) -> String {
        """
        <!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(title)</title><link rel="stylesheet" href="portal.css"><link rel="stylesheet" href="charts.css"></head>
        <body><main style="width:100%;max-width:48rem;margin:0 auto;padding:1rem">\(body)</main></body></html>
        """
    }
}
