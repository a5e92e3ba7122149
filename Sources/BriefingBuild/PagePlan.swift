import BriefingCore
import BriefingRender

/// Every page of the portal, listed from the site graph in a fixed order.
public struct PagePlan: Sendable {
    public let pages: [PlannedPage]

    public init(site: Site) {
        let newest = site.briefs.first?.date
        var pages: [PlannedPage] = [
            PlannedPage(kind: .home, url: SiteURLs.home, template: "home", lastModified: newest)
        ]
        for brief in site.briefs {
            pages.append(PlannedPage(kind: .brief(brief.slug), url: SiteURLs.brief(brief.slug), template: "brief", lastModified: brief.date))
        }
        pages.append(PlannedPage(kind: .topicIndex, url: SiteURLs.topics, template: "topics", lastModified: newest))
        for topic in site.topics {
            let briefs = site.briefs(inTopic: topic.slug)
            for page in 1...site.pageCount(ofTopic: topic.slug) {
                pages.append(PlannedPage(
                    kind: .topic(topic.slug, page: page), url: SiteURLs.topic(topic.slug, page: page), template: "topic",
                    lastModified: briefs.dropFirst((page - 1) * site.config.pageSize).first?.date))
            }
        }
        pages.append(PlannedPage(kind: .companyIndex, url: SiteURLs.companies, template: "companies", lastModified: newest))
        for company in site.companies {
            pages.append(PlannedPage(
                kind: .company(company.slug), url: SiteURLs.company(company.slug), template: "company",
                lastModified: site.briefs(mentioning: company.slug).first?.date))
        }
        pages.append(PlannedPage(kind: .timeline, url: SiteURLs.timeline, template: "timeline", lastModified: nil))
        for (year, periods) in site.timeline.years {
            pages.append(PlannedPage(kind: .timelineYear(year), url: SiteURLs.year(year), template: "timeline-year", lastModified: nil))
            for period in periods {
                guard let month = period.month else { continue }
                pages.append(PlannedPage(
                    kind: .timelineMonth(year, month), url: SiteURLs.month(year, month), template: "timeline-month", lastModified: nil))
            }
        }
        pages.append(PlannedPage(kind: .search, url: SiteURLs.search, template: "search", lastModified: nil))
        pages.append(PlannedPage(kind: .searchIndex, url: SiteURLs.searchIndex, template: "search-index.json", lastModified: nil))
        pages.append(PlannedPage(kind: .feed(.site), url: SiteURLs.feed, template: "feed.xml", lastModified: nil))
        if site.config.topicFeeds {
            for topic in site.topics {
                pages.append(PlannedPage(kind: .feed(.topic(topic.slug)), url: SiteURLs.topicFeed(topic.slug), template: "feed.xml", lastModified: nil))
            }
        }
        if site.config.companyFeeds {
            for company in site.companies {
                pages.append(PlannedPage(kind: .feed(.company(company.slug)), url: SiteURLs.companyFeed(company.slug), template: "feed.xml", lastModified: nil))
            }
        }
        pages.append(PlannedPage(kind: .sitemap, url: "sitemap.xml", template: "sitemap.xml", lastModified: nil))
        pages.append(PlannedPage(kind: .robots, url: "robots.txt", template: "robots.txt", lastModified: nil))
        pages.append(PlannedPage(kind: .notFound, url: "404.html", template: "404", lastModified: nil))
        self.pages = pages
    }
}
