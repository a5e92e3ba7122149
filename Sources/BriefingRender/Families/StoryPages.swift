import BriefingCore
import BriefingTemplates

/// `/stories/` (every story, latest activity first, paged) and `/stories/<slug>/`, `/stories/<slug>/page/N/` (a story:
/// its summary, body and merged timeline on the first page, its briefs newest first on every page).
public struct StoryPages: PageFamily {
    public static let indexURL = "stories/"

    /// How many related stories a story page names.
    public static let relatedCount = 4

    public static func indexURL(page: Int) -> String { PageURL.paged(indexURL, page: page) }

    public static func url(_ slug: Slug, page: Int = 1) -> String { PageURL.paged("stories/\(slug)/", page: page) }

    public init() {}

    public func pages(of site: Site, after earlier: [PlannedPage]) -> [PlannedPage] {
        // The index exists even without stories: the navigation links to it.
        var pages = Paging(count: site.stories.count, size: site.config.indexPageSize).pages.map { page in
            PlannedPage(url: Self.indexURL(page: page), template: "stories", lastModified: site.briefs.first?.date) {
                $0.storyIndex(page: page)
            }
        }
        for story in site.stories {
            let briefs = site.briefs(inStory: story.slug)
            let paging = Paging(count: briefs.count, size: site.config.pageSize)
            for page in paging.pages {
                pages.append(PlannedPage(
                    url: Self.url(story.slug, page: page), template: "story",
                    lastModified: briefs.dropFirst(paging.range(ofPage: page).lowerBound).first?.date, source: story.location.file
                ) { $0.story(story, page: page) })
            }
        }
        return pages
    }
}

extension PageContexts {
    /// What lists show of a story: its link, status, brief count, last update and companies.
    func storyCard(_ story: Story) -> [String: TemplateValue] {
        let briefs = site.briefs(inStory: story.slug)
        return [
            "title": .string(story.title),
            "url": .string(StoryPages.url(story.slug)),
            "slug": .string(story.slug.rawValue),
            "summary": .string(story.summary),
            "status": .string(story.status.rawValue),
            "isDeveloping": .bool(story.status == .developing),
            "count": .int(briefs.count),
            "updated": briefs.first.map { HumanDate.value($0.date) } ?? .null,
            "companies": companyLinks(involvement(of: story).companies.prefix(6).map { $0.0.slug }),
        ]
    }

    /// The links to the stories a list of stories names, for "Part of:" and the stories of a company or topic.
    func storyLinks(_ stories: [Story]) -> TemplateValue {
        .list(stories.map { story in
            [
                "title": .string(story.title),
                "url": .string(StoryPages.url(story.slug)),
                "status": .string(story.status.rawValue),
                "count": .int(site.briefs(inStory: story.slug).count),
            ]
        })
    }

    /// The context of one page of the story index.
    public func storyIndex(page: Int = 1) -> TemplateValue {
        let paging = Paging(count: site.stories.count, size: site.config.indexPageSize)
        return frame(
            url: StoryPages.indexURL(page: page), title: page > 1 ? "Stories — page \(page)" : "Stories",
            description: "The developing stories \(site.config.title) follows, latest activity first.", section: .stories
        ).with([
            "breadcrumbs": page > 1 ? breadcrumbs(("Stories", StoryPages.indexURL)) : breadcrumbs(),
            "count": .int(site.stories.count),
            "stories": .list(site.stories[paging.range(ofPage: page)].map { .object(storyCard($0)) }),
            "pagination": pagination(number: page, total: paging.pageCount) { StoryPages.indexURL(page: $0) },
        ])
    }

    /// A story page's context: on the first page the summary, body, timeline, sources, companies, topics and
    /// related stories; on every page its share of the briefs, newest first.
    public func story(_ story: Story, page: Int = 1) -> TemplateValue {
        let briefs = site.briefs(inStory: story.slug)
        let paging = Paging(count: briefs.count, size: site.config.pageSize)
        let shown = paging.range(ofPage: page)
        let first = page == 1
        let involved = involvement(of: story)
        return frame(
            url: StoryPages.url(story.slug, page: page), title: page > 1 ? "\(story.title) — page \(page)" : story.title,
            description: story.summary.isEmpty ? nil : story.summary, section: .stories,
            feedURL: FeedPages.url(of: .story(story.slug), in: site.config)
        ).with([
            "breadcrumbs": page > 1
                ? breadcrumbs(("Stories", StoryPages.indexURL), (story.title, StoryPages.url(story.slug)))
                : breadcrumbs(("Stories", StoryPages.indexURL)),
            "story": .object(storyCard(story).merging([
                "bodyHTML": .string(first ? bodies.html(.story, story.slug, at: story.location, source: story.body) : ""),
            ]) { $1 }),
            "briefs": .list(briefs.dropFirst(shown.lowerBound).prefix(shown.count).map(card)),
            "timeline": .list(first ? StoryTimeline(story: story, briefs: Array(briefs)).days.map(timelineDay) : []),
            "publishers": .list(first ? SourcesByPublisher(story: story, briefs: Array(briefs)).groups.map { group in
                [
                    "name": .string(group.name),
                    "count": .int(group.sources.count),
                    "sources": .list(group.sources.map { source in
                        ["url": .string(source.url), "title": TemplateValue(source.title), "host": .string(source.host)]
                    }),
                ]
            } : []),
            "companies": .list(first ? involved.companies.map { .object(link($0).merging(["count": .int($1)]) { $1 }) } : []),
            "topics": .list(first ? involved.topics.map { .object(link($0).merging(["count": .int($1)]) { $1 }) } : []),
            "related": .list(first ? relatedStories(to: story).map { .object(storyCard($0)) } : []),
            "pagination": pagination(number: page, total: paging.pageCount) { StoryPages.url(story.slug, page: $0) },
        ])
    }

    private func timelineDay(_ day: StoryTimeline.Day) -> TemplateValue {
        [
            "date": HumanDate.value(day.date),
            "events": .list(day.events.map { event in
                [
                    "text": .string(event.text),
                    "expected": .bool(event.expected),
                    "companies": companyLinks(event.companies),
                    "briefs": .list(event.briefs.compactMap { site.brief($0) }.map { brief in
                        ["title": .string(brief.title), "url": .string(BriefPages.url(brief.slug))]
                    }),
                ]
            }),
        ]
    }

    /// The companies and topics of a story with how many of its items (the story itself and each brief) name
    /// them, most first, then by name.
    func involvement(of story: Story) -> (companies: [(Company, Int)], topics: [(Topic, Int)]) {
        var companies: [Slug: Int] = [:]
        var topics: [Slug: Int] = [:]
        for company in Set(story.companies) { companies[company, default: 0] += 1 }
        for topic in Set(story.topics) { topics[topic, default: 0] += 1 }
        for brief in site.briefs(inStory: story.slug) {
            for company in Set(brief.companies) { companies[company, default: 0] += 1 }
            for topic in Set(brief.topics) { topics[topic, default: 0] += 1 }
        }
        return (
            companies.compactMap { slug, count in site.company(slug).map { ($0, count) } }
                .sorted { $0.1 != $1.1 ? $0.1 > $1.1 : ($0.0.name, $0.0.slug) < ($1.0.name, $1.0.slug) },
            topics.compactMap { slug, count in site.topic(slug).map { ($0, count) } }
                .sorted { $0.1 != $1.1 ? $0.1 > $1.1 : ($0.0.name, $0.0.slug) < ($1.0.name, $1.0.slug) })
    }

    /// Stories sharing the most companies and topics with this one (a company counts double, as for related
    /// briefs); ties go to the more recently active story.
    func relatedStories(to story: Story) -> [Story] {
        let own = involvement(of: story)
        let companies = Set(own.companies.map(\.0.slug))
        let topics = Set(own.topics.map(\.0.slug))
        var scored: [(position: Int, score: Int)] = []
        for (position, other) in site.stories.enumerated() where other.slug != story.slug {
            let theirs = involvement(of: other)
            let score = 2 * theirs.companies.filter { companies.contains($0.0.slug) }.count
                + theirs.topics.filter { topics.contains($0.0.slug) }.count
            if score > 0 { scored.append((position, score)) }
        }
        scored.sort { $0.score != $1.score ? $0.score > $1.score : $0.position < $1.position }
        return scored.prefix(StoryPages.relatedCount).map { site.stories[$0.position] }
    }
}
