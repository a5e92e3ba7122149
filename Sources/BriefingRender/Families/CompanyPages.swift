import BriefingCore
import BriefingTemplates

/// `/companies/` (every company, paged) and `/companies/<slug>/`, `/companies/<slug>/page/N/` (a company's profile,
/// latest briefs and events on the first page; older briefs on the later ones).
public struct CompanyPages: PageFamily {
    public static let indexURL = "companies/"

    /// How many of the newest briefs that name the company only in passing its first page lists.
    static let latestMentions = 10
    /// How many of the company's newest events its first page shows; the rest are on its timeline.
    public static let latestEvents = 6

    public static func indexURL(page: Int) -> String { PageURL.paged(indexURL, page: page) }

    public static func url(_ slug: Slug, page: Int = 1) -> String { PageURL.paged("companies/\(slug)/", page: page) }

    public init() {}

    public func pages(of site: Site, after earlier: [PlannedPage]) -> [PlannedPage] {
        let newest = site.briefs.first?.date
        var pages = PlannedPage.paged(
            count: site.companies.count, size: site.config.indexPageSize, url: Self.indexURL(page:), template: "companies",
            lastModified: { _ in newest }
        ) { $0.companyIndex(page: $1) }
        for company in site.companies {
            pages += PlannedPage.paged(
                site.briefs(mentioning: company.slug), size: site.config.pageSize, url: { Self.url(company.slug, page: $0) },
                template: "company", source: company.location.file
            ) { $0.company(company, page: $1) }
        }
        return pages
    }
}

extension PageContexts {
    /// The context of one page of the company index: companies with their brief counts, alphabetical.
    public func companyIndex(page: Int = 1) -> TemplateValue {
        let paging = Paging(count: site.companies.count, size: site.config.indexPageSize)
        return frame(
            url: CompanyPages.indexURL(page: page), title: page > 1 ? "Companies — page \(page)" : "Companies",
            description: "Every company in \(site.config.title).", section: .companies
        ).with([
            "breadcrumbs": page > 1 ? breadcrumbs(("Companies", CompanyPages.indexURL)) : breadcrumbs(),
            "count": .int(site.companies.count),
            "companies": .list(site.companies[paging.range(ofPage: page)].map { company in
                .object(link(company).merging([
                    "count": .int(site.briefs(mentioning: company.slug).count),
                    "ticker": TemplateValue(company.ticker),
                    "headquarters": TemplateValue(company.headquarters),
                ]) { $1 })
            }),
            "pagination": pagination(number: page, total: paging.pageCount) { CompanyPages.indexURL(page: $0) },
        ])
    }

    /// A company page's context: on the first page the profile, the newest briefs and events; on later pages
    /// older briefs. The full timeline is on `CompanyTimelinePages`.
    public func company(_ company: Company, page: Int = 1) -> TemplateValue {
        let briefs = site.briefs(mentioning: company.slug)
        let paging = Paging(count: briefs.count, size: site.config.pageSize)
        let shown = paging.range(ofPage: page)
        let topics = site.topicCounts(ofCompany: company.slug).compactMap { slug, count in site.topic(slug).map { ($0, count) } }
            .sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0.name < $1.0.name }
        let events = site.events(involving: company.slug)
        return frame(
            url: CompanyPages.url(company.slug, page: page), title: page > 1 ? "\(company.name) — page \(page)" : company.name,
            description: "Briefs, profile and timeline for \(company.name).", section: .companies,
            feedURL: FeedPages.url(of: .company(company.slug), in: site.config)
        ).with([
            "breadcrumbs": page > 1
                ? breadcrumbs(("Companies", CompanyPages.indexURL), (company.name, CompanyPages.url(company.slug)))
                : breadcrumbs(("Companies", CompanyPages.indexURL)),
            "company": [
                "name": .string(company.name),
                "ticker": TemplateValue(company.ticker),
                "headquarters": TemplateValue(company.headquarters),
                "website": TemplateValue(company.website),
                "aliases": .list(company.aliases.map(TemplateValue.string)),
                "bodyHTML": .string(page == 1 ? bodies.html(.company, company.slug, at: company.location, source: company.body) : ""),
                "url": .string(CompanyPages.url(company.slug)),
                "count": .int(briefs.count),
            ],
            "briefs": .list(briefs.dropFirst(shown.lowerBound).prefix(shown.count).map(card)),
            "mentionedIn": .list(page == 1 ? site.briefs(namingInPassing: company.slug).prefix(CompanyPages.latestMentions).map(card) : []),
            "events": .list(page == 1 ? Array(events.prefix(CompanyPages.latestEvents)).map(event) : []),
            "timeline": events.isEmpty ? .null : [
                "url": .string(CompanyTimelinePages.url(company.slug)),
                "count": .int(events.count),
            ],
            "topics": .list(topics.map { topic, count in .object(link(topic).merging(["count": .int(count)]) { $1 }) }),
            "stories": page == 1 ? storyLinks(site.stories(involving: company.slug)) : .list([]),
            "pagination": pagination(number: page, total: paging.pageCount) { CompanyPages.url(company.slug, page: $0) },
        ])
    }
}
