import BriefingCore
import BriefingTemplates

/// The files a host and crawlers look for: `/sitemap.xml` (every page above it that readers visit), `/robots.txt`
/// and `/404.html`. A sitemap of more than `sitemapPartSize` URLs becomes a sitemap index of parts,
/// `/sitemap-1.xml`, `/sitemap-2.xml`…: the protocol allows 50,000 URLs and 50 MB a file, and parts of 30,000
/// (as Zola cuts them) stay far from both.
public struct SiteDocuments: PageFamily {
    public static let sitemapURL = "sitemap.xml"
    public static let robotsURL = "robots.txt"
    public static let notFoundURL = "404.html"

    public static func sitemapPartURL(_ part: Int) -> String { "sitemap-\(part).xml" }

    public let sitemapPartSize: Int

    public init(sitemapPartSize: Int = 30_000) {
        self.sitemapPartSize = max(1, sitemapPartSize)
    }

    public var listsEarlierPages: Bool { true }

    public func pages(of site: Site, after earlier: [PlannedPage]) -> [PlannedPage] {
        let listed = earlier.filter(\.inSitemap).map { SitemapEntry(url: $0.url, lastModified: $0.lastModified) }
        return sitemaps(listing: listed) + [
            PlannedPage(url: Self.robotsURL, template: "robots.txt", format: .text) { $0.robots() },
            // Served for any missing path: an HTML page, but not one to list.
            PlannedPage(url: Self.notFoundURL, template: "404", inSitemap: false) { $0.notFound() },
        ]
    }

    /// One sitemap, or an index and its parts.
    private func sitemaps(listing listed: [SitemapEntry]) -> [PlannedPage] {
        guard listed.count > sitemapPartSize else {
            return [PlannedPage(url: Self.sitemapURL, template: "sitemap.xml", format: .xml, readsPlan: true) { $0.sitemap(listed) }]
        }
        let paging = Paging(count: listed.count, size: sitemapPartSize)
        let parts = paging.pages.map { part in
            (url: Self.sitemapPartURL(part), entries: Array(listed[paging.range(ofPage: part)]))
        }
        let index = parts.map { part in SitemapEntry(url: part.url, lastModified: part.entries.compactMap(\.lastModified).max()) }
        return [PlannedPage(url: Self.sitemapURL, template: "sitemap-index.xml", format: .xml, readsPlan: true) { $0.sitemapIndex(index) }]
            + parts.map { part in
                PlannedPage(url: part.url, template: "sitemap.xml", format: .xml, readsPlan: true) { $0.sitemap(part.entries) }
            }
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

    /// The sitemap index's context: every part, with the newest date among its pages.
    public func sitemapIndex(_ parts: [SitemapEntry]) -> TemplateValue {
        frame(url: SiteDocuments.sitemapURL, title: "Sitemap").with([
            "sitemaps": .list(parts.map { part in
                ["loc": .string(site.config.baseURL + part.url), "lastmod": TemplateValue(part.lastModified.map { $0.date.description })]
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
