import Foundation

/// The site's settings from `briefing.yml`; every setting has a default, so the file is optional.
public struct SiteConfig: Sendable, Equatable {
    public var title = "Briefing"
    public var description = ""
    /// Absolute, ending in `/`: canonical URLs, feeds and the sitemap are built from it.
    public var baseURL = "http://localhost:8080/"
    public var language = "en"
    /// The offset the daily briefing's days follow (`timezone`: `UTC`, `+08:00`, or a name in `UTCOffset.names`).
    public var timezone = UTCOffset.utc
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
    /// The feeds `briefing fetch` follows, in the order `briefing.yml` lists them.
    public var sources: [Source] = []
    /// How `briefing fetch` behaves on the network.
    public var fetch = FetchSettings()

    public init() {}

    /// One entry of `sources:`; it is checked when `briefing.yml` is read, and keeps its line for later messages.
    public struct Source: Sendable, Equatable {
        /// An absolute http or https URL.
        public var url: String
        public var name: String?
        /// Added to every brief ingested from this source.
        public var topics: [Slug] = []
        public var companies: [Slug] = []
        /// The least time between two fetches, in seconds.
        public var every = 3600
        /// Where the entry starts in `briefing.yml`.
        public var line: Int

        public init(url: String, name: String? = nil, topics: [Slug] = [], companies: [Slug] = [], every: Int = 3600, line: Int = 0) {
            self.url = url
            self.name = name
            self.topics = topics
            self.companies = companies
            self.every = every
            self.line = line
        }
    }

    /// The `fetch:` section.
    public struct FetchSettings: Sendable, Equatable {
        /// Hosts a redirect may lead to even when they resolve to a private or loopback address.
        public var allowHosts: [String] = []
        /// Requests in flight at once, over all hosts.
        public var concurrency = 8
        /// Seconds to wait for a connection, and for a whole request.
        public var connectTimeout = 10
        public var timeout = 60

        public init() {}
    }

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
        fields.rejectUnknownKeys([
            "title", "description", "baseURL", "language", "timezone", "pageSize", "pagination", "homeBriefs", "feeds", "markdown", "sources", "fetch",
        ])
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
        if let zone = fields.string("timezone") {
            if let offset = UTCOffset(parsing: zone) {
                config.timezone = offset
            } else {
                fields.report(
                    "timezone", "`\(zone)` is not a fixed UTC offset Briefing knows",
                    fix: "write the offset, like \"+08:00\" or \"-05:00\", or UTC (zones with daylight saving have no single offset)")
            }
        }
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
        config.sources = fields.items("sources", SiteConfig.source)
        var duplicates: [ContentProblem] = []
        var seen: [String: Int] = [:]
        for source in config.sources {
            if let first = seen[source.url] {
                duplicates.append(ContentProblem(
                    file: file, line: source.line, message: "the source \(source.url) is listed twice (first on line \(first))",
                    fix: "remove one of the two entries"))
            }
            seen[source.url] = seen[source.url] ?? source.line
        }
        fields.section("fetch") { fetch in
            fetch.rejectUnknownKeys(["allowHosts", "concurrency", "connectTimeout", "timeout"])
            config.fetch.allowHosts = fetch.strings("allowHosts").map { $0.lowercased() }
            config.fetch.concurrency = fetch.int("concurrency", in: 1...64) ?? config.fetch.concurrency
            config.fetch.connectTimeout = SiteConfig.seconds(&fetch, "connectTimeout", in: 1...300) ?? config.fetch.connectTimeout
            config.fetch.timeout = SiteConfig.seconds(&fetch, "timeout", in: 1...3600) ?? config.fetch.timeout
        }
        let problems = fields.problems + duplicates
        guard problems.isEmpty else { throw ContentErrors(problems.map { $0.ruled(ContentProblem.config) }) }
        return config
    }

    /// One `sources:` entry; nil (with problems recorded) when it cannot be used.
    static func source(_ fields: inout FrontMatterFields) -> Source? {
        fields.rejectUnknownKeys(["url", "name", "topics", "companies", "every"])
        guard let url = fields.string("url", required: true, fix: "give each source its feed address: `- url: https://example.org/feed/`") else {
            return nil
        }
        guard isFetchableURL(url) else {
            fields.report("url", "`\(url)` is not an http or https URL", fix: "write the feed's full address, like https://example.org/feed/")
            return nil
        }
        var source = Source(url: url, name: fields.string("name"), line: fields.line)
        source.topics = slugs(&fields, "topics")
        source.companies = slugs(&fields, "companies")
        source.every = seconds(&fields, "every", in: 60...(30 * 86_400)) ?? source.every
        return source
    }

    /// True for an absolute `http` or `https` URL with a host: the only kind `briefing fetch` ever requests.
    public static func isFetchableURL(_ text: String) -> Bool {
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), ["http", "https"].contains(scheme),
              let host = url.host, !host.isEmpty else { return false }
        return true
    }

    private static func slugs(_ fields: inout FrontMatterFields, _ key: String) -> [Slug] {
        fields.strings(key).compactMap { text in
            guard let slug = Slug(validating: text) else {
                fields.report(key, "`\(text)` in `\(key)` is not a slug", fix: "use the file name of content/\(key)/<slug>.md, like `ai-chips`")
                return nil
            }
            return slug
        }
    }

    /// A duration written `90s`, `30m`, `6h` or `1d`, in seconds.
    static func seconds(_ fields: inout FrontMatterFields, _ key: String, in range: ClosedRange<Int>) -> Int? {
        guard let text = fields.string(key) else { return nil }
        guard let value = parseDuration(text), range.contains(value) else {
            fields.report(key, "`\(key)` must be a duration from \(describeDuration(range.lowerBound)) to \(describeDuration(range.upperBound)), not `\(text)`",
                          fix: "write a number and a unit: `30m`, `6h` or `1d` (s, m, h, d)")
            return nil
        }
        return value
    }

    /// `90s`, `30m`, `6h`, `1d` (also `1h30m`) in seconds; nil for anything else.
    public static func parseDuration(_ text: String) -> Int? {
        var total = 0
        var number = ""
        var sawUnit = false
        for character in text.trimmingCharacters(in: .whitespaces).lowercased() {
            if let digit = character.wholeNumberValue, character.isASCII {
                number.append(String(digit))
                continue
            }
            let unit: Int
            switch character {
            case "s": unit = 1
            case "m": unit = 60
            case "h": unit = 3600
            case "d": unit = 86_400
            default: return nil
            }
            guard let value = Int(number), value <= 1_000_000 else { return nil }
            total += value * unit
            number = ""
            sawUnit = true
        }
        return sawUnit && number.isEmpty ? total : nil
    }

    /// The shortest way to write a duration: `1d`, `6h`, `90m`, `45s`.
    public static func describeDuration(_ seconds: Int) -> String {
        if seconds > 0, seconds % 86_400 == 0 { return "\(seconds / 86_400)d" }
        if seconds > 0, seconds % 3600 == 0 { return "\(seconds / 3600)h" }
        if seconds > 0, seconds % 60 == 0 { return "\(seconds / 60)m" }
        return "\(seconds)s"
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
