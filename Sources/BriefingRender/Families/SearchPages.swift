import BriefingCore
import BriefingTemplates
import Foundation

/// `/search/` (the form; `assets/search.js` searches) and the index it reads, in pieces under `/search/`: a
/// manifest, the term shards, a file per brief (what a result shows, with its body's text for the snippet), and
/// the briefs of each topic and company.
public struct SearchPages: PageFamily {
    public static let url = "search/"
    public static let manifestURL = "search/manifest.json"
    /// The other files, `{}` standing for a shard's file name, a document number or a slug. search.js reads these
    /// patterns (relative to the manifest) from the manifest, so the URLs are spelled here only.
    static let shardPattern = "search/terms/{}.json"
    static let documentPattern = "search/docs/{}.json"
    static let topicPattern = "search/topics/{}.json"
    static let companyPattern = "search/companies/{}.json"

    /// A term shard (`SearchShard.fileName`).
    public static func shardURL(_ shard: SearchShard) -> String { fill(shardPattern, shard.fileName) }
    /// The shard file name (`SearchShard.fileName`) an output path holds, nil for any other output.
    public static func shardFileName(ofOutput path: String) -> String? {
        let (prefix, suffix) = shardPatternAround
        guard path.hasPrefix(prefix), path.hasSuffix(suffix), path.utf8.count > prefix.utf8.count + suffix.utf8.count else { return nil }
        return String(path.dropFirst(prefix.count).dropLast(suffix.count))
    }

    /// What comes before and after a shard's name in its path: a build looks for them in every output's path.
    private static let shardPatternAround: (String, String) = {
        let parts = shardPattern.split(separator: "{}", omittingEmptySubsequences: false)
        return (String(parts.first ?? ""), String(parts.last ?? ""))
    }()

    /// What a result shows of the brief numbered `document`.
    public static func documentURL(_ document: Int) -> String { fill(documentPattern, String(document)) }
    /// The briefs of a topic or a company, for the filters.
    public static func topicURL(_ slug: Slug) -> String { fill(topicPattern, slug.rawValue) }
    public static func companyURL(_ slug: Slug) -> String { fill(companyPattern, slug.rawValue) }

    private static func fill(_ pattern: String, _ name: String) -> String {
        // Split by hand: Foundation's replacingOccurrences was a measurable part of planning ten thousand of these.
        guard let hole = pattern.firstRange(of: "{}") else { return pattern }
        return String(pattern[..<hole.lowerBound]) + name + String(pattern[hole.upperBound...])
    }

    /// A pattern relative to the manifest's folder.
    static func relativeToManifest(_ pattern: String) -> String { String(pattern.dropFirst("search/".count)) }

    /// The index, where the build made it beforehand (it also asks the index which shards an edit reached);
    /// otherwise each plan makes its own from the site.
    let index: SearchIndex?

    public init(index: SearchIndex? = nil) { self.index = index }

    public func pages(of site: Site, after earlier: [PlannedPage]) -> [PlannedPage] {
        // Built once and read by every page below: tokenising every body once per page would be quadratic.
        let index = self.index ?? SearchIndex(site: site)
        var pages = [
            PlannedPage(url: Self.url, template: "search") { $0.search(index) },
            PlannedPage(url: Self.manifestURL, template: "search-data.json", format: .json) { $0.searchManifest(index) },
        ]
        pages += index.shards.map { shard in
            PlannedPage(url: Self.shardURL(shard), template: "search-data.json", format: .json) { $0.searchShard(shard, of: index) }
        }
        // One file per brief: a result's card and text in one request. (Split in two, the text fetched only for
        // results found by their body alone, a query cost a few kilobytes less, but the build wrote twice as many
        // files, and writing small files was most of what search added to a build.)
        pages += index.briefs.indices.map { document in
            PlannedPage(url: Self.documentURL(index.numbers[document]), template: "search-data.json", format: .json) {
                $0.searchDocument(document, of: index)
            }
        }
        pages += index.topicDocuments.keys.sorted().map { slug in
            PlannedPage(url: Self.topicURL(slug), template: "search-data.json", format: .json) {
                $0.searchFilter(index.topicDocuments[slug] ?? [], of: .topic(slug))
            }
        }
        pages += index.companyDocuments.keys.sorted().map { slug in
            PlannedPage(url: Self.companyURL(slug), template: "search-data.json", format: .json) {
                $0.searchFilter(index.companyDocuments[slug] ?? [], of: .company(slug))
            }
        }
        return pages
    }
}

extension PageContexts {
    /// The search page's context: the search form, with the topics, companies and years it can filter by; the
    /// results come from search.js.
    public func search(_ index: SearchIndex) -> TemplateValue {
        func options<Item>(_ items: [Item], count: (Item) -> Int, link: (Item) -> [String: TemplateValue]) -> TemplateValue {
            .list(items.compactMap { item in
                let count = count(item)
                return count > 0 ? .object(link(item).merging(["count": .int(count)]) { $1 }) : nil
            })
        }
        site.readsEverything()
        return frame(
            url: SearchPages.url, title: "Search",
            description: "Search every brief in \(site.config.title) by words, topic, company and year.", section: .search
        ).with([
            "breadcrumbs": breadcrumbs(),
            "manifestURL": .string(SearchPages.manifestURL),
            "count": .int(site.briefs.count),
            "topics": options(site.topics, count: { site.briefs(inTopic: $0.slug).count }, link: link),
            "companies": options(site.companies, count: { site.briefs(mentioning: $0.slug).count }, link: link),
            "years": .list(index.years.reversed().map { ["year": .int($0.year), "count": .int($0.count)] }),
        ])
    }

    /// The manifest: what search.js loads first (its shape is in docs/THEMING.md).
    public func searchManifest(_ index: SearchIndex) -> TemplateValue {
        // The shard list is derived from every body's terms.
        bodies.readsEveryBody(.brief)
        site.readsEverything()
        func entry(_ slug: Slug, _ name: String, _ url: String) -> JSONText {
            .object([("slug", .string(slug.rawValue)), ("name", .string(name)), ("url", .string(url))])
        }
        let json = JSONText.object([
            ("v", .int(4)),
            ("count", .int(index.briefs.count)),
            ("slots", .int(index.numbering.slots)),
            ("perDay", .int(index.numbering.perDay)),
            // Every number in use, so that a year can be listed without a query.
            ("documents", .unescaped(SearchPostings.encode(documents: index.numbers))),
            ("paths", .object([
                ("terms", .string(SearchPages.relativeToManifest(SearchPages.shardPattern))),
                ("docs", .string(SearchPages.relativeToManifest(SearchPages.documentPattern))),
                ("topics", .string(SearchPages.relativeToManifest(SearchPages.topicPattern))),
                ("companies", .string(SearchPages.relativeToManifest(SearchPages.companyPattern))),
            ])),
            ("years", .array(index.years.map { .array([.int($0.year), .int($0.first), .int($0.last)]) })),
            ("topics", .array(site.topics.map { entry($0.slug, $0.name, TopicPages.url($0.slug)) })),
            ("companies", .array(site.companies.map { entry($0.slug, $0.name, CompanyPages.url($0.slug)) })),
            // Sizes in kilobytes, rounded up: search.js skips a prefix whose shards would cost too much.
            ("shards", .object(index.shards.map { ($0.key, .int(($0.size + 1023) / 1024)) })),
        ])
        return ["dataJSON": .string(json.text)]
    }

    /// One term shard: each of its terms and their postings.
    public func searchShard(_ shard: SearchShard, of index: SearchIndex) -> TemplateValue {
        site.readsSearchShard(shard)
        let json = JSONText.object([
            ("v", .int(2)),
            ("terms", .object(shard.terms.map { ($0, .unescaped(index.postings[$0] ?? "")) })),
        ])
        return ["dataJSON": .string(json.text)]
    }

    /// What a result shows of one brief, and its body's text for the snippet around the words found.
    public func searchDocument(_ document: Int, of index: SearchIndex) -> TemplateValue {
        let brief = site.read(index.briefs[document])
        site.readsDocumentNumber(of: brief)
        let text = bodies.plainText(.brief, brief.slug, at: brief.location, source: brief.body, plain: MarkdownPlainText.of)
        let json = JSONText.object([
            ("url", .string(BriefPages.url(brief.slug))),
            ("title", .string(brief.title)),
            ("date", .string(brief.date.date.description)),
            ("summary", .string(brief.summary)),
            ("topics", .array(brief.topics.map { .string($0.rawValue) })),
            ("companies", .array(brief.companies.map { .string($0.rawValue) })),
            ("text", .string(text)),
        ])
        return ["dataJSON": .string(json.text)]
    }

    /// The document numbers of a topic's or a company's briefs (`list`), for the search filters.
    public func searchFilter(_ documents: [Int], of list: SiteRead) -> TemplateValue {
        // A list's numbers follow its briefs and their days (`SearchNumbering`): both are noted.
        site.readsDocumentNumbers(of: list)
        return ["dataJSON": .string(JSONText.object([("v", .int(2)), ("docs", .unescaped(SearchPostings.encode(documents: documents)))]).text)]
    }
}
