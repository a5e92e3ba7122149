import BriefingCore
import Testing
@testable import BriefingIngest

/// Sentences, including the boundaries flattened feed text lost between paragraphs.
@Suite struct SentenceSplitterTests {
    @Test func splitsWhereAFlattenedParagraphLostItsFullStop() {
        let text = "Trump said he would stem the flow of fentanyl into the US The administration said drug traffickers were exploiting the loophole."
        #expect(SentenceSplitter.sentences(in: text) == [
            "Trump said he would stem the flow of fentanyl into the US",
            "The administration said drug traffickers were exploiting the loophole.",
        ])
    }

    @Test func splitsBeforeAFromThatLostItsFullStop() {
        let text = "Exports became the primary path to enter the US market From 2018 to 2023, their value ballooned."
        #expect(SentenceSplitter.sentences(in: text) == [
            "Exports became the primary path to enter the US market", "From 2018 to 2023, their value ballooned.",
        ])
    }

    @Test(arguments: [
        "The quote came from an interview with The Economist last week.",
        "Prices rose From Monday onwards, analysts said.",
        "Shares rose, said The Information in a report.",
        "Huawei published The Ascend Roadmap on Tuesday.",
        "It was a big week for Alibaba and Nvidia.",
        "Sales in the U.S. rose 5% in August.",
    ])
    func leavesOneSentenceWhole(_ text: String) {
        #expect(SentenceSplitter.sentences(in: text) == [text])
    }

    @Test func keepsAbbreviationsAndSplitsOnStops() {
        #expect(SentenceSplitter.sentences(in: "Nvidia Corp. said on Aug. 27 it would ship. However, China objected.") == [
            "Nvidia Corp. said on Aug. 27 it would ship.", "However, China objected.",
        ])
    }

    @Test func theFlattenedSeedsEventIsOneWholeSentence() throws {
        let text = "President Trump in February said he would eliminate the loophole because he didn’t believe China was taking sufficient action to stem the flow of fentanyl into the US The administration said drug traffickers were “exploiting” the loophole."
        let events = EventExtractor(referenceDate: Timestamp(iso: "2025-09-10")).events(in: text)
        let february = try #require(events.first)
        #expect(february.text.hasSuffix("flow of fentanyl into the US"))
        #expect(!february.text.contains("administration"))
    }
}

/// Event texts cut through a quotation still quote cleanly.
@Suite struct EventStatementQuoteTests {
    @Test func aQuotationCutShortIsClosed() {
        let text = StatementEllipsis.balancingQuotes(Array("“Our Studio Version, launched in July, exemplifies this approach…"))
        #expect(String(text) == "“Our Studio Version, launched in July, exemplifies this approach…”")
    }

    @Test func aQuotationWhoseStartWasCutIsOpened() {
        let text = StatementEllipsis.balancingQuotes(Array("…and its connection to society and life,” Sheikh Mohammed stated on May 4."))
        #expect(String(text) == "“…and its connection to society and life,” Sheikh Mohammed stated on May 4.")
    }

    @Test func balancedQuotationsAreLeftAlone() {
        let text = "Drug traffickers were “exploiting” the loophole, it said in May 2025."
        #expect(String(StatementEllipsis.balancingQuotes(Array(text))) == text)
    }

    @Test func aLongQuotedStatementIsCutAndClosedCleanly() {
        let sentence = "“Our Animon.ai Studio Version, launched in July, exemplifies this approach by providing creators with tools like high-quality 2K visual generation and consistent keyframe editing across every scene of a production,” the chief executive said."
        let text = EventStatement.text(sentence: sentence, datePhrase: "in July", limit: 120)
        #expect(text.hasPrefix("“Our Animon.ai Studio Version, launched in July"))
        #expect(text.hasSuffix("\u{2026}\u{201D}"))
        #expect(text.count <= 121)
    }
}
