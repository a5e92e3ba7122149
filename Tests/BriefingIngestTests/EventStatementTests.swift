import BriefingCore
import Foundation
import Testing

@testable import BriefingIngest

private let reference = Timestamp(year: 2025, month: 9, day: 26)

private func statements(_ text: String, keyPoint: Bool = false) -> [String] {
    let extractor = EventExtractor(referenceDate: reference)
    return (keyPoint ? extractor.events(inKeyPoint: text) : extractor.events(in: text)).map(\.text)
}

private func statement(_ text: String, at date: String) throws -> String {
    let found = EventExtractor(referenceDate: reference).events(in: text).first { $0.date.description == date }
    return try #require(found, "no event at \(date) in \(text)").text
}

/// The seeds' paragraph on export controls: four dates deep inside one 600-character sentence.
private let exportControls = "A tightening cycle of export controls, trade probes and industrial-policy measures is unfolding between China and the United States (and allied suppliers): the U.S. has moved to revoke or narrow 'validated end user' waivers that previously let Samsung, SK hynix, Intel and TSMC receive some U.S. chipmaking equipment for Chinese fabs (VEU revocations effective end-2025), while China has responded with a mix of targeted countermeasures \u{2014} including anti-dumping and anti-discrimination probes into certain U.S. analog ICs announced Sept. 13, 2025, new export licence requirements for electric-vehicle exports announced Sept. 26, 2025, and a raft of export-control expansions covering lithium-battery components (effective Nov. 8, 2025) and additional rare-earths/related technologies (October\u{2013}December 2025) \u{2014} all framed by Beijing as safeguarding security and domestic industry and by Washington as escalating techno-economic decoupling. (afslaw.com)"

/// Each event statement reads alone on a timeline: it opens where a sentence opens and names its subject.
@Suite struct EventStatementTests {
    @Test func aLeadingConjunctionGoes() {
        #expect(statements("But as of May 2, 2025, that era of tariff-free bargain hunting has abruptly ended.")
            == ["As of May 2, 2025, that era of tariff-free bargain hunting has abruptly ended."])
        #expect(statements("And Huawei shipped the chips in June 2025.") == ["Huawei shipped the chips in June 2025."])
    }

    @Test func aShortLabelGoesWhenWhatFollowsIsASentence() {
        #expect(statements("Quote: Dowson Tong framed the cloud push as 'AI beyond scale' in 2025.", keyPoint: true)
            == ["Dowson Tong framed the cloud push as 'AI beyond scale' in 2025."])
        // Without its label "aims to produce" has no subject.
        #expect(statements("Huawei ramp: aims to produce 600,000 chips in 2026.", keyPoint: true)
            == ["Huawei ramp: aims to produce 600,000 chips in 2026."])
        // A speaker is no label.
        #expect(statements("Jensen Huang said: Nvidia ships the chip in 2026.") == ["Jensen Huang said: Nvidia ships the chip in 2026."])
    }

    @Test func aClauseGoingOnFromTheOneBeforeTakesItsSubject() throws {
        let september13 = try statement(exportControls, at: "2025-09-13")
        #expect(september13.hasPrefix("China has responded with a mix of targeted countermeasures \u{2014} including anti-dumping"), "\(september13)")
        #expect(september13.contains("announced Sept. 13, 2025"))
        for date in ["2025-09-26", "2025-11-08", "2025-10"] {
            let text = try statement(exportControls, at: date)
            #expect(text.hasPrefix("China has responded with a mix of targeted countermeasures"), "\(date): \(text)")
            #expect(text.count <= 240)
        }
        #expect(try statement(exportControls, at: "2025-11-08").contains("(effective Nov. 8, 2025)"), "the date's own bracket stays")
        #expect(try !statement(exportControls, at: "2025-10").contains("Nov. 8"), "another date's bracket goes")
    }

    @Test func aClauseSummingUpTheSentenceTakesItsOpening() throws {
        let sentence = "Chinese cloud/AI companies and domestic chip designers are rapidly shifting large parts of their AI compute stack onto homegrown accelerators: Alibaba (Zhenwu / T-Head) and Baidu (Kunlun P800) have started running training and inference workloads on their own silicon, Huawei is scaling its Ascend family and pitching Atlas supernode/supercluster systems while Cambricon has seen a revenue/profit surge and share-price rally amid strong demand for local chips \u{2014} a shift accelerated in 2025 by regulatory pressure and limits on Nvidia hardware in China. (theinformation.com)"
        let text = try statement(sentence, at: "2025")
        #expect(text == "Chinese cloud/AI companies and domestic chip designers are rapidly shifting large parts of their AI compute stack onto homegrown accelerators \u{2026} a shift accelerated in 2025 by regulatory pressure and limits on Nvidia hardware in China.")
    }

    @Test func aClauseAfterAColonThatOpensWithWhenStandsAlone() throws {
        let keyPoint = "U.S. prosecutors and agencies continue counterintelligence enforcement: on Sept. 4\u{2013}5, 2025 a former State Department officer, Michael Charles Schena, was sentenced to four years for transmitting national-defense information to individuals he believed were Chinese government agents \u{2014} cited by DOJ/FBI as an example of the human insider threat. (apnews.com)"
        let text = try #require(statements(keyPoint, keyPoint: true).first)
        #expect(text.hasPrefix("On Sept. 4-5, 2025 a former State Department officer, Michael Charles Schena, was sentenced"), "\(text)")
    }

    @Test func aLongBracketHoldingTheDateIsWhatItLists() throws {
        let sentence = "This dynamic also interacts with product design choices (e.g., AI companion services that differ by market) and larger state technology plans (including a July policy authored by seven government departments to push brain-computer interface commercialization with major breakthroughs by 2027 and an internationally competitive industry by 2030). (en.wikipedia.org)"
        #expect(try statement(sentence, at: "2027").hasPrefix("A July policy authored by seven government departments"))
    }

    @Test func heOrSheBecomesTheOneSpeakerOfTheSentenceBefore() {
        let text = "CFO Colette Kress said Nvidia's \u{201C}sovereign AI\u{201D} push is on track to bring in US$20 billion this year. She added that customers could spend as much as US$600 billion on AI in 2025 alone."
        #expect(statements(text) == ["CFO Colette Kress added that customers could spend as much as US$600 billion on AI in 2025 alone."])
        #expect(PronounSubject.speakers(in: Array("\u{201C}It lacks memorable characteristics,\u{201D} said Zhang Linfeng, assistant professor at Shanghai Jiao Tong University.")) == ["Zhang Linfeng"])
        #expect(PronounSubject.speakers(in: Array("\u{201C}Viewing AI as an opportunity is key,\u{201D} Cheng stresses.")) == ["Cheng"])
        #expect(PronounSubject.speakers(in: Array("The company said it would stop shipping.")).isEmpty)
    }

    @Test func withoutExactlyOneSpeakerTheSentenceBeforeIsFoldedIn() {
        #expect(statements("Huang said demand is strong, and Kress said supply is short. She added that revenue could double in 2026.")
            == ["Huang said demand is strong, and Kress said supply is short. She added that revenue could double in 2026."])
        #expect(statements("The lab published its roadmap. They plan to ship the model in 2026.")
            == ["The lab published its roadmap. They plan to ship the model in 2026."])
    }

    @Test func aLongQuotationIsShortenedInsideItsMarks() throws {
        let sentence = "\u{201C}Our goal is to teach our children a deep understanding of AI from a technical perspective, while also fostering their awareness of the ethics of this new technology, enhancing their understanding of its data, algorithms, applications, risks, and its connection to society and life,\u{201D} Sheikh Mohammed stated on May 4."
        let text = try statement(sentence, at: "2025-05-04")
        #expect(text.hasPrefix("\u{201C}Our goal is to teach our children"), "\(text)")
        #expect(text.hasSuffix("\u{201D} Sheikh Mohammed stated on May 4."))
        #expect(text.contains(" \u{2026} "))
        #expect(text.filter { $0 == "\u{201C}" }.count == text.filter { $0 == "\u{201D}" }.count)
    }

    @Test func wordsAreLeftOutAfterTheOpeningNeverBeforeIt() throws {
        let long = Array("Huawei, which ships chips to many customers in many places and under many names, said that after a long wait and many delays across the supply chain, the chips shipped on Sept 4, 2025 to buyers.")
        let anchor = try #require((0..<long.count).first { long[$0...].starts(with: Array("Sept 4, 2025")) })
        let text = String(StatementEllipsis.shortened(long, anchor: anchor, dateLength: 12, limit: 120))
        #expect(text.hasPrefix("Huawei, which ships chips"), "\(text)")
        #expect(text.contains("Sept 4, 2025"))
        #expect(text.count <= 120)
    }

    @Test func cutsFallOutsideBrackets() {
        let text = Array("Doubao reclaimed the top spot in the rankings (reportedly about 157 million monthly active users in August 2025 across every platform) and kept it.")
        let kept = StatementEllipsis.cutEnd(text, 0..<text.count, room: 80, keep: 0, depths: StatementEllipsis.bracketDepths(of: text))
        #expect(String(kept) == "Doubao reclaimed the top spot in the rankings")
        #expect(String(StatementEllipsis.balancingBrackets(Array("Huawei ramped up (reported in"))) == "Huawei ramped up\u{2026}")
    }

    @Test func cutsEndAtADashOrCommaAndNeverOnASmallWord() {
        let dash = Array("Released on Friday, Qwen-3-Max-Preview boasts more than one trillion parameters\u{2014}the variables that encode a model.")
        let atDash = StatementEllipsis.cutEnd(dash, 0..<dash.count, room: 100, keep: 18, depths: StatementEllipsis.bracketDepths(of: dash))
        #expect(String(atDash) == "Released on Friday, Qwen-3-Max-Preview boasts more than one trillion parameters")
        let small = Array("These developments include a published method that projects and fuses caches between models to raise accuracy.")
        let noSmallWord = StatementEllipsis.cutEnd(small, 0..<small.count, room: 84, keep: 0, depths: StatementEllipsis.bracketDepths(of: small))
        #expect(String(noSmallWord) == "These developments include a published method that projects and fuses caches")
    }

    @Test func citationsGoAndADatesOwnRemarkStaysWhole() throws {
        let keyPoint = "Huawei reported/planned ramp: aims to produce ~600,000 Ascend 910C chips in 2026 and up to ~1.6 million Ascend dies across product lines next year (reported Sep 29\u{2013}30, 2025). (news.bloomberglaw.com)"
        let texts = statements(keyPoint, keyPoint: true)
        #expect(texts.allSatisfy { $0.hasSuffix("(reported Sep 29-30, 2025).") && !$0.contains("bloomberglaw") }, "\(texts)")
        let bis = "VEU/waiver revocations: U.S. BIS actions (published Aug. 29, 2025) will remove validated-end-user (VEU) authorisations and transition firms (Samsung, SK hynix, Intel, and TSMC Nanjing) to a licence regime effective Dec. 31, 2025, constraining shipments of U.S. chip equipment to China. (afslaw.com)"
        let events = EventExtractor(referenceDate: reference).events(inKeyPoint: bis)
        #expect(events.map(\.date.description) == ["2025-08-29", "2025-12-31"])
        #expect(events.first?.text.hasPrefix("U.S. BIS actions (published Aug. 29, 2025) will remove") == true, "\(events)")
        #expect(events.last?.text.hasPrefix("U.S. BIS actions will remove") == true, "\(events)")
    }

    /// "Expected: X." and "X." are the same statement once the label goes: one event, not two, and expected
    /// because one of them says so.
    @Test func anItemStatesEachDateAndTextOnce() {
        var item = SourceItem()
        item.keyPoints = ["Expected: Huawei ships the chip in 2026."]
        item.paragraphs = ["Huawei ships the chip in 2026. Huawei ships the chip in 2026.", "Huawei ships the chip in 2026."]
        let events = EventExtractor(referenceDate: nil).events(in: item)
        #expect(events == [ExtractedEvent(date: PartialDate(year: 2026)!, text: "Huawei ships the chip in 2026.", isAhead: true)])
        var twoDates = SourceItem()
        twoDates.paragraphs = ["Yan joined Alibaba in 2015 and left in February."]
        #expect(EventExtractor(referenceDate: reference).events(in: twoDates).count == 2, "one sentence at two dates is two events")
    }

    /// Every statement the seeds give opens like a sentence, quotes and brackets whole, no citation left.
    @Test func everyStatementInTheSeedsReadsAlone() throws {
        let drafter = BriefDrafter(companies: [], topics: [])
        let fallback = BriefDrafter.FallbackDate(date: reference ?? Timestamp(secondsSinceEpoch: 0), name: "a test date")
        var count = 0
        for prefix in ["000_", "003_"] {
            let document = try SourceReader.read(try IngesterTests.seed(prefix))
            for item in document.items {
                guard case .drafted(let draft, _) = drafter.draft(item, from: document, fallback: fallback) else { continue }
                var seen: Set<String> = []
                for event in draft.fields.events {
                    count += 1
                    let text = event.text
                    #expect(seen.insert("\(event.date) \(text)").inserted, "twice in one brief: \(text)")
                    #expect(text.count <= 240, "\(text)")
                    let first = try #require(text.first)
                    #expect(first.isUppercase || first.isNumber || first == "\u{201C}" || first == "\"", "opens mid-sentence: \(text)")
                    let opening = text.prefix { $0.isLetter }
                    #expect(!["And", "But", "Or", "Yet", "Including", "While", "Which", "He", "She", "They"].contains(opening), "\(text)")
                    #expect(text.filter { $0 == "\u{201C}" }.count == text.filter { $0 == "\u{201D}" }.count, "unbalanced quotation: \(text)")
                    #expect(text.filter { $0 == "\"" }.count % 2 == 0, "unbalanced quotation: \(text)")
                    #expect(text.filter { $0 == "(" }.count == text.filter { $0 == ")" }.count, "unbalanced bracket: \(text)")
                    #expect(DomainCitation.domains(in: text).isEmpty, "citation left: \(text)")
                }
            }
        }
        #expect(count > 60)
    }
}
