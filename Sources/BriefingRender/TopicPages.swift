import BriefingCore
import BriefingTemplates

extension PageContexts {
    /// `/topics/`: every topic with its brief count.
    public func topicIndex() -> TemplateValue {
        frame(url: SiteURLs.topics, title: "Topics", description: "Every topic covered by \(site.config.title).", section: .topics).with([
            "breadcrumbs": breadcrumbs(),
            "topics": .list(site.topics.map { topic in
                .object(link(topic).merging([
                    "count": .int(site.briefs(inTopic: topic.slug).count),
                    "description": .string(topic.description),
                ]) { $1 })
            })
        ])
    }

    /// `/topics/<slug>/` and `/topics/<slug>/page/N/`: one page of the topic's briefs, newest first.
    public func topic(_ topic: Topic, page: Int) -> TemplateValue {
        let briefs = site.briefs(inTopic: topic.slug)
        let size = site.config.pageSize
        let slice = briefs.dropFirst((page - 1) * size).prefix(size)
        let title = page > 1 ? "\(topic.name) — page \(page)" : topic.name
        let feed = site.config.topicFeeds ? SiteURLs.topicFeed(topic.slug) : nil
        return frame(
            url: SiteURLs.topic(topic.slug, page: page), title: title,
            description: topic.description.isEmpty ? nil : topic.description, section: .topics, feedURL: feed
        ).with([
            "breadcrumbs": page > 1
                ? breadcrumbs(("Topics", SiteURLs.topics), (topic.name, SiteURLs.topic(topic.slug)))
                : breadcrumbs(("Topics", SiteURLs.topics)),
            "topic": [
                "name": .string(topic.name),
                "description": .string(topic.description),
                "bodyHTML": .string(page == 1 ? bodies.html(.topic, topic.slug, at: topic.location, source: topic.body) : ""),
                "url": .string(SiteURLs.topic(topic.slug)),
                "count": .int(briefs.count),
            ],
            "briefs": .list(slice.map(card)),
            "pagination": pagination(number: page, total: site.pageCount(ofTopic: topic.slug)) {
                SiteURLs.topic(topic.slug, page: $0)
            },
        ])
    }
}
