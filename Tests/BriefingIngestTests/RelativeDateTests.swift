import BriefingCore
import Testing

@testable import BriefingIngest

/// Tuesday 9 September 2025, 10:00 UTC: the Alibaba story's publication.
private let tuesday = Timestamp(year: 2025, month: 9, day: 9, hour: 10)

private func events(_ text: String, published: Timestamp? = tuesday) -> [ExtractedEvent] {
    EventExtractor(referenceDate: published ?? tuesday, referenceIsPublication: published != nil).events(in: text)
}

@Suite struct RelativeDateTests {
    /// Each relative form, the date it resolves to against Tuesday 2025-09-09 (the precision is the result's), and
    /// whether it is expected.
    @Test(arguments: [
        ("Released on Friday through Alibaba's cloud platform, the model is large.", "2025-09-05", false),
        ("Alibaba launched on Tuesday a new model.", "2025-09-09", false),
        ("The app was unveiled on Sunday in Hangzhou.", "2025-09-07", false),
        ("Qwen was released on Monday and will ship widely.", "2025-09-08", false),
        ("iOS 26.4 could be released as early as March next year.", "2026-03", true),
        ("Huawei will launch the chip next year.", "2026", true),
        ("Shipments fell last year.", "2024", false),
        ("The rules took effect in March this year.", "2025-03", false),
        ("Huawei plans to ship early next year.", "2026", true),
        ("Z.ai plans to go public as early as 2026.", "2026", true),
        ("Shares have more than doubled since mid-July.", "2025-07", false),
        ("Returns reached 562% since October.", "2024-10", false),
        ("Returns reached 562% since September.", "2025-09", false),
    ])
    func relativeFormResolvesAgainstPublication(sentence: String, date: String, expected: Bool) throws {
        let found = events(sentence)
        #expect(found.count == 1, "\(found)")
        let event = try #require(found.first)
        #expect(event.date.description == date)
        #expect(event.isAhead == expected)
    }

    /// Weekdays that date the reporting, a share price, or nothing, and years used as subjects or possessives.
    @Test(arguments: [
        "The company said on Friday that it would stop shipping.",
        "Neither company responded to requests for comment on Wednesday.",
        "Nvidia shares slipped on Wednesday as uncertainty grew.",
        "Reports suggest that next year may bring a foldable iPhone.",
        "The event is about next year's lineup.",
        "Nvidia is on track to bring in US$20 billion this year.",
        "The t-shirt you ordered last month costs more.",
    ])
    func notADate(sentence: String) {
        #expect(events(sentence).isEmpty, "\(events(sentence))")
    }

    /// A digest cluster's reference is the latest day it reports, not when it was written: nothing relative is read.
    @Test func aDigestReadsNoRelativeDates() {
        #expect(events("The model was released on Friday and ships next year.", published: nil).isEmpty)
    }

    /// "since mid-July" is the latest July, even after a sentence that named an earlier year.
    @Test func sinceLooksBackFromPublicationNotFromTheTextsYear() {
        let found = events("After rising 383% in 2024, shares have doubled since mid-July.", published: Timestamp(year: 2025, month: 8, day: 27))
        #expect(found.map(\.date.description) == ["2024", "2025-07"])
    }

    /// A story published on a Friday that says "on Friday" means that very day.
    @Test func theSameWeekdayAsPublicationIsThatDay() throws {
        let friday = try #require(Timestamp(year: 2025, month: 9, day: 5, hour: 23))
        #expect(events("It was released on Friday.", published: friday).map(\.date.description) == ["2025-09-05"])
    }
}
