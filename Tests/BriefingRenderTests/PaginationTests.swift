import BriefingCore
import BriefingTemplates
import Foundation
import Testing
@testable import BriefingRender

/// Every list that grows with the archive is cut into pages with stable URLs, `rel` links and bounded size.
@Suite struct PaginationTests {
    /// Seven briefs naming Nvidia (one also Huawei), each with two events in September 2025 and one known only to
    /// 2025; twelve companies; page sizes of three.
    static func site(pageSize: Int = 3) -> Site {
        func slug(_ text: String) -> Slug { SampleSite.slug(text) }
        var config = SiteConfig()
        config.baseURL = "https://example.org/"
        config.pageSize = pageSize
        config.eventPageSize = pageSize
        config.indexPageSize = 5
        let location = ContentLocation(file: "content/x.md")
        let companies = ["nvidia", "huawei"].map { Company(slug: slug($0), name: $0.capitalized, location: ContentLocation(file: "content/companies/\($0).md")) }
            + (1...10).map { Company(slug: slug("firm-\($0)"), name: "Firm \($0 < 10 ? "0\($0)" : "\($0)")", location: location) }
        let briefs = (1...7).map { number in
            Brief(
                id: "b\(number)", slug: slug("brief-\(number)"), title: "Brief \(number)",
                date: Timestamp(iso: "2025-09-\(10 + number)T09:00:00Z")!, topics: [slug("chips")],
                companies: number == 1 ? [slug("nvidia"), slug("huawei")] : [slug("nvidia")],
                events: [
                    TimelineEvent(date: PartialDate(iso: "2025-09-\(10 + number)")!, text: "Day event \(number)", companies: [slug("nvidia")]),
                    TimelineEvent(date: PartialDate(iso: "2025-09-0\(number)")!, text: "Early event \(number)", companies: [slug("nvidia")]),
                    TimelineEvent(date: PartialDate(iso: "2025")!, text: "Year event \(number)"),
                ],
                body: "Text.", location: location)
        }
        let topics = [Topic(slug: slug("chips"), name: "Chips", location: ContentLocation(file: "content/topics/chips.md"))]
        return Site(config: config, briefs: briefs, topics: topics, companies: companies)
    }

    let site = PaginationTests.site()
    var plan: PagePlan { PagePlan(site: site) }
    var contexts: PageContexts { PageContexts(site: site, bodies: MarkdownBodies(mode: .html, allowRawHTML: false)) }

    func urls(_ template: String) -> [String] { plan.pages.filter { $0.template == template }.map(\.url) }

    func titles(_ value: TemplateValue, _ key: String) -> [String] {
        guard case .list(let items)? = value[key] else { return [] }
        return items.compactMap { item in
            if case .string(let title)? = item["title"] ?? item["text"] ?? item["name"] { return title }
            return nil
        }
    }

    func pagination(_ value: TemplateValue) -> (current: Int, total: Int, prev: String?, next: String?)? {
        guard case .object(let fields)? = value["pagination"], case .int(let current)? = fields["current"],
              case .int(let total)? = fields["total"] else { return nil }
        func url(_ key: String) -> String? {
            if case .string(let url)? = fields[key]?["url"] { return url }
            return nil
        }
        return (current, total, url("prev"), url("next"))
    }

    @Test func aCompanyWithManyBriefsHasPagesAndOneWithFewHasOne() throws {
        #expect(urls("company").filter { $0.hasPrefix("companies/nvidia/") } == [
            "companies/nvidia/", "companies/nvidia/page/2/", "companies/nvidia/page/3/",
        ])
        #expect(urls("company").filter { $0.hasPrefix("companies/huawei/") } == ["companies/huawei/"])
        let nvidia = try #require(site.company(SampleSite.slug("nvidia")))
        let first = contexts.company(nvidia, page: 1)
        #expect(titles(first, "briefs") == ["Brief 7", "Brief 6", "Brief 5"])
        #expect(titles(first, "events").count == CompanyPages.latestEvents)
        let second = contexts.company(nvidia, page: 2)
        #expect(titles(second, "briefs") == ["Brief 4", "Brief 3", "Brief 2"])
        #expect(titles(second, "events").isEmpty, "the latest events are on the first page only")
        #expect(second["company"]?["bodyHTML"] == .string(""))
        let last = contexts.company(nvidia, page: 3)
        #expect(titles(last, "briefs") == ["Brief 1"])
        let paging = try #require(pagination(second))
        #expect(paging.current == 2 && paging.total == 3)
        #expect(paging.prev == "companies/nvidia/" && paging.next == "companies/nvidia/page/3/")
        #expect(pagination(contexts.company(try #require(site.company(SampleSite.slug("huawei"))))) == nil)
    }

    @Test func pagedListsCarryRelLinksInTheHead() throws {
        let theme = try Theme.load(siteTemplates: nil)
        let nvidia = try #require(site.company(SampleSite.slug("nvidia")))
        let html = try theme.templates.renderString("company", contexts.company(nvidia, page: 2))
        #expect(html.contains(#"<link rel="prev" href="../../../../companies/nvidia/">"#))
        #expect(html.contains(#"<link rel="next" href="../../../../companies/nvidia/page/3/">"#))
        #expect(html.contains(#"aria-label="Pages""#))
    }

    @Test func aCompanyTimelineHasEveryEventOnceAcrossItsPages() {
        let pages = plan.pages.filter { $0.template == "company-timeline" && $0.url.hasPrefix("companies/nvidia/") }
        // Fourteen events name Nvidia, three a page.
        #expect(pages.map(\.url) == ["companies/nvidia/timeline/"] + (2...5).map { "companies/nvidia/timeline/page/\($0)/" })
        var seen: [String] = []
        for page in pages {
            guard case .list(let years)? = page.context(from: contexts)["years"] else { continue }
            for year in years {
                if case .list(let events)? = year["events"] {
                    seen += events.compactMap { if case .string(let text)? = $0["text"] { text } else { nil } }
                }
            }
        }
        #expect(seen.count == 14 && Set(seen).count == 14)
        #expect(!urls("company-timeline").contains { $0.hasPrefix("companies/firm-1/") }, "no timeline for a company without events")
    }

    @Test func timelineMonthsAndYearsArePagedByEvents() throws {
        // September 2025 holds fourteen day-dated events: five pages of three, oldest first.
        #expect(urls("timeline-month") == ["timeline/2025/09/"] + (2...5).map { "timeline/2025/09/page/\($0)/" })
        let first = contexts.timelineMonth(2025, 9, page: 1)
        guard case .list(let days)? = first["days"], case .list(let events)? = days.first?["events"] else {
            Issue.record("no days")
            return
        }
        #expect(events.first?["text"] == .string("Early event 1"))
        // The seven year-only events page the year: three pages; the months preview is on the first only.
        #expect(urls("timeline-year") == ["timeline/2025/", "timeline/2025/page/2/", "timeline/2025/page/3/"])
        let year = contexts.timelineYear(2025, page: 1)
        guard case .list(let months)? = year["months"], let september = months.first else {
            Issue.record("no months")
            return
        }
        #expect(titles(september, "events").count == TimelinePages.monthPreview)
        #expect(september["more"] == .bool(true))
        #expect(contexts.timelineYear(2025, page: 2)["months"] == .list([]))
    }

    @Test func theIndexesArePaged() {
        #expect(urls("companies") == ["companies/", "companies/page/2/", "companies/page/3/"])
        #expect(titles(contexts.companyIndex(page: 3), "companies") == ["Huawei", "Nvidia"])
        #expect(urls("topics") == ["topics/"])
        #expect(pagination(contexts.topicIndex(page: 1)) == nil)
    }

    @Test func pagingCountsBoundaries() {
        #expect(Paging(count: 0, size: 3).pageCount == 1)
        #expect(Paging(count: 3, size: 3).pageCount == 1)
        #expect(Paging(count: 4, size: 3).pageCount == 2)
        #expect(Paging(count: 4, size: 3).range(ofPage: 2) == 3..<4)
        #expect(Paging(count: 4, size: 3).range(ofPage: 3) == 4..<4)
    }

    @Test func everyPageIsCheckedAgainstItsOwnFile() {
        let sources = plan.sources
        #expect(sources["companies/nvidia/page/3/index.html"] == "content/companies/nvidia.md")
        #expect(sources["topics/chips/page/3/index.html"] == "content/topics/chips.md")
    }
}

/// A sitemap past its part size becomes an index of parts that list every page exactly once.
@Suite struct SitemapIndexTests {
    let site = PaginationTests.site()

    func plan(partSize: Int) -> PagePlan {
        PagePlan(site: site, families: PagePlan.families.map { $0 is SiteDocuments ? SiteDocuments(sitemapPartSize: partSize) : $0 })
    }

    func locs(_ page: PlannedPage, _ key: String) -> [String] {
        let contexts = PageContexts(site: site, bodies: MarkdownBodies(mode: .html, allowRawHTML: false))
        guard case .list(let items)? = page.context(from: contexts)[key] else { return [] }
        return items.compactMap { if case .string(let loc)? = $0["loc"] { loc } else { nil } }
    }

    @Test func aSmallSiteHasOneSitemap() throws {
        let plan = plan(partSize: 1000)
        let sitemap = try #require(plan.pages.first { $0.url == "sitemap.xml" })
        #expect(sitemap.template == "sitemap.xml")
        #expect(locs(sitemap, "urls").count == plan.pages.filter(\.inSitemap).count)
        #expect(!plan.pages.contains { $0.url.hasPrefix("sitemap-") })
    }

    @Test func aLargeSiteHasAnIndexOfPartsListingEveryPageOnce() throws {
        let listed = plan(partSize: 1000).pages.filter(\.inSitemap).map { "https://example.org/" + $0.url }
        let plan = plan(partSize: 10)
        let index = try #require(plan.pages.first { $0.url == "sitemap.xml" })
        #expect(index.template == "sitemap-index.xml")
        let parts = plan.pages.filter { $0.url.hasPrefix("sitemap-") }
        #expect(parts.count == (listed.count + 9) / 10)
        #expect(locs(index, "sitemaps") == parts.map { "https://example.org/" + $0.url })
        let inParts = parts.flatMap { locs($0, "urls") }
        #expect(inParts == listed, "every page once, in plan order")
        #expect(parts.allSatisfy { locs($0, "urls").count <= 10 })
        #expect(!inParts.contains { $0.hasSuffix("sitemap.xml") || $0.contains("sitemap-") })
    }

    @Test func robotsNamesTheSitemap() throws {
        let html = try Theme.load(siteTemplates: nil).templates.renderString("robots.txt", PageContexts(
            site: site, bodies: MarkdownBodies(mode: .html, allowRawHTML: false)).robots())
        #expect(html.contains("Sitemap: https://example.org/sitemap.xml"))
    }
}
