import Foundation
import VietnameseText

/// The search index under `/tim-kiem/chi-muc/` (SPEC §12): every word of every document, split so a
/// query fetches only what it needs.
///
/// - `muc-luc.json`, the directory: the number of documents, the first key of each shard, the kinds,
///   pillars and years for the filters, and where the other files are.
/// - `t/<n>.json`, the shards: the folded words (`duong`) and neighbouring pairs (`chuyen doi`) in
///   UTF-8 byte order, cut into files of about `shardBudget` bytes; a word's entries are never split. A
///   word is `[key, [marked forms], postings(, masks)]`, a pair `[key, documents, documents whose title
///   has it]`. Postings, masks and documents are strings of numbers (`appendNumber`: base 32, one
///   character for a number below 32), so the usual posting is one character where JSON numbers took
///   four or five, and gzip gets about half the bytes per posting: a word's posting is
///   `(gap << 5) | code`, gap the documents skipped since the previous posting and code the BM25
///   weight quantised to 1...15, times 2, plus 1 when the title has the word; with several forms, a
///   mask for each posting of the forms the document has; a pair's documents are gaps.
/// - `d/<n>.json`, the document store, `chunkSize` documents a file: kind, title, address, date, pillar
///   and the whole text, from which the page cuts the excerpt around the first match. One document a
///   file: the results a page shows are seldom neighbours, and a file of two cost each result twice
///   the bytes.
/// - `loc.json`: each document's kind and pillar, fetched only when a filter asks for them.
///
/// Documents are numbered newest first, so a lower number is the newer of two equal results and each
/// year's documents are a range of numbers.
struct SearchIndexWriter: Sendable {
    /// Raw bytes a shard holds before the next word starts a new one; about a third of that over gzip.
    var shardBudget = 32 * 1024
    /// Documents a store file holds: a result page of ten fetches at most ten of them.
    var chunkSize = 1
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
        let average = analyses.isEmpty ? 1 : max(1, Double(analyses.reduce(0) { $0 + Int($1.length) }) / Double(analyses.count))

        // Words by their first byte, in byte order: each partition's words are numbered and their
        // postings gathered on its own core; then each partition's pairs (whose second word may be in
        // any partition) and its entries, also one core each. The shards are the entries cut in order.
        let partitions = Array(0..<Self.partitionCount).parallelMap { partition in
            PartitionWords(partition: partition, analyses: analyses, average: average)
        }
        var firstRank = [Int32](repeating: 0, count: Self.partitionCount + 1)
        for (index, partition) in partitions.enumerated() { firstRank[index + 1] = firstRank[index] + Int32(partition.words.count) }
        let allWords = AllWords(partitions: partitions, firstRank: firstRank)
        let entries = Array(0..<Self.partitionCount).parallelMap { partition in
            PartitionEntries(partition: partition, words: allWords, analyses: analyses)
        }

        var files: [OutputFile] = []
        var firstKeys: [ArraySlice<UInt8>] = []
        var shard: [UInt8] = []
        func closeShard() {
            guard !shard.isEmpty else { return }
            shard.append(contentsOf: "]\n".utf8)
            files.append(OutputFile(path: URLScheme.outputPath(for: URLScheme.searchShard(firstKeys.count - 1)),
                                    body: .text(String(decoding: shard, as: UTF8.self))))
            shard = []
        }
        for partition in entries {
            var start = 0
            for (end, keyEnd) in zip(partition.entryEnds, partition.keyEnds) {
                let entry = partition.json[start ..< end]
                if !shard.isEmpty && shard.count + entry.count > shardBudget { closeShard() }
                if shard.isEmpty {
                    // The key as the entry writes it: `["key",…`.
                    firstKeys.append(partition.json[start + 1 ..< keyEnd])
                    shard.append(UInt8(ascii: "["))
                } else {
                    shard.append(UInt8(ascii: ","))
                }
                shard.append(contentsOf: entry)
                start = end
            }
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

        var directory: [UInt8] = Array("{\"v\":3,\"docs\":".utf8)
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
        directory.append(contentsOf: "},\"kinds\":".utf8)
        Self.appendStringPairs(SearchDocument.Kind.allCases.map { ($0.slug, $0.label) }, to: &directory)
        directory.append(contentsOf: ",\"pillars\":".utf8)
        Self.appendStringPairs(pillars.map { ($0.id, $0.name) }, to: &directory)
        directory.append(contentsOf: ",\"years\":[".utf8)
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
            directory.append(contentsOf: key)
        }
        directory.append(contentsOf: "]}\n".utf8)

        return [OutputFile(path: URLScheme.outputPath(for: URLScheme.searchDirectory), body: .text(String(decoding: directory, as: UTF8.self))),
                OutputFile(path: URLScheme.outputPath(for: URLScheme.searchFilters), body: .text(String(decoding: filters, as: UTF8.self)))]
            + files + chunks
    }

    /// `[["a","A"],["b","B"]]`: the directory's kinds and pillars.
    static func appendStringPairs(_ pairs: [(String, String)], to json: inout [UInt8]) {
        json.append(UInt8(ascii: "["))
        for (index, pair) in pairs.enumerated() {
            if index > 0 { json.append(UInt8(ascii: ",")) }
            json.append(UInt8(ascii: "["))
            appendJSONString(pair.0, to: &json)
            json.append(UInt8(ascii: ","))
            appendJSONString(pair.1, to: &json)
            json.append(UInt8(ascii: "]"))
        }
        json.append(UInt8(ascii: "]"))
    }

    /// BM25 with the title's words counted `titleWeight` times, quantised to 1...15 so a posting is a
    /// digit or two; times 2, plus 1 when the title has the word.
    static func code(titleCount: Int32, bodyCount: Int32, length: Int32, average: Double) -> UInt8 {
        let frequency = Double(titleWeight * titleCount + bodyCount)
        let weight = frequency * (k1 + 1) / (frequency + k1 * (1 - b + b * Double(length) / average))
        let quantised = min(15, max(1, Int((weight / (k1 + 1) * 15).rounded(.up))))
        return UInt8(quantised * 2 + (titleCount > 0 ? 1 : 0))
    }

    static let partitionCount = 28

    /// 0 for keys before `a` (digits), 1...26 for `a`...`z`, 27 after: monotonic in the first byte, so
    /// the partitions in order are the keys in order.
    static func partition(firstByte: UInt8?) -> Int {
        guard let first = firstByte else { return 0 }
        if first < UInt8(ascii: "a") { return 0 }
        if first > UInt8(ascii: "z") { return 27 }
        return Int(first - UInt8(ascii: "a")) + 1
    }

    /// One partition's words, numbered in the order first seen, with their postings and marked forms.
    private struct PartitionWords: Sendable {
        var words = ByteInterner(capacity: 4096)
        /// Word numbers in byte order, and each word's place in that order.
        var sorted: [Int32] = []
        var rank: [Int32] = []
        /// For each document in order, the numbers of its words of this partition, in the analysis's order:
        /// document d's are `documentWords[documentStarts[d] ..< documentStarts[d + 1]]`.
        var documentWords: [Int32] = []
        var documentStarts: [Int32] = [0]
        var forms = ByteInterner(capacity: 4096)
        var formWord: [Int32] = []
        var formTotals: [Int32] = []
        /// Postings in document order: word, document, code, and the forms the document has
        /// (`postingForms[postingFormEnds[i - 1] ..< postingFormEnds[i]]`).
        var postingWord: [Int32] = []
        var postingDocument: [Int32] = []
        var postingCode: [UInt8] = []
        var postingFormEnds: [Int32] = []
        var postingForms: [Int32] = []

        init(partition: Int, analyses: [SearchAnalysis], average: Double) {
            for (number, analysis) in analyses.enumerated() {
                let terms = Int(analysis.termStarts[partition]) ..< Int(analysis.termStarts[partition + 1])
                analysis.keyBytes.withUnsafeBufferPointer { keyBytes in
                    analysis.formBytes.withUnsafeBufferPointer { formBytes in
                        for term in terms {
                            let word = Int32(words.intern(UnsafeBufferPointer(rebasing: keyBytes[analysis.keyRange(term)])).index)
                            documentWords.append(word)
                            postingWord.append(word)
                            postingDocument.append(Int32(number))
                            postingCode.append(SearchIndexWriter.code(titleCount: analysis.titleCounts[term], bodyCount: analysis.bodyCounts[term],
                                                                      length: analysis.length, average: average))
                            for form in Int(analysis.formStarts[term]) ..< Int(analysis.formStarts[term + 1]) {
                                let found = forms.intern(UnsafeBufferPointer(rebasing: formBytes[analysis.formRange(form)]))
                                if found.isNew {
                                    formWord.append(word)
                                    formTotals.append(0)
                                }
                                formTotals[found.index] += analysis.formCounts[form]
                                postingForms.append(Int32(found.index))
                            }
                            postingFormEnds.append(Int32(postingForms.count))
                        }
                    }
                }
                documentStarts.append(Int32(documentWords.count))
            }
            let interned = words
            sorted = interned.bytes.withUnsafeBufferPointer { bytes in
                (0 ..< Int32(interned.count)).sorted { a, b in
                    SearchIndexWriter.precedes(UnsafeBufferPointer(rebasing: bytes[interned.start(Int(a)) ..< Int(interned.ends[Int(a)])]),
                                               UnsafeBufferPointer(rebasing: bytes[interned.start(Int(b)) ..< Int(interned.ends[Int(b)])]))
                }
            }
            rank = [Int32](repeating: 0, count: interned.count)
            for (place, word) in sorted.enumerated() { rank[Int(word)] = Int32(place) }
        }
    }

    /// Every partition's words, read by the pairs of any partition: a word by its place in the byte
    /// order of all words (`firstRank[p]` is the place of partition p's first word).
    private struct AllWords: Sendable {
        var partitions: [PartitionWords]
        var firstRank: [Int32]

        func rank(ofTerm term: Int, partition: Int, document: Int, in analysis: SearchAnalysis) -> Int32 {
            let words = partitions[partition]
            let word = words.documentWords[Int(words.documentStarts[document]) + term - Int(analysis.termStarts[partition])]
            return firstRank[partition] + words.rank[Int(word)]
        }

        func key(ofRank rank: Int32) -> ArraySlice<UInt8> {
            var partition = 0
            while firstRank[partition + 1] <= rank { partition += 1 }
            let words = partitions[partition]
            return words.words.key(Int(words.sorted[Int(rank - firstRank[partition])]))
        }
    }

    /// One partition's shard entries in byte order, in one buffer: entry i ends at `entryEnds[i]`, and
    /// its key (as JSON) at `keyEnds[i]`. A word's pairs ("chuyen doi") follow the word: a space sorts
    /// before every byte a word has.
    private struct PartitionEntries: Sendable {
        var json: [UInt8] = []
        var entryEnds: [Int] = []
        var keyEnds: [Int] = []

        init(partition: Int, words all: AllWords, analyses: [SearchAnalysis]) {
            let words = all.partitions[partition]
            // Pairs as (place of the first word, place of the second) in the order of all words, so
            // their order as numbers is the order of their keys.
            var pairs = IntegerInterner(capacity: 4096)
            var postingPair: [Int32] = []
            var postingDocument: [Int32] = []
            var postingInTitle: [Bool] = []
            for (number, analysis) in analyses.enumerated() {
                for index in Int(analysis.pairStarts[partition]) ..< Int(analysis.pairStarts[partition + 1]) {
                    let pair = analysis.pairs[index]
                    let first = Int(pair >> 32), second = Int(pair & 0xFFFF_FFFF)
                    let secondPartition = SearchIndexWriter.partition(firstByte: analysis.keyBytes[analysis.keyRange(second).lowerBound])
                    let key = UInt64(all.rank(ofTerm: first, partition: partition, document: number, in: analysis)) << 32
                        | UInt64(all.rank(ofTerm: second, partition: secondPartition, document: number, in: analysis))
                    postingPair.append(Int32(pairs.intern(key)))
                    postingDocument.append(Int32(number))
                    postingInTitle.append(analysis.pairInTitle[index])
                }
            }
            let pairOrder = (0 ..< pairs.count).sorted { pairs.keys[$0] < pairs.keys[$1] }
            let pairPostings = Self.grouped(postingPair, count: pairs.count)
            let wordPostings = Self.grouped(words.postingWord, count: words.words.count)

            json.reserveCapacity(words.postingWord.count * 6 + postingPair.count * 3)
            var nextPair = 0
            for (place, word) in words.sorted.enumerated() {
                let rank = all.firstRank[partition] + Int32(place)
                writeWord(Int(word), words: words, postings: wordPostings.list(Int(word)), documentCount: analyses.count)
                while nextPair < pairOrder.count, Int32(truncatingIfNeeded: pairs.keys[pairOrder[nextPair]] >> 32) == rank {
                    let pair = pairOrder[nextPair]
                    json.append(UInt8(ascii: "["))
                    var key = Array(words.words.key(Int(word)))
                    key.append(UInt8(ascii: " "))
                    key.append(contentsOf: all.key(ofRank: Int32(truncatingIfNeeded: pairs.keys[pair] & 0xFFFF_FFFF)))
                    SearchIndexWriter.appendJSONString(bytes: key, to: &json)
                    keyEnds.append(json.count)
                    for titleOnly in [false, true] {
                        json.append(contentsOf: ",\"".utf8)
                        var previous: Int32 = -1
                        for posting in pairPostings.list(pair) where !titleOnly || postingInTitle[Int(posting)] {
                            SearchIndexWriter.appendNumber(Int(postingDocument[Int(posting)] - previous - 1), to: &json)
                            previous = postingDocument[Int(posting)]
                        }
                        json.append(UInt8(ascii: "\""))
                    }
                    json.append(UInt8(ascii: "]"))
                    entryEnds.append(json.count)
                    nextPair += 1
                }
            }
        }

        /// `[key, [forms], [postings]]`.
        private mutating func writeWord(_ word: Int, words: PartitionWords, postings: ArraySlice<Int32>, documentCount: Int) {
            json.append(UInt8(ascii: "["))
            SearchIndexWriter.appendJSONString(bytes: words.words.key(word), to: &json)
            keyEnds.append(json.count)
            // Forms by how often they are written, so the mask's low bits are the usual ones.
            var forms: [Int32] = []
            for posting in postings {
                let end = Int(words.postingFormEnds[Int(posting)])
                let start = posting == 0 ? 0 : Int(words.postingFormEnds[Int(posting) - 1])
                for form in words.postingForms[start ..< end] where !forms.contains(form) { forms.append(form) }
            }
            let order = forms.sorted { a, b in
                let x = words.formTotals[Int(a)], y = words.formTotals[Int(b)]
                return x != y ? x > y : words.forms.key(Int(a)).lexicographicallyPrecedes(words.forms.key(Int(b)))
            }.prefix(SearchIndexWriter.maxForms)
            json.append(contentsOf: ",[".utf8)
            for (position, form) in order.enumerated() {
                if position > 0 { json.append(UInt8(ascii: ",")) }
                SearchIndexWriter.appendJSONString(bytes: words.forms.key(Int(form)), to: &json)
            }
            func mask(_ posting: Int32) -> Int {
                let end = Int(words.postingFormEnds[Int(posting)])
                let start = posting == 0 ? 0 : Int(words.postingFormEnds[Int(posting) - 1])
                var mask = 0
                for form in words.postingForms[start ..< end] {
                    if let bit = order.firstIndex(of: form) { mask |= 1 << bit }
                }
                return mask
            }
            if postings.count * 10 > documentCount * 9 {
                writeDense(words: words, postings: postings, documentCount: documentCount, masks: order.count > 1 ? mask : nil)
                return
            }
            json.append(contentsOf: "],\"".utf8)
            var previous: Int32 = -1
            for posting in postings {
                let document = words.postingDocument[Int(posting)]
                SearchIndexWriter.appendNumber(Int(document - previous - 1) << 5 | Int(words.postingCode[Int(posting)]), to: &json)
                previous = document
            }
            json.append(UInt8(ascii: "\""))
            if order.count > 1 {
                json.append(contentsOf: ",\"".utf8)
                for posting in postings { SearchIndexWriter.appendNumber(mask(posting), to: &json) }
                json.append(UInt8(ascii: "\""))
            }
            json.append(UInt8(ascii: "]"))
            entryEnds.append(json.count)
        }

        /// A word in more than 90 % of the documents: `[weight, documents, absent, title(, masks)]`
        /// after the forms, so its bytes do not grow with the archive. Its idf is below 0.11, a
        /// tenth of a word in a third of the documents', so a weight for each document would move no
        /// result: every document has the median weight; the documents without the word and those
        /// whose title has it are listed (gaps), and with several forms the documents whose mask is not
        /// 1 (the usual form only), as gap and mask.
        private mutating func writeDense(words: PartitionWords, postings: ArraySlice<Int32>, documentCount: Int, masks: ((Int32) -> Int)?) {
            let weights = postings.map { Int(words.postingCode[Int($0)] >> 1) }.sorted()
            json.append(contentsOf: "],[".utf8)
            SearchIndexWriter.appendInt(weights[weights.count / 2], to: &json)
            json.append(UInt8(ascii: ","))
            SearchIndexWriter.appendInt(documentCount, to: &json)
            json.append(contentsOf: ",\"".utf8)
            var expected: Int32 = 0
            var previous: Int32 = -1
            for posting in postings {
                let document = words.postingDocument[Int(posting)]
                while expected < document {
                    SearchIndexWriter.appendNumber(Int(expected - previous - 1), to: &json)
                    previous = expected
                    expected += 1
                }
                expected = document + 1
            }
            while expected < Int32(documentCount) {
                SearchIndexWriter.appendNumber(Int(expected - previous - 1), to: &json)
                previous = expected
                expected += 1
            }
            json.append(contentsOf: "\",\"".utf8)
            previous = -1
            for posting in postings where words.postingCode[Int(posting)] & 1 == 1 {
                let document = words.postingDocument[Int(posting)]
                SearchIndexWriter.appendNumber(Int(document - previous - 1), to: &json)
                previous = document
            }
            json.append(UInt8(ascii: "\""))
            if let masks {
                json.append(contentsOf: ",\"".utf8)
                previous = -1
                for posting in postings {
                    let mask = masks(posting)
                    guard mask != 1 else { continue }
                    let document = words.postingDocument[Int(posting)]
                    SearchIndexWriter.appendNumber(Int(document - previous - 1), to: &json)
                    SearchIndexWriter.appendNumber(mask, to: &json)
                    previous = document
                }
                json.append(UInt8(ascii: "\""))
            }
            json.append(contentsOf: "]]".utf8)
            entryEnds.append(json.count)
        }

        /// Posting numbers grouped by what they belong to, in their order within each (a counting sort).
        private struct Grouped {
            var starts: [Int32]
            var postings: [Int32]
            func list(_ owner: Int) -> ArraySlice<Int32> { postings[Int(starts[owner]) ..< Int(starts[owner + 1])] }
        }

        private static func grouped(_ owners: [Int32], count: Int) -> Grouped {
            var starts = [Int32](repeating: 0, count: count + 1)
            for owner in owners { starts[Int(owner) + 1] += 1 }
            for index in 0 ..< count { starts[index + 1] += starts[index] }
            var next = starts
            var postings = [Int32](repeating: 0, count: owners.count)
            for (posting, owner) in owners.enumerated() {
                postings[Int(next[Int(owner)])] = Int32(posting)
                next[Int(owner)] += 1
            }
            return Grouped(starts: starts, postings: postings)
        }
    }

    /// UTF-8 byte order.
    static func precedes(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        let common = min(a.count, b.count)
        if common > 0 {
            let order = memcmp(a.baseAddress!, b.baseAddress!, common)
            if order != 0 { return order < 0 }
        }
        return a.count < b.count
    }

    /// The digits of the postings' strings: JSON needs no escape for any of them.
    static let digits = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_".utf8)

    /// A number ≥ 0 in base 32, most significant digit first, each digit but the last as
    /// `digits[32 + d]` and the last as `digits[d]`: numbers need no separator, and the common case
    /// (the next document, any code) is one character.
    static func appendNumber(_ value: Int, to json: inout [UInt8]) {
        if value >= 32 { appendLeadingDigits(value >> 5, to: &json) }
        json.append(digits[value & 31])
    }

    private static func appendLeadingDigits(_ value: Int, to json: inout [UInt8]) {
        if value >= 32 { appendLeadingDigits(value >> 5, to: &json) }
        json.append(digits[32 + (value & 31)])
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
        var text = text
        text.withUTF8 { appendJSONString(bytes: $0, to: &json) }
    }

    static func appendJSONString(bytes: ArraySlice<UInt8>, to json: inout [UInt8]) {
        bytes.withUnsafeBufferPointer { appendJSONString(bytes: $0, to: &json) }
    }

    static func appendJSONString(bytes: [UInt8], to json: inout [UInt8]) {
        bytes.withUnsafeBufferPointer { appendJSONString(bytes: $0, to: &json) }
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    static func appendJSONString(bytes: UnsafeBufferPointer<UInt8>, to json: inout [UInt8]) {
        json.append(UInt8(ascii: "\""))
        // Most text needs no escape: copied whole when so.
        var clean = true
        for byte in bytes where byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte == UInt8(ascii: "<")
            || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "&") {
            clean = false
            break
        }
        if clean {
            json.append(contentsOf: bytes)
            json.append(UInt8(ascii: "\""))
            return
        }
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "\""): json.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
            case UInt8(ascii: "\\"): json.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
            case 0x08: json.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "b")])
            case 0x09: json.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
            case 0x0A: json.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case 0x0C: json.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "f")])
            case 0x0D: json.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
            case 0x00..<0x20, UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "&"):
                json.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0")])
                json.append(hexDigits[Int(byte >> 4)])
                json.append(hexDigits[Int(byte & 0x0F)])
            default: json.append(byte)
            }
        }
        json.append(UInt8(ascii: "\""))
    }
}
