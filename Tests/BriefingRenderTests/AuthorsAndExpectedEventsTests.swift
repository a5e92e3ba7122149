import BriefingCore
import Testing
@testable import BriefingRender

/// What ingest learns about a brief reaches the reader: who wrote it, and which of its dates are still ahead.
@Suite struct AuthorsAndExpectedEventsTests {
    static func site() -> Site {
        let slug = SampleSite.slug
        let brief = Brief(
            id: "a", slug: slug("fab-plans"), title: "Fab plans", date: Timestamp(iso: "2025-09-01T00:00:00Z")!,
            authors: ["Ana Lee", "Bo Chen"],
            events: [
                TimelineEvent(date: PartialDate(iso: "2025-08-30")!, text: "Fab opened"),
                TimelineEvent(date: PartialDate(iso: "2030")!, text: "Output to double by 2030", expected: true),
            ],
            body: "Text.", location: ContentLocation(file: "content/briefs/2025/fab-plans.md"))
        return Site(config: SiteConfig(), briefs: [brief], topics: [], companies: [])
    }

    let site = AuthorsAndExpectedEventsTests.site()
    var contexts: PageContexts { PageContexts(site: site, bodies: MarkdownBodies(mode: .html, allowRawHTML: false)) }

    @Test func aBriefNamesItsAuthorsOnItsPageAndInItsStructuredData() throws {
        let html = try Theme.load(siteTemplates: nil).templates.renderString("brief", contexts.brief(site.briefs[0]))
        #expect(html.contains(#"<p class="brief__byline">By <span class="inline-list"><span>Ana Lee</span><span>Bo Chen</span></span></p>"#))
        let article = try SearchIndexTests.parse(contexts.newsArticle(site.briefs[0]))
        let authors = try #require(article["author"] as? [[String: Any]])
        #expect(authors.compactMap { $0["name"] as? String } == ["Ana Lee", "Bo Chen"])
        #expect(authors.allSatisfy { $0["@type"] as? String == "Person" })
    }

    @Test func expectedEventsAreMarkedOnEveryTimeline() throws {
        let theme = try Theme.load(siteTemplates: nil)
        let year = try theme.templates.renderString("timeline-year", contexts.timelineYear(2030))
        #expect(year.contains(#"event--expected"#) && year.contains(#"<span class="event__expected">Expected</span>"#))
        let brief = try theme.templates.renderString("brief", contexts.brief(site.briefs[0]))
        #expect(brief.components(separatedBy: "event__expected\">Expected").count == 2, "only the planned one is marked")
        let month = try theme.templates.renderString("timeline-month", contexts.timelineMonth(2025, 8))
        #expect(!month.contains("event--expected"))
    }
}
