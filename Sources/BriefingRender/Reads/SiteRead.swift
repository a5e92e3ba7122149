import BriefingCore

/// One thing a page's context read from the site, as the key a build keeps for it (see `SiteReads`).
///
/// Three kinds of key, by how a build tells that one changed:
/// - `brief` (a brief's front matter) changes with its file;
/// - `near` (a brief's neighbours in the archive) changes only next to a brief that was edited, added or removed,
///   so a build finds those keys from the edited briefs (`SiteReads.nearReads`) instead of recomputing every one;
/// - `searchShard` (one file of the search index) changes only where an edit's briefs have terms, so a build finds
///   those keys from the edited briefs too (`SearchIndex.shardReads`);
/// - every other key is a query result (a list, a count): a build compares its `value` with the last build's.
/// `everything` stands for a page derived from the whole archive, such as the search manifest. Keys never take the
/// form of `MarkdownBodies` keys (`topic/<slug>`), which share the manifest's table.
public enum SiteRead: Hashable, Sendable {
    case brief(Slug)
    case near(Slug)
    /// A brief's related briefs (`SiteReads.related`), which only briefs edited near it in a shared list can change.
    case related(Slug)
    case everything
    /// Every brief, newest first.
    case all
    case topic(Slug)
    case company(Slug)
    case passing(Slug)
    case story(Slug)
    /// The briefs of one day of the daily briefing.
    case day(PartialDate)
    /// The events dated to one day (not those known only to its month).
    case dayEvents(PartialDate)
    /// Every day of the daily briefing, with its number of briefs.
    case days
    /// Every day of the daily briefing, dates alone.
    case dayDates
    /// The days before and after one day, with their numbers of briefs.
    case dayNeighbours(PartialDate)
    /// The order of the stories (latest activity first).
    case storyOrder
    case storiesOfCompany(Slug)
    case storiesInTopic(Slug)
    /// How many dated events the site has.
    case eventCount
    /// The newest `n` dated events.
    case newestEvents(Int)
    case eventsOfCompany(Slug)
    case topicCounts(Slug)
    /// Every year and month of the timeline, with their numbers of events.
    case timeline
    /// Every year that has events.
    case years
    /// Every month that has events.
    case months
    case year(Int)
    case month(Int, Int)
    /// How search documents are numbered (`SearchNumbering`: its first day and numbers per day).
    case searchNumbering
    /// One term shard of the search index, by its file name (`SearchShard.fileName`).
    case searchShard(String)

    /// The key as a build stores it.
    public var key: String {
        switch self {
        case .brief(let slug): "b/\(slug)"
        case .near(let slug): "near/\(slug)"
        case .related(let slug): "related/\(slug)"
        case .everything: "*"
        case .all: "all"
        case .topic(let slug): "in-topic/\(slug)"
        case .company(let slug): "of-company/\(slug)"
        case .passing(let slug): "in-passing/\(slug)"
        case .story(let slug): "in-story/\(slug)"
        case .day(let date): "day/\(date)"
        case .dayEvents(let date): "day-events/\(date)"
        case .days: "days"
        case .dayDates: "day-dates"
        case .dayNeighbours(let date): "day-neighbours/\(date)"
        case .storyOrder: "stories"
        case .storiesOfCompany(let slug): "stories-of-company/\(slug)"
        case .storiesInTopic(let slug): "stories-in-topic/\(slug)"
        case .eventCount: "event-count"
        case .newestEvents(let count): "newest-events/\(count)"
        case .eventsOfCompany(let slug): "events-of-company/\(slug)"
        case .topicCounts(let slug): "topic-counts/\(slug)"
        case .timeline: "timeline"
        case .years: "years"
        case .months: "months"
        case .year(let year): "year/\(year)"
        case .month(let year, let month): "month/\(year)-\(month)"
        case .searchNumbering: "search-numbering"
        case .searchShard(let name): "search-shard/\(name)"
        }
    }

    /// The read a stored key stands for; nil for keys of other kinds (Markdown bodies, see `MarkdownBodies`).
    public init?(key: String) {
        if key == "*" { self = .everything; return }
        let (kind, rest): (Substring, Substring)
        if let slash = key.firstIndex(of: "/") {
            (kind, rest) = (key[..<slash], key[key.index(after: slash)...])
        } else {
            (kind, rest) = (key[...], "")
        }
        let slug = Slug(validating: String(rest))
        switch kind {
        case "b": guard let slug else { return nil }; self = .brief(slug)
        case "near": guard let slug else { return nil }; self = .near(slug)
        case "related": guard let slug else { return nil }; self = .related(slug)
        case "all": self = .all
        case "in-topic": guard let slug else { return nil }; self = .topic(slug)
        case "of-company": guard let slug else { return nil }; self = .company(slug)
        case "in-passing": guard let slug else { return nil }; self = .passing(slug)
        case "in-story": guard let slug else { return nil }; self = .story(slug)
        case "day": guard let date = PartialDate(iso: String(rest)) else { return nil }; self = .day(date)
        case "day-events": guard let date = PartialDate(iso: String(rest)) else { return nil }; self = .dayEvents(date)
        case "days": self = .days
        case "day-dates": self = .dayDates
        case "day-neighbours": guard let date = PartialDate(iso: String(rest)) else { return nil }; self = .dayNeighbours(date)
        case "stories": self = .storyOrder
        case "stories-of-company": guard let slug else { return nil }; self = .storiesOfCompany(slug)
        case "stories-in-topic": guard let slug else { return nil }; self = .storiesInTopic(slug)
        case "event-count": self = .eventCount
        case "newest-events": guard let count = Int(rest) else { return nil }; self = .newestEvents(count)
        case "events-of-company": guard let slug else { return nil }; self = .eventsOfCompany(slug)
        case "topic-counts": guard let slug else { return nil }; self = .topicCounts(slug)
        case "timeline": self = .timeline
        case "years": self = .years
        case "months": self = .months
        case "year": guard let year = Int(rest) else { return nil }; self = .year(year)
        case "month":
            let parts = rest.split(separator: "-")
            guard parts.count == 2, let year = Int(parts[0]), let month = Int(parts[1]) else { return nil }
            self = .month(year, month)
        case "search-numbering": self = .searchNumbering
        case "search-shard": self = .searchShard(String(rest))
        default: return nil
        }
    }

    /// Whether a build tells a change to this read by comparing its `value` (a query result) with the last build's.
    public var isQuery: Bool {
        switch self {
        case .brief, .near, .everything, .searchShard: false
        default: true
        }
    }

    /// The briefs a list read stands for, newest first; nil for reads that are not lists of briefs (or a day without
    /// briefs). `SiteReads` hands pages these very lists, so what is noted and what is compared cannot drift apart.
    func briefs(in site: Site) -> BriefList? {
        switch self {
        case .topic(let slug): site.briefs(inTopic: slug)
        case .company(let slug): site.briefs(mentioning: slug)
        case .passing(let slug): site.briefs(namingInPassing: slug)
        case .story(let slug): site.briefs(inStory: slug)
        case .day(let date): site.daily.index(of: date).map { site.briefs(on: site.daily.days[$0]) }
        default: nil
        }
    }

    /// The positions of the events dated to `date`, in the timeline's order.
    static func events(on date: PartialDate, in site: Site) -> [Int] {
        // Positions are filtered before events are copied: a month holds thousands of events at 100,000 briefs.
        (site.timeline.period(year: date.year, month: date.month ?? 0)?.events ?? []).filter { site.events[$0].event.date == date }
    }

    /// The result of the query as a page read it, fed to `sink` piece by piece (slugs, dates, counts): equal pieces
    /// mean the page read the same. Nothing for reads that are not queries. Numbers go in as numbers, not text: a
    /// build digests thousands of these values after every edit, and formatting them was most of that.
    public func value(in site: Site, into sink: inout some ReadValueSink) {
        func events(_ positions: some Sequence<Int>, into sink: inout some ReadValueSink) {
            for position in positions {
                sink.add(text: site.events[position].brief.rawValue)
                sink.add(number: site.events[position].index)
            }
        }
        func date(_ date: PartialDate, into sink: inout some ReadValueSink) {
            sink.add(number: date.year)
            sink.add(number: date.month ?? 0)
            sink.add(number: date.day ?? 0)
        }
        func stories(_ list: [Story], into sink: inout some ReadValueSink) { for story in list { sink.add(text: story.slug.rawValue) } }
        if let list = briefs(in: site) {
            // A day's times too: they place its briefs' search numbers (`SearchNumbering.places`).
            let timed = if case .day = self { true } else { false }
            for brief in list {
                sink.add(text: brief.slug.rawValue)
                if timed { sink.add(number: brief.date.secondsSinceEpoch) }
            }
            return
        }
        switch self {
        case .brief, .near, .everything, .searchShard, .topic, .company, .passing, .story, .day:
            return
        case .all:
            for brief in site.briefs { sink.add(text: brief.slug.rawValue) }
        case .dayEvents(let day):
            events(SiteRead.events(on: day, in: site), into: &sink)
        case .days:
            for day in site.daily.days {
                date(day.date, into: &sink)
                sink.add(number: day.positions.count)
            }
        case .dayDates:
            for day in site.daily.days { date(day.date, into: &sink) }
        case .dayNeighbours(let day):
            let days = site.daily.days
            guard let index = site.daily.index(of: day) else { return }
            for neighbour in [index - 1, index + 1] where days.indices.contains(neighbour) {
                sink.add(number: neighbour - index)
                date(days[neighbour].date, into: &sink)
                sink.add(number: days[neighbour].positions.count)
            }
        case .related(let slug):
            guard let brief = site.brief(slug) else { return }
            SiteRead.value(listing: SiteReads(site: site, reads: nil).related(to: brief).map(\.slug), into: &sink)
        case .storyOrder: stories(site.stories, into: &sink)
        case .storiesOfCompany(let slug): stories(site.stories(involving: slug), into: &sink)
        case .storiesInTopic(let slug): stories(site.stories(inTopic: slug), into: &sink)
        case .eventCount: sink.add(number: site.events.count)
        case .newestEvents(let count): events(site.events.indices.prefix(count), into: &sink)
        case .eventsOfCompany(let slug): events(site.eventPositions(involving: slug), into: &sink)
        case .topicCounts(let slug):
            for (topic, count) in site.topicCounts(ofCompany: slug).sorted(by: { $0.key < $1.key }) {
                sink.add(text: topic.rawValue)
                sink.add(number: count)
            }
        case .timeline:
            for (year, periods) in site.timeline.years {
                for period in periods {
                    sink.add(number: year)
                    sink.add(number: period.month ?? 0)
                    sink.add(number: period.events.count)
                }
            }
        case .years:
            for (year, _) in site.timeline.years { sink.add(number: year) }
        case .months:
            for (year, month) in site.timeline.months {
                sink.add(number: year)
                sink.add(number: month)
            }
        case .year(let year):
            for period in site.timeline.periods(of: year) {
                sink.add(number: -(period.month ?? 0) - 1)
                events(period.events, into: &sink)
            }
        case .month(let year, let month): events(site.timeline.period(year: year, month: month)?.events ?? [], into: &sink)
        case .searchNumbering:
            let numbering = SearchNumbering(site: site)
            sink.add(number: numbering.firstDay)
            sink.add(number: numbering.perDay)
        }
    }
}

extension SiteRead {
    /// The value of a read that lists briefs and nothing else, as a page noted it (`PageReads.listed`).
    public static func value(listing briefs: [Slug], into sink: inout some ReadValueSink) {
        for slug in briefs { sink.add(text: slug.rawValue) }
    }
}

/// Where a query read's value goes, piece by piece: a build digests it (`ReadTable`).
public protocol ReadValueSink {
    mutating func add(text: String)
    mutating func add(number: Int)
}
