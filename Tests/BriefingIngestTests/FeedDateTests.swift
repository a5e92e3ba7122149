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

    /// Every form feedparser reads, with the moment in UTC it names.
    @Test(arguments: [
        // RFC 822 with and without a weekday, missing seconds, two-digit years.
        ("Thu, 01 Jan 2004 19:48:21 GMT", "2004-01-01T19:48:21Z"),
        ("01 Jan 2004 19:48:21 GMT", "2004-01-01T19:48:21Z"),
        ("Thu, 01 Jan 2004 19:48 GMT", "2004-01-01T19:48:00Z"),
        ("Thu, 01 Jan 04 19:48:21 GMT", "2004-01-01T19:48:21Z"),
        // Obsolete US zones, and the ones newsrooms shorten further.
        ("Thu, 01 Jan 2004 19:48:21 EST", "2004-01-02T00:48:21Z"),
        ("Thu, 01 Jan 2004 19:48:21 EDT", "2004-01-01T23:48:21Z"),
        ("Thu, 01 Jan 2004 19:48:21 CST", "2004-01-02T01:48:21Z"),
        ("Thu, 01 Jan 2004 19:48:21 CDT", "2004-01-02T00:48:21Z"),
        ("Thu, 01 Jan 2004 19:48:21 MST", "2004-01-02T02:48:21Z"),
        ("Thu, 01 Jan 2004 19:48:21 PST", "2004-01-02T03:48:21Z"),
        ("Thu, 01 Jan 2004 19:48:21 PDT", "2004-01-02T02:48:21Z"),
        ("Thu, 01 Jan 2004 19:48:21 ET", "2004-01-02T00:48:21Z"),
        ("Thu, 01 Jan 2004 19:48:21 PT", "2004-01-02T03:48:21Z"),
        ("Thu, 01 Jan 2004 19:48:21 CT", "2004-01-02T01:48:21Z"),
        // Military single letters.
        ("Thu, 01 Jan 2004 19:48:21 A", "2004-01-01T20:48:21Z"),
        ("Thu, 01 Jan 2004 19:48:21 M", "2004-01-02T07:48:21Z"),
        ("Thu, 01 Jan 2004 19:48:21 N", "2004-01-01T18:48:21Z"),
        ("Thu, 01 Jan 2004 19:48:21 Y", "2004-01-01T07:48:21Z"),
        ("Thu, 01 Jan 2004 19:48:21 Z", "2004-01-01T19:48:21Z"),
        // tz database names.
        ("Thu, 01 Jan 2004 19:48:21 Etc/GMT", "2004-01-01T19:48:21Z"),
        ("Thu, 01 Jan 2004 19:48:21 Etc/UTC", "2004-01-01T19:48:21Z"),
        ("Thu, 01 Jan 2004 19:48:21 Etc/GMT+5", "2004-01-02T00:48:21Z"),
        ("2004-01-01 19:48:21 Etc/GMT-8", "2004-01-01T11:48:21Z"),
        // W3C-DTF and ISO 8601: reduced precision, no zone, fractions, basic form.
        ("2003", "2003-01-01T00:00:00Z"),
        ("2003-12", "2003-12-01T00:00:00Z"),
        ("2003-12-31", "2003-12-31T00:00:00Z"),
        ("2003-12-31T10:14:55", "2003-12-31T10:14:55Z"),
        ("2003-12-31T10:14:55Z", "2003-12-31T10:14:55Z"),
        ("2003-12-31T10:14:55.1234-08:00", "2003-12-31T18:14:55Z"),
        ("2003-12-31T10:14-08:00", "2003-12-31T18:14:00Z"),
        ("20031231", "2003-12-31T00:00:00Z"),
        ("20031231T101455Z", "2003-12-31T10:14:55Z"),
    ])
    func readsEveryFormFeedReadersRead(_ text: String, _ utc: String) {
        #expect(FeedDate.parse(text)?.description == utc, "\(text)")
    }

    @Test(arguments: [
        "", "   ", "yesterday", "2003-13", "20031332", "Etc/GMT+99", "9 Sep 2025 at 10:00", "32 Sep 2025 10:00:00 GMT", "Tue, 09 Foo 2025 10:00:00 GMT", "2025-13-01",
        "Tue, 09 Sep 2025 25:00:00 GMT", "Tue, 09 Sep 2025 10:00:00 +9999", "2025-09-09T10:00:00 bogus",
        "Tue, 09 Sep", "12345", "30 Feb 2025",
    ])
    func rejectsNonDates(_ text: String) {
        #expect(FeedDate.parse(text) == nil, "\(text)")
    }
}
