import BriefingCore
import BriefingTemplates

/// `/briefs/<slug>/`: each brief in full, its sources and events, its neighbours and related briefs.
public struct BriefPages: PageFamily {
    public static func url(_ slug: Slug) -> String { "briefs/\(slug)/" }

    public init() {}

    public func pages(of site: Site, after earlier: [PlannedPage]) -> [PlannedPage] {
        site.briefs.map { brief in
            PlannedPage(url: Self.url(brief.slug), template: "brief", lastModified: brief.date, source: brief.location.file) {
                $0.brief(brief)
            }
        }
    }
}

extension PageContexts {
    /// A brief page's context.
    public func brief(_ brief: Brief) -> TemplateValue {
        let brief = site.read(brief)
        let url = BriefPages.url(brief.slug)
        let (older, newer) = site.neighbours(of: brief)
        func neighbour(_ other: Brief?) -> TemplateValue {
            guard let other else { return .null }
            return ["title": .string(other.title), "url": .string(BriefPages.url(other.slug))]
        }
        let events = brief.events.enumerated().map { DatedEvent(event: $1, brief: brief.slug, index: $0) }
        // A brief sits under its first topic, the one its editor named first.
        let trail = brief.topics.lazy.compactMap { site.topic($0) }.first.map { topic in
            breadcrumbs(("Topics", TopicPages.indexURL), (topic.name, TopicPages.url(topic.slug)))
        } ?? breadcrumbs()
        return frame(url: url, title: brief.title, description: brief.summary.isEmpty ? nil : brief.summary, section: .briefs).with([
            "breadcrumbs": trail,
            "structuredDataJSON": .string(newsArticle(brief)),
            "brief": [
                "title": .string(brief.title),
                "summary": .string(brief.summary),
                "date": HumanDate.value(brief.date),
                "bodyHTML": .string(bodies.html(.brief, brief.slug, at: brief.location, source: brief.body)),
                "topics": topicLinks(brief.topics),
                "companies": companyLinks(brief.companies),
                "mentions": companyLinks(brief.mentions),
                "authors": .list(brief.authors.map(TemplateValue.string)),
                "stories": storyLinks(site.stories(of: brief)),
                "sources": .list(brief.sources.map { source in
                    [
                        "url": .string(source.url),
                        "publisher": .string(source.publisher ?? source.host),
                        "title": TemplateValue(source.title),
                        "host": .string(source.host),
                    ]
                }),
                "events": .list(events.map(event)),
            ],
            "previous": neighbour(older),
            "next": neighbour(newer),
            "related": .list(site.related(to: brief).map(card)),
        ])
    }
}
