import BriefingCore
import Testing
@testable import BriefingIngest

@Suite struct FeedDateTests {
    private let tenUTC = Timestamp(year: 2025, month: 9, day: 9, hour: 10)

    @Test(arguments: [
        "Tue, 09 Sep 2025 10:00:00 +0000",
        "Tue, 09 Sep 2025 10:00:00 GMT",
        "Tue, 9 Sep 2025 10:00:00 UT",
        "09 Sep 2025 10:00:00 Z",
        "Tue, 09 Sep 2025 06:00:00 EDT",
        "Tue, 09 Sep 2025 05:00:00 EST",
        "Tue, 09 Sep 2025 03:00 PDT",
        "Tue, 09 Sep 2025 02:00:00 PST",
        "Tue, 09 Sep 25 10:00:00 +0000",
        "Tuesday, 09-Sep-25 10:00:00 GMT",
        "Tue, 09 Sep 2025 15:30:00 +05:30",
        "Tue, 09 Sep 2025 04:00:00 -0600",
        "Tue, 09 Sep 2025 10:00:00",
        "Tue, 09 Sep 2025 10:00:00 +0000 (UTC)",
        "tue, 09 sept 2025 10:00:00 gmt",
        "Tue, 09 September 2025 10:00:00 GMT",
        "Sep 09 2025 10:00:00 GMT",
        "September 9, 2025 10:00 AM",
        "Tue Sep 09 2025 18:00:00 GMT+0800",
        "Tue, 09 Sep 2025 12:00:00 CEST",
        "Tue, 09 Sep 2025 10:00:00 XYZ",
        "  Tue,  09 Sep 2025\n10:00:00 +0000 ",
        "2025-09-09T10:00:00Z",
        "2025-09-09T12:00:00+02:00",
        "2025-09-09T10:00:00.123Z",
        "2025-09-09T18:00:00+0800",
        "2025-09-09t10:00:00z",
        "2025-09-09T10:00:00",
        "2025-09-09 10:00:00",
        "2025-09-09 12:00:00 +02:00",
        "2025-09-09T10:00",
    ])
    func parsesFeedDates(_ text: String) {
        #expect(FeedDate.parse(text) == tenUTC, "\(text)")
    }

    @Test func readsTwoDigitYearsAsRFC2822Says() {
        #expect(FeedDate.parse("Thu, 01 Jan 98 00:00:00 GMT") == Timestamp(year: 1998, month: 1, day: 1))
        #expect(FeedDate.parse("Mon, 01 Jan 49 00:00:00 GMT") == Timestamp(year: 2049, month: 1, day: 1))
    }

    @Test func readsDatesWithoutATime() {
        #expect(FeedDate.parse("2025-09-09") == Timestamp(year: 2025, month: 9, day: 9))
        #expect(FeedDate.parse("9 Sep 2025") == Timestamp(year: 2025, month: 9, day: 9))
    }

    @Test func readsAfternoon() {
        #expect(FeedDate.parse("September 9, 2025 10:00 PM") == Timestamp(year: 2025, month: 9, day: 9, hour: 22))
        #expect(FeedDate.parse("September 9, 2025 12:30 AM") == Timestamp(year: 2025, month: 9, day: 9, minute: 30))
    }

    @Test(arguments: [
        "", "   ", "yesterday", "32 Sep 2025 10:00:00 GMT", "Tue, 09 Foo 2025 10:00:00 GMT", "2025-13-01",
        "Tue, 09 Sep 2025 25:00:00 GMT", "Tue, 09 Sep 2025 10:00:00 +9999", "2025-09-09T10:00:00 bogus",
        "Tue, 09 Sep", "12345", "30 Feb 2025",
    ])
    func rejectsNonDates(_ text: String) {
        #expect(FeedDate.parse(text) == nil, "\(text)")
    }
}
