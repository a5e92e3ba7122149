import BriefingCore
import BriefingTemplates

/// The daily briefing: `/daily/` (every day with briefs, newest first, paged), `/daily/YYYY-MM-DD/` (that day's briefs
/// by topic, paged, with the stories that moved, the events of the day and the companies in the news), its e-mail
/// editions `email.html` and `email.txt` (see `DailyEdition.swift`) and `/daily/feed.xml`, one entry per day. Days
/// follow `briefing.yml`'s `timezone`.
public struct DailyPages: PageFamily {
    public static let indexURL = "daily/"
    public static let feedURL = "daily/feed.xml"

    /// Stories, companies and briefs per story a day page lists: bounded, however busy the day.
    public static let storyCount = 20
    public static let companyCount = 24
    public static let storyBriefCount = 5

    public static func indexURL(page: Int) -> String { PageURL.paged(indexURL, page: page) }

    public static func url(_ date: PartialDate, page: Int = 1) -> String { PageURL.paged("daily/\(date)/", page: page) }

    public static func emailURL(_ date: PartialDate) -> String { "daily/\(date)/email.html" }

    public static func textURL(_ date: PartialDate) -> String { "daily/\(date)/email.txt" }

    public init() {}

    public func pages(of site: Site, after earlier: [PlannedPage]) -> [PlannedPage] {
        let days = site.daily.days
        let newest = site.briefs.first?.date
        // The index exists even before the first brief: the home page and the feed link to it.
        var pages = Paging(count: days.count, size: site.config.indexPageSize).pages.map { page in
            PlannedPage(url: Self.indexURL(page: page), template: "daily", lastModified: newest) { $0.dailyIndex(page: page) }
        }
        for day in days {
            let newestThatDay = site.briefs(on: day).first?.date
            pages += Paging(count: day.positions.count, size: site.config.pageSize).pages.map { page in
                PlannedPage(url: Self.url(day.date, page: page), template: "daily-day", lastModified: newestThatDay) {
                    $0.dailyDay(day, page: page)
                }
            }
            // The editions are for mailers, not for search engines: the web page is the day's canonical page.
            pages.append(PlannedPage(url: Self.emailURL(day.date), template: "daily-email", inSitemap: false) { $0.dailyEdition(day) })
            pages.append(PlannedPage(url: Self.textURL(day.date), template: "daily-email.txt", format: .text) { $0.dailyEdition(day) })
        }
        pages.append(PlannedPage(url: Self.feedURL, template: "daily-feed.xml", format: .xml) { $0.dailyFeed() })
        return pages
    }
}

extension PageContexts {
    /// `{ iso, human, weekday }` of a day of the daily briefing.
    func dailyDate(_ date: PartialDate) -> [String: TemplateValue] {
        ["iso": .string(date.description), "human": .string(HumanDate.human(date)), "weekday": .string(HumanDate.weekday(date))]
    }

    /// What lists show of a day: its date, link and how many briefs it has.
    func dailyLink(_ day: DailyIndex.Day) -> [String: TemplateValue] {
        dailyDate(day.date).merging(["url": .string(DailyPages.url(day.date)), "count": .int(day.positions.count)]) { $1 }
    }

    /// The latest day of the daily briefing, for the home page; null before the first brief.
    func latestDaily() -> TemplateValue {
        site.daily.days.first.map { .object(dailyLink($0)) } ?? .null
    }

    /// A count for `{{#count}}…{{/count}}`: null when there are none, since every number is truthy to Mustache.
    func nonZero(_ count: Int) -> TemplateValue { count > 0 ? .int(count) : .null }

    /// A brief card dated as the daily briefing counts days, with its local time.
    func dailyCard(_ brief: Brief) -> TemplateValue {
        let offset = site.config.timezone
        guard case .object(var card) = card(brief) else { return .null }
        card["date"] = HumanDate.value(brief.date, at: offset)
        card["time"] = .string(HumanDate.time(brief.date, at: offset))
        return .object(card)
    }

    /// The context of one page of `/daily/`.
    public func dailyIndex(page: Int = 1) -> TemplateValue {
        // Which days there are, not what each holds: a page reads its own days' briefs (below), so an edit to one
        // day examines only the page that shows it.
        let days = site.daily.dates
        let paging = Paging(count: days.count, size: site.config.indexPageSize)
        return frame(
            url: DailyPages.indexURL(page: page), title: page > 1 ? "Daily briefing — page \(page)" : "Daily briefing",
            description: "Each day's briefs from \(site.config.title), by topic, with the stories that moved and the day's events.",
            section: .daily, feedURL: DailyPages.feedURL
        ).with([
            "breadcrumbs": page > 1 ? breadcrumbs(("Daily briefing", DailyPages.indexURL)) : breadcrumbs(),
            "count": .int(days.count),
            "timezone": .string(site.config.timezone.description),
            "days": .list(days[paging.range(ofPage: page)].map { day in
                let glance = DailyBriefing.glance(site: site, day: day)
                return .object(dailyLink(day).merging([
                    "topics": .list(glance.groups.prefix(4).compactMap { group in
                        group.topic.map { .object(link($0).merging(["count": .int(group.briefs.count)]) { $1 }) }
                    }),
                    "stories": nonZero(glance.stories),
                ]) { $1 })
            }),
            "pagination": pagination(number: page, total: paging.pageCount) { DailyPages.indexURL(page: $0) },
        ])
    }

    /// One page of a day: its share of the day's briefs, by topic; on the first page also the stories that moved,
    /// the events of the day and the companies in the news.
    public func dailyDay(_ day: DailyIndex.Day, page: Int = 1) -> TemplateValue {
        let briefing = DailyBriefing(site: site, day: day)
        let paging = Paging(count: day.positions.count, size: site.config.pageSize)
        let first = page == 1
        let human = HumanDate.human(day.date)
        let (earlier, later) = site.daily.neighbours(of: day.date)
        let eventLimit = site.config.eventPageSize
        return frame(
            url: DailyPages.url(day.date, page: page),
            title: page > 1 ? "Daily briefing, \(human) — page \(page)" : "Daily briefing, \(human)",
            description: "\(day.positions.count) brief\(day.positions.count == 1 ? "" : "s") from \(site.config.title) on \(human).",
            section: .daily, feedURL: DailyPages.feedURL
        ).with([
            "breadcrumbs": page > 1
                ? breadcrumbs(("Daily briefing", DailyPages.indexURL), (human, DailyPages.url(day.date)))
                : breadcrumbs(("Daily briefing", DailyPages.indexURL)),
            "day": .object(dailyDate(day.date)),
            "count": .int(day.positions.count),
            "timezone": .string(site.config.timezone.description),
            "groups": .list(briefing.groups(in: paging.range(ofPage: page)).map { group in
                [
                    "name": .string(group.topic?.name ?? "Other briefs"),
                    "url": TemplateValue(group.topic.map { TopicPages.url($0.slug) }),
                    "count": .int(briefing.groups.first { $0.topic?.slug == group.topic?.slug }?.briefs.count ?? group.briefs.count),
                    "briefs": .list(group.briefs.map(dailyCard)),
                ]
            }),
            "stories": .list(first ? briefing.stories.prefix(DailyPages.storyCount).map { moved in
                [
                    "title": .string(moved.story.title),
                    "url": .string(StoryPages.url(moved.story.slug)),
                    "status": .string(moved.story.status.rawValue),
                    "count": .int(site.briefs(inStory: moved.story.slug).count),
                    "newBriefs": .int(moved.briefs.count),
                    "newEvents": nonZero(moved.newEvents),
                    "isNew": .bool(moved.isNew),
                    "briefs": .list(moved.briefs.prefix(DailyPages.storyBriefCount).map { brief in
                        ["title": .string(brief.title), "url": .string(BriefPages.url(brief.slug))]
                    }),
                ]
            } : []),
            "events": .list(first ? briefing.events.prefix(eventLimit).map(event) : []),
            "moreEvents": [
                "count": nonZero(first ? briefing.events.count - eventLimit : 0),
                "url": .string(TimelinePages.url(year: day.date.year, month: day.date.month ?? 1)),
            ],
            "companies": .list(first ? briefing.companies.prefix(DailyPages.companyCount).map {
                .object(link($0.company).merging(["count": .int($0.count)]) { $1 })
            } : []),
            // Days are newest first: the earlier day follows this one.
            "previous": earlier.map { .object(dailyLink($0)) } ?? .null,
            "next": later.map { .object(dailyLink($0)) } ?? .null,
            "emailEdition": ["url": .string(DailyPages.emailURL(day.date))],
            "textEdition": ["url": .string(DailyPages.textURL(day.date))],
            "pagination": pagination(number: page, total: paging.pageCount) { DailyPages.url(day.date, page: $0) },
        ])
    }

    /// `/daily/feed.xml`: one entry per day, newest first, each listing the day's briefs by topic.
    public func dailyFeed() -> TemplateValue {
        let config = site.config
        let days = site.daily.days.prefix(config.feedEntries)
        let title = "Daily briefing · \(config.title)"
        let entries: [TemplateValue] = days.map { day in
            let briefing = DailyBriefing(site: site, day: day)
            let newest = site.briefs(on: day.date).first?.date ?? Timestamp(secondsSinceEpoch: 0)
            let url = config.baseURL + DailyPages.url(day.date)
            let shown = briefing.groups(in: 0..<DailyEdition.briefCount)
            return [
                "title": .string("Daily briefing, \(HumanDate.weekday(day.date)) \(HumanDate.human(day.date))"),
                "id": .string(url),
                "url": .string(url),
                // A day's entry changes when a brief joins it, dated by its newest brief.
                "published": .string(newest.description),
                "updated": .string(newest.description),
                "summary": .string(dailySummary(briefing)),
                "groups": .list(shown.map { group in
                    [
                        "name": .string(group.topic?.name ?? "Other briefs"),
                        "briefs": .list(group.briefs.map { brief in
                            ["title": .string(brief.title), "url": .string(config.baseURL + BriefPages.url(brief.slug))]
                        }),
                    ]
                }),
                "more": nonZero(day.positions.count - DailyEdition.briefCount),
            ]
        }
        let updated = days.compactMap { site.briefs(on: $0.date).first?.date }.max() ?? Timestamp(secondsSinceEpoch: 0)
        return frame(url: DailyPages.feedURL, title: title).with([
            "feed": [
                "title": .string(title),
                "id": .string(config.baseURL + DailyPages.feedURL),
                "selfURL": .string(config.baseURL + DailyPages.feedURL),
                "alternateURL": .string(config.baseURL + DailyPages.indexURL),
                "updated": .string(updated.description),
            ],
            "entries": .list(entries),
        ])
    }

    /// "12 briefs · AI chips (4), Export controls (3) · 2 stories moved · 1 event": a day in one line.
    func dailySummary(_ briefing: DailyBriefing) -> String {
        let count = briefing.day.positions.count
        var parts = ["\(count) brief\(count == 1 ? "" : "s")"]
        let topics = briefing.groups.prefix(4).compactMap { group in group.topic.map { "\($0.name) (\(group.briefs.count))" } }
        if !topics.isEmpty { parts.append(topics.joined(separator: ", ")) }
        if !briefing.stories.isEmpty { parts.append("\(briefing.stories.count) stor\(briefing.stories.count == 1 ? "y" : "ies") moved") }
        if !briefing.events.isEmpty { parts.append("\(briefing.events.count) event\(briefing.events.count == 1 ? "" : "s")") }
        return parts.joined(separator: " · ")
    }
}
