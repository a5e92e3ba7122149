import BriefingCore
import BriefingTemplates

/// The files a host and crawlers look for: `/sitemap.xml` (every page above it that readers visit),
/// `/robots.txt` and `/404.html`.
public struct SiteDocuments: PageFamily {
    public static let sitemapURL = "sitemap.xml"
    public static let robotsURL = "robots.txt"
    public static let notFoundURL = "404.html"

    public init() {}

    public func pages(of site: Site, after earlier: [PlannedPage]) -> [PlannedPage] {
        let listed = earlier.filter(\.inSitemap).map { SitemapEntry(url: $0.url, lastModified: $0.lastModified) }
        return [
            PlannedPage(url: Self.sitemapURL, template: "sitemap.xml", format: .xml) { $0.sitemap(listed) },
            PlannedPage(url: Self.robotsURL, template: "robots.txt", format: .text) { $0.robots() },
            // Served for any missing path: an HTML page, but not one to list.
            PlannedPage(url: Self.notFoundURL, template: "404", inSitemap: false) { $0.notFound() },
        ]
    }
}

/// One page as the sitemap lists it.
public struct SitemapEntry: Sendable {
    public var url: String
    public var lastModified: Timestamp?
}

extension PageContexts {
    /// The sitemap's context: every listed page, with the date its content last changed where one is known.
    public func sitemap(_ pages: [SitemapEntry]) -> TemplateValue {
        frame(url: SiteDocuments.sitemapURL, title: "Sitemap").with([
            "urls": .list(pages.map { page in
                ["loc": .string(site.config.baseURL + page.url), "lastmod": TemplateValue(page.lastModified.map { $0.date.description })]
            })
        ])
    }

    /// The context of `/robots.txt`.
    public func robots() -> TemplateValue { .object(frame(url: SiteDocuments.robotsURL, title: "robots.txt")) }

    /// The context of `/404.html`: served for any missing path, so its links start from the base URL's path,
    /// not a relative root.
    public func notFound() -> TemplateValue {
        .object(frame(url: SiteDocuments.notFoundURL, title: "Page not found", root: site.config.basePath))
    }
}
