import BriefingTemplates
import Foundation
import Testing
@testable import BriefingCore
@testable import BriefingRender

@Suite struct SearchIndexTests {
    let site = SampleSite.make()
    var contexts: PageContexts { PageContexts(site: site, bodies: MarkdownBodies(mode: .html, allowRawHTML: false)) }

    static func parse(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func theIndexListsEveryBriefNewestFirstWithShortKeys() throws {
        let index = try Self.parse(contexts.searchIndexJSON())
        #expect(index["v"] as? Int == 1)
        let briefs = try #require(index["briefs"] as? [[String: Any]])
        #expect(briefs.map { $0["t"] as? String } == ["Huawei's Ascend roadmap", "Nvidia pauses H20 & more", "Old news"])
        #expect(Set(briefs[1].keys) == ["u", "t", "d", "s", "p", "c"])
        #expect(briefs[1]["u"] as? String == "briefs/h20-paused/")
        #expect(briefs[1]["d"] as? String == "2025-08-22")
        #expect(briefs[1]["s"] as? String == "Nvidia asked suppliers to pause.")
    }

    @Test func topicsAndCompaniesAreNumbersIntoNameTables() throws {
        let index = try Self.parse(contexts.searchIndexJSON())
        let topics = try #require(index["topics"] as? [[String: String]])
        let companies = try #require(index["companies"] as? [[String: String]])
        let briefs = try #require(index["briefs"] as? [[String: Any]])
        #expect(topics.first == ["slug": "ai-chips", "name": "AI chips", "url": "topics/ai-chips/"])
        #expect(companies.map { $0["slug"] } == ["huawei", "nvidia", "smic"])
        #expect((briefs[1]["p"] as? [Int])?.map { topics[$0]["name"] } == ["AI chips", "Export controls"])
        #expect((briefs[0]["c"] as? [Int])?.map { companies[$0]["name"] } == ["Huawei", "SMIC"])
    }

    @Test func theIndexIsCompactWithoutBodiesAndTheSameOnEveryBuild() {
        let text = contexts.searchIndexJSON()
        let again = PageContexts(site: SampleSite.make(), bodies: MarkdownBodies(mode: .fingerprint, allowRawHTML: false)).searchIndexJSON()
        #expect(text == again)
        #expect(text.hasPrefix(#"{"v":1,"topics":[{"slug":"ai-chips","#))
        #expect(!text.contains("\n") && !text.contains("Key points"))
        #expect(contexts.searchIndex()["indexJSON"] == .string(text))
    }

    @Test func hostileTextCannotLeaveTheIndexOrAnHTMLScript() throws {
        let title = "</script><script>alert(1)</script> & \"quoted\" \\ \u{2028}"
        let site = HostileSite.make(title: title)
        let text = PageContexts(site: site, bodies: MarkdownBodies(mode: .html, allowRawHTML: false)).searchIndexJSON()
        #expect(!text.contains("<") && !text.contains(">") && !text.contains("&") && !text.contains("\u{2028}"))
        #expect(text.contains(#"\u003c/script\u003e"#))
        let briefs = try #require(try Self.parse(text)["briefs"] as? [[String: Any]])
        #expect(briefs.first?["t"] as? String == title)
    }

    @Test func theSearchPageOffersTheTopicsAndCompaniesThatHaveBriefs() {
        let page = contexts.search()
        func values(_ list: TemplateValue?, _ key: String) -> [TemplateValue] {
            guard case .list(let items)? = list else { return [] }
            return items.compactMap { $0[key] }
        }
        #expect(values(page["topics"], "slug") == ["ai-chips", "export-controls"])
        #expect(values(page["topics"], "count") == [2, 2])
        #expect(values(page["companies"], "name") == ["Huawei", "Nvidia", "SMIC"])
        #expect(page["indexURL"] == "search-index.json")
        #expect(page["count"] == 3)
        #expect(page["root"] == "../")
        #expect(page["nav"]?["search"] == true)
    }
}

/// A one-brief site whose text tries to break out of the HTML, scripts and JSON it is written into.
enum HostileSite {
    static func make(title: String) -> Site {
        var config = SiteConfig()
        config.title = "Desk </script>"
        config.baseURL = "https://example.org/"
        let location = ContentLocation(file: "hostile.md")
        let brief = Brief(
            id: "x", slug: SampleSite.slug("hostile"), title: title, date: Timestamp(iso: "2025-01-02")!,
            summary: "<b>bold</b> & </SCRIPT>", companies: [SampleSite.slug("acme")], body: "Body.", location: location)
        let company = Company(slug: SampleSite.slug("acme"), name: "Acme </script>", website: "https://acme.example/?a=1&b=<2>", location: location)
        return Site(config: config, briefs: [brief], topics: [], companies: [company])
    }
}
