import BriefingCore

/// The query reads (`SiteRead.isQuery`) that an edit to some briefs can have changed, found from those briefs as
/// they were and as they are: the lists either version is in, the related briefs of those near it in them, its days
/// and the days next to them, its events' days, months, years and companies, and the reads made of the whole archive. After such an edit a build digests
/// only these again: digesting all of them (thousands of days, months and company lists) was most of what it cost
/// to learn which pages a date or a topic edit reaches.
///
/// Kept beside `SiteRead.value`: a read whose value can change when a brief changes must be in here.
public struct TouchedQueries: Sendable {
    private var topics = Set<Slug>()
    private var companies = Set<Slug>()
    private var stories = Set<Slug>()
    private var days = Set<PartialDate>()
    private var neighbourDays = Set<PartialDate>()
    private var eventDays = Set<PartialDate>()
    private var months = Set<Int>()
    private var years = Set<Int>()
    private var eventCompanies = Set<Slug>()
    private var storiesMoved = false
    private var related = Set<Slug>()

    /// `changes` holds each changed brief as it was (nil when added) and as it is (nil when removed).
    public init(changes: [(before: Brief?, after: Brief?)], in site: Site) {
        let offset = site.config.timezone
        related = SiteReads.relatedCandidates(changedBy: changes, in: site)
        for brief in changes.flatMap({ [$0.before, $0.after] }).compactMap({ $0 }) {
            topics.formUnion(brief.topics)
            companies.formUnion(brief.companies)
            companies.formUnion(brief.mentions)
            stories.formUnion(brief.stories)
            storiesMoved = storiesMoved || !brief.stories.isEmpty
            days.insert(offset.day(of: brief.date))
            for event in brief.events {
                eventDays.insert(event.date)
                months.insert(Self.month(event.date.year, event.date.month ?? 0))
                years.insert(event.date.year)
                eventCompanies.formUnion(event.companies)
            }
        }
        // A day's neighbours are the nearest days with briefs on either side, with their counts: a changed day (its
        // count changed, or it came or went) is read by the nearest days on either side of it as the site is now.
        let dates = site.daily.days.map(\.date)  // newest first
        for day in days {
            neighbourDays.insert(day)
            if let older = dates.firstIndex(where: { $0 < day }) { neighbourDays.insert(dates[older]) }
            if let newer = dates.lastIndex(where: { $0 > day }) { neighbourDays.insert(dates[newer]) }
        }
    }

    /// Whether `read` can have changed; true for every read of the whole archive.
    public func contains(_ read: SiteRead) -> Bool {
        switch read {
        case .brief, .near, .everything, .searchShard: false
        case .related(let slug): related.contains(slug)
        case .topic(let slug): topics.contains(slug)
        case .company(let slug), .passing(let slug), .topicCounts(let slug): companies.contains(slug)
        case .story(let slug): stories.contains(slug)
        // Which stories involve a company or topic, and in which order, follows their briefs' tags and dates.
        case .storiesOfCompany, .storiesInTopic: storiesMoved
        case .day(let date): days.contains(date)
        case .dayEvents(let date): eventDays.contains(date)
        case .dayNeighbours(let date): neighbourDays.contains(date)
        case .eventsOfCompany(let slug): eventCompanies.contains(slug)
        case .month(let year, let month): months.contains(Self.month(year, month))
        case .year(let year): years.contains(year)
        case .all, .days, .dayDates, .storyOrder, .eventCount, .newestEvents, .timeline, .years, .months, .searchNumbering:
            true
        }
    }

    private static func month(_ year: Int, _ month: Int) -> Int { year * 100 + month }
}
