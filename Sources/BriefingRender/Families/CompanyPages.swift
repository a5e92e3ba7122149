import BriefingCore
import BriefingTemplates

/// `/companies/` (every company) and `/companies/<slug>/` (a company's profile, briefs and timeline).
public struct CompanyPages: PageFamily {
    public static let indexURL = "companies/"

    public static func url(_ slug: Slug) -> String { "companies/\(slug)/" }

    public init() {}

    public func pages(of site: Site, after earlier: [PlannedPage]) -> [PlannedPage] {
        var pages = [PlannedPage(url: Self.indexURL, template: "companies", lastModified: site.briefs.first?.date) { $0.companyIndex() }]
        for company in site.companies {
            pages.append(PlannedPage(
                url: Self.url(company.slug), template: "company", lastModified: site.briefs(mentioning: company.slug).first?.date,
                source: company.location.file
            ) { $0.company(company) })
        }
        return pages
    }
}

extension PageContexts {
    /// The company index's context: every company with its brief count.
    public func companyIndex() -> TemplateValue {
        frame(url: CompanyPages.indexURL, title: "Companies", description: "Every company in \(site.config.title).", section: .companies).with([
            "breadcrumbs": breadcrumbs(),
            "companies": .list(site.companies.map { company in
                .object(link(company).merging([
                    "count": .int(site.briefs(mentioning: company.slug).count),
                    "ticker": TemplateValue(company.ticker),
                    "headquarters": TemplateValue(company.headquarters),
                ]) { $1 })
            })
        ])
    }

    /// A company page's context: the profile, the briefs that mention the company and its own timeline.
    public func company(_ company: Company) -> TemplateValue {
        let briefs = site.briefs(mentioning: company.slug)
        var topicCounts: [Slug: Int] = [:]
        for brief in briefs {
            for topic in Set(brief.topics) { topicCounts[topic, default: 0] += 1 }
        }
        let topics = topicCounts.compactMap { slug, count in site.topic(slug).map { ($0, count) } }
            .sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0.name < $1.0.name }
        return frame(
            url: CompanyPages.url(company.slug), title: company.name,
            description: "Briefs, profile and timeline for \(company.name).", section: .companies,
            feedURL: FeedPages.url(of: .company(company.slug), in: site.config)
        ).with([
            "breadcrumbs": breadcrumbs(("Companies", CompanyPages.indexURL)),
            "company": [
                "name": .string(company.name),
                "ticker": TemplateValue(company.ticker),
                "headquarters": TemplateValue(company.headquarters),
                "website": TemplateValue(company.website),
                "aliases": .list(company.aliases.map(TemplateValue.string)),
                "bodyHTML": .string(bodies.html(.company, company.slug, at: company.location, source: company.body)),
                "url": .string(CompanyPages.url(company.slug)),
                "count": .int(briefs.count),
            ],
            "briefs": .list(briefs.map(card)),
            "events": .list(site.events(involving: company.slug).map(event)),
            "topics": .list(topics.map { topic, count in .object(link(topic).merging(["count": .int(count)]) { $1 }) }),
        ])
    }
}
