import BriefingCore
import BriefingRender
import BriefingTemplates
import Foundation

/// Turns planned pages into fingerprints and bytes: each page is a pure function of the site, its kind and the theme.
struct PageRenderer: Sendable {
    let site: Site
    let theme: Theme
    let siteDirectory: URL
    private let inputs: SiteInputs
    private let forHTML: PageContexts
    private let sitemapEntries: [(url: String, lastModified: Timestamp?)]
    private let templateDigests: [String: Fingerprint]

    init(site: Site, plan: PagePlan, theme: Theme, inputs: SiteInputs, siteDirectory: URL) {
        self.inputs = inputs
        self.site = site
        self.siteDirectory = siteDirectory
        self.theme = theme
        forHTML = PageContexts(site: site, bodies: MarkdownBodies(mode: .html, allowRawHTML: site.config.allowRawHTML))
        sitemapEntries = plan.pages.filter(\.isHTMLPage).map { ($0.url, $0.lastModified) }
        var digests: [String: Fingerprint] = [:]
        for name in Set(plan.pages.map(\.template)) {
            var hasher = FingerprintHasher()
            for dependency in theme.templates.dependencies(of: name) {
                hasher.add(dependency)
                hasher.add(theme.sources[dependency] ?? "")
            }
            digests[name] = hasher.finish()
        }
        templateDigests = digests
    }

    /// The page's fingerprint, a digest of each part of its context so a rebuild can say what changed,
    /// and the Markdown bodies its context holds.
    func fingerprint(_ page: PlannedPage) -> PagePrint {
        // Bodies are recorded per page, so each page gets its own recorder.
        let inputs = inputs
        let bodies = MarkdownBodies(mode: .fingerprint, allowRawHTML: site.config.allowRawHTML) { inputs.files[$0]?.hash.hex }
        var total = FingerprintHasher()
        let template = templateDigests[page.template] ?? Fingerprint.of([])
        total.add(page.template)
        total.add(template)
        var parts = ["template": String(template.hex.prefix(12))]
        if case .object(let fields) = context(for: page, from: PageContexts(site: site, bodies: bodies)) {
            for key in fields.keys.sorted() {
                var hasher = FingerprintHasher()
                if let value = fields[key] { hasher.add(value) }
                let digest = hasher.finish()
                total.add(key)
                total.add(digest)
                parts[key] = String(digest.hex.prefix(12))
            }
        }
        return PagePrint(fingerprint: total.finish(), parts: ContextParts(parts), bodies: bodies.bodiesRead)
    }

    func render(_ page: PlannedPage) throws(BuildError) -> [UInt8] {
        do {
            return try theme.templates.render(page.template, context(for: page, from: forHTML))
        } catch {
            throw BuildError.template(page: page.outputPath, error.description)
        }
    }

    private func context(for page: PlannedPage, from contexts: PageContexts) -> TemplateValue {
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
        case .search: contexts.search()
        case .searchIndex: contexts.searchIndex()
        case .feed(let scope): contexts.feed(scope)
        case .sitemap: contexts.sitemap(sitemapEntries)
        case .robots: contexts.robots()
        case .notFound: contexts.notFound()
        }
    }
}
