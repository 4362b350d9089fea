/// Reads `Theme/`: the templates as text (parsed later, where their errors are reported) and the list of assets.
public struct ThemeLoader {
    public init() {}

    public func load(from tree: FileTree, findings: inout Findings) -> Theme {
        guard tree.isDirectory("templates") else {
            findings.append(Finding(file: tree.displayPath("templates"),
                                    message: "theme has no templates folder: point --theme at a folder with templates/ and assets/"))
            return Theme(templates: [], assets: [], displayRoot: tree.displayRoot)
        }
        let templatePaths = tree.files(under: "templates", findings: &findings).filter { FileTree.hasExtension($0, "mustache") }
        let templates = templatePaths.compactMap { tree.readText($0, findings: &findings) }
        let assets = tree.files(under: "assets", findings: &findings)
        return Theme(templates: templates, assets: assets, displayRoot: tree.displayRoot)
    }
}
