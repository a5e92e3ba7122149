import BriefingCore
import BriefingTemplates

/// `/topics/` (every topic) and `/topics/<slug>/`, `/topics/<slug>/page/N/` (a topic's briefs, newest first).
public struct TopicPages: PageFamily {
    public static let indexURL = "topics/"

    public static func url(_ slug: Slug, page: Int = 1) -> String {
        page <= 1 ? "topics/\(slug)/" : "topics/\(slug)/page/\(page)/"
    }

    public init() {}

    public func pages(of site: Site, after earlier: [PlannedPage]) -> [PlannedPage] {
        var pages = [PlannedPage(url: Self.indexURL, template: "topics", lastModified: site.briefs.first?.date) { $0.topicIndex() }]
        for topic in site.topics {
            let briefs = site.briefs(inTopic: topic.slug)
            for page in 1...site.pageCount(ofTopic: topic.slug) {
                pages.append(PlannedPage(
                    url: Self.url(topic.slug, page: page), template: "topic",
                    lastModified: briefs.dropFirst((page - 1) * site.config.pageSize).first?.date, source: topic.location.file
                ) { $0.topic(topic, page: page) })
            }
        }
        return pages
    }
}

extension PageContexts {
    /// The topic index's context: every topic with its brief count.
    public func topicIndex() -> TemplateValue {
        frame(url: TopicPages.indexURL, title: "Topics", description: "Every topic covered by \(site.config.title).", section: .topics).with([
            "breadcrumbs": breadcrumbs(),
            "topics": .list(site.topics.map { topic in
                .object(link(topic).merging([
                    "count": .int(site.briefs(inTopic: topic.slug).count),
                    "description": .string(topic.description),
                ]) { $1 })
            })
        ])
    }

    /// The context of one page of a topic's briefs.
    public func topic(_ topic: Topic, page: Int) -> TemplateValue {
        let briefs = site.briefs(inTopic: topic.slug)
        let size = site.config.pageSize
        let slice = briefs.dropFirst((page - 1) * size).prefix(size)
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
            "pagination": pagination(number: page, total: site.pageCount(ofTopic: topic.slug)) {
                TopicPages.url(topic.slug, page: $0)
            },
        ])
    }
}
