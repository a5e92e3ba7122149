import BriefingCore
import Foundation
import Testing

@testable import BriefingIngest

private func feedSeed() throws -> String {
    let url = try #require(
        Bundle.module.url(forResource: "000_07024ab90085ba65", withExtension: "txt", subdirectory: "Fixtures/seeds"))
    return try String(contentsOf: url, encoding: .utf8)
}

/// A small feed in the seed's shape: header line, then items closed by "The post … appeared first on …" and `]]>`.
private func syntheticFeed(items: [(title: String, guid: Int, date: String, content: [String])]) -> String {
    var lines = ["Example News | Example Wire | Tagline https://examplewire.com/feed/ About things Mon, 01 Sep 2025 00:00:00 +0000 en-GB hourly 1"]
    for item in items {
        lines.append("    \(item.title) https://examplewire.com/\(item.guid)/ \(item.date) https://examplewire.com/?p=\(item.guid) An excerpt of it […]")
        lines += ["", "    The post \(item.title) appeared first on ExampleWire.", "", "    ]]>"]
        lines += item.content
        lines += ["", "    The post \(item.title) appeared first on ExampleWire.", "", "    ]]>"]
    }
    return lines.joined(separator: "\n") + "\n"
}

@Suite struct FlattenedFeedParserTests {
    @Test func seedHasTwelveItemsWithTheirIdentity() throws {
        let document = try FlattenedFeedParser.parse(try feedSeed(), file: "000.txt")
        #expect(document.format == .flattenedFeed)
        #expect(document.items.count == 12)
        #expect(document.publisher == "Tech Wire Asia")
        #expect(document.link == "https://techwireasia.com/category/asia-pacific-focus/china/")

        let first = try #require(document.items.first)
        #expect(first.title == "Alibaba\u{2019}s trillion-parameter AI model challenges OpenAI and Google\u{2019}s dominance")
        #expect(first.link == "https://techwireasia.com/2025/09/alibaba-ai-model-trillion-parameter-breakthrough/")
        #expect(first.guid == "https://techwireasia.com/?p=243591")
        #expect(first.published == Timestamp(year: 2025, month: 9, day: 9, hour: 10))
        #expect(first.line == 1)

        let last = try #require(document.items.last)
        #expect(last.title == "AI race in China heats up with new partnerships and talent moves")
        #expect(last.link == "https://techwireasia.com/2025/08/ai-race-in-china-heats-up-with-new-partnerships-and-talent-moves/")
        #expect(last.guid == "https://techwireasia.com/?p=243297")
        #expect(last.published == Timestamp(year: 2025, month: 8, day: 11, hour: 10, minute: 26, second: 27))
        #expect(last.line == 661)
    }

    @Test func seedItemsHaveHighlightsParagraphsAndASummary() throws {
        let document = try FlattenedFeedParser.parse(try feedSeed(), file: "000.txt")
        let first = try #require(document.items.first)
        #expect(first.keyPoints == [
            "Alibaba\u{2019}s AI model breakthrough enters trillion-parameter territory, joining OpenAI and Google in elite AI competition",
            "Premium pricing reflects computational complexity as China demonstrates growing AI capabilities against Western rivals",
        ])
        #expect(first.paragraphs.first?.hasPrefix("Alibaba Group Holding has unveiled its most ambitious") == true)
        #expect(first.paragraphs.last?.hasPrefix("For technology professionals and industry observers") == true)
        #expect(!first.paragraphs.contains { $0.hasPrefix("https://") }, "a bare embed URL is not prose")
        #expect(first.summary?.hasPrefix("Alibaba Group Holding has unveiled its most ambitious") == true)
        for item in document.items {
            #expect(item.guid != nil && item.title != nil && item.link != nil && item.published != nil)
            #expect(!item.keyPoints.isEmpty, "\(item.title ?? "?") has highlight bullets")
            #expect(!item.paragraphs.isEmpty)
            #expect(!item.paragraphs.contains { $0.contains("appeared first on") || $0 == "]]>" })
            let summary = try #require(item.summary)
            #expect(!summary.hasSuffix("[\u{2026}]") && summary.count <= 300)
        }
    }

    @Test(arguments: [0.1, 0.5, 0.9])
    func fileCutInsideTheLastItemKeepsTheCompleteOnes(fraction: Double) throws {
        let text = try feedSeed()
        let lastStart = try #require(text.range(of: "    AI race in China heats up with new partnerships")).lowerBound
        let lastLength = text.distance(from: lastStart, to: text.endIndex)
        let cut = String(text[..<text.index(lastStart, offsetBy: Int(Double(lastLength) * fraction))])
        let document = try FlattenedFeedParser.parse(cut, file: "cut.txt")
        #expect(document.items.count == 11)
        #expect(document.items.last?.guid == "https://techwireasia.com/?p=243300")
        #expect(document.items.last?.paragraphs.last?.isEmpty == false)
    }

    @Test func fileCutInsideItsOnlyItemIsAnError() {
        let text = syntheticFeed(items: [("Only story", 7, "Tue, 02 Sep 2025 09:00:00 +0000", ["  \u{2022} A point", "    Body."])])
        let cut = String(text.prefix(text.count - 40))
        #expect(throws: IngestError.self) { try FlattenedFeedParser.parse(cut, file: "only.txt") }
    }

    @Test(arguments: ["", "Just some prose without any feed in it.\nAnd another line.", "13 articles \u{2022} a digest line"])
    func textThatIsNoFeedIsAnError(text: String) {
        do {
            _ = try FlattenedFeedParser.parse(text, file: "other.txt")
            Issue.record("expected an IngestError")
        } catch {
            #expect(error.file == "other.txt")
            #expect(error.message.contains("not a flattened feed"))
        }
    }

    @Test func zoneOffsetsBecomeUTCAndThePublisherComesFromTheTitle() throws {
        let text = syntheticFeed(items: [
            ("First story", 1, "Tue, 02 Sep 2025 09:30:00 +0800", ["  \u{2022} Short point", "  \u{2022} A much longer lead paragraph that opens the story. It goes on.", "    Second paragraph."]),
        ])
        let document = try FlattenedFeedParser.parse(text, file: "synthetic.txt")
        let item = try #require(document.items.first)
        #expect(item.published == Timestamp(year: 2025, month: 9, day: 2, hour: 1, minute: 30))
        #expect(document.publisher == "Example Wire")
        #expect(item.title == "First story")
        #expect(item.keyPoints == ["Short point"])
        #expect(item.paragraphs == ["A much longer lead paragraph that opens the story. It goes on.", "Second paragraph."])
        #expect(item.summary == "A much longer lead paragraph that opens the story. It goes on.")
        #expect(item.line == 2)
    }

    @Test func bulletsStayHighlightsWhenTheLastIsNotTheLongest() throws {
        let text = syntheticFeed(items: [
            ("Story", 2, "Wed, 03 Sep 2025 10:00:00 +0000", ["  \u{2022} A rather long highlight that says a lot", "  \u{2022} Short one", "    The lead."]),
        ])
        let item = try #require(try FlattenedFeedParser.parse(text, file: "s.txt").items.first)
        #expect(item.keyPoints == ["A rather long highlight that says a lot", "Short one"])
        #expect(item.paragraphs == ["The lead."])
    }

}
