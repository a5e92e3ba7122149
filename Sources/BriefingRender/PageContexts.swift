import BriefingCore
import BriefingTemplates

/// Builds the context of each page from the site: the values THEMING.md promises templates.
///
/// Every page's context depends only on the site and the page's own parameters, so pages can be
/// rendered in any order, in parallel. Contexts read the site through `SiteReads`, which notes what each read
/// in `reads` when a build asks.
public struct PageContexts: Sendable {
    public let site: SiteReads
    public let bodies: MarkdownBodies

    public init(site: Site, bodies: MarkdownBodies, reads: PageReads? = nil) {
        self.site = SiteReads(site: site, reads: reads)
        self.bodies = bodies
    }

    /// The section of the portal a page belongs to, for the navigation's current item.
    public enum Section: String, Sendable {
        case home, briefs, stories, daily, topics, companies, timeline, search
    }

    /// The values every page has: `site`, `root`, `page`, `nav`.
    func frame(
        url: String, title: String, description: String? = nil, section: Section? = nil, feedURL: String? = nil,
        root: String? = nil
    ) -> [String: TemplateValue] {
        let config = site.config
        var nav: [String: TemplateValue] = [:]
        if let section { nav[section.rawValue] = true }
        return [
            "site": [
                "title": .string(config.title),
                "description": .string(config.description),
                "language": .string(config.language),
                "baseURL": .string(config.baseURL),
                "feedURL": .string(config.baseURL + FeedPages.siteURL),
            ],
            "root": .string(root ?? PageURL.root(from: url)),
            "page": [
                "title": .string(title),
                "description": .string(description ?? config.description),
                "canonicalURL": .string(config.baseURL + url),
                "feedURL": TemplateValue(feedURL.map { config.baseURL + $0 }),
            ],
            "nav": .object(nav),
        ]
    }

    func link(_ topic: Topic) -> [String: TemplateValue] {
        ["name": .string(topic.name), "url": .string(TopicPages.url(topic.slug)), "slug": .string(topic.slug.rawValue)]
    }

    func link(_ company: Company) -> [String: TemplateValue] {
        ["name": .string(company.name), "url": .string(CompanyPages.url(company.slug)), "slug": .string(company.slug.rawValue)]
    }

    func topicLinks(_ slugs: [Slug]) -> TemplateValue {
        .list(slugs.compactMap { site.topic($0) }.map { .object(link($0)) })
    }

    func companyLinks(_ slugs: [Slug]) -> TemplateValue {
        .list(slugs.compactMap { site.company($0) }.map { .object(link($0)) })
    }

    /// What lists show of a brief.
    func card(_ brief: Brief) -> TemplateValue {
        [
            "url": .string(BriefPages.url(brief.slug)),
            "title": .string(brief.title),
            "summary": .string(brief.summary),
            "date": HumanDate.value(brief.date),
            "topics": topicLinks(brief.topics),
            "companies": companyLinks(brief.companies),
            "sourceCount": .int(brief.sources.count),
        ]
    }

    func event(_ dated: DatedEvent) -> TemplateValue {
        let brief = site.brief(dated.brief)
        return [
            "date": HumanDate.value(dated.event.date),
            "text": .string(dated.event.text),
            "expected": .bool(dated.event.expected),
            "companies": companyLinks(dated.event.companies),
            "brief": [
                "title": .string(brief?.title ?? ""),
                "url": .string(BriefPages.url(dated.brief)),
            ],
        ]
    }

    /// `{ current, total, prev, next, pages }` for page `number` of `total`, or null when there is one page.
    func pagination(number: Int, total: Int, url: (Int) -> String) -> TemplateValue {
        guard total > 1 else { return .null }
        return [
            "current": .int(number),
            "total": .int(total),
            "prev": number > 1 ? ["url": .string(url(number - 1))] : .null,
            "next": number < total ? ["url": .string(url(number + 1))] : .null,
            "pages": .list((1...total).map { ["number": .int($0), "url": .string(url($0)), "isCurrent": .bool($0 == number)] }),
        ]
    }
}

extension Dictionary where Key == String, Value == TemplateValue {
    /// Adds a page's own values to its frame.
    func with(_ values: [String: TemplateValue]) -> TemplateValue {
        .object(merging(values) { _, new in new })
    }
}
