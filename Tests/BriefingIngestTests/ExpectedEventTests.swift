import BriefingCore
import Testing

@testable import BriefingIngest

/// A digest cluster whose latest reported day is 30 September 2025.
private let digestDay = Timestamp(year: 2025, month: 9, day: 30)
/// A story published on Tuesday 9 September 2025.
private let published = Timestamp(year: 2025, month: 9, day: 9, hour: 10)

private func flags(_ sentence: String, reference: Timestamp?, publication: Bool = false) -> [String] {
    EventExtractor(referenceDate: reference, referenceIsPublication: publication).events(in: sentence)
        .map { "\($0.date)\($0.isAhead ? " expected" : "")" }
}

/// `expected: true` means forward-looking: a plan, a forecast or a deadline, never what has happened.
@Suite struct ExpectedEventTests {
    @Test(arguments: [
        ("Huawei will launch the chip next year.", "2026 expected"),
        ("India will handle 25% of iPhone production by 2030.", "2030 expected"),
        ("The market grows by 30% a year until 2030.", "2030 expected"),
        ("Huawei aims to produce 600,000 Ascend chips in 2026.", "2026 expected"),
        ("The model will be released in March 2026.", "2026-03 expected"),
        ("Z.ai plans to go public as early as 2027.", "2027 expected"),
        ("Firms move to a licence regime effective Dec. 31, 2025.", "2025-12-31 expected"),
    ])
    func aheadInAStory(sentence: String, expected: String) {
        #expect(flags(sentence, reference: published, publication: true) == [expected])
    }

    @Test(arguments: [
        ("Huawei aims to produce 600,000 Ascend chips in 2026.", "2026 expected"),
        ("Huawei ships 600,000 Ascend chips in 2026.", "2026 expected"),
        ("Export-control expansions cover battery parts (effective Nov. 8, 2025).", "2025-11-08 expected"),
        ("India will handle 25% of iPhone production by 2030.", "2030 expected"),
    ])
    func aheadInADigest(sentence: String, expected: String) {
        #expect(flags(sentence, reference: digestDay) == [expected])
    }

    @Test(arguments: [
        "Alibaba and Baidu have begun running inference on their own silicon, moving workloads away from Nvidia since early 2025.",
        "Shipments fell 17%, dropping from 51.8 million units in 2024 to 42.9 million.",
        "The rules are in force (effective 15 August 2023) and will require labels.",
        "In September 2025 shares rallied on big capex plans.",
        "Since mid-2025 Beijing has discouraged purchases that will matter.",
    ])
    func happenedInADigest(sentence: String) {
        #expect(flags(sentence, reference: digestDay).allSatisfy { !$0.hasSuffix("expected") }, "\(flags(sentence, reference: digestDay))")
    }

    @Test func aDateTheSentenceSaysWasReportedHappened() {
        let keyPoint = "Huawei aims to produce ~600,000 Ascend 910C chips in 2026 (reported Sep 29\u{2013}30, 2025)."
        #expect(flags(keyPoint, reference: digestDay) == ["2026 expected", "2025-09-29"])
        #expect(flags("U.S. BIS actions (published Aug. 29, 2025) will remove authorisations.", reference: nil) == ["2025-08-29"])
    }

    @Test func withoutAReferenceOnlyTheWordsDecide() {
        #expect(flags("Shares fell sharply in 2024.", reference: nil) == ["2024"])
        #expect(flags("Huawei will ship the chip in 2026.", reference: nil) == ["2026 expected"])
        #expect(flags("Huawei aims to produce 600,000 chips in 2026.", reference: nil) == ["2026 expected"])
    }
}
