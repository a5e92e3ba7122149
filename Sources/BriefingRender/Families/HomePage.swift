import BriefingCore
import BriefingTemplates

/// `/`: the latest briefs, the most-covered topics and companies, and recent events.
public struct HomePage: PageFamily {
    public static let url = ""

    public init() {}

    public func pages(of site: Site, after earlier: [PlannedPage]) -> [PlannedPage] {
        [PlannedPage(url: Self.url, template: "home", lastModified: site.briefs.first?.date) { $0.home() }]
    }
}

extension PageContexts {
    /// The home page's context.
    public func home() -> TemplateValue {
        let topTopics: [TemplateValue] = mostCovered(site.topics, count: { site.briefs(inTopic: $0.slug).count }, name: \.name)
            .prefix(8)
            .map { topic, count in
                .object(link(topic).merging(["count": .int(count), "description": .string(topic.description)]) { $1 })
            }
        let topCompanies: [TemplateValue] = mostCovered(site.companies, count: { site.briefs(mentioning: $0.slug).count }, name: \.name)
            .prefix(12)
            .map { company, count in .object(link(company).merging(["count": .int(count)]) { $1 }) }
        let stats: TemplateValue = [
            "briefs": .int(site.briefs.count),
            "topics": .int(site.topics.count),
            "companies": .int(site.companies.count),
            "events": .int(site.eventCount),
        ]
        return frame(url: HomePage.url, title: site.config.title, section: .home).with([
            "latest": .list(site.briefs.prefix(site.config.homeBriefs).map(card)),
            "topTopics": .list(topTopics),
            "topCompanies": .list(topCompanies),
            "recentEvents": .list(site.newestEvents(8).map(event)),
            "stats": stats,
            "latestDaily": latestDaily(),
            "structuredDataJSON": .string(webSite()),
        ])
    }

    /// Items with at least one brief, most briefs first, then by name.
    func mostCovered<Item>(_ items: [Item], count: (Item) -> Int, name: (Item) -> String) -> [(Item, Int)] {
        items.map { ($0, count($0)) }
            .filter { $0.1 > 0 }
            .sorted { $0.1 != $1.1 ? $0.1 > $1.1 : name($0.0) < name($1.0) }
    }
}
