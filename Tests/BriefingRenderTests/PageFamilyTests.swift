import BriefingCore
import BriefingTemplates
import Testing
@testable import BriefingRender

/// A page family is one declaration: the plan, the sitemap and `briefing check`'s page-to-file map all see it.
@Suite struct PageFamilyTests {
    let site = SampleSite.make()

    /// A family as a new kind of page would be written: one type, its URLs, its pages.
    struct Glossary: PageFamily {
        static func url(_ slug: Slug) -> String { "glossary/\(slug)/" }

        func pages(of site: Site, after earlier: [PlannedPage]) -> [PlannedPage] {
            site.topics.map { topic in
                PlannedPage(url: Self.url(topic.slug), template: "glossary", source: "content/glossary/\(topic.slug).md") { contexts in
                    ["term": .string(topic.name)]
                }
            }
        }
    }

    var withGlossary: PagePlan {
        var families = PagePlan.families
        families.insert(Glossary(), at: families.count - 1)
        return PagePlan(site: site, families: families)
    }

    @Test func aNewFamilyIsPlannedListedInTheSitemapAndMappedToItsFile() throws {
        let plan = withGlossary
        let glossary = plan.pages.filter { $0.template == "glossary" }
        #expect(glossary.map(\.url) == ["glossary/ai-chips/", "glossary/export-controls/"])
        #expect(plan.sources["glossary/ai-chips/index.html"] == "content/glossary/ai-chips.md")

        let sitemap = try #require(plan.pages.first { $0.url == SiteDocuments.sitemapURL })
        let contexts = PageContexts(site: site, bodies: MarkdownBodies(mode: .html, allowRawHTML: false))
        guard case .list(let urls)? = sitemap.context(from: contexts)["urls"] else { Issue.record("no urls"); return }
        let listed = urls.compactMap { url -> String? in
            if case .string(let loc)? = url["loc"] { return loc }
            return nil
        }
        #expect(listed.contains("https://example.org/portal/glossary/export-controls/"))
        // Only HTML pages readers visit: not feeds, the search index, the sitemap itself or 404.html.
        #expect(listed.count == plan.pages.filter(\.inSitemap).count)
        #expect(!listed.contains { $0.hasSuffix(".xml") || $0.hasSuffix(".json") || $0.hasSuffix("404.html") || $0.hasSuffix(".txt") })
    }

    @Test func everyPlannedPageHasItsOwnFile() {
        let paths = PagePlan(site: site).pages.map(\.outputPath)
        #expect(Set(paths).count == paths.count)
    }

    @Test func theDefaultFamiliesMapTheirPagesToContentFiles() {
        let sources = PagePlan(site: SampleSite.make(pageSize: 1)).sources
        #expect(sources[PageURL.outputPath(for: BriefPages.url(SampleSite.slug("h20-paused")))] == "test.md")
        #expect(sources[PageURL.outputPath(for: CompanyPages.url(SampleSite.slug("nvidia")))] == "test.md")
        #expect(sources[PageURL.outputPath(for: TopicPages.url(SampleSite.slug("export-controls"), page: 2))] == "test.md")
        #expect(sources[PageURL.outputPath(for: HomePage.url)] == nil)
    }

    @Test func feedsFollowTheSiteSettings() {
        var config = site.config
        config.companyFeeds = false
        let quiet = Site(config: config, briefs: site.briefs, topics: site.topics, companies: site.companies)
        let urls = PagePlan(site: quiet).pages.map(\.url)
        #expect(urls.contains("topics/ai-chips/feed.xml"))
        #expect(!urls.contains("companies/nvidia/feed.xml"))
        #expect(FeedPages.url(of: .company(SampleSite.slug("nvidia")), in: config) == nil)
    }
}
