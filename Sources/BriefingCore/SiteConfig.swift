import Foundation

/// The site's settings from `briefing.yml`; every setting has a default, so the file is optional.
public struct SiteConfig: Sendable, Equatable {
    public var title = "Briefing"
    public var description = ""
    /// Absolute, ending in `/`: canonical URLs, feeds and the sitemap are built from it.
    public var baseURL = "http://localhost:8080/"
    public var language = "en"
    /// Briefs per page on topic and company pages (`pagination.briefs`, or `pageSize`).
    public var pageSize = 20
    /// Events per page on timeline years and months and on company timelines (`pagination.events`).
    public var eventPageSize = 50
    /// Topics or companies per page on `/topics/` and `/companies/` (`pagination.entries`).
    public var indexPageSize = 100
    /// Briefs on the home page.
    public var homeBriefs = 15
    /// Entries per Atom feed.
    public var feedEntries = 20
    public var topicFeeds = true
    public var companyFeeds = true
    /// Raw HTML in Markdown is dropped unless the site opts in: briefs often carry text from untrusted feeds.
    public var allowRawHTML = false

    public init() {}

    public static let fileName = "briefing.yml"

    /// The path part of the base URL (`/` or `/portal/`), for pages that cannot use relative links.
    public var basePath: String {
        guard let url = URL(string: baseURL), !url.path.isEmpty else { return "/" }
        return url.path.hasSuffix("/") ? url.path : url.path + "/"
    }

    /// Reads `briefing.yml` text; problems name the file and line.
    public static func parse(_ yaml: String, file: String = fileName) throws(ContentErrors) -> SiteConfig {
        var fields: FrontMatterFields
        do {
            fields = try FrontMatterFields.parse(yaml: yaml, file: file, firstLine: 1)
        } catch {
            throw ContentErrors([error.ruled(ContentProblem.config)])
        }
        var config = SiteConfig()
        fields.rejectUnknownKeys(["title", "description", "baseURL", "language", "pageSize", "pagination", "homeBriefs", "feeds", "markdown"])
        config.title = fields.string("title") ?? config.title
        config.description = fields.string("description") ?? config.description
        if let base = fields.string("baseURL") {
            if let normalized = SiteConfig.normalizedBaseURL(base) {
                config.baseURL = normalized
            } else {
                fields.report("baseURL", "`\(base)` is not an absolute http(s) URL", fix: "write it like https://example.org/ or https://example.org/portal/")
            }
        }
        config.language = fields.string("language") ?? config.language
        config.pageSize = fields.int("pageSize", in: 1...1000) ?? config.pageSize
        fields.section("pagination") { pagination in
            pagination.rejectUnknownKeys(["briefs", "events", "entries"])
            config.pageSize = pagination.int("briefs", in: 1...1000) ?? config.pageSize
            config.eventPageSize = pagination.int("events", in: 1...1000) ?? config.eventPageSize
            config.indexPageSize = pagination.int("entries", in: 1...10_000) ?? config.indexPageSize
        }
        config.homeBriefs = fields.int("homeBriefs", in: 1...1000) ?? config.homeBriefs
        fields.section("feeds") { feeds in
            feeds.rejectUnknownKeys(["entries", "topics", "companies"])
            config.feedEntries = feeds.int("entries", in: 1...10_000) ?? config.feedEntries
            config.topicFeeds = feeds.bool("topics") ?? config.topicFeeds
            config.companyFeeds = feeds.bool("companies") ?? config.companyFeeds
        }
        fields.section("markdown") { markdown in
            markdown.rejectUnknownKeys(["rawHTML"])
            config.allowRawHTML = markdown.bool("rawHTML") ?? config.allowRawHTML
        }
        guard fields.problems.isEmpty else { throw ContentErrors(fields.problems.map { $0.ruled(ContentProblem.config) }) }
        return config
    }

    /// The problem with a `--base-url` given on the command line, or nil when it is usable.
    public static func problem(withBaseURLOverride text: String) -> ContentProblem? {
        guard normalizedBaseURL(text) == nil else { return nil }
        return ContentProblem(
            file: "--base-url", message: "`\(text)` is not an absolute http(s) URL", fix: "write it like https://example.org/portal/",
            rule: ContentProblem.config)
    }

    /// Accepts `https://host/path` with or without the trailing slash; nil for anything else.
    public static func normalizedBaseURL(_ text: String) -> String? {
        guard let url = URL(string: text), let scheme = url.scheme, ["http", "https"].contains(scheme.lowercased()),
              url.host != nil, url.query == nil, url.fragment == nil else { return nil }
        return text.hasSuffix("/") ? text : text + "/"
    }
}
