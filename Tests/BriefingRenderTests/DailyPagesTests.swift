import BriefingCore
import BriefingTemplates
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import BriefingRender

/// The daily briefing: which day a brief falls on at the site's timezone, and what a day's page, editions and feed show.
@Suite struct DailyPagesTests {
    static func slug(_ text: String) -> Slug { Slug(validating: text)! }

    /// Five briefs around midnight in Beijing: at +08:00, `late` (20:00 UTC on the 9th) is on the 10th.
    static func site(timezone: UTCOffset = UTCOffset(parsing: "+08:00")!, extra: [Brief] = []) -> Site {
        var config = SiteConfig()
        config.baseURL = "https://example.org/portal/"
        config.timezone = timezone
        func brief(_ name: String, _ date: String, topics: [String] = [], companies: [String] = [], stories: [String] = [],
                   events: [TimelineEvent] = []) -> Brief {
            Brief(id: name, slug: slug(name), title: "Brief \(name) & co", date: Timestamp(iso: date)!, summary: "About \(name).",
                  topics: topics.map(slug), companies: companies.map(slug), stories: stories.map(slug), events: events,
                  location: ContentLocation(file: "content/briefs/\(name).md"))
        }
        let briefs = [
            brief("early", "2025-09-09T10:00:00Z", topics: ["policy"], stories: ["chips-race"]),
            brief("late", "2025-09-09T20:00:00Z", topics: ["chips"], companies: ["huawei"], stories: ["chips-race"], events: [
                TimelineEvent(date: PartialDate(iso: "2025-09-10")!, text: "Huawei ships the Ascend 910C.", companies: [slug("huawei")]),
                TimelineEvent(date: PartialDate(iso: "2025-09")!, text: "Sometime in September."),
            ]),
            brief("morning", "2025-09-10T03:00:00Z", topics: ["chips", "policy"], companies: ["huawei", "smic"]),
            brief("untagged", "2025-09-10T05:00:00Z"),
            brief("night", "2025-09-10T17:00:00Z", topics: ["policy"], companies: ["smic"]),
        ] + extra
        let topics = [
            Topic(slug: slug("chips"), name: "AI chips", location: ContentLocation(file: "content/topics/chips.md")),
            Topic(slug: slug("policy"), name: "Policy", location: ContentLocation(file: "content/topics/policy.md")),
        ]
        let companies = [
            Company(slug: slug("huawei"), name: "Huawei", location: ContentLocation(file: "content/companies/huawei.md")),
            Company(slug: slug("smic"), name: "SMIC", location: ContentLocation(file: "content/companies/smic.md")),
        ]
        let story = Story(fields: Story.Fields(title: "The chips race"), slug: slug("chips-race"), location: ContentLocation(file: "s.md"))
        return Site(config: config, briefs: briefs, topics: topics, companies: companies, stories: [story])
    }

    static let theme: Theme? = try? Theme.load(siteTemplates: ThemingContractTests.repository.appendingPathComponent("templates"))

    func rendered(_ url: String, in site: Site) throws -> String {
        let page = try #require(PagePlan(site: site).pages.first { $0.url == url }, "no page \(url)")
        return String(decoding: try PageRenderer(site: site, theme: try #require(Self.theme)).render(page), as: UTF8.self)
    }

    func context(_ url: String, in site: Site) throws -> TemplateValue {
        let page = try #require(PagePlan(site: site).pages.first { $0.url == url }, "no page \(url)")
        return page.context(from: PageContexts(site: site, bodies: MarkdownBodies(mode: .html, allowRawHTML: false)))
    }

    @Test func aBriefFallsOnTheDayOfTheSiteTimezone() {
        let beijing = Self.site()
        #expect(beijing.daily.days.map(\.date.description) == ["2025-09-11", "2025-09-10", "2025-09-09"])
        let tenth = beijing.daily.days[1]
        #expect(beijing.briefs(on: tenth).map(\.slug.rawValue) == ["untagged", "morning", "late"])
        let utc = Self.site(timezone: .utc)
        #expect(utc.daily.days.map(\.date.description) == ["2025-09-10", "2025-09-09"])
        #expect(utc.briefs(on: utc.daily.days[1]).map(\.slug.rawValue) == ["late", "early"])
        let newYork = Self.site(timezone: UTCOffset(parsing: "-05:00")!)
        #expect(newYork.daily.days.map(\.date.description) == ["2025-09-10", "2025-09-09"])
        #expect(newYork.briefs(on: newYork.daily.days[0]).map(\.slug.rawValue) == ["night", "untagged"])
    }

    @Test func aDayGroupsItsBriefsByTopicAndShowsLocalTimes() throws {
        let html = try rendered("daily/2025-09-10/", in: Self.site())
        // AI chips has two briefs (late, morning: each under its first topic), so it comes before the untagged one.
        let chips = try #require(html.range(of: ">AI chips</a>"))
        let other = try #require(html.range(of: "Other briefs"))
        #expect(chips.lowerBound < other.lowerBound)
        #expect(!html.contains(">Policy</a> <span"), "morning is under its first topic only")
        #expect(html.contains("datetime=\"2025-09-10T04:00:00+08:00\">10 September 2025</time>"), "late is dated by the local day")
        #expect(html.contains("Brief late &amp; co"))
        #expect(html.contains("href=\"../../daily/2025-09-10/email.html\""))
        #expect(html.contains("aria-current=\"page\">Daily</a>"), "the navigation marks the daily briefing")
    }

    @Test func aDayNamesTheStoriesThatMovedAndHow() throws {
        let site = Self.site()
        guard case .object(let tenth) = try context("daily/2025-09-10/", in: site), case .list(let stories)? = tenth["stories"],
              case .object(let moved)? = stories.first else { Issue.record("no stories"); return }
        #expect(stories.count == 1)
        #expect(moved["title"] == .string("The chips race"))
        #expect(moved["newBriefs"] == .int(1))
        #expect(moved["newEvents"] == .int(2))
        #expect(moved["isNew"] == .bool(false))
        guard case .object(let ninth) = try context("daily/2025-09-09/", in: site), case .list(let began)? = ninth["stories"],
              case .object(let first)? = began.first else { Issue.record("no stories on the 9th"); return }
        #expect(first["isNew"] == .bool(true))
        #expect(first["newEvents"] == .null)
        guard case .object(let eleventh) = try context("daily/2025-09-11/", in: site) else { return }
        #expect(eleventh["stories"] == .list([]))
    }

    @Test func aDayListsTheEventsDatedThatDayAndTheCompaniesInTheNews() throws {
        let html = try rendered("daily/2025-09-10/", in: Self.site())
        #expect(html.contains("Huawei ships the Ascend 910C."))
        #expect(!html.contains("Sometime in September."), "an event known only to its month is not the day's")
        let ninth = try rendered("daily/2025-09-09/", in: Self.site())
        #expect(!ninth.contains("Huawei ships the Ascend 910C."))
        guard case .object(let tenth) = try context("daily/2025-09-10/", in: Self.site()), case .list(let companies)? = tenth["companies"] else {
            Issue.record("no companies"); return
        }
        // Huawei is named by two of the day's briefs, SMIC by one.
        #expect(companies.map { $0["name"] } == [.string("Huawei"), .string("SMIC")])
        #expect(companies.map { $0["count"] } == [.int(2), .int(1)])
    }

    @Test func theIndexAndTheHomePageLinkTheDays() throws {
        let site = Self.site()
        let index = try rendered("daily/", in: site)
        #expect(index.contains("href=\"../daily/2025-09-11/\""))
        #expect(index.contains("Thursday 11 September 2025"))
        let home = try rendered("", in: site)
        #expect(home.contains("class=\"daily-latest\" href=\"daily/2025-09-11/\""))
    }

    @Test func theDailyFeedHasOneEntryPerDay() throws {
        let xml = try rendered("daily/feed.xml", in: Self.site())
        #expect(xml.components(separatedBy: "<entry>").count == 4)
        #expect(xml.contains("<id>https://example.org/portal/daily/2025-09-10/</id>"))
        #expect(xml.contains("<a href=\"https://example.org/portal/briefs/late/\">Brief late &amp; co</a>"))
        #expect(xml.contains("<updated>2025-09-10T17:00:00Z</updated>"))
        let parser = XMLParser(data: Data(xml.utf8))
        #expect(parser.parse(), "the feed is not well-formed XML: \(String(describing: parser.parserError))")
    }

    @Test func theEditionsStayOutOfTheSitemapAndTheDayPagesDoNot() {
        let pages = PagePlan(site: Self.site()).pages
        let listed = Set(pages.filter(\.inSitemap).map(\.url))
        #expect(listed.contains("daily/2025-09-10/"))
        #expect(listed.contains("daily/"))
        #expect(!listed.contains("daily/2025-09-10/email.html"))
        #expect(!listed.contains("daily/2025-09-10/email.txt"))
    }

    @Test func thePlainTextEditionIsPlainText() throws {
        let text = try rendered("daily/2025-09-10/email.txt", in: Self.site())
        #expect(text.contains("Brief late & co"))
        #expect(text.contains("https://example.org/portal/briefs/late/"))
        #expect(text.contains("== AI chips =="))
        #expect(!text.contains("&amp;") && !text.contains("<a ") && !text.contains("<p"))
    }

    /// The constraints of an HTML message: what mail clients strip or clip.
    static func problems(ofEmail html: String) -> [String] {
        var problems: [String] = []
        let lower = html.lowercased()
        for banned in ["<script", "<link", "<style", "@import", "@font-face", "fonts.googleapis", "<iframe", "<form"] where lower.contains(banned) {
            problems.append("contains \(banned)")
        }
        let references = try! NSRegularExpression(pattern: #"\b(?:href|src)\s*=\s*"([^"]*)""#)
        for match in references.matches(in: html, range: NSRange(html.startIndex..., in: html)) {
            let url = String(html[Range(match.range(at: 1), in: html)!])
            if !(url.hasPrefix("https://") || url.hasPrefix("http://")) { problems.append("relative URL \(url)") }
        }
        let widths = try! NSRegularExpression(pattern: #"(?:^|[;"\s])(?:max-|min-)?width\s*[:=]\s*"?(\d+)(px)?"#)
        for match in widths.matches(in: html, range: NSRange(html.startIndex..., in: html)) {
            let value = Int(html[Range(match.range(at: 1), in: html)!]) ?? 0
            if value > 600 { problems.append("width \(value) px") }
        }
        if !html.contains("max-width:600px") { problems.append("no 600 px column") }
        if html.utf8.count >= 102 * 1024 { problems.append("\(html.utf8.count) bytes: Gmail clips messages from 102 KB") }
        return problems
    }

    @Test func theEmailEditionFitsMailClients() throws {
        let html = try rendered("daily/2025-09-10/email.html", in: Self.site())
        #expect(Self.problems(ofEmail: html) == [])
        #expect(html.contains("<a href=\"https://example.org/portal/briefs/late/\""))
        #expect(Self.problems(ofEmail: #"<a href="../x/">x</a><table style="width:700px">"#).count == 3, "the check itself must catch these")
    }

    @Test func theExampleSitesBusiestDayFitsMailClients() throws {
        let site = try #require(StoryPagesTests.site)
        let busiest = try #require(site.daily.days.max { $0.positions.count < $1.positions.count })
        let html = try rendered(DailyPages.emailURL(busiest.date), in: site)
        #expect(Self.problems(ofEmail: html) == [])
        #expect(html.components(separatedBy: "<h3").count - 1 == min(busiest.positions.count, DailyEdition.briefCount))
    }

    @Test func aDayWithFiveHundredBriefsStaysBounded() throws {
        let summary = String(repeating: "A long summary of what happened that day. ", count: 8)
        let extra = (0..<500).map { index in
            Brief(id: "x\(index)", slug: Self.slug("busy-\(index)"), title: "Busy brief number \(index)",
                  date: Timestamp(secondsSinceEpoch: Timestamp(iso: "2025-09-12T01:00:00Z")!.secondsSinceEpoch + index * 60),
                  summary: summary, topics: [Self.slug(index % 2 == 0 ? "chips" : "policy")], companies: [Self.slug("huawei")],
                  location: ContentLocation(file: "busy-\(index).md"))
        }
        let site = Self.site(extra: extra)
        let pages = PagePlan(site: site).pages.filter { $0.url.hasPrefix("daily/2025-09-12/") }
        #expect(pages.filter { $0.template == "daily-day" }.count == 500 / site.config.pageSize)
        let email = try rendered("daily/2025-09-12/email.html", in: site)
        #expect(Self.problems(ofEmail: email) == [])
        #expect(email.contains("460 more briefs on the web edition"))
        for page in pages where page.template == "daily-day" {
            #expect(try rendered(page.url, in: site).utf8.count < 200_000, "\(page.url) is too large")
        }
    }
}
