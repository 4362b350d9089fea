import Testing
@testable import VietnameseText

@Suite struct SlugTests {
    @Test func dropsEveryToneAndVowelMark() {
        #expect(Slug.make("Chuyển đổi số tỉnh Bắc Kạn") == "chuyen-doi-so-tinh-bac-kan")
        #expect(Slug.make("Ứng dụng ƯỚC LƯỢNG ở Quý I") == "ung-dung-uoc-luong-o-quy-i")
    }

    @Test func mapsDWithStrokeInBothCases() {
        #expect(Slug.make("Đội ứng cứu đặc biệt") == "doi-ung-cuu-dac-biet")
        #expect(Slug.make("ĐẮK LẮK") == "dak-lak")
    }

    @Test func givesTheSameSlugForComposedAndDecomposedInput() {
        let composed = "Chuyển đổi số"
        let decomposed = composed.decomposedStringWithCanonicalMapping
        #expect(Array(composed.unicodeScalars) != Array(decomposed.unicodeScalars))
        #expect(Slug.make(decomposed) == "chuyen-doi-so")
        #expect(Slug.make(composed.precomposedStringWithCanonicalMapping) == "chuyen-doi-so")
    }

    @Test func turnsEveryRunOfOtherCharactersIntoOneDash() {
        #expect(Slug.make("  Tỷ lệ 54,4% (1.013/1.861)!! ") == "ty-le-54-4-1-013-1-861")
        #expect(Slug.make("a — b / c") == "a-b-c")
        #expect(Slug.make("!!!") == "")
    }

    @Test func foldsForMarkInsensitiveMatching() {
        #expect(Slug.folded("Chuyển Đổi Số") == "chuyen doi so")
    }
}

@Suite struct VietnameseNumberTests {
    @Test func groupsThousandsWithDotsAndUsesCommaForDecimals() {
        #expect(VietnameseNumber.format(1013) == "1.013")
        #expect(VietnameseNumber.format(27568) == "27.568")
        #expect(VietnameseNumber.format(520_001_000) == "520.001.000")
        #expect(VietnameseNumber.format(54.4, decimals: 1) == "54,4")
        #expect(VietnameseNumber.format(-1234.5, decimals: 2) == "-1.234,50")
        #expect(VietnameseNumber.percent(14.36, decimals: 2) == "14,36%")
        #expect(VietnameseNumber.format(999.96, decimals: 1) == "1.000,0")
    }
}

@Suite struct LocalDateTimeTests {
    @Test func readsADateAloneInTheSiteZone() throws {
        let date = try #require(LocalDateTime.parse("2024-03-14", defaultOffsetMinutes: 420))
        #expect(date.iso8601 == "2024-03-14T00:00:00+07:00")
        #expect(!date.hasTime)
        #expect(date.vietnameseLong == "ngày 14 tháng 3 năm 2024")
        #expect(date.vietnameseShort == "14/03/2024")
        #expect(date.vietnameseWithWeekday == "Thứ Năm, 14/03/2024")
    }

    @Test func readsATimeAndAnExplicitOffset() throws {
        let local = try #require(LocalDateTime.parse("2024-03-14T09:30", defaultOffsetMinutes: 420))
        #expect(local.vietnameseWithWeekday == "Thứ Năm, 14/03/2024 09:30")
        let utc = try #require(LocalDateTime.parse("2024-03-14T20:15:00Z", defaultOffsetMinutes: 420))
        let inSiteZone = utc.converted(toOffsetMinutes: 420)
        #expect(inSiteZone.iso8601 == "2024-03-15T03:15:00+07:00")
        let west = try #require(LocalDateTime.parse("2024-01-01 01:00-05:30", defaultOffsetMinutes: 420))
        #expect(west.converted(toOffsetMinutes: 420).iso8601 == "2024-01-01T13:30:00+07:00")
    }

    @Test func ordersByInstantAcrossOffsets() throws {
        let hanoi = try #require(LocalDateTime.parse("2024-03-14T09:00+07:00", defaultOffsetMinutes: 0))
        let london = try #require(LocalDateTime.parse("2024-03-14T03:00Z", defaultOffsetMinutes: 0))
        #expect(london > hanoi)
    }

    @Test(arguments: ["2024-02-30", "2023-02-29", "2024-13-01", "14/03/2024", "2024-03-14T25:00", "2024-03-14T09:30+7",
                      "2024-3-14", "", "tomorrow", "2024-03-14T09:30:00+07:00 extra"])
    func rejectsWhatIsNotADate(_ text: String) {
        #expect(LocalDateTime.parse(text, defaultOffsetMinutes: 420) == nil)
    }

    @Test func acceptsLeapDay() {
        #expect(LocalDateTime.parse("2024-02-29", defaultOffsetMinutes: 420) != nil)
    }
}

@Suite struct SlugFoldTableTests {
    /// Folding scalar by scalar through the table must give what decomposing the whole text gives.
    @Test func tableFoldMatchesDecomposition() {
        var texts: [String] = []
        for value in Array(0x20...0x7E) + Array(0x80...0x24F) + Array(0x300...0x36F) + Array(0x1E00...0x1EFF) + Array(0x2000...0x206F) {
            texts.append(String(Unicode.Scalar(UInt32(value))!))
        }
        texts += ["Chuyển Đổi số: Đắk Lắk 2024!", "Tỷ lệ hồ sơ trực tuyến đạt 79,7%", "o\u{302}\u{301} e\u{323}\u{302} A\u{30A}",
                  "ĐẮK LẮK – “Bình dân học vụ số”", "ǅ ǈ Ǳ ǲ İstanbul ß Æ Ø Œ"]
        for text in texts {
            guard let fast = Slug.foldedByTable(text) else {
                Issue.record("no table fold for \(Array(text.unicodeScalars))")
                continue
            }
            #expect(fast == Slug.foldedByDecomposition(text), "\(Array(text.unicodeScalars))")
        }
        #expect(Slug.foldedByTable("Hà Nội 한국") == nil)
        #expect(Slug.make("Hà Nội 한국") == "ha-noi")
    }
}
