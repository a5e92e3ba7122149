import BriefingCore
import BriefingTemplates

/// The e-mail editions of a day of the daily briefing, `/daily/YYYY-MM-DD/email.html` and `email.txt`: what a desk
/// pastes into any mailer. Mail clients resolve no relative links and clip long messages (Gmail at 102 KB), so
/// every link in their context is absolute and every list is bounded. `DailyPages` plans them.
public enum DailyEdition {
    /// Briefs an edition lists in full; the rest are counted and left to the web page.
    public static let briefCount = 40
    /// Stories, events and companies an edition names.
    public static let storyCount = 10
    public static let eventCount = 10
    public static let companyCount = 12
}

extension PageContexts {
    /// The context of both e-mail editions of a day; every `…URL` is absolute.
    public func dailyEdition(_ day: DailyIndex.Day) -> TemplateValue {
        let config = site.config
        let offset = config.timezone
        let briefing = DailyBriefing(site: site, day: day)
        let human = HumanDate.human(day.date)
        let title = "Daily briefing, \(HumanDate.weekday(day.date)) \(human)"
        func absolute(_ url: String) -> TemplateValue { .string(config.baseURL + url) }
        return frame(url: DailyPages.emailURL(day.date), title: title, description: dailySummary(briefing)).with([
            "day": .object(dailyDate(day.date)),
            "count": .int(day.positions.count),
            "summary": .string(dailySummary(briefing)),
            "timezone": .string(offset.description),
            "dayURL": absolute(DailyPages.url(day.date)),
            "textURL": absolute(DailyPages.textURL(day.date)),
            "homeURL": absolute(HomePage.url),
            "dailyFeedURL": absolute(DailyPages.feedURL),
            "groups": .list(briefing.groups(in: 0..<DailyEdition.briefCount).map { group in
                [
                    "name": .string(group.topic?.name ?? "Other briefs"),
                    "topicURL": group.topic.map { absolute(TopicPages.url($0.slug)) } ?? .null,
                    "briefs": .list(group.briefs.map { brief in
                        [
                            "title": .string(brief.title),
                            "summary": .string(brief.summary),
                            "time": .string(HumanDate.time(brief.date, at: offset)),
                            "pageURL": absolute(BriefPages.url(brief.slug)),
                            "companies": .string(brief.companies.compactMap { site.company($0)?.name }.joined(separator: ", ")),
                        ]
                    }),
                ]
            }),
            "more": nonZero(day.positions.count - DailyEdition.briefCount),
            "stories": .list(briefing.stories.prefix(DailyEdition.storyCount).map { moved in
                [
                    "title": .string(moved.story.title),
                    "pageURL": absolute(StoryPages.url(moved.story.slug)),
                    "newBriefs": .int(moved.briefs.count),
                    "newEvents": nonZero(moved.newEvents),
                    "isNew": .bool(moved.isNew),
                ]
            }),
            "events": .list(briefing.events.prefix(DailyEdition.eventCount).map { dated in
                [
                    "text": .string(dated.event.text),
                    "expected": .bool(dated.event.expected),
                    "briefURL": absolute(BriefPages.url(dated.brief)),
                ]
            }),
            "companies": .list(briefing.companies.prefix(DailyEdition.companyCount).map { entry in
                ["name": .string(entry.company.name), "count": .int(entry.count), "pageURL": absolute(CompanyPages.url(entry.company.slug))]
            }),
        ])
    }
}
