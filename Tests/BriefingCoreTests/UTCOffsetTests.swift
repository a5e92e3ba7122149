import Testing
@testable import BriefingCore

/// briefing.yml's `timezone`: fixed offsets only, read the same on every machine.
@Suite struct UTCOffsetTests {
    @Test(arguments: [
        ("UTC", 0), ("Z", 0), ("+08:00", 28_800), ("-05:00", -18_000), ("+0530", 19_800), ("+09", 32_400), ("UTC+08:00", 28_800),
        ("Asia/Shanghai", 28_800), ("Asia/Kolkata", 19_800), (" -03:30 ", -12_600),
    ])
    func readsOffsetsAndTheNamedZones(text: String, seconds: Int) {
        #expect(UTCOffset(parsing: text)?.seconds == seconds)
    }

    @Test(arguments: ["Europe/London", "America/New_York", "+8:00", "+08:0", "+15:00", "08:00", "+08:60", "", "+08:00:00", "local"])
    func rejectsWhatIsNotAFixedOffset(text: String) {
        #expect(UTCOffset(parsing: text) == nil)
    }

    @Test func aMomentFallsOnItsLocalDay() {
        let moment = Timestamp(iso: "2025-12-31T20:30:00Z")!
        #expect(UTCOffset.utc.day(of: moment).description == "2025-12-31")
        #expect(UTCOffset(parsing: "+08:00")!.day(of: moment).description == "2026-01-01")
        #expect(UTCOffset(parsing: "+08:00")!.rfc3339(moment) == "2026-01-01T04:30:00+08:00")
        #expect(UTCOffset(parsing: "-05:00")!.day(of: Timestamp(iso: "2025-01-01T04:59:59Z")!).description == "2024-12-31")
        #expect(UTCOffset(parsing: "-05:00")!.description == "-05:00")
        #expect(UTCOffset.utc.description == "UTC")
    }

    @Test func briefingYmlNamesTheTimezone() throws {
        #expect(try SiteConfig.parse("timezone: \"+08:00\"\n").timezone.seconds == 28_800)
        #expect(try SiteConfig.parse("title: x\n").timezone == .utc)
        #expect(throws: ContentErrors.self) { try SiteConfig.parse("timezone: Europe/London\n") }
    }
}
