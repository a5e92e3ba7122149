import BriefingCore
import Foundation

/// A feed the site follows: one `sources:` entry of `briefing.yml`, ready to fetch.
public struct FeedSource: Sendable, Equatable {
    public var url: String
    public var name: String?
    public var topics: [Slug]
    public var companies: [Slug]
    /// The least time between two fetches, in seconds.
    public var every: Int
    /// Its line in `briefing.yml`, for messages about it.
    public var line: Int

    public init(url: String, name: String? = nil, topics: [Slug] = [], companies: [Slug] = [], every: Int = 3600, line: Int = 0) {
        self.url = url
        self.name = name
        self.topics = topics
        self.companies = companies
        self.every = every
        self.line = line
    }

    public init(_ entry: SiteConfig.Source) {
        self.init(url: entry.url, name: entry.name, topics: entry.topics, companies: entry.companies, every: entry.every, line: entry.line)
    }

    /// What output calls it: its name, else its URL.
    public var label: String { name ?? url }

    /// The host, lower-cased; nil only for a URL the configuration would have refused.
    public var host: String? { URL(string: url)?.host?.lowercased() }
}
