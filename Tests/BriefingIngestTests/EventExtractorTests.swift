import BriefingCore
import Foundation
import Testing

@testable import BriefingIngest

private func digestSeed() throws -> String {
    let url = try #require(
        Bundle.module.url(forResource: "003_3d2181f76b2227e1", withExtension: "txt", subdirectory: "Fixtures/seeds"))
    return try String(contentsOf: url, encoding: .utf8)
}

private let september2025 = Timestamp(year: 2025, month: 9, day: 10)

@Suite struct EventExtractorTests {
    /// Each phrase in a sentence, the date it must give (`YYYY`, `YYYY-MM`, `YYYY-MM-DD` fixes the precision).
    @Test(arguments: [
        ("Bloomberg reported it on Sept 12, 2025.", "2025-09-12"),
        ("Huawei plans a ramp (reported Sep 29\u{2013}30, 2025).", "2025-09-29"),
        ("On Aug. 27\u{2013}28, 2025 a joint advisory tied the campaign to three firms.", "2025-08-27"),
        ("The rules are in force (effective 15 August 2023).", "2023-08-15"),
        ("Nvidia placed a large order in late July 2025.", "2025-07"),
        ("Chinese agencies in August\u{2013}September 2025 summoned firms.", "2025-08"),
        ("TechInsights was blacklisted in early October 2025.", "2025-10"),
        ("Alibaba's notes completed mid\u{2011}September 2025.", "2025-09"),
        ("Huawei aims to produce 600,000 chips in 2026.", "2026"),
        ("ByteDance launched Seedream 4.0 in September 2025.", "2025-09"),
        ("The model was released on 2025-09-05 to developers.", "2025-09-05"),
        ("Tencent priced a bond on Sept. 16-17, 2025.", "2025-09-16"),
        ("BIS actions take effect Dec. 31, 2025.", "2025-12-31"),
        ("Chinese firms pushed overseas since mid-2025.", "2025"),
        ("Capacity reaches 45k wspm end\u{2011}2025.", "2025"),
        ("A technical report followed (Sep 2025).", "2025-09"),
        ("SemiAnalysis's September 8, 2025 deep dive reports large die banks.", "2025-09-08"),
        ("Rollouts appeared mid\u{2013}late September 2025.", "2025-09"),
        ("The market grows by 30% a year until 2030.", "2030"),
        ("Sheikh Mohammed stated on May 4.", "2025-05-04"),
        ("Huawei ships by 2027.", "2027"),
    ])
    func phraseGivesDate(sentence: String, expected: String) throws {
        let events = EventExtractor(referenceDate: september2025).events(in: sentence)
        #expect(events.map(\.date.description) == [expected], "\(sentence)")
    }

    @Test(arguments: [
        "Nvidia placed an order for 300,000 H20 GPUs.",
        "Its 2025 revenue rose 20% to 1,384.93 yuan.",
        "Prices may march higher as shares rose 11.6% on Monday.",
        "The Qwen3-235B-A22B-2507 model has 235 billion parameters.",
        "Some 1,000 employees in 5 cities moved in 1H25.",
        "Revenue was up 2.5% in the quarter and may rise.",
        "It topped 1000 downloads in 300 days.",
    ])
    func numbersThatAreNoDates(sentence: String) {
        #expect(EventExtractor(referenceDate: september2025).events(in: sentence).isEmpty, "\(sentence)")
    }

    @Test func monthWithoutYearTakesTheNearestEarlierYearElseTheReferenceYear() {
        let withContext = EventExtractor(referenceDate: september2025)
            .events(in: "Shares rose in 2024. The rally peaked mid\u{2011}September.")
        #expect(withContext.map(\.date.description) == ["2024", "2024-09"])
        let fromReference = EventExtractor(referenceDate: september2025).events(in: "The rally peaked mid\u{2011}September.")
        #expect(fromReference.map(\.date.description) == ["2025-09"])
        #expect(EventExtractor(referenceDate: nil).events(in: "The rally peaked mid-September.").isEmpty)
        let afterSince = EventExtractor(referenceDate: september2025)
            .events(in: "The index has climbed since 2021 and peaked in mid-September.")
        #expect(afterSince.map(\.date.description) == ["2021", "2025-09"], "a year after 'since' looks back")
        let historic = EventExtractor(referenceDate: september2025)
            .events(in: "Yan joined Alibaba in 2015 and left in February.")
        #expect(historic.map(\.date.description) == ["2015", "2025-02"], "a year far from the reference is history")
    }

    /// "Its highest level since 2021" measures against 2021; nothing happened then.
    @Test func aSinceAfterASuperlativeDatesNothing() {
        let extractor = EventExtractor(referenceDate: september2025)
        #expect(extractor.events(in: "The index reached its highest level since 2021 in mid-September.").map(\.date.description) == ["2025-09"])
        #expect(extractor.events(in: "It was the first time since March that shares fell.").isEmpty)
        #expect(extractor.events(in: "The US has tightened export controls since 2022.").map(\.date.description) == ["2022"])
    }

    @Test func bareMonthNeedsAPreposition() {
        let extractor = EventExtractor(referenceDate: september2025)
        #expect(extractor.events(in: "From September, students will gain access.").map(\.date.description) == ["2025-09"])
        #expect(extractor.events(in: "Last December, the ministry selected 184 schools.").isEmpty)
        #expect(extractor.events(in: "May Mobility raised funds.").isEmpty)
    }

    @Test func textIsTheStatementWithoutCitationOrLeadingDate() {
        let extractor = EventExtractor(referenceDate: nil)
        let bullet = "Sept 12, 2025 \u{2014} Bloomberg reported that Tencent recruited an OpenAI researcher. (techmeme.com)"
        #expect(extractor.events(inKeyPoint: bullet) == [
            ExtractedEvent(date: PartialDate(year: 2025, month: 9, day: 12)!, text: "Bloomberg reported that Tencent recruited an OpenAI researcher."),
        ])
        let cited = extractor.events(in: "Doubao reached 157 million users in August 2025. (wired.com)")
        #expect(cited.map(\.text) == ["Doubao reached 157 million users in August 2025."])
    }

    @Test func oneEventPerDateAndStatementInDocumentOrder() {
        let extractor = EventExtractor(referenceDate: nil)
        let events = extractor.events(inKeyPoint:
            "ByteDance launched Seedream 4.0 in September 2025 (rollouts appeared mid\u{2013}late September); a report followed (Sep 2025). Huawei plans more in 2026.")
        #expect(events.map(\.date.description) == ["2025-09", "2026"], "a key point is one statement")
        let prose = extractor.events(in: "Huawei ships in 2026. Cambricon reported profit in late July 2025. Huawei ships in 2026.")
        #expect(prose.map(\.date.description) == ["2026", "2025-07"])
        let refined = extractor.events(in: "Bonds sold in 2025 and notes completed mid-September 2025.")
        #expect(refined.map(\.date.description) == ["2025-09"], "the bare year adds nothing to September 2025")
    }

    @Test func longStatementsAreCutToTheClauseHoldingTheDate() throws {
        let extractor = EventExtractor(referenceDate: nil)
        let long = "Since mid\u{2011}2025 Beijing has actively discouraged \u{2014} and in some reports directed \u{2014} major domestic internet and cloud firms from buying certain Nvidia AI GPUs (notably the China\u{2011}targeted H20/RTX Pro 6000D family), even as many Chinese engineering teams and buyers continue to prefer Nvidia hardware for performance and ecosystem reasons; Nvidia responded by pausing H20 production. (investing.com)"
        let event = try #require(extractor.events(in: long).first)
        #expect(event.date == PartialDate(year: 2025))
        #expect(event.text.count <= extractor.maximumTextLength)
        #expect(event.text.hasPrefix("Since mid-2025 Beijing has actively discouraged major domestic internet and cloud firms"))
        let late = String(repeating: "Analysts have long argued about supply, demand and the outlook for chips, ", count: 3)
            + "and exports resumed on Sept 4, 2025 after a pause."
        let lateEvent = try #require(extractor.events(in: late).first)
        #expect(lateEvent.text.count <= extractor.maximumTextLength)
        #expect(lateEvent.text.hasPrefix("Analysts have long argued"), "the statement keeps its opening: \(lateEvent.text)")
        #expect(lateEvent.text.contains("Sept 4, 2025"), "the date stays in view: \(lateEvent.text)")
    }

    @Test func itemEventsTakeKeyPointsThenParagraphs() {
        var item = SourceItem()
        item.keyPoints = ["Cambricon posted a record profit in late July 2025."]
        item.paragraphs = ["Cambricon posted a record profit in late July 2025.", "Huawei ships in 2026."]
        let events = EventExtractor(referenceDate: nil).events(in: item)
        #expect(events.map(\.date.description) == ["2025-07", "2026"])
    }

    @Test func firstDigestCluster() throws {
        let cluster = try #require(try DigestParser.parse(try digestSeed(), file: "003.txt").items.first)
        let events = EventExtractor(referenceDate: nil).events(in: cluster)
        #expect(events.map(\.date.description) == ["2025-07", "2025-08", "2025"])
        #expect(events[0].text == "Nvidia placed a large order \u{2014} reported as 300,000 H20 GPUs to TSMC in late July 2025 \u{2014} reflecting strong China demand before regulatory pushback.")
        #expect(events[1].text.hasPrefix("Chinese agencies in August-September 2025 have summoned or asked firms"))
        #expect(events.allSatisfy { $0.text.count <= 240 && !$0.text.contains("(investing.com)") })
    }

}
