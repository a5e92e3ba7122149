import Foundation
import Testing
@testable import BriefingCore
@testable import BriefingIngest

/// Re-tagging after the registry changes, and what a brief is about.
@Suite struct RetaggingTests {
    @Test func aNewCompanyTagsTheUneditedBriefsAndOnlyReportsEditedOnes() throws {
        let site = try IngesterTests.makeSite()
        _ = try Ingester(siteDirectory: site).ingest([OpenRegistryTests.feed([
            ("r1", "Huawei buys parts", "Huawei bought parts from Orbita this week. Orbita shipped them on time."),
            ("r2", "Huawei ships a phone", "Huawei shipped a phone. Orbita made its screen."),
        ])])
        let untouched = site.appendingPathComponent("content/briefs/2025/huawei-buys-parts.md")
        let edited = site.appendingPathComponent("content/briefs/2025/huawei-ships-a-phone.md")
        let editedText = try String(contentsOf: edited, encoding: .utf8) + "\nAn editor's note.\n"
        try Data(editedText.utf8).write(to: edited)
        #expect(try !String(contentsOf: untouched, encoding: .utf8).contains("orbita"), "no cue: ingest did not add it by itself")

        try Data("---\nname: Orbita\naliases: []\n---\nA maker of parts.\n".utf8)
            .write(to: site.appendingPathComponent("content/companies/orbita.md"))
        let report = try Ingester(siteDirectory: site).retag()

        let brief = try #require(try SiteLoader(directory: site).load().brief(Slug(validating: "huawei-buys-parts")!))
        #expect(brief.companies.map(\.rawValue) == ["huawei", "orbita"], "named twice and in the lead: what the brief is about")
        #expect(report.entries.contains { $0.path.hasSuffix("huawei-buys-parts.md") && $0.outcome == .updated })
        #expect(try String(contentsOf: edited, encoding: .utf8) == editedText)
        #expect(report.warnings.contains { $0.description.contains("huawei-ships-a-phone") && $0.description.contains("orbita") })
        // Re-tagging again finds nothing new.
        let again = try Ingester(siteDirectory: site).retag()
        #expect(again.count(.updated) == 0)
    }

    @Test func aNewTopicKeywordTagsTheUneditedBriefs() throws {
        let site = try IngesterTests.makeSite()
        _ = try Ingester(siteDirectory: site).ingest([try IngesterTests.seed("000_")])
        let path = site.appendingPathComponent("content/briefs/2025/de-minimis-no-more-how-chinese-import-tariffs-will-alter-e.md")
        #expect(try !String(contentsOf: path, encoding: .utf8).contains("e-commerce-policy"))
        try Data("---\nname: E-commerce policy\nkeywords: [de minimis, e-commerce]\n---\nRules for cross-border shopping.\n".utf8)
            .write(to: site.appendingPathComponent("content/topics/e-commerce-policy.md"))
        _ = try Ingester(siteDirectory: site).retag()
        #expect(try String(contentsOf: path, encoding: .utf8).contains("e-commerce-policy"))
    }

    @Test func ingestThenRetagChangesNothing() throws {
        let site = try IngesterTests.makeSite()
        _ = try Ingester(siteDirectory: site).ingest([try IngesterTests.seed("000_"), try IngesterTests.seed("003_")])
        let report = try Ingester(siteDirectory: site).retag()
        #expect(report.entries.isEmpty, "\(report.entries.map(\.path))")
    }

    static let registry = [
        Company(slug: Slug(validating: "apple")!, name: "Apple", location: ContentLocation(file: "a.md")),
        Company(slug: Slug(validating: "google")!, name: "Google", location: ContentLocation(file: "g.md")),
        Company(slug: Slug(validating: "anthropic")!, name: "Anthropic", location: ContentLocation(file: "n.md")),
        Company(slug: Slug(validating: "china-unicom")!, name: "China Unicom", location: ContentLocation(file: "c.md")),
    ]

    @Test func companiesAreOrderedByTitleLeadAndCountAndPassingOnesAreMentions() {
        let matcher = CompanyMatcher(companies: Self.registry)
        let title = "Apple's iPhone may face delay over eSIM"
        let lead = "China Unicom is not ready for eSIM. China Unicom said so."
        let text = [title, lead, "Google may provide the model. Google and Google again. Apple weighs Anthropic's Claude too."].joined(separator: "\n")
        let split = CompanySalience.split(title: title, lead: lead, text: text, by: matcher)
        #expect(split.about.map(\.rawValue) == ["apple", "china-unicom", "google"])
        #expect(split.mentions.map(\.rawValue) == ["anthropic"])
    }

    @Test func aCompanyNamedOnceInPassingIsNotWhatTheBriefIsAbout() {
        let matcher = CompanyMatcher(companies: Self.registry)
        let text = "Apple ships. Apple grows. Apple leads. Apple again. Apple once more. Apple, finally. Google once."
        let split = CompanySalience.split(title: "Apple ships", lead: "Apple ships.", text: text, by: matcher)
        #expect(split.about.map(\.rawValue) == ["apple"])
        #expect(split.mentions.map(\.rawValue) == ["google"])
    }

    @Test func aTopicNeedsItsKeywordsInTheLeadOrOften() {
        let topic = Topic(slug: Slug(validating: "ai-chips")!, name: "AI chips", keywords: ["gpu", "gpus"], location: ContentLocation(file: "t.md"))
        let tagger = TopicTagger(topics: [topic])
        #expect(tagger.topics(in: "A story. It uses a GPU. Another GPU.", lead: "A story.").isEmpty)
        #expect(tagger.topics(in: "GPU story. It uses a GPU.", lead: "GPU story.").map(\.rawValue) == ["ai-chips"])
        #expect(tagger.topics(in: "A story. GPU. GPU. GPUs.", lead: "A story.").map(\.rawValue) == ["ai-chips"])
    }
}
