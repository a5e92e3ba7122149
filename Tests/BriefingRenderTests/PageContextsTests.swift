import BriefingTemplates
import Testing
@testable import BriefingCore
@testable import BriefingRender

@Suite struct PageContextsTests {
    let site = SampleSite.make()
    var contexts: PageContexts { PageContexts(site: site, bodies: MarkdownBodies(mode: .html, allowRawHTML: false)) }

    func strings(_ value: TemplateValue?, _ key: String) -> [String] {
        guard case .list(let items)? = value else { return [] }
        return items.compactMap { if case .string(let text)? = $0[key] { text } else { nil } }
    }

    @Test func everyPageHasTheFrame() {
        let page = contexts.brief(site.briefs[0])
        #expect(page["root"] == "../../")
        #expect(page["site"]?["title"] == "Test Desk")
        #expect(page["site"]?["feedURL"] == "https://example.org/portal/feed.xml")
        #expect(page["page"]?["canonicalURL"] == "https://example.org/portal/briefs/ascend-roadmap/")
        #expect(page["nav"]?["briefs"] == true)
        #expect(contexts.notFound()["root"] == "/portal/")
    }

    @Test func homeListsNewestFirstAndRanksTopicsByCoverage() {
        let home = contexts.home()
        #expect(strings(home["latest"], "title") == ["Huawei's Ascend roadmap", "Nvidia pauses H20 & more", "Old news"])
        #expect(strings(home["topTopics"], "name") == ["AI chips", "Export controls"])
        #expect(strings(home["topCompanies"], "name") == ["Nvidia", "Huawei", "SMIC"])
        #expect(home["stats"]?["events"] == 3)
        #expect(home["root"] == "")
    }

    /// Related briefs come from each list's neighbourhood, are scored on every tag they share, and tie to the
    /// nearest in time: the archive's size never enters a brief page's cost.
    @Test func relatedBriefsAreTheBestScoredNearbyBriefsNearestFirst() {
        let chips = SampleSite.slug("ai-chips")
        let nvidia = SampleSite.slug("nvidia")
        // 200 briefs on one topic, a day apart; the oldest also names Nvidia, as does brief 100.
        let briefs = (0..<200).map { n in
            Brief(
                id: "b\(n)", slug: SampleSite.slug("brief-\(n)"), title: "Brief \(n)",
                date: Timestamp(secondsSinceEpoch: 1_700_000_000 - n * 86_400), topics: [chips],
                companies: n == 100 || n == 199 ? [nvidia] : [], location: ContentLocation(file: "b\(n).md"))
        }
        let site = Site(config: self.site.config, briefs: briefs, topics: self.site.topics, companies: self.site.companies)
        let contexts = PageContexts(site: site, bodies: MarkdownBodies(mode: .html, allowRawHTML: false))
        // Brief 199 shares the topic and the company, far beyond the topic's window, but within the company's.
        #expect(contexts.site.related(to: briefs[100]).map(\.title) == ["Brief 199", "Brief 99", "Brief 101", "Brief 98"])
        #expect(contexts.site.related(to: briefs[0]).map(\.title) == ["Brief 1", "Brief 2", "Brief 3", "Brief 4"])
        // Brief 150 shares only the topic with every candidate: the nearest four, the newer first at equal distance.
        #expect(contexts.site.related(to: briefs[150]).map(\.title) == ["Brief 149", "Brief 151", "Brief 148", "Brief 152"])
    }

    @Test func briefPageLinksNeighboursRelatedAndSources() throws {
        let brief = try #require(site.brief(SampleSite.slug("h20-paused")))
        let page = contexts.brief(brief)
        #expect(page["previous"]?["title"] == "Old news")
        #expect(page["next"]?["title"] == "Huawei's Ascend roadmap")
        #expect(strings(page["related"], "title") == ["Old news", "Huawei's Ascend roadmap"])
        #expect(page["brief"]?["date"]?["human"] == "22 August 2025")
        #expect(strings(page["brief"]?["sources"], "publisher") == ["Reuters"])
        #expect(strings(page["brief"]?["topics"], "url") == ["topics/ai-chips/", "topics/export-controls/"])
        guard case .string(let body)? = page["brief"]?["bodyHTML"] else { Issue.record("no body"); return }
        #expect(body.contains("<h2>Key points</h2>") && !body.contains("<script>"))
        #expect(strings(page["brief"]?["events"], "text") == ["Suppliers told to pause", "Order placed with TSMC"])
    }

    @Test func topicPagesArePaginated() throws {
        let topic = try #require(site.topic(SampleSite.slug("ai-chips")))
        #expect(Paging(count: site.briefs(inTopic: topic.slug).count, size: site.config.pageSize).pageCount == 1)
        let exports = try #require(site.topic(SampleSite.slug("export-controls")))
        let first = contexts.topic(exports, page: 1)
        #expect(first["pagination"] == .null)
        let single = SampleSite.make(pageSize: 1)
        let paged = PageContexts(site: single, bodies: MarkdownBodies(mode: .html, allowRawHTML: false))
        let second = paged.topic(exports, page: 2)
        #expect(strings(second["briefs"], "title") == ["Old news"])
        #expect(second["pagination"]?["prev"]?["url"] == "topics/export-controls/")
        #expect(second["pagination"]?["next"] == .null)
        #expect(second["root"] == "../../../../")
        #expect(second["page"]?["title"] == "Export controls — page 2")
    }

    @Test func companyPageHasProfileBriefsTimelineAndTopics() throws {
        let nvidia = try #require(site.company(SampleSite.slug("nvidia")))
        let page = contexts.company(nvidia)
        #expect(page["company"]?["ticker"] == "NASDAQ: NVDA")
        #expect(page["company"]?["bodyHTML"] == "<p>GPUs.</p>\n")
        #expect(strings(page["briefs"], "title") == ["Nvidia pauses H20 & more", "Old news"])
        #expect(strings(page["events"], "text") == ["Suppliers told to pause"])
        #expect(strings(page["topics"], "name") == ["Export controls", "AI chips"])
        #expect(page["page"]?["feedURL"] == "https://example.org/portal/companies/nvidia/feed.xml")
    }

    @Test func timelineGroupsByYearMonthAndDay() {
        let timeline = contexts.timeline()
        guard case .list(let years)? = timeline["years"] else { Issue.record("no years"); return }
        #expect(years.map { $0["year"] } == [2026, 2025])
        #expect(strings(years[1]["months"], "name") == ["August", "July"])
        let year = contexts.timelineYear(2026)
        #expect(strings(year["undated"]?["events"], "text") == ["Ascend 950 due"])
        #expect(year["previous"]?["year"] == 2025)
        #expect(year["next"] == .null)
        let month = contexts.timelineMonth(2025, 8)
        #expect(month["month"] == "August")
        guard case .list(let days)? = month["days"] else { Issue.record("no days"); return }
        #expect(days.first?["date"]?["human"] == "21 August 2025")
        #expect(month["previous"]?["url"] == "timeline/2025/07/")
    }

    @Test func feedsAreDatedByTheirNewestEntryAndUseStableIDs() {
        let feed = contexts.feed(.topic(SampleSite.slug("export-controls")))
        #expect(feed["feed"]?["updated"] == "2025-08-22T09:00:00Z")
        #expect(strings(feed["entries"], "id") == ["tag:example.org,2025:1", "https://example.org/portal/briefs/old-news/"])
        #expect(feed["feed"]?["selfURL"] == "https://example.org/portal/topics/export-controls/feed.xml")
    }
}
