import VietnameseText

/// What the index needs of one document's words, made from its `Input` alone (on the thread that has
/// the document, or read back from the cache under that input's digest): each distinct folded word with
/// how often the title and the text have it and the marked forms it was written in, the neighbouring
/// pairs of words (phrases), and the number of words.
///
/// Flat arrays of bytes and integers, no strings: word `i` is `keyBytes[keyEnds[i - 1] ..< keyEnds[i]]`.
/// Words are grouped by `SearchIndexWriter.partition(of:)` (partition `p`'s words are
/// `termStarts[p] ..< termStarts[p + 1]`), in the order they first occur within a partition; a pair is
/// `first << 32 | second` (word numbers), sorted, so pairs are grouped by their first word's partition
/// too (`pairStarts`).
struct SearchAnalysis: Sendable, Equatable {
    /// Everything of a document the analysis reads; the cache's key is the digest of exactly this.
    struct Input: Sendable {
        var title: String
        var text: String

        init(_ document: SearchDocument) {
            title = document.title
            text = document.text
        }
    }

    var keyBytes: [UInt8] = []
    var keyEnds: [Int32] = []
    var titleCounts: [Int32] = []
    var bodyCounts: [Int32] = []
    var termStarts: [Int32] = []
    /// Word `i`'s marked forms are `formStarts[i] ..< formStarts[i + 1]`, in the order first written,
    /// each `formBytes[formEnds[j - 1] ..< formEnds[j]]` written `formCounts[j]` times.
    var formStarts: [Int32] = []
    var formBytes: [UInt8] = []
    var formEnds: [Int32] = []
    var formCounts: [Int32] = []
    var pairs: [UInt64] = []
    var pairInTitle: [Bool] = []
    var pairStarts: [Int32] = []
    var length: Int32 = 0

    var termCount: Int { keyEnds.count }

    func keyRange(_ term: Int) -> Range<Int> { (term == 0 ? 0 : Int(keyEnds[term - 1])) ..< Int(keyEnds[term]) }
    func formRange(_ form: Int) -> Range<Int> { (form == 0 ? 0 : Int(formEnds[form - 1])) ..< Int(formEnds[form]) }

    init() {}

    init(_ document: SearchDocument) {
        self.init(Input(document))
    }

    init(_ input: Input) {
        // Forms are looked up first: a word is written in one form nearly always, so a word seen again
        // costs one lookup; the folded word is looked up only for a new form.
        var forms = ByteInterner(capacity: 512)
        var words = ByteInterner(capacity: 512)
        var formWord: [Int32] = []
        var formCount: [Int32] = []
        var titleCount: [Int32] = []
        var bodyCount: [Int32] = []
        var titlePairs: [UInt64] = []
        var bodyPairs: [UInt64] = []
        var length: Int32 = 0
        for (text, inTitle) in [(input.title, true), (input.text, false)] {
            var previous = -1
            SearchTokenizer.scan(text) { folded, marked in
                let form = forms.intern(marked)
                let word: Int
                if form.isNew {
                    word = words.intern(folded).index
                    if word == titleCount.count {
                        titleCount.append(0)
                        bodyCount.append(0)
                    }
                    formWord.append(Int32(word))
                    formCount.append(0)
                } else {
                    word = Int(formWord[form.index])
                }
                formCount[form.index] += 1
                if inTitle { titleCount[word] += 1 } else { bodyCount[word] += 1 }
                if previous >= 0 {
                    let pair = UInt64(previous) << 32 | UInt64(word)
                    if inTitle { titlePairs.append(pair) } else { bodyPairs.append(pair) }
                }
                previous = word
                length += 1
            }
        }
        self.length = length

        // Words by partition, first occurrence within each.
        let partitionCount = SearchIndexWriter.partitionCount
        let partitions = (0..<words.count).map { SearchIndexWriter.partition(firstByte: words.key($0).first) }
        var starts = [Int32](repeating: 0, count: partitionCount + 1)
        for partition in partitions { starts[partition + 1] += 1 }
        for index in 0..<partitionCount { starts[index + 1] += starts[index] }
        termStarts = starts
        var next = starts
        var position = [Int32](repeating: 0, count: words.count)
        for (word, partition) in partitions.enumerated() {
            position[word] = next[partition]
            next[partition] += 1
        }
        var order = [Int](repeating: 0, count: words.count)
        for word in 0..<words.count { order[Int(position[word])] = word }

        var formsOfWord = [[Int]](repeating: [], count: words.count)
        for form in 0..<forms.count { formsOfWord[Int(formWord[form])].append(form) }
        keyBytes.reserveCapacity(words.bytes.count)
        keyEnds.reserveCapacity(words.count)
        formBytes.reserveCapacity(forms.bytes.count)
        formStarts.reserveCapacity(words.count + 1)
        for word in order {
            keyBytes.append(contentsOf: words.key(word))
            keyEnds.append(Int32(keyBytes.count))
            titleCounts.append(titleCount[word])
            bodyCounts.append(bodyCount[word])
            formStarts.append(Int32(formCounts.count))
            for form in formsOfWord[word] {
                formBytes.append(contentsOf: forms.key(form))
                formEnds.append(Int32(formBytes.count))
                formCounts.append(formCount[form])
            }
        }
        formStarts.append(Int32(formCounts.count))

        // Pairs in the new word numbers, each once, in the title if the title has it.
        func renumbered(_ pair: UInt64) -> UInt64 {
            UInt64(position[Int(pair >> 32)]) << 32 | UInt64(position[Int(pair & 0xFFFF_FFFF)])
        }
        let inTitle = Set(titlePairs.map(renumbered))
        var all = titlePairs.map(renumbered) + bodyPairs.map(renumbered)
        all.sort()
        pairs.reserveCapacity(all.count)
        for pair in all where pairs.last != pair {
            pairs.append(pair)
            pairInTitle.append(inTitle.contains(pair))
        }
        var pairStarts = [Int32](repeating: 0, count: partitionCount + 1)
        var partition = 0
        for (index, pair) in pairs.enumerated() {
            let first = Int32(pair >> 32)
            while partition < partitionCount && first >= starts[partition + 1] {
                partition += 1
                pairStarts[partition] = Int32(index)
            }
        }
        while partition < partitionCount {
            partition += 1
            pairStarts[partition] = Int32(pairs.count)
        }
        self.pairStarts = pairStarts
    }
}
