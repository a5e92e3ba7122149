import BriefingCore
import BriefingTemplates

/// Which briefs an Atom feed carries.
public enum FeedScope: Hashable, Sendable {
    case site
    case topic(Slug)
    case company(Slug)
}

extension PageContexts {
    /// An Atom feed: the newest briefs of the site, a topic or a company.
    public func feed(_ scope: FeedScope) -> TemplateValue {
        let config = site.config
        let (title, selfPath, alternate, entries): (String, String, String, [Brief])
        switch scope {
        case .site:
            (title, selfPath, alternate) = (config.title, SiteURLs.feed, SiteURLs.home)
            entries = Array(site.briefs.prefix(config.feedEntries))
        case .topic(let slug):
            let name = site.topic(slug)?.name ?? slug.rawValue
            (title, selfPath, alternate) = ("\(name) · \(config.title)", SiteURLs.topicFeed(slug), SiteURLs.topic(slug))
            entries = Array(site.briefs(inTopic: slug).prefix(config.feedEntries))
        case .company(let slug):
            let name = site.company(slug)?.name ?? slug.rawValue
            (title, selfPath, alternate) = ("\(name) · \(config.title)", SiteURLs.companyFeed(slug), SiteURLs.company(slug))
            entries = Array(site.briefs(mentioning: slug).prefix(config.feedEntries))
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
                    "url": .string(config.baseURL + SiteURLs.brief(brief.slug)),
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
        return site.config.baseURL + SiteURLs.brief(brief.slug)
    }

    /// `/sitemap.xml`: every HTML page, with the date its content last changed where one is known.
    public func sitemap(_ pages: [(url: String, lastModified: Timestamp?)]) -> TemplateValue {
        frame(url: "sitemap.xml", title: "Sitemap").with([
            "urls": .list(pages.map { page in
                ["loc": .string(site.config.baseURL + page.url), "lastmod": TemplateValue(page.lastModified.map { $0.date.description })]
            })
        ])
    }

    /// `/robots.txt`.
    public func robots() -> TemplateValue { .object(frame(url: "robots.txt", title: "robots.txt")) }

    /// `/404.html`: served for any missing path, so its links start from the base URL's path, not a relative root.
    public func notFound() -> TemplateValue {
        .object(frame(url: "404.html", title: "Page not found", root: site.config.basePath))
    }
}
