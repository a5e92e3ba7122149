import BriefingCore
import BriefingRender
import BriefingTemplates

/// Renders planned pages to bytes: each page is a pure function of the site, its kind and the theme.
struct PageRenderer: Sendable {
    let site: Site
    let contexts: PageContexts
    let theme: Theme
    let sitemapEntries: [(url: String, lastModified: Timestamp?)]

    init(site: Site, plan: PagePlan, theme: Theme, html: RenderedMarkdown) {
        self.site = site
        self.theme = theme
        contexts = PageContexts(site: site, html: html)
        sitemapEntries = plan.pages.filter(\.isHTMLPage).map { ($0.url, $0.lastModified) }
    }

    func context(for page: PlannedPage) -> TemplateValue {
        switch page.kind {
        case .home: contexts.home()
        case .brief(let slug): site.brief(slug).map(contexts.brief) ?? .null
        case .topicIndex: contexts.topicIndex()
        case .topic(let slug, let number): site.topic(slug).map { contexts.topic($0, page: number) } ?? .null
        case .companyIndex: contexts.companyIndex()
        case .company(let slug): site.company(slug).map(contexts.company) ?? .null
        case .timeline: contexts.timeline()
        case .timelineYear(let year): contexts.timelineYear(year)
        case .timelineMonth(let year, let month): contexts.timelineMonth(year, month)
        case .feed(let scope): contexts.feed(scope)
        case .sitemap: contexts.sitemap(sitemapEntries)
        case .robots: contexts.robots()
        case .notFound: contexts.notFound()
        }
    }

    func render(_ page: PlannedPage) throws(BuildError) -> [UInt8] {
        do {
            return try theme.templates.render(page.template, context(for: page))
        } catch {
            throw BuildError.template(page: page.outputPath, error.description)
        }
    }
}
