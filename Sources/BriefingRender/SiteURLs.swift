import BriefingCore

/// Where every page lives, as paths relative to the site root (`briefs/alibaba-qwen/`), so templates can prefix `root`.
public enum SiteURLs {
    public static let home = ""
    public static let topics = "topics/"
    public static let companies = "companies/"
    public static let timeline = "timeline/"
    public static let feed = "feed.xml"
    public static let search = "search/"
    public static let searchIndex = "search-index.json"

    public static func brief(_ slug: Slug) -> String { "briefs/\(slug)/" }
    public static func topic(_ slug: Slug, page: Int = 1) -> String {
        page <= 1 ? "topics/\(slug)/" : "topics/\(slug)/page/\(page)/"
    }
    public static func topicFeed(_ slug: Slug) -> String { "topics/\(slug)/feed.xml" }
    public static func company(_ slug: Slug) -> String { "companies/\(slug)/" }
    public static func companyFeed(_ slug: Slug) -> String { "companies/\(slug)/feed.xml" }
    public static func year(_ year: Int) -> String { "timeline/\(year)/" }
    public static func month(_ year: Int, _ month: Int) -> String { "timeline/\(year)/\(String(month < 10 ? "0\(month)" : "\(month)"))/" }

    /// The file a URL is written to: pretty URLs end in `/` and become `…/index.html`.
    public static func outputPath(for url: String) -> String { url.isEmpty || url.hasSuffix("/") ? url + "index.html" : url }

    /// The relative path from the page at `url` back to the site root: `briefs/x/` → `../../`.
    public static func root(from url: String) -> String {
        String(repeating: "../", count: url.split(separator: "/", omittingEmptySubsequences: true).count - (url.hasSuffix("/") || url.isEmpty ? 0 : 1))
    }
}
