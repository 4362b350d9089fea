/// Default summaries: plain text cut at a word boundary.
enum Summary {
    /// The text itself when short enough; otherwise cut at the last space before `limit` characters
    /// (or the first after it, for one very long word) with an ellipsis.
    static func cut(_ text: String, near limit: Int = 200) -> String {
        guard text.count > limit else { return text }
        let characters = Array(text)
        var cutAt = limit
        while cutAt > limit / 2, !characters[cutAt].isWhitespace { cutAt -= 1 }
        if cutAt <= limit / 2 {
            cutAt = limit
            while cutAt < characters.count, !characters[cutAt].isWhitespace { cutAt += 1 }
        }
        var head = String(characters[..<cutAt])
        while let last = head.last, last.isWhitespace || ",;:–-".contains(last) { head.removeLast() }
        return head + "…"
    }
}
