import BriefingTemplates
import Foundation
import Testing
@testable import BriefingCore
@testable import BriefingRender

@Suite struct StructuredDataTests {
    let site = SampleSite.make()
    var contexts: PageContexts { PageContexts(site: site, bodies: MarkdownBodies(mode: .html, allowRawHTML: false)) }

    @Test func aBriefIsANewsArticleWithItsCompaniesAndTopics() throws {
        let brief = try #require(site.brief(SampleSite.slug("h20-paused")))
        let article = try SearchIndexTests.parse(contexts.newsArticle(brief))
        #expect(article["@context"] as? String == "https://schema.org")
        #expect(article["@type"] as? String == "NewsArticle")
        #expect(article["headline"] as? String == "Nvidia pauses H20 & more")
        #expect(article["description"] as? String == "Nvidia asked suppliers to pause.")
        #expect(article["datePublished"] as? String == "2025-08-22T09:00:00Z")
        #expect(article["dateModified"] == nil)
        #expect(article["url"] as? String == "https://example.org/portal/briefs/h20-paused/")
        #expect((article["publisher"] as? [String: String])?["name"] == "Test Desk")
        let mentions = try #require(article["mentions"] as? [[String: String]])
        #expect(mentions == [["@type": "Organization", "name": "Nvidia", "url": "https://example.org/portal/companies/nvidia/", "sameAs": "https://nvidia.com"]])
        #expect((article["about"] as? [[String: String]])?.map { $0["name"] } == ["AI chips", "Export controls"])
        #expect(article["isBasedOn"] as? [String] == ["https://www.reuters.com/a"])
    }

    @Test func theJSONLDOfABriefPageSurvivesAHostileTitle() throws {
        let title = "</script><script>alert(1)</script><!-- & \"x\""
        let site = HostileSite.make(title: title)
        let contexts = PageContexts(site: site, bodies: MarkdownBodies(mode: .html, allowRawHTML: false))
        let brief = try #require(site.brief(SampleSite.slug("hostile")))
        let html = try Theme.load(siteTemplates: nil).templates.renderString("brief", contexts.brief(brief))
        // The page's only script is the JSON-LD, so its only end tag must be that script's own.
        #expect(html.components(separatedBy: "</script>").count == 2)
        #expect(!html.lowercased().contains("<script>alert"))
        let opening = #"<script type="application/ld+json">"#
        let start = try #require(html.range(of: opening))
        let end = try #require(html.range(of: "</script>", range: start.upperBound..<html.endIndex))
        let article = try SearchIndexTests.parse(String(html[start.upperBound..<end.lowerBound]))
        #expect(article["headline"] as? String == title)
        #expect(article["description"] as? String == "<b>bold</b> & </SCRIPT>")
        #expect((article["mentions"] as? [[String: String]])?.first?["sameAs"] == "https://acme.example/?a=1&b=<2>")
    }

    @Test func theHomePageNamesTheSearchPageAsTheSiteSearch() throws {
        guard case .string(let text)? = contexts.home()["structuredDataJSON"] else { Issue.record("no JSON-LD"); return }
        let site = try SearchIndexTests.parse(text)
        #expect(site["@type"] as? String == "WebSite")
        let action = try #require(site["potentialAction"] as? [String: String])
        #expect(action["target"] == "https://example.org/portal/search/?q={search_term_string}")
    }
}
