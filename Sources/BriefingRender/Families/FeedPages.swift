import BriefingCore
import BriefingTemplates

/// Which briefs an Atom feed carries.
public enum FeedScope: Hashable, Sendable {
    case site
    case topic(Slug)
    case company(Slug)
    case story(Slug)
}

/// The Atom feeds: `/feed.xml` for the site, one per topic and per company unless briefing.yml turns them off, and one
/// per story.
public struct FeedPages: PageFamily {
    public static let siteURL = "feed.xml"

    /// The feed's URL, or nil when briefing.yml turns that kind of feed off.
    public static func url(of scope: FeedScope, in config: SiteConfig) -> String? {
        switch scope {
        case .site: siteURL
        case .topic(let slug): config.topicFeeds ? "topics/\(slug)/feed.xml" : nil
        case .company(let slug): config.companyFeeds ? "companies/\(slug)/feed.xml" : nil
        case .story(let slug): "stories/\(slug)/feed.xml"
        }
    }

    public init() {}

    public func pages(of site: Site, after earlier: [PlannedPage]) -> [PlannedPage] {
        let scopes = [FeedScope.site] + site.topics.map { .topic($0.slug) } + site.companies.map { .company($0.slug) }
            + site.stories.map { .story($0.slug) }
        return scopes.compactMap { scope in
            Self.url(of: scope, in: site.config).map { url in
                PlannedPage(url: url, template: "feed.xml", format: .xml) { $0.feed(scope) }
            }
        }
    }
}

extension PageContexts {
    /// An Atom feed's context: the newest briefs of the site, a topic, a company or a story.
    public func feed(_ scope: FeedScope) -> TemplateValue {
        let config = site.config
        let selfPath = FeedPages.url(of: scope, in: config) ?? FeedPages.siteURL
        let (title, alternate, entries): (String, String, [Brief])
        switch scope {
        case .site:
            (title, alternate) = (config.title, HomePage.url)
            entries = Array(site.briefs.prefix(config.feedEntries))
        case .topic(let slug):
            let name = site.topic(slug)?.name ?? slug.rawValue
            (title, alternate) = ("\(name) · \(config.title)", TopicPages.url(slug))
            entries = Array(site.briefs(inTopic: slug).prefix(config.feedEntries))
        case .company(let slug):
            let name = site.company(slug)?.name ?? slug.rawValue
            (title, alternate) = ("\(name) · \(config.title)", CompanyPages.url(slug))
            entries = Array(site.briefs(mentioning: slug).prefix(config.feedEntries))
        case .story(let slug):
            let name = site.story(slug)?.title ?? slug.rawValue
            (title, alternate) = ("\(name) · \(config.title)", StoryPages.url(slug))
            entries = Array(site.briefs(inStory: slug).prefix(config.feedEntries))
        }
        // The feed changes when its newest entry does, never with the time of the build.
        let updated = entries.map(\.date).max() ?? site.briefs.first?.date ?? Timestamp(secondsSinceEpoch: 0)
        return frame(url: selfPath, title: title).with([
            "feed": [
                "title": .string(title),
                "id": .string(config.baseURL + selfPath),
                "selfURL": .string(config.baseURL + selfPath),
                "alternateURL": .string(config.baseURL + alternate),
                "updated": .string(updated.description),
            ],
            "entries": .list(entries.map { brief in
                [
                    "title": .string(brief.title),
                    "id": .string(atomID(brief)),
                    "url": .string(config.baseURL + BriefPages.url(brief.slug)),
                    "published": .string(brief.date.description),
                    "updated": .string(brief.date.description),
                    "summary": .string(brief.summary),
                    "contentHTML": .string(bodies.html(.brief, brief.slug, at: brief.location, source: brief.body)),
                    "categories": .list(brief.topics.compactMap { site.topic($0) }.map { topic in
                        ["term": .string(topic.slug.rawValue), "label": .string(topic.name)]
                    }),
                ]
            }),
        ])
    }

    /// A brief's own id when it is already a URI (a feed guid, a tag: URI), else its page URL.
    func atomID(_ brief: Brief) -> String {
        let id = brief.id
        if let colon = id.firstIndex(of: ":"), id[..<colon].allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+.-".contains($0)) }),
           id.first?.isLetter == true, !id.contains(" ") {
            return id
        }
        return site.config.baseURL + BriefPages.url(brief.slug)
    }
}
