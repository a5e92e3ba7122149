import BriefingCore

/// Every page of the portal, family by family, in a fixed order.
public struct PagePlan: Sendable {
    /// The families of the default portal, in the order their pages are planned. The sitemap comes last
    /// because it lists the pages before it.
    public static let families = PagePlan.families()

    /// The default families, with the search pages made from `search` where the caller made the index.
    public static func families(search: SearchIndex? = nil) -> [any PageFamily] {
        [
            HomePage(), BriefPages(), StoryPages(), TopicPages(), CompanyPages(), CompanyTimelinePages(), TimelinePages(),
            SearchPages(index: search), DailyPages(), FeedPages(),
            SiteDocuments(),
        ]
    }

    public let pages: [PlannedPage]

    /// `jobs` families are planned at a time, but for those that list the pages before them (`listsEarlierPages`).
    public init(site: Site, families: [any PageFamily] = PagePlan.families, jobs: Int = 1) {
        let planned = families.parallelMap(jobs: jobs) { $0.listsEarlierPages ? nil : $0.pages(of: site, after: []) }
        var pages: [PlannedPage] = []
        for (family, familyPages) in zip(families, planned) { pages += familyPages ?? family.pages(of: site, after: pages) }
        self.pages = pages
    }

    /// Each page whose own text comes from a content file, by output path, and that file.
    public var sources: [String: String] {
        var sources: [String: String] = [:]
        for page in pages {
            if let source = page.source { sources[page.outputPath] = source }
        }
        return sources
    }
}
