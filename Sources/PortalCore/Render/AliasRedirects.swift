import Charts

/// What the site's old addresses (`SiteModel.aliases`) become: a small redirect page for each one a
/// static file can answer, and, for the query forms, the lines of an nginx `map` the build writes beside
/// the output (`SiteBuilder.serverSnippetName`).
struct AliasRedirects {
    let aliases: [Alias]
    /// The site's published address, ending with `/`.
    let baseURL: String

    private var basePath: URLScheme.BasePath { URLScheme.BasePath(baseURL: baseURL) }

    /// A page that sends the reader on at once, tells search engines where the page now lives and not to
    /// index this one, and says so in a link for a browser that does not follow the refresh.
    func pages() -> [OutputFile] {
        aliases.compactMap { alias in
            guard case .page(let outputPath) = alias.form else { return nil }
            let address = Markup.escape(basePath.address(alias.target))
            let canonical = Markup.escape(baseURL + alias.target.dropFirst())
            let title = Markup.escape(alias.targetTitle)
            let html = """
                <!DOCTYPE html>
                <html lang="vi">
                <head>
                <meta charset="utf-8">
                <title>Trang đã chuyển: \(title)</title>
                <meta name="robots" content="noindex">
                <link rel="canonical" href="\(canonical)">
                <meta http-equiv="refresh" content="0; url=\(address)">
                </head>
                <body>
                <main>
                <p>Trang này đã chuyển đến địa chỉ mới: <a href="\(address)">\(title)</a>.</p>
                </main>
                </body>
                </html>

                """
            return OutputFile(path: outputPath, body: .text(html))
        }
    }

    /// An nginx `map` from each old address the server must answer to its page's published address; a
    /// request whose query has more parameters after these (a tracking tag a social network added) is
    /// sent on too.
    func nginxSnippet() -> String {
        var text = """
            # Written by portal build: the old addresses (aliases: in front matter) that only the server can
            # answer, each sent on to its page. Include this file inside the http block, and inside the
            # server block of the site:
            #     if ($portal_alias) { return 301 $portal_alias; }
            map $request_uri $portal_alias {

            """
        for alias in aliases where alias.form == .server {
            let old = Self.regexEscaped(basePath.address(alias.address))
            let end = alias.address.contains("?") ? "(&|$)" : "(\\?|$)"
            text += "    \"~^\(old)\(end)\" \(basePath.address(alias.target));\n"
        }
        return text + "}\n"
    }

    /// The characters an old address may hold (`AliasResolver.allowed`) that mean something in a regex.
    private static func regexEscaped(_ text: String) -> String {
        var escaped = ""
        for character in text {
            if ".?+*()[]{}|^$\\".contains(character) { escaped.append("\\") }
            escaped.append(character)
        }
        return escaped
    }
}
