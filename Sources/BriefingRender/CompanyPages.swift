import BriefingCore
import BriefingTemplates

extension PageContexts {
    /// `/companies/`: every company with its brief count.
    public func companyIndex() -> TemplateValue {
        frame(url: SiteURLs.companies, title: "Companies", description: "Every company in \(site.config.title).", section: .companies).with([
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

    /// `/companies/<slug>/`: the profile, the briefs that mention the company and its own timeline.
    public func company(_ company: Company) -> TemplateValue {
        let briefs = site.briefs(mentioning: company.slug)
        var topicCounts: [Slug: Int] = [:]
        for brief in briefs {
            for topic in Set(brief.topics) { topicCounts[topic, default: 0] += 1 }
        }
        let topics = topicCounts.compactMap { slug, count in site.topic(slug).map { ($0, count) } }
            .sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0.name < $1.0.name }
        let feed = site.config.companyFeeds ? SiteURLs.companyFeed(company.slug) : nil
        return frame(
            url: SiteURLs.company(company.slug), title: company.name,
            description: "Briefs, profile and timeline for \(company.name).", section: .companies, feedURL: feed
        ).with([
            "breadcrumbs": breadcrumbs(("Companies", SiteURLs.companies)),
            "company": [
                "name": .string(company.name),
                "ticker": TemplateValue(company.ticker),
                "headquarters": TemplateValue(company.headquarters),
                "website": TemplateValue(company.website),
                "aliases": .list(company.aliases.map(TemplateValue.string)),
                "bodyHTML": .string(bodies.html(.company, company.slug, at: company.location, source: company.body)),
                "url": .string(SiteURLs.company(company.slug)),
                "count": .int(briefs.count),
            ],
            "briefs": .list(briefs.map(card)),
            "events": .list(site.events(involving: company.slug).map(event)),
            "topics": .list(topics.map { topic, count in .object(link(topic).merging(["count": .int(count)]) { $1 }) }),
        ])
    }
}
