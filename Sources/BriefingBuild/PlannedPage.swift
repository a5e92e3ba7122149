import BriefingCore
import BriefingRender

/// One output file the build will produce, and what it shows.
public struct PlannedPage: Sendable {
    /// What the page shows; its context is computed from this and the site.
    public enum Kind: Hashable, Sendable {
        case home
        case brief(Slug)
        case topicIndex
        case topic(Slug, page: Int)
        case companyIndex
        case company(Slug)
        case timeline
        case timelineYear(Int)
        case timelineMonth(Int, Int)
        case search
        case searchIndex
        case feed(FeedScope)
        case sitemap
        case robots
        case notFound
    }

    public let kind: Kind
    /// The page's URL relative to the site root (`briefs/x/`, `feed.xml`).
    public let url: String
    /// The template it is rendered with.
    public let template: String
    /// When its content last changed, for the sitemap; nil where no date is meaningful.
    public let lastModified: Timestamp?

    /// The file written under the output folder.
    public var outputPath: String { SiteURLs.outputPath(for: url) }

    /// HTML pages readers visit (and the sitemap lists).
    public var isHTMLPage: Bool {
        template != "feed.xml" && template != "sitemap.xml" && template != "robots.txt"
            && kind != .searchIndex && kind != .notFound
    }
}
