import BriefingCore

/// The HTML of every Markdown body in the site, converted once and shared by all pages that show it.
public struct RenderedMarkdown: Sendable {
    public let briefs: [Slug: String]
    public let topics: [Slug: String]
    public let companies: [Slug: String]

    public init(site: Site, jobs: Int) {
        let markdown = Markdown(allowRawHTML: site.config.allowRawHTML)
        func convert(_ items: [(Slug, String)]) -> [Slug: String] {
            let html = items.parallelMap(jobs: jobs) { markdown.html($0.1) }
            return Dictionary(zip(items.map(\.0), html), uniquingKeysWith: { first, _ in first })
        }
        briefs = convert(site.briefs.map { ($0.slug, $0.body) })
        topics = convert(site.topics.map { ($0.slug, $0.body) })
        companies = convert(site.companies.map { ($0.slug, $0.body) })
    }
}
