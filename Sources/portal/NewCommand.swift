import ArgumentParser
import Foundation
import PortalCore

extension NewContentKind: ExpressibleByArgument {}

struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Create a news item, document or page with its front matter filled in; prints the path.",
        discussion: """
            news      Content/news/<date>-<slug>.md, dated now in the site's time zone, as a draft
            document  Content/documents/<date>-<slug>.md, with the fields of a directive document
            page      Content/pages/<slug>.md, as a draft
            An existing file is never replaced: the new one gets -2, -3, … instead.
            """)

    @Argument(help: "What to create: news, document or page.")
    var kind: NewContentKind

    @Argument(help: "The title, in quotes, with its Vietnamese marks.")
    var title: String

    @OptionGroup var folders: SiteFolders

    func validate() throws {
        if title.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("the title is empty: write it in quotes, e.g. portal new news \"Tiêu đề tin\"")
        }
    }

    func run() throws {
        let tree = folders.contentTree
        var findings = Findings()
        guard tree.isDirectory("") else {
            FindingPrinter.printError("error: content folder \(folders.content) not found: run in the site's folder or pass --content")
            throw ExitCode(1)
        }
        guard let config = SiteConfigLoader().load(from: tree, findings: &findings), !findings.hasErrors else {
            FindingPrinter.print(findings.sorted)
            FindingPrinter.printError("error: fix site.yaml first: the new file takes its time zone and categories from it")
            throw ExitCode(1)
        }
        do {
            print(try NewContent(kind: kind, title: title, now: Date()).create(in: tree, config: config))
        } catch {
            FindingPrinter.printError("error: \(error.description)")
            throw ExitCode(1)
        }
    }
}
