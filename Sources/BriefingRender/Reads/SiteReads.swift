import BriefingCore

/// The site as a page's context reads it. Each query notes what it read (`SiteRead`) in the page's `PageReads`
/// while a build records them; page contexts reach the site only through this view, so what a context reads is
/// what is noted, and a build can examine, after an edit, only the pages whose reads changed.
///
/// Topics, companies, stories and the configuration are not noted: they come from their own files, and a build
/// examines every page when one of those changes.
public struct SiteReads: Sendable {
    let site: Site
    private let reads: PageReads?

    init(site: Site, reads: PageReads?) {
        self.site = site
        self.reads = reads
    }

    func note(_ read: SiteRead) { reads?.note(read) }
    func note(_ read: SiteRead, listing briefs: [Slug]) { reads?.note(read, listing: briefs) }

    public var config: SiteConfig { site.config }
    public var topics: [Topic] { site.topics }
    public var companies: [Company] { site.companies }
    public func topic(_ slug: Slug) -> Topic? { site.topic(slug) }
    public func company(_ slug: Slug) -> Company? { site.company(slug) }
    public func story(_ slug: Slug) -> Story? { site.story(slug) }

    /// Notes that the page is derived from the whole archive (the search manifest, planned from the site itself).
    public func readsEverything() { note(.everything) }

    /// Notes that the page is a term shard of the search index: which briefs hold its terms, their numbers and weights.
    public func readsSearchShard(_ shard: SearchShard) { note(.searchShard(shard.fileName)) }

    /// Notes that the page shows a brief's search document number: it depends on the brief's day (its briefs and
    /// their times) and the numbering of days (`SearchNumbering`).
    public func readsDocumentNumber(of brief: Brief) {
        note(.day(site.config.timezone.day(of: brief.date)))
        note(.searchNumbering)
    }

    /// Notes that the page shows the search document numbers of `list`'s briefs: the list, and each of its briefs'
    /// numbers (their days), so that a brief renumbered elsewhere leaves the page alone.
    public func readsDocumentNumbers(of list: SiteRead) {
        note(list)
        note(.searchNumbering)
        let offset = site.config.timezone
        var days = Set<PartialDate>()
        for position in list.briefs(in: site)?.positions ?? [] { days.insert(offset.day(of: site.briefs[position].date)) }
        for day in days { note(.day(day)) }
    }

    /// A brief the page was planned for, noted as read.
    public func read(_ brief: Brief) -> Brief {
        note(.brief(brief.slug))
        return brief
    }

    public func brief(_ slug: Slug) -> Brief? {
        note(.brief(slug))
        return site.brief(slug)
    }

    /// Every brief, newest first.
    public var briefs: ReadBriefs {
        note(.all)
        return ReadBriefs(site: self, positions: nil)
    }

    public func briefs(inTopic slug: Slug) -> ReadBriefs { list(.topic(slug)) }
    public func briefs(mentioning slug: Slug) -> ReadBriefs { list(.company(slug)) }
    public func briefs(namingInPassing slug: Slug) -> ReadBriefs { list(.passing(slug)) }
    public func briefs(inStory slug: Slug) -> ReadBriefs { list(.story(slug)) }
    public func briefs(on date: PartialDate) -> ReadBriefs { list(.day(date)) }

    /// A list of briefs, noted as read: the same list its `value` is made of.
    private func list(_ read: SiteRead) -> ReadBriefs {
        note(read)
        return ReadBriefs(site: self, positions: read.briefs(in: site)?.positions ?? [])
    }

    /// Stories, latest activity first.
    public var stories: [Story] {
        note(.storyOrder)
        return site.stories
    }

    /// The stories a brief names: read from the brief itself.
    public func stories(of brief: Brief) -> [Story] { read(brief).stories.compactMap { site.story($0) } }

    public func stories(involving company: Slug) -> [Story] {
        note(.storiesOfCompany(company))
        return site.stories(involving: company)
    }

    public func stories(inTopic topic: Slug) -> [Story] {
        note(.storiesInTopic(topic))
        return site.stories(inTopic: topic)
    }

    /// How many dated events the site has.
    public var eventCount: Int {
        note(.eventCount)
        return site.events.count
    }

    /// The newest `count` dated events.
    public func newestEvents(_ count: Int) -> ReadEvents {
        note(.newestEvents(count))
        return ReadEvents(site: self, positions: Array(site.events.indices.prefix(count)))
    }

    /// The event at a position the page learnt from another read (a timeline period's list).
    public func event(at position: Int) -> DatedEvent {
        let dated = site.events[position]
        note(.brief(dated.brief))
        return dated
    }

    /// The events dated to one day, in the timeline's order.
    public func events(on date: PartialDate) -> ReadEvents {
        note(.dayEvents(date))
        return ReadEvents(site: self, positions: SiteRead.events(on: date, in: site))
    }

    /// Events that name the company, newest first.
    public func events(involving company: Slug) -> ReadEvents {
        note(.eventsOfCompany(company))
        return ReadEvents(site: self, positions: site.eventPositions(involving: company))
    }

    /// How many of the company's briefs are on each topic.
    public func topicCounts(ofCompany slug: Slug) -> [Slug: Int] {
        note(.topicCounts(slug))
        return site.topicCounts(ofCompany: slug)
    }

    public var timeline: ReadTimeline { ReadTimeline(site: self) }

    public var daily: ReadDaily { ReadDaily(site: self) }
}

/// A list of briefs read through `SiteReads`: each brief taken from it is noted as read.
public struct ReadBriefs: RandomAccessCollection, Sendable {
    let site: SiteReads
    /// Positions in the site's briefs; nil for all of them.
    let positions: [Int]?

    public var startIndex: Int { 0 }
    public var endIndex: Int { positions?.count ?? site.site.briefs.count }

    public subscript(index: Int) -> Brief {
        let brief = site.site.briefs[positions?[index] ?? index]
        site.note(.brief(brief.slug))
        return brief
    }
}

/// A list of dated events read through `SiteReads`: each event taken from it notes its brief as read.
public struct ReadEvents: RandomAccessCollection, Sendable {
    let site: SiteReads
    /// Positions in the site's events.
    let positions: [Int]

    public var startIndex: Int { 0 }
    public var endIndex: Int { positions.count }

    public subscript(index: Int) -> DatedEvent { site.event(at: positions[index]) }
}

/// The timeline's years and months as a page reads them.
public struct ReadTimeline: Sendable {
    let site: SiteReads

    /// Every year with its periods, newest first.
    public var years: [(year: Int, periods: [TimelineIndex.Period])] {
        site.note(.timeline)
        return site.site.timeline.years
    }

    /// Every year that has events, newest first.
    public var yearNumbers: [Int] {
        site.note(.years)
        return site.site.timeline.years.map(\.year)
    }

    /// Every month that has events, newest first.
    public var months: [(year: Int, month: Int)] {
        site.note(.months)
        return site.site.timeline.months
    }

    public func periods(of year: Int) -> [TimelineIndex.Period] {
        site.note(.year(year))
        return site.site.timeline.periods(of: year)
    }

    public func period(year: Int, month: Int) -> TimelineIndex.Period? {
        site.note(.month(year, month))
        return site.site.timeline.period(year: year, month: month)
    }
}

/// The days of the daily briefing as a page reads them.
public struct ReadDaily: Sendable {
    let site: SiteReads

    /// Every day with briefs, newest first.
    public var days: [DailyIndex.Day] {
        site.note(.days)
        return site.site.daily.days
    }

    /// Every day with briefs, newest first, read for which days there are: a page that shows what a day holds, its
    /// count included, reads that day too (`SiteReads.briefs(on:)`).
    public var dates: [DailyIndex.Day] {
        site.note(.dayDates)
        return site.site.daily.days
    }

    /// The days before and after `date` that have briefs.
    public func neighbours(of date: PartialDate) -> (earlier: DailyIndex.Day?, later: DailyIndex.Day?) {
        site.note(.dayNeighbours(date))
        let days = site.site.daily.days
        guard let index = site.site.daily.index(of: date) else { return (nil, nil) }
        return (days.indices.contains(index + 1) ? days[index + 1] : nil, index > 0 ? days[index - 1] : nil)
    }
}
