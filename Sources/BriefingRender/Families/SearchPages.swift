import BriefingCore
import BriefingTemplates

/// `/search/` (the form; `assets/search.js` searches) and `/search-index.json` (what it searches).
public struct SearchPages: PageFamily {
    public static let url = "search/"
    public static let indexURL = "search-index.json"

    public init() {}

    public func pages(of site: Site, after earlier: [PlannedPage]) -> [PlannedPage] {
        [
            PlannedPage(url: Self.url, template: "search") { $0.search() },
            PlannedPage(url: Self.indexURL, template: "search-index.json", format: .json) { $0.searchIndex() },
        ]
    }
}

extension PageContexts {
    /// The search page's context: the search form, with the topics and companies it can filter by; the results come from search.js.
    public func search() -> TemplateValue {
        func options<Item>(_ items: [Item], count: (Item) -> Int, link: (Item) -> [String: TemplateValue]) -> TemplateValue {
            .list(items.compactMap { item in
                let count = count(item)
                return count > 0 ? .object(link(item).merging(["count": .int(count)]) { $1 }) : nil
            })
        }
        return frame(
            url: SearchPages.url, title: "Search",
            description: "Search every brief in \(site.config.title) by words, topic and company.", section: .search
        ).with([
            "breadcrumbs": breadcrumbs(),
            "indexURL": .string(SearchPages.indexURL),
            "count": .int(site.briefs.count),
            "topics": options(site.topics, count: { site.briefs(inTopic: $0.slug).count }, link: link),
            "companies": options(site.companies, count: { site.briefs(mentioning: $0.slug).count }, link: link),
        ])
    }

    /// The search index's context: the index search.js reads (its shape is in docs/THEMING.md).
    public func searchIndex() -> TemplateValue {
        ["indexJSON": .string(searchIndexJSON())]
    }

    /// Newest brief first, like every list on the site. Topics and companies are numbers into the two name
    /// tables: a brief names several, and repeating their names in every entry would double the file.
    func searchIndexJSON() -> String {
        let topicNumbers = Dictionary(site.topics.enumerated().map { ($1.slug, $0) }) { first, _ in first }
        let companyNumbers = Dictionary(site.companies.enumerated().map { ($1.slug, $0) }) { first, _ in first }
        func numbers(_ slugs: [Slug], _ table: [Slug: Int]) -> JSONText {
            var seen = Set<Int>()
            return .array(slugs.compactMap { table[$0] }.filter { seen.insert($0).inserted }.map(JSONText.int))
        }
        func entry(_ slug: Slug, _ name: String, _ url: String) -> JSONText {
            .object([("slug", .string(slug.rawValue)), ("name", .string(name)), ("url", .string(url))])
        }
        return JSONText.object([
            ("v", .int(1)),
            ("topics", .array(site.topics.map { entry($0.slug, $0.name, TopicPages.url($0.slug)) })),
            ("companies", .array(site.companies.map { entry($0.slug, $0.name, CompanyPages.url($0.slug)) })),
            ("briefs", .array(site.briefs.map { brief in
                .object([
                    ("u", .string(BriefPages.url(brief.slug))),
                    ("t", .string(brief.title)),
                    ("d", .string(brief.date.date.description)),
                    ("s", .string(brief.summary)),
                    ("p", numbers(brief.topics, topicNumbers)),
                    ("c", numbers(brief.companies, companyNumbers)),
                ])
            })),
        ]).text
    }
}
