import BriefingCore
import BriefingTemplates

/// `/companies/<slug>/timeline/`, `…/timeline/page/N/`: every dated event that names a company, newest first,
/// under year headings; companies without events have none.
public struct CompanyTimelinePages: PageFamily {
    public static func url(_ slug: Slug, page: Int = 1) -> String { PageURL.paged("companies/\(slug)/timeline/", page: page) }

    public init() {}

    public func pages(of site: Site, after earlier: [PlannedPage]) -> [PlannedPage] {
        site.companies.flatMap { company -> [PlannedPage] in
            let count = site.events(involving: company.slug).count
            guard count > 0 else { return [] }
            return PlannedPage.paged(
                count: count, size: site.config.eventPageSize, url: { Self.url(company.slug, page: $0) }, template: "company-timeline"
            ) { $0.companyTimeline(company, page: $1) }
        }
    }
}

extension PageContexts {
    /// The context of one page of a company's timeline.
    public func companyTimeline(_ company: Company, page: Int) -> TemplateValue {
        let events = site.events(involving: company.slug)
        let paging = Paging(count: events.count, size: site.config.eventPageSize)
        var years: [(year: Int, events: [TemplateValue])] = []
        for dated in events[paging.range(ofPage: page)] {
            if years.last?.year != dated.event.date.year { years.append((dated.event.date.year, [])) }
            years[years.count - 1].events.append(event(dated))
        }
        let title = "\(company.name) timeline" + (page > 1 ? " — page \(page)" : "")
        return frame(
            url: CompanyTimelinePages.url(company.slug, page: page), title: title,
            description: "Every dated event involving \(company.name), newest first.", section: .companies
        ).with([
            "breadcrumbs": breadcrumbs(("Companies", CompanyPages.indexURL), (company.name, CompanyPages.url(company.slug))),
            "company": ["name": .string(company.name), "url": .string(CompanyPages.url(company.slug))],
            "count": .int(events.count),
            "years": .list(years.map { ["year": .int($0.year), "events": .list($0.events)] }),
            "pagination": pagination(number: page, total: paging.pageCount) { CompanyTimelinePages.url(company.slug, page: $0) },
        ])
    }
}
