@testable import BriefingCore

/// A small in-memory site: three briefs across two topics and three companies.
enum SampleSite {
    static func slug(_ text: String) -> Slug { Slug(validating: text) ?? Slug(deriving: text) }

    static func make(pageSize: Int = 2, baseURL: String = "https://example.org/portal/") -> Site {
        var config = SiteConfig()
        config.title = "Test Desk"
        config.baseURL = baseURL
        config.pageSize = pageSize
        let location = ContentLocation(file: "test.md")
        let topics = [
            Topic(slug: slug("ai-chips"), name: "AI chips", description: "Accelerators.", body: "About *chips*.", location: location),
            Topic(slug: slug("export-controls"), name: "Export controls", location: location),
        ]
        let companies = [
            Company(slug: slug("nvidia"), name: "Nvidia", ticker: "NASDAQ: NVDA", website: "https://nvidia.com", body: "GPUs.", location: location),
            Company(slug: slug("huawei"), name: "Huawei", location: location),
            Company(slug: slug("smic"), name: "SMIC", location: location),
        ]
        let briefs = [
            Brief(
                id: "tag:example.org,2025:1", slug: slug("h20-paused"), title: "Nvidia pauses H20 & more",
                date: Timestamp(iso: "2025-08-22T09:00:00Z")!, summary: "Nvidia asked suppliers to pause.",
                topics: [slug("ai-chips"), slug("export-controls")], companies: [slug("nvidia")],
                sources: [SourceCitation(url: "https://www.reuters.com/a", publisher: "Reuters")],
                events: [
                    TimelineEvent(date: PartialDate(iso: "2025-08-21")!, text: "Suppliers told to pause", companies: [slug("nvidia")]),
                    TimelineEvent(date: PartialDate(iso: "2025-07")!, text: "Order placed with TSMC"),
                ],
                body: "## Key points\n\n- One <script>alert(1)</script>\n", location: location),
            Brief(
                id: "https://example.com/ascend", slug: slug("ascend-roadmap"), title: "Huawei's Ascend roadmap",
                date: Timestamp(iso: "2025-09-18T00:00:00Z")!, summary: "Three years of chips.",
                topics: [slug("ai-chips")], companies: [slug("huawei"), slug("smic")], mentions: [slug("nvidia")],
                events: [TimelineEvent(date: PartialDate(iso: "2026")!, text: "Ascend 950 due", companies: [slug("huawei")])],
                body: "Huawei plans.", location: location),
            Brief(
                id: "content/briefs/old.md", slug: slug("old-news"), title: "Old news", date: Timestamp(iso: "2024-01-05")!,
                topics: [slug("export-controls")], companies: [slug("nvidia")], body: "Old.", location: location),
        ]
        return Site(config: config, briefs: briefs, topics: topics, companies: companies)
    }
}
