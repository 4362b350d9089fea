@testable import PortalCore
import Testing

@Suite struct RelativePathTests {
    /// Content paths (front matter, shortcodes): never a trailing `/`.
    @Test func contentPaths() {
        let cases: [(String, String?)] = [
            ("news/./a/../b.png", "news/b.png"), ("news//b.png", "news/b.png"), ("/media/a.png", "media/a.png"),
            ("a/b/", "a/b"), ("a/.", "a"), ("a/..", ""), ("", ""), (".", ""), ("/", ""),
            ("..", nil), ("a/../..", nil), ("../a", nil), ("a/../../b", nil), ("a/..b/c", "a/..b/c"), ("...", "..."),
        ]
        for (path, expected) in cases {
            #expect(RelativePath.normalise(path) == expected, "\(path)")
        }
    }

    /// Links: a path that ends as a folder keeps its `/`, since it names the folder's index.html.
    @Test func linkPathsKeepTheFolderSlash() {
        let cases: [(String, String?)] = [
            ("/a/./b/../c/", "a/c/"), ("/tin-tuc/", "tin-tuc/"), ("/tin-tuc", "tin-tuc"), ("/a/b/.", "a/b/"),
            ("/a/b/c/..", "a/b/"), ("/a//b//", "a/b/"), ("/", ""), ("/a/..", ""), ("/a/../", ""), ("", ""),
            ("/..", nil), ("/a/../../", nil), ("/404.html", "404.html"),
        ]
        for (path, expected) in cases {
            #expect(RelativePath.normalise(path, keepingFolderSlash: true) == expected, "\(path)")
        }
    }
}
