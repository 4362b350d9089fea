import Foundation
import VietnameseText

/// The search index under `/tim-kiem/chi-muc/` (SPEC §12): every word of every document, split so a
/// query fetches only what it needs.
///
/// - `muc-luc.json`, the directory: the number of documents, the first key of each shard, the kinds,
///   pillars and years for the filters, and where the other files are.
/// - `t/<n>.json`, the shards: the folded words (`duong`) and neighbouring pairs (`chuyen doi`) in
///   UTF-8 byte order, cut into files of about `shardBudget` bytes; a word's entries are never split. A
///   word is `[key, [marked forms], postings]`: for each document (numbers as differences from the
///   previous one) its weight code (BM25 weight quantised to 1...15, times 2, plus 1 when the title has
///   the word) and, when there are several forms, the mask of the forms the document has. A pair is
///   `[key, documents, documents whose title has it]`.
/// - `d/<n>.json`, the document store, `chunkSize` documents a file: kind, title, address, date, pillar
///   and the whole text, from which the page cuts the excerpt around the first match.
/// - `loc.json`: each document's kind and pillar, fetched only when a filter asks for them.
///
/// Documents are numbered newest first, so a lower number is the newer of two equal results and each
/// year's documents are a range of numbers.
struct SearchIndexWriter: Sendable {
    /// Raw bytes a shard holds before the next word starts a new one; about a third of that over gzip.
    var shardBudget = 32 * 1024
    /// Documents a store file holds: a result page of ten fetches at most ten of them.
    var chunkSize = 2
    static let k1 = 1.2
    static let b = 0.75
    static let titleWeight: Int32 = 3
    /// Marked forms of one folded word that can be told apart; rarer ones rank as folded matches.
    static let maxForms = 31

    struct Pillar: Sendable {
        var id: String
        var name: String
    }

    func files(_ unordered: [SearchDocument], pillars: [Pillar]) -> [OutputFile] {
        let documents = unordered.sorted(by: SearchDocument.precedes)
        let analyses = documents.parallelMap { SearchAnalysis($0) }
        let average = analyses.isEmpty ? 1 : max(1, Double(analyses.reduce(0) { $0 + $1.length }) / Double(analyses.count))

        // Words by their first byte, in byte order: each partition is made on its own core, and the
        // shards are the partitions' entries cut in order.
        let partitions = Array(0..<Self.partitionCount).parallelMap { partition in
            entries(partition: partition, analyses: analyses, average: average)
        }
        var files: [OutputFile] = []
        var firstKeys: [String] = []
        var shard: [UInt8] = []
        func closeShard() {
            guard !shard.isEmpty else { return }
            shard.append(contentsOf: "]\n".utf8)
            files.append(OutputFile(path: URLScheme.outputPath(for: URLScheme.searchShard(firstKeys.count - 1)),
                                    body: .text(String(decoding: shard, as: UTF8.self))))
            shard = []
        }
        for (key, entry) in partitions.joined() {
            if !shard.isEmpty && shard.count + entry.count > shardBudget { closeShard() }
            if shard.isEmpty {
                firstKeys.append(key)
                shard.append(UInt8(ascii: "["))
            } else {
                shard.append(UInt8(ascii: ","))
            }
            shard.append(contentsOf: entry)
        }
        closeShard()

        let pillarNumber = Dictionary(pillars.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { first, _ in first })
        let chunks = Array(stride(from: 0, to: documents.count, by: chunkSize)).parallelMap { start -> OutputFile in
            var json: [UInt8] = [UInt8(ascii: "[")]
            for number in start..<min(start + chunkSize, documents.count) {
                let document = documents[number]
                if number > start { json.append(UInt8(ascii: ",")) }
                json.append(UInt8(ascii: "["))
                Self.appendInt(document.kind.rawValue, to: &json)
                for text in [document.title, document.url, document.dateText] {
                    json.append(UInt8(ascii: ","))
                    Self.appendJSONString(text, to: &json)
                }
                json.append(UInt8(ascii: ","))
                Self.appendInt(document.pillar.flatMap { pillarNumber[$0] } ?? -1, to: &json)
                json.append(UInt8(ascii: ","))
                Self.appendJSONString(document.text, to: &json)
                json.append(UInt8(ascii: "]"))
            }
            json.append(contentsOf: "]\n".utf8)
            return OutputFile(path: URLScheme.outputPath(for: URLScheme.searchChunk(start / chunkSize)),
                              body: .text(String(decoding: json, as: UTF8.self)))
        }

        var kinds = "", pillarLetters = ""
        for document in documents {
            kinds += String(document.kind.rawValue)
            pillarLetters += document.pillar.flatMap { pillarNumber[$0] }.map { String(UnicodeScalar(UInt8(97 + $0 % 26))) } ?? "-"
        }
        var filters: [UInt8] = Array("{\"k\":".utf8)
        Self.appendJSONString(kinds, to: &filters)
        filters.append(contentsOf: ",\"p\":".utf8)
        Self.appendJSONString(pillarLetters, to: &filters)
        filters.append(contentsOf: "}\n".utf8)

        var directory: [UInt8] = Array("{\"v\":2,\"docs\":".utf8)
        Self.appendInt(documents.count, to: &directory)
        directory.append(contentsOf: ",\"chunk\":".utf8)
        Self.appendInt(chunkSize, to: &directory)
        directory.append(contentsOf: ",\"paths\":{\"shard\":".utf8)
        let folder = URLScheme.searchIndex
        Self.appendJSONString(String(URLScheme.searchShard(0).dropFirst(folder.count).dropLast("0.json".count)), to: &directory)
        directory.append(contentsOf: ",\"chunk\":".utf8)
        Self.appendJSONString(String(URLScheme.searchChunk(0).dropFirst(folder.count).dropLast("0.json".count)), to: &directory)
        directory.append(contentsOf: ",\"filters\":".utf8)
        Self.appendJSONString(String(URLScheme.searchFilters.dropFirst(folder.count)), to: &directory)
        directory.append(contentsOf: "},\"kinds\":[".utf8)
        for (index, kind) in SearchDocument.Kind.allCases.enumerated() {
            if index > 0 { directory.append(UInt8(ascii: ",")) }
            directory.append(UInt8(ascii: "["))
            Self.appendJSONString(kind.slug, to: &directory)
            directory.append(UInt8(ascii: ","))
            Self.appendJSONString(kind.label, to: &directory)
            directory.append(UInt8(ascii: "]"))
        }
        directory.append(contentsOf: "],\"pillars\":[".utf8)
        for (index, pillar) in pillars.enumerated() {
            if index > 0 { directory.append(UInt8(ascii: ",")) }
            directory.append(UInt8(ascii: "["))
            Self.appendJSONString(pillar.id, to: &directory)
            directory.append(UInt8(ascii: ","))
            Self.appendJSONString(pillar.name, to: &directory)
            directory.append(UInt8(ascii: "]"))
        }
        directory.append(contentsOf: "],\"years\":[".utf8)
        // Each year's documents are one range, but for an offset that moves an instant across New Year.
        var ranges: [(year: Int, from: Int, to: Int)] = []
        for (number, document) in documents.enumerated() {
            guard let year = document.year else { continue }
            if let last = ranges.last, last.year == year, last.to == number {
                ranges[ranges.count - 1].to = number + 1
            } else {
                ranges.append((year, number, number + 1))
            }
        }
        for (index, range) in ranges.enumerated() {
            if index > 0 { directory.append(UInt8(ascii: ",")) }
            directory.append(UInt8(ascii: "["))
            for (field, value) in [range.year, range.from, range.to].enumerated() {
                if field > 0 { directory.append(UInt8(ascii: ",")) }
                Self.appendInt(value, to: &directory)
            }
            directory.append(UInt8(ascii: "]"))
        }
        directory.append(contentsOf: "],\"shards\":[".utf8)
        for (index, key) in firstKeys.enumerated() {
            if index > 0 { directory.append(UInt8(ascii: ",")) }
            Self.appendJSONString(key, to: &directory)
        }
        directory.append(contentsOf: "]}\n".utf8)

        return [OutputFile(path: URLScheme.outputPath(for: URLScheme.searchDirectory), body: .text(String(decoding: directory, as: UTF8.self))),
                OutputFile(path: URLScheme.outputPath(for: URLScheme.searchFilters), body: .text(String(decoding: filters, as: UTF8.self)))]
            + files + chunks
    }

    /// BM25 with the title's words counted `titleWeight` times, quantised to 1...15 so a posting is a
    /// digit or two; times 2, plus 1 when the title has the word.
    static func code(_ term: SearchAnalysis.Term, length: Int, average: Double) -> Int {
        let frequency = Double(titleWeight * term.titleCount + term.bodyCount)
        let weight = frequency * (k1 + 1) / (frequency + k1 * (1 - b + b * Double(length) / average))
        let quantised = min(15, max(1, Int((weight / (k1 + 1) * 15).rounded(.up))))
        return quantised * 2 + (term.titleCount > 0 ? 1 : 0)
    }

    static let partitionCount = 28

    /// 0 for keys before `a` (digits), 1...26 for `a`...`z`, 27 after: monotonic in the first byte, so
    /// the partitions in order are the keys in order.
    static func partition(of key: String) -> Int {
        guard let first = key.utf8.first else { return 0 }
        if first < UInt8(ascii: "a") { return 0 }
        if first > UInt8(ascii: "z") { return 27 }
        return Int(first - UInt8(ascii: "a")) + 1
    }

    private final class WordPostings {
        var forms: [String] = []
        var formTotals: [Int32] = []
        /// document, code, mask over `forms` (local order), for each document in order.
        var postings: [(document: Int32, code: Int32, mask: UInt64)] = []
    }

    private final class PairPostings {
        var documents: [Int32] = []
        var titleDocuments: [Int32] = []
    }

    /// The shard entries of one partition's keys, in byte order, each with its JSON.
    private func entries(partition: Int, analyses: [SearchAnalysis], average: Double) -> [(String, [UInt8])] {
        var words: [String: WordPostings] = [:]
        var pairs: [String: PairPostings] = [:]
        for (number, analysis) in analyses.enumerated() {
            let document = Int32(number)
            for index in analysis.termStarts[partition]..<analysis.termStarts[partition + 1] {
                let term = analysis.terms[index]
                let postings: WordPostings
                if let known = words[term.key] { postings = known } else { postings = WordPostings(); words[term.key] = postings }
                var mask: UInt64 = 0
                for variant in term.variants {
                    var slot = postings.forms.firstIndex(of: variant.form)
                    if slot == nil, postings.forms.count < 64 {
                        postings.forms.append(variant.form)
                        postings.formTotals.append(0)
                        slot = postings.forms.count - 1
                    }
                    if let slot {
                        postings.formTotals[slot] += variant.count
                        mask |= 1 << UInt64(slot)
                    }
                }
                postings.postings.append((document, Int32(Self.code(term, length: analysis.length, average: average)), mask))
            }
            for index in analysis.pairStarts[partition]..<analysis.pairStarts[partition + 1] {
                let pair = analysis.pairs[index]
                let postings: PairPostings
                if let known = pairs[pair.key] { postings = known } else { postings = PairPostings(); pairs[pair.key] = postings }
                postings.documents.append(document)
                if pair.inTitle { postings.titleDocuments.append(document) }
            }
        }
        let keys = (Array(words.keys) + Array(pairs.keys)).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        return keys.map { key in
            var json: [UInt8] = [UInt8(ascii: "[")]
            Self.appendJSONString(key, to: &json)
            if let word = words[key] {
                // Forms by how often they are written, so the mask's low bits are the usual ones.
                let order = word.forms.indices.sorted {
                    word.formTotals[$0] != word.formTotals[$1] ? word.formTotals[$0] > word.formTotals[$1]
                        : word.forms[$0].utf8.lexicographicallyPrecedes(word.forms[$1].utf8)
                }.prefix(Self.maxForms)
                json.append(contentsOf: ",[".utf8)
                for (position, slot) in order.enumerated() {
                    if position > 0 { json.append(UInt8(ascii: ",")) }
                    Self.appendJSONString(word.forms[slot], to: &json)
                }
                json.append(contentsOf: "],[".utf8)
                var previous: Int32 = -1
                for (position, posting) in word.postings.enumerated() {
                    if position > 0 { json.append(UInt8(ascii: ",")) }
                    Self.appendInt(Int(posting.document - previous), to: &json)
                    previous = posting.document
                    json.append(UInt8(ascii: ","))
                    Self.appendInt(Int(posting.code), to: &json)
                    if order.count > 1 {
                        var mask = 0
                        for (bit, slot) in order.enumerated() where posting.mask & (1 << UInt64(slot)) != 0 { mask |= 1 << bit }
                        json.append(UInt8(ascii: ","))
                        Self.appendInt(mask, to: &json)
                    }
                }
                json.append(contentsOf: "]]".utf8)
            } else if let pair = pairs[key] {
                for list in [pair.documents, pair.titleDocuments] {
                    json.append(contentsOf: ",[".utf8)
                    var previous: Int32 = -1
                    for (position, document) in list.enumerated() {
                        if position > 0 { json.append(UInt8(ascii: ",")) }
                        Self.appendInt(Int(document - previous), to: &json)
                        previous = document
                    }
                    json.append(UInt8(ascii: "]"))
                }
                json.append(UInt8(ascii: "]"))
            }
            return (key, json)
        }
    }

    static func appendInt(_ value: Int, to json: inout [UInt8]) {
        if value < 0 {
            json.append(UInt8(ascii: "-"))
            appendInt(-value, to: &json)
            return
        }
        if value >= 10 { appendInt(value / 10, to: &json) }
        json.append(UInt8(ascii: "0") + UInt8(value % 10))
    }

    /// A JSON string as Go's encoder (and so Hugo's `jsonify`) writes it: `"` and `\` escaped, the control
    /// characters as \b \t \n \f \r or \u00xx, `<`, `>` and `&` as \u003c \u003e \u0026 so that markup in
    /// the content never appears raw in the file (a host or proxy that sniffs it as HTML finds none), and
    /// everything else as it is (UTF-8). Written by hand: JSONEncoder boxed every string of the archive's
    /// index first.
    static func appendJSONString(_ text: String, to json: inout [UInt8]) {
        let hex = Array("0123456789abcdef".utf8)
        json.append(UInt8(ascii: "\""))
        // Most text needs no escape: copied whole when so.
        var text = text
        let clean = text.withUTF8 { bytes -> Bool in
            for byte in bytes where byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte == UInt8(ascii: "<")
                || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "&") { return false }
            json.append(contentsOf: bytes)
            return true
        }
        if clean {
            json.append(UInt8(ascii: "\""))
            return
        }
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): json.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
            case UInt8(ascii: "\\"): json.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
            case 0x08: json.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "b")])
            case 0x09: json.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
            case 0x0A: json.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case 0x0C: json.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "f")])
            case 0x0D: json.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
            case 0x00..<0x20, UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "&"):
                json.append(contentsOf: Array("\\u00".utf8))
                json.append(hex[Int(byte >> 4)])
                json.append(hex[Int(byte & 0x0F)])
            default: json.append(byte)
            }
        }
        json.append(UInt8(ascii: "\""))
    }
}
