import Testing
@testable import BriefingCore

@Suite struct TimestampTests {
    @Test(arguments: [
        ("2025-09-09T10:00:00Z", "2025-09-09T10:00:00Z"),
        ("2025-09-09", "2025-09-09T00:00:00Z"),
        ("2025-09-09T10:00", "2025-09-09T10:00:00Z"),
        ("2025-09-09 10:00:30", "2025-09-09T10:00:30Z"),
        ("2025-09-09T18:00:00+08:00", "2025-09-09T10:00:00Z"),
        ("2025-09-09T01:30:00.250-0230", "2025-09-09T04:00:00Z"),
        ("2024-02-29T23:59:59Z", "2024-02-29T23:59:59Z"),
        ("1969-12-31T23:00:00Z", "1969-12-31T23:00:00Z"),
    ])
    func parsesRFC3339AndRelatives(input: String, expected: String) throws {
        let timestamp = try #require(Timestamp(iso: input))
        #expect(timestamp.description == expected)
    }

    @Test(arguments: ["", "2025", "2025-9-9", "2025-13-01", "2025-02-29", "2025-09-09T25:00", "2025-09-09X", "yesterday", "2025-09-09T10:00:00+"])
    func rejectsWhatIsNotADate(input: String) {
        #expect(Timestamp(iso: input) == nil)
    }

    @Test func dayOfATimestampIsItsUTCDate() {
        #expect(Timestamp(iso: "2025-09-09T23:30:00-02:00")?.date == PartialDate(year: 2025, month: 9, day: 10))
    }
}

@Suite struct PartialDateTests {
    @Test func parsesEachPrecision() throws {
        #expect(try #require(PartialDate(iso: "2025")).precision == .year)
        #expect(try #require(PartialDate(iso: "2025-07")).precision == .month)
        #expect(try #require(PartialDate(iso: "2025-07-31")).precision == .day)
        #expect(PartialDate(iso: "2025-07-31")?.description == "2025-07-31")
    }

    @Test(arguments: ["25", "2025-7", "2025-00", "2025-13", "2025-02-30", "2025-04-31", "2025-07-31-1", "x"])
    func rejectsImpossibleDates(input: String) {
        #expect(PartialDate(iso: input) == nil)
    }

    @Test func coarserDatesSortBeforeTheDaysInside() throws {
        let dates = try ["2025-07-02", "2025", "2024-12-31", "2025-07", "2025-07-01"].map { try #require(PartialDate(iso: $0)) }
        #expect(dates.sorted().map(\.description) == ["2024-12-31", "2025", "2025-07", "2025-07-01", "2025-07-02"])
    }
}
