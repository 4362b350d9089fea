/// A shard entry of the search index read back as the search script reads it (`decodeWord`,
/// `decodePair` in `Theme/assets/js/search.js`), for tests that look inside the index.
public enum SearchEntryReader {
    /// The index's strings of numbers: base 32, a digit of 32 and above leads, one below 32 ends.
    public static func numbers(_ text: String) -> [Int] {
        let digits = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_")
        var found: [Int] = []
        var value = 0
        for character in text {
            let digit = digits.firstIndex(of: character) ?? -1
            if digit >= 32 { value = value * 32 + digit - 32 } else { found.append(value * 32 + digit); value = 0 }
        }
        return found
    }

    /// Documents of a string of gaps.
    public static func documents(_ text: String) -> [Int] {
        var document = -1
        return numbers(text).map { document += $0 + 1; return document }
    }

    /// A word entry's postings (document, code, mask), in document order; a pair entry's documents
    /// (code 1 for those whose title has the pair, mask 0).
    public static func postings(_ entry: [Any]) -> [(document: Int, code: Int, mask: Int)] {
        if let pairDocuments = entry[1] as? String {
            let inTitle = Set(documents(entry[2] as? String ?? ""))
            return documents(pairDocuments).map { ($0, inTitle.contains($0) ? 1 : 0, 0) }
        }
        let forms = entry[1] as? [String] ?? []
        if let dense = entry[2] as? [Any] {
            // A word in nearly every document: weight, document count, absent, title, mask exceptions.
            let weight = dense[0] as? Int ?? 0, count = dense[1] as? Int ?? 0
            let absent = Set(documents(dense[2] as? String ?? "")), title = Set(documents(dense[3] as? String ?? ""))
            var masks: [Int: Int] = [:]
            let exceptions = numbers(dense.count > 4 ? dense[4] as? String ?? "" : "")
            var document = -1
            for index in stride(from: 0, to: exceptions.count - 1, by: 2) {
                document += exceptions[index] + 1
                masks[document] = exceptions[index + 1]
            }
            return (0..<count).filter { !absent.contains($0) }.map { ($0, weight * 2 + (title.contains($0) ? 1 : 0), masks[$0] ?? 1) }
        }
        let values = numbers(entry[2] as? String ?? "")
        let masks = forms.count > 1 ? numbers(entry[3] as? String ?? "") : values.map { _ in 1 }
        var document = -1
        return zip(values, masks).map { value, mask in
            document += value / 32 + 1
            return (document, value % 32, mask)
        }
    }
}
