import ByteText
import Foundation
import PortalCore

/// The page every HTML request gets while the latest build has errors: every finding with its file, line,
/// message and the line of the file itself, so the editor sees what to fix without reading the terminal.
/// Self-contained (inline CSS) because the site's own stylesheet may be what is broken.
enum ErrorPage {
    static func render(_ findings: [Finding], content: FileTree, theme: FileTree) -> String {
        let errors = findings.filter { $0.severity == .error }
        let warnings = findings.filter { $0.severity == .warning }
        var items = ""
        for finding in errors + warnings {
            items += item(finding, source: sourceLine(of: finding, content: content, theme: theme))
        }
        return """
            <!DOCTYPE html>
            <html lang="vi">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Lỗi khi dựng trang — bản xem trước</title>
            <style>
            body { margin: 0; font: 16px/1.5 system-ui, "Noto Sans", sans-serif; color: #1b1b1b; background: #fff8f6; }
            main { max-width: 60rem; margin: 0 auto; padding: 1.5rem 1rem 3rem; }
            h1 { color: #8a1c1c; font-size: 1.6rem; margin: 0 0 .5rem; }
            ol { padding: 0; list-style: none; }
            li { background: #fff; border: 1px solid #e6c9c4; border-left: .4rem solid #b3261e; border-radius: .3rem;
                 padding: .75rem 1rem; margin: 0 0 1rem; }
            li.warning { border-left-color: #b26a00; }
            .where { font: .95rem/1.4 ui-monospace, "Noto Sans Mono", monospace; font-weight: 600; margin: 0; }
            .severity { display: inline-block; margin-left: .5rem; padding: 0 .4rem; border-radius: .2rem; color: #fff;
                        background: #b3261e; font: 600 .8rem/1.6 system-ui, sans-serif; }
            li.warning .severity { background: #b26a00; }
            .message { margin: .3rem 0; }
            pre { margin: .4rem 0 0; padding: .5rem .75rem; background: #f4f1f0; border-radius: .2rem; overflow-x: auto;
                  font: .9rem/1.45 ui-monospace, "Noto Sans Mono", monospace; }
            .line-number { color: #6b6b6b; user-select: none; }
            </style>
            </head>
            <body>
            <main>
            <h1>Không dựng được trang</h1>
            <p>Lần dựng trang gần nhất gặp \(errors.count) lỗi\(warnings.isEmpty ? "" : " và \(warnings.count) cảnh báo"). \
            Bản xem trước giữ nguyên trang này cho đến khi các lỗi được sửa: sửa tệp được nêu dưới đây và lưu lại, \
            trình duyệt sẽ tự tải lại.</p>
            <ol>
            \(items)</ol>
            </main>
            </body>
            </html>

            """
    }

    static func item(_ finding: Finding, source: String?) -> String {
        var position = finding.file
        if finding.line > 0 {
            position += ":\(finding.line)"
            if finding.column > 0 { position += ":\(finding.column)" }
        }
        let severity = finding.severity == .error ? "lỗi" : "cảnh báo"
        var html = "<li class=\"\(finding.severity.rawValue)\">\n"
        html += "<p class=\"where\">\(HTMLEscaping.escape(position))<span class=\"severity\">\(severity)</span></p>\n"
        html += "<p class=\"message\">\(HTMLEscaping.escape(finding.message))</p>\n"
        if let source {
            var block = "<span class=\"line-number\">\(finding.line) | </span>\(HTMLEscaping.escape(source))"
            if finding.column > 0 {
                let prefix = String(repeating: " ", count: "\(finding.line) | ".count)
                let indent = String(source.prefix(finding.column - 1).map { $0 == "\t" ? "\t" : " " })
                block += "\n<span class=\"line-number\">\(prefix)</span>\(indent)^"
            }
            html += "<pre>\(block)</pre>\n"
        }
        return html + "</li>\n"
    }

    /// The text of the finding's line, read again from disk (the file may not have loaded at all).
    static func sourceLine(of finding: Finding, content: FileTree, theme: FileTree) -> String? {
        guard finding.line > 0 else { return nil }
        for tree in [content, theme] {
            let prefix = tree.displayRoot.hasSuffix("/") ? tree.displayRoot : tree.displayRoot + "/"
            guard finding.file.hasPrefix(prefix) else { continue }
            let relative = String(finding.file.dropFirst(prefix.count))
            guard let data = try? tree.readData(relative), data.count < 8_000_000 else { return nil }
            let text = String(decoding: data, as: UTF8.self)
            var number = 0
            for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
                number += 1
                if number == finding.line {
                    return String(line.hasSuffix("\r") ? line.dropLast() : line)
                }
            }
            return nil
        }
        return nil
    }
}
