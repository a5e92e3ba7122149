import BriefingCore
import Foundation
import Testing
@testable import BriefingRender

/// The story pages of the example site: what a reader following a story sees.
@Suite struct StoryPagesTests {
    static let site: Site? = try? SiteLoader(directory: ThemingContractTests.repository).load()

    func rendered(_ url: String) throws -> String {
        let site = try #require(Self.site)
        let page = try #require(PagePlan(site: site).pages.first { $0.url == url }, "no page \(url)")
        let theme = try Theme.load(siteTemplates: ThemingContractTests.repository.appendingPathComponent("templates"))
        return String(decoding: try PageRenderer(site: site, theme: theme).render(page), as: UTF8.self)
    }

    @Test func theExampleHasFourteenStoriesAndTheirFeeds() throws {
        let site = try #require(Self.site)
        #expect(site.stories.count == 14)
        let urls = Set(PagePlan(site: site).pages.map(\.url))
        for story in site.stories {
            #expect(urls.contains(StoryPages.url(story.slug)))
            #expect(urls.contains("stories/\(story.slug)/feed.xml"))
        }
    }

    @Test func aStoryPageShowsItsTimelineBriefsAndSources() throws {
        let html = try rendered("stories/domestic-ai-chip-development-and-adoption-huawei-alibaba/")
        #expect(html.contains("Timeline"))
        #expect(html.contains("The Chinese chip company that’s making Nvidia sweat"))
        #expect(html.contains("Companies involved"))
        #expect(html.contains("news.bloomberglaw.com"))
        #expect(html.contains("aria-current=\"page\">Stories</a>"))
    }

    @Test func aBriefNamesItsStoriesAndACompanyItsStories() throws {
        let brief = try rendered("briefs/the-chinese-chip-company-thats-making-nvidia-sweat-inside/")
        #expect(brief.contains("Part of:"))
        #expect(brief.contains("stories/domestic-ai-chip-development-and-adoption-huawei-alibaba/"))
        let company = try rendered("companies/cambricon/")
        #expect(company.contains("In the stories"))
        #expect(company.contains("stories/china-tech-stock-surge-on-ai-narratives/"))
    }

    @Test func theMergedTimelineListsAnEventTwoBriefsReportOnce() throws {
        let date = Timestamp(iso: "2025-09-01")!
        let event = TimelineEvent(date: PartialDate(iso: "2025-09-01")!, text: "Huawei unveils a chip.")
        let again = TimelineEvent(date: PartialDate(iso: "2025-09-01")!, text: "huawei unveils a chip")
        let story = Story(fields: Story.Fields(title: "S"), slug: Slug(validating: "s")!, location: ContentLocation(file: "s"))
        let a = Brief(id: "a", slug: Slug(validating: "a")!, title: "A", date: date, events: [event], location: ContentLocation(file: "a"))
        let b = Brief(id: "b", slug: Slug(validating: "b")!, title: "B", date: date, events: [again], location: ContentLocation(file: "b"))
        let timeline = StoryTimeline(story: story, briefs: [a, b])
        #expect(timeline.days.count == 1)
        #expect(timeline.days.first?.events.count == 1)
        #expect(timeline.days.first?.events.first?.briefs.map(\.rawValue) == ["a", "b"])
    }
}
