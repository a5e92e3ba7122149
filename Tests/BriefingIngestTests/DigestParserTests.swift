import Foundation
import Testing

@testable import BriefingIngest

private func digestSeed() throws -> String {
    let url = try #require(
        Bundle.module.url(forResource: "003_3d2181f76b2227e1", withExtension: "txt", subdirectory: "Fixtures/seeds"))
    return try String(contentsOf: url, encoding: .utf8)
}

@Suite struct DigestParserTests {
    @Test func seedHasFourteenClusters() throws {
        let document = try DigestParser.parse(try digestSeed(), file: "003.txt")
        #expect(document.format == .digest)
        #expect(document.items.count == 14)
        #expect(document.items.map(\.articleCount) == [13, 10, 9, 10, 9, 8, 10, 4, 6, 5, 5, 4, 3, 3])
        #expect(document.items.last?.title == "Regulation and content-safety rules shaping Chinese AI products")
        for item in document.items {
            #expect(item.paragraphs.count == 3, "\(item.title ?? "?")")
            #expect(item.keyPoints.count == 3, "\(item.title ?? "?")")
            #expect(item.guid == nil && item.link == nil)
        }
        // One cluster in the seed cites no source at all.
        #expect(document.items.filter(\.citations.isEmpty).map(\.title) == [
            "Chinese tech global expansion and overseas strategy (Tencent, streaming, data centers)",
        ])
    }

    @Test func firstClusterFields() throws {
        let document = try DigestParser.parse(try digestSeed(), file: "003.txt")
        let cluster = try #require(document.items.first)
        #expect(cluster.title == "China discourages Nvidia AI chip purchases and Nvidia's market limbo")
        #expect(cluster.articleCount == 13)
        #expect(cluster.blurb == "Reports and reactions around Beijing urging or ordering Chinese firms to justify/cancel Nvidia AI GPU purchases, resulting market uncertainty for Nvidia and opportunity for domestic vendors.")
        #expect(cluster.line == 1)
        #expect(cluster.paragraphs.count == 3)
        #expect(cluster.paragraphs[0].hasPrefix("Since mid\u{2011}2025 Beijing has actively discouraged"))
        #expect(cluster.paragraphs[0].hasSuffix("push competing priorities. (investing.com)"), "the citation stays in the text")
        #expect(cluster.paragraphs[1].hasSuffix("(cnbc.com)"))
        #expect(cluster.paragraphs[2].hasPrefix("Key players include Nvidia (CEO Jensen Huang)"))
        #expect(cluster.keyPoints.count == 3)
        #expect(cluster.keyPoints[0] == "Nvidia placed a large order \u{2014} reported as 300,000 H20 GPUs to TSMC in late July 2025 \u{2014} reflecting strong China demand before regulatory pushback. (reuters.com)")
        #expect(cluster.keyPoints[2].hasPrefix("\"I'm disappointed with what I see,\""))
        #expect(cluster.citations == ["investing.com", "cnbc.com", "reuters.com", "wsls.com"])
        #expect(document.items[1].line == 16)
    }

    @Test func clusterWithoutKeyPointsAndAWrappedBullet() throws {
        let text = """
            First story

            2 articles \u{2022} Something happened.

            It happened on Monday. (example.com)

            Key Points
              \u{2022} A point that is
            wrapped onto a second line. (news.example.org, other.net)
            Second story
            1 article \u{2022} Only one.

            Just a paragraph (not a citation).
            """
        let document = try DigestParser.parse(text, file: "mini.txt")
        #expect(document.items.count == 2)
        #expect(document.items[0].keyPoints == ["A point that is wrapped onto a second line. (news.example.org, other.net)"])
        #expect(document.items[0].citations == ["example.com", "news.example.org", "other.net"])
        #expect(document.items[1].title == "Second story")
        #expect(document.items[1].articleCount == 1)
        #expect(document.items[1].keyPoints.isEmpty)
        #expect(document.items[1].paragraphs == ["Just a paragraph (not a citation)."])
        #expect(document.items[1].citations.isEmpty)
        #expect(document.items[1].line == 10)
    }

    @Test(arguments: ["", "A title\n\nSome prose that is not a digest.\n", "Title\n\nthirteen articles \u{2022} spelled out\n"])
    func textThatIsNoDigestIsAnError(text: String) {
        #expect(throws: IngestError.self) { try DigestParser.parse(text, file: "x.txt") }
    }

    @Test func countLineWithoutATitleIsAnError() {
        do {
            _ = try DigestParser.parse("3 articles \u{2022} No title above.\n\nText.\n", file: "x.txt")
            Issue.record("expected an IngestError")
        } catch {
            #expect(error.line == 1)
        }
    }

}
