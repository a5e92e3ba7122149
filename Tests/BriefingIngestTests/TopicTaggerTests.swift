import BriefingCore
import Foundation
import Testing

@testable import BriefingIngest

private func topic(_ slug: String, _ keywords: [String]) -> Topic {
    Topic(
        slug: Slug(validating: slug) ?? Slug(deriving: slug), name: slug, keywords: keywords,
        location: ContentLocation(file: "content/topics/\(slug).md"))
}

/// The site's own topics, read from content/topics next to the package.
private func siteTopics() throws -> [Topic] {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let folder = root.appendingPathComponent("content/topics")
    let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".md") }.sorted()
    return try files.map { name in
        let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
        var fields = try FrontMatter.parse(text, file: name).fields
        return topic(String(name.dropLast(3)), fields.strings("keywords"))
    }
}

private func seed(_ name: String) throws -> String {
    let url = try #require(Bundle.module.url(forResource: name, withExtension: "txt", subdirectory: "Fixtures/seeds"))
    return try String(contentsOf: url, encoding: .utf8)
}

private func fullText(_ item: SourceItem) -> String {
    ([item.title ?? "", item.blurb ?? ""] + item.paragraphs + item.keyPoints).joined(separator: "\n")
}

@Suite struct TopicTaggerTests {
    let topics = [
        topic("export-controls", ["export controls", "anti-dumping", "entity list", "unreliable entity list"]),
        topic("ai-chips", ["gpu", "gpus", "hbm", "chip"]),
        topic("memory", ["hbm"]),
    ]

    @Test func keywordsMatchWholeWordsInAnyCaseWithAnyHyphen() {
        let tagger = TopicTagger(topics: topics, minimumHits: 1, minimumShare: 0)
        let counts = tagger.hitCounts(in: "An anti\u{2011}dumping probe; EXPORT CONTROLS tightened. Chipmaking and GPUs.")
        #expect(counts == [Slug(validating: "export-controls")!: 2, Slug(validating: "ai-chips")!: 1])
    }

    @Test func overlappingKeywordsCountOnceAndSharedKeywordsCountForEachTopic() {
        let tagger = TopicTagger(topics: topics, minimumHits: 1, minimumShare: 0)
        let counts = tagger.hitCounts(in: "Added to the Unreliable Entity List. HBM supply is short.")
        #expect(counts == [
            Slug(validating: "export-controls")!: 1, Slug(validating: "ai-chips")!: 1, Slug(validating: "memory")!: 1,
        ])
    }

    @Test func mostHitsFirstThenSlug() {
        let tagger = TopicTagger(topics: topics, minimumHits: 1, minimumShare: 0)
        #expect(tagger.topics(in: "HBM and a GPU and a chip; export controls.").map(\.rawValue) == ["ai-chips", "export-controls", "memory"])
        #expect(tagger.topics(in: "HBM.").map(\.rawValue) == ["ai-chips", "memory"])
        #expect(tagger.topics(in: "Nothing relevant here.").isEmpty)
    }

    @Test func thresholdsLeavePassingMentionsOut() {
        let text = "GPU GPU GPU GPU GPU GPU GPU GPU GPU GPU chip; export controls, export controls, export controls; HBM."
        #expect(TopicTagger(topics: topics).topics(in: text).map(\.rawValue) == ["ai-chips", "export-controls"])
        #expect(TopicTagger(topics: topics, minimumHits: 1, minimumShare: 0.5).topics(in: text).map(\.rawValue) == ["ai-chips"])
        #expect(TopicTagger(topics: topics, minimumHits: 3).topics(in: "GPU and HBM.").isEmpty)
    }

    @Test func siteTopicsOnTheSeedsAgreeWithTheHandWrittenBriefs() throws {
        let tagger = TopicTagger(topics: try siteTopics())
        let alibaba = try #require(try FlattenedFeedParser.parse(try seed("000_07024ab90085ba65"), file: "000").items.first)
        #expect(tagger.topics(in: fullText(alibaba)).map(\.rawValue) == ["ai-models", "cloud-and-data-centres"])
        let clusters = try DigestParser.parse(try seed("003_3d2181f76b2227e1"), file: "003").items
        let exportCluster = try #require(clusters.first { $0.title?.hasPrefix("Export controls, trade probes") == true })
        #expect(tagger.topics(in: fullText(exportCluster)).map(\.rawValue) == ["export-controls", "semiconductor-supply-chain"])
        let consumer = try #require(clusters.first { $0.title?.hasPrefix("Chinese consumer AI models") == true })
        #expect(tagger.topics(in: fullText(consumer)).map(\.rawValue) == ["ai-models"])
    }
}

@Suite struct TopicKeywordsInCompanyNamesTests {
    let cloud = Topic(
        slug: Slug(deriving: "cloud"), name: "Cloud", keywords: ["cloud", "ascend"],
        location: ContentLocation(file: "content/topics/cloud.md"))
    let alibaba = Company(
        slug: Slug(deriving: "alibaba"), name: "Alibaba", aliases: ["Alibaba Cloud"],
        location: ContentLocation(file: "content/companies/alibaba.md"))
    let huawei = Company(
        slug: Slug(deriving: "huawei"), name: "Huawei", aliases: ["Ascend"],
        location: ContentLocation(file: "content/companies/huawei.md"))

    /// "Alibaba Cloud" names a company; "cloud" on its own, or a keyword that is a whole alias, still counts.
    @Test func aKeywordInsideALongerCompanyNameIsNoHit() {
        let text = "Alibaba Cloud hired staff. Alibaba Cloud opened an office. Huawei's Ascend chips run in the cloud."
        let tagger = TopicTagger(topics: [cloud], companies: CompanyMatcher(companies: [alibaba, huawei]), minimumHits: 1)
        #expect(tagger.hitCounts(in: text) == [cloud.slug: 2])
        #expect(TopicTagger(topics: [cloud], minimumHits: 1).hitCounts(in: text) == [cloud.slug: 4])
    }
}
