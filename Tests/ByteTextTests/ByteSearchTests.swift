import ByteText
import Testing

@Suite struct ByteSearchTests {
    /// Every offset of every needle, against the plain definition.
    @Test func findsWhatAComparisonAtEveryOffsetFinds() {
        let texts = ["", "<", "<table>", "a <table> b </table><table>", "-->--->", "đường://x://", "<<<!--", "ab", "aab"]
        let needles = ["<table>", "</table>", "-->", "://", "<", "a", "ab", "aab", "ư", "not there"]
        for text in texts {
            let haystack = Array(text.utf8)
            haystack.withUnsafeBufferPointer { buffer in
                for needle in needles.map({ Array($0.utf8) }) {
                    for start in 0...haystack.count + 1 {
                        let expected = start > haystack.count ? nil : (start...max(start, haystack.count)).first { offset in
                            offset + needle.count <= haystack.count && Array(haystack[offset..<offset + needle.count]) == needle
                        }
                        #expect(ByteSearch.find(needle, in: buffer, from: start) == expected, "\(needle) in \(text) from \(start)")
                        if needle.count == 1 {
                            #expect(ByteSearch.find(needle[0], in: buffer, from: start) == expected, "\(needle) in \(text) from \(start)")
                        }
                    }
                }
            }
        }
    }

    @Test func anEmptyNeedleIsFoundWhereTheSearchStarts() {
        Array("abc".utf8).withUnsafeBufferPointer { buffer in
            #expect(ByteSearch.find([UInt8](), in: buffer, from: 2) == 2)
            #expect(ByteSearch.find("", in: buffer) == 0)
        }
    }

    @Test func aStaticStringNeedleIsItsUTF8() {
        Array("x<!-- y -->".utf8).withUnsafeBufferPointer { buffer in
            #expect(ByteSearch.find("-->", in: buffer) == 8)
            #expect(ByteSearch.find("<!--", in: buffer, from: 2) == nil)
        }
    }
}
