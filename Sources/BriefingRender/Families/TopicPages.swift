import BriefingCore
import BriefingTemplates

/// `/topics/` (every topic, paged) and `/topics/<slug>/`, `/topics/<slug>/page/N/` (a topic's briefs, newest first).
public struct TopicPages: PageFamily {
    public static let indexURL = "topics/"

    public static func indexURL(page: Int) -> String { PageURL.paged(indexURL, page: page) }

    public static func url(_ slug: Slug, page: Int = 1) -> String { PageURL.paged("topics/\(slug)/", page: page) }

    public init() {}

    public func pages(of site: Site, after earlier: [PlannedPage]) -> [PlannedPage] {
        let newest = site.briefs.first?.date
        var pages = PlannedPage.paged(
            count: site.topics.count, size: site.config.indexPageSize, url: Self.indexURL(page:), template: "topics",
            lastModified: { _ in newest }
        ) { $0.topicIndex(page: $1) }
        for topic in site.topics {
            pages += PlannedPage.paged(
                site.briefs(inTopic: topic.slug), size: site.config.pageSize, url: { Self.url(topic.slug, page: $0) },
                template: "topic", source: topic.location.file
            ) { $0.topic(topic, page: $1) }
        }
        return pages
    }
}

extension PageContexts {
    /// The context of one page of the topic index: topics with their brief counts, alphabetical.
    public func topicIndex(page: Int = 1) -> TemplateValue {
        let paging = Paging(count: site.topics.count, size: site.config.indexPageSize)
        return frame(
            url: TopicPages.indexURL(page: page), title: page > 1 ? "Topics — page \(page)" : "Topics",
            description: "Every topic covered by \(site.config.title).", section: .topics
        ).with([
            "breadcrumbs": page > 1 ? breadcrumbs(("Topics", TopicPages.indexURL)) : breadcrumbs(),
            "count": .int(site.topics.count),
            "topics": .list(site.topics[paging.range(ofPage: page)].map { topic in
                .object(link(topic).merging([
                    "count": .int(site.briefs(inTopic: topic.slug).count),
                    "description": .string(topic.description),
                ]) { $1 })
            }),
            "pagination": pagination(number: page, total: paging.pageCount) { TopicPages.indexURL(page: $0) },
        ])
    }

    /// The context of one page of a topic's briefs.
    public func topic(_ topic: Topic, page: Int) -> TemplateValue {
        let briefs = site.briefs(inTopic: topic.slug)
        let paging = Paging(count: briefs.count, size: site.config.pageSize)
        let shown = paging.range(ofPage: page)
        let slice = briefs.dropFirst(shown.lowerBound).prefix(shown.count)
        let title = page > 1 ? "\(topic.name) — page \(page)" : topic.name
        return frame(
            url: TopicPages.url(topic.slug, page: page), title: title,
            description: topic.description.isEmpty ? nil : topic.description, section: .topics,
            feedURL: FeedPages.url(of: .topic(topic.slug), in: site.config)
        ).with([
            "breadcrumbs": page > 1
                ? breadcrumbs(("Topics", TopicPages.indexURL), (topic.name, TopicPages.url(topic.slug)))
                : breadcrumbs(("Topics", TopicPages.indexURL)),
            "topic": [
                "name": .string(topic.name),
                "description": .string(topic.description),
                "bodyHTML": .string(page == 1 ? bodies.html(.topic, topic.slug, at: topic.location, source: topic.body) : ""),
                "url": .string(TopicPages.url(topic.slug)),
                "count": .int(briefs.count),
            ],
            "briefs": .list(slice.map(card)),
            "stories": page == 1 ? storyLinks(site.stories(inTopic: topic.slug)) : .list([]),
            "pagination": pagination(number: page, total: paging.pageCount) {
                TopicPages.url(topic.slug, page: $0)
            },
        ])
    }
}
