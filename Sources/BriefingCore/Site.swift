import Foundation

/// The loaded site: its content and the relations between briefs, topics, companies and events.
///
/// Built once per build and read-only afterwards, so pages can be planned and rendered in parallel.
public struct Site: Sendable {
    public let config: SiteConfig
    /// Newest first; ties broken by slug so the order never depends on the file system.
    public let briefs: [Brief]
    /// Alphabetical by name.
    public let topics: [Topic]
    /// Alphabetical by name.
    public let companies: [Company]
    /// Latest activity first (its newest brief's date), then by title; stories without briefs come last.
    public let stories: [Story]
    /// Every event of every brief, newest first.
    public let events: [DatedEvent]
    /// `events` arranged by year and month.
    public let timeline: TimelineIndex
    /// The days with briefs, at `config.timezone`, newest first.
    public let daily: DailyIndex

    /// Each brief's date in seconds, by position in `briefs`: related briefs compare hundreds of candidates' dates
    /// per page, and reaching each through its brief showed.
    public let briefTimes: [Int]

    private let briefIndex: [Slug: Int]
    private let topicIndex: [Slug: Int]
    private let companyIndex: [Slug: Int]
    private let briefsByTopic: [Slug: [Int]]
    private let briefsByCompany: [Slug: [Int]]
    private let briefsNamingInPassing: [Slug: [Int]]
    private let eventsByCompany: [Slug: [Int]]
    private let topicCountsByCompany: [Slug: [Slug: Int]]
    private let topicMembers: [Slug: PositionSet]
    private let companyMembers: [Slug: PositionSet]
    private let storyIndex: [Slug: Int]
    private let briefsByStory: [Slug: [Int]]
    private let storiesByCompany: [Slug: [Int]]
    private let storiesByTopic: [Slug: [Int]]

    /// `jobs` is how many threads may build its indexes (two at most).
    public init(
        config: SiteConfig, briefs: [Brief], topics: [Topic], companies: [Company], stories: [Story] = [],
        jobs: Int = ProcessInfo.processInfo.activeProcessorCount
    ) {
        self.config = config
        // Sorted by keys taken out once: reaching each brief's date through its storage in every comparison showed.
        let keys = briefs.map { (time: $0.date.secondsSinceEpoch, slug: $0.slug) }
        let order = keys.indices.sorted { (keys[$0].time, keys[$1].slug) > (keys[$1].time, keys[$0].slug) }
        self.briefs = order.map { briefs[$0] }
        briefTimes = order.map { keys[$0].time }
        self.topics = topics.sorted { ($0.name.lowercased(), $0.slug) < ($1.name.lowercased(), $1.slug) }
        self.companies = companies.sorted { ($0.name.lowercased(), $0.slug) < ($1.name.lowercased(), $1.slug) }
        // The briefs' indexes and their events take about as long as each other: built side by side, where the
        // loader's checks across files leave a core free.
        let sorted = self.briefs
        let timezone = config.timezone
        let (indexes, dated) = concurrently(jobs: jobs, { BriefIndexes(of: sorted, timezone: timezone) }, { DatedEvents(of: sorted) })
        briefIndex = indexes.bySlug
        topicIndex = Site.index(self.topics.map(\.slug))
        companyIndex = Site.index(self.companies.map(\.slug))
        daily = indexes.daily
        events = dated.events
        timeline = dated.timeline
        eventsByCompany = dated.byCompany
        briefsByTopic = indexes.byTopic
        briefsByCompany = indexes.byCompany
        briefsNamingInPassing = indexes.inPassing
        topicCountsByCompany = indexes.topicCounts
        topicMembers = indexes.topicMembers
        companyMembers = indexes.companyMembers
        let byStory = indexes.byStory

        // A story's activity is its newest brief; `briefs` is newest first, so that is its first one.
        func activity(_ story: Story) -> Timestamp? { byStory[story.slug]?.first.map { sorted[$0].date } }
        self.stories = stories.sorted { a, b in
            let (dateA, dateB) = (activity(a), activity(b))
            if dateA != dateB { return (dateA ?? Timestamp(secondsSinceEpoch: .min)) > (dateB ?? Timestamp(secondsSinceEpoch: .min)) }
            return (a.title.lowercased(), a.slug) < (b.title.lowercased(), b.slug)
        }
        storyIndex = Site.index(self.stories.map(\.slug))
        briefsByStory = byStory
        // A story involves the companies and topics it names and those of its briefs, in passing too: a story is
        // wider than any one brief of it.
        var storiesOfCompany: [Slug: [Int]] = [:]
        var storiesOfTopic: [Slug: [Int]] = [:]
        for (position, story) in self.stories.enumerated() {
            let members = (byStory[story.slug] ?? []).map { sorted[$0] }
            for company in Set(story.companies + members.flatMap { $0.companies + $0.mentions }) {
                storiesOfCompany[company, default: []].append(position)
            }
            for topic in Set(story.topics + members.flatMap(\.topics)) { storiesOfTopic[topic, default: []].append(position) }
        }
        storiesByCompany = storiesOfCompany
        storiesByTopic = storiesOfTopic
    }

    public func story(_ slug: Slug) -> Story? { storyIndex[slug].map { stories[$0] } }

    /// The briefs that are part of the story, newest first.
    public func briefs(inStory slug: Slug) -> BriefList { BriefList(all: briefs, positions: briefsByStory[slug] ?? []) }

    /// The stories a brief is part of, in the order its `stories` field names them.
    public func stories(of brief: Brief) -> [Story] { brief.stories.compactMap { story($0) } }

    /// Stories that involve the company (named by the story or by one of its briefs), latest activity first.
    public func stories(involving company: Slug) -> [Story] { (storiesByCompany[company] ?? []).map { stories[$0] } }

    /// Stories on the topic (named by the story or by one of its briefs), latest activity first.
    public func stories(inTopic topic: Slug) -> [Story] { (storiesByTopic[topic] ?? []).map { stories[$0] } }

    public func brief(_ slug: Slug) -> Brief? { briefIndex[slug].map { briefs[$0] } }
    public func topic(_ slug: Slug) -> Topic? { topicIndex[slug].map { topics[$0] } }
    public func company(_ slug: Slug) -> Company? { companyIndex[slug].map { companies[$0] } }

    /// Position of a brief in `briefs` (newest first), for previous/next links.
    public func position(of slug: Slug) -> Int? { briefIndex[slug] }

    /// Briefs tagged with the topic, newest first.
    public func briefs(inTopic slug: Slug) -> BriefList { BriefList(all: briefs, positions: briefsByTopic[slug] ?? []) }

    /// Briefs that mention the company, newest first.
    public func briefs(mentioning slug: Slug) -> BriefList { BriefList(all: briefs, positions: briefsByCompany[slug] ?? []) }

    /// The briefs that name a company only in passing (their `mentions`), newest first: not among its briefs.
    public func briefs(namingInPassing slug: Slug) -> BriefList {
        BriefList(all: briefs, positions: briefsNamingInPassing[slug] ?? [])
    }

    /// The briefs published on a day of the daily briefing, newest first.
    public func briefs(on day: DailyIndex.Day) -> BriefList { BriefList(all: briefs, positions: day.positions) }

    /// Events that name the company, newest first: a view, since a company's timeline pages each show a slice of a
    /// list that can hold thousands (copying it whole per page grew with the square of the archive).
    public func events(involving slug: Slug) -> LazyMapCollection<[Int], DatedEvent> {
        let events = events
        return (eventsByCompany[slug] ?? []).lazy.map { events[$0] }
    }

    /// The positions in `events` of the events that name the company, newest first.
    public func eventPositions(involving slug: Slug) -> [Int] { eventsByCompany[slug] ?? [] }

    /// The positions of the topic's briefs, as a set.
    public func members(ofTopic slug: Slug) -> PositionSet { topicMembers[slug] ?? PositionSet([], count: 0) }

    /// The positions of the briefs about the company, as a set.
    public func members(ofCompany slug: Slug) -> PositionSet { companyMembers[slug] ?? PositionSet([], count: 0) }

    /// How many of the company's briefs are on each topic: counted once here rather than on each of its pages.
    public func topicCounts(ofCompany slug: Slug) -> [Slug: Int] { topicCountsByCompany[slug] ?? [:] }

    /// Each slug's position in `slugs`.
    static func index(_ slugs: [Slug]) -> [Slug: Int] {
        Dictionary(slugs.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
    }
}

extension Array where Element: Equatable {
    /// The elements without repeats, first occurrences in order. A brief names a handful of slugs per field, so
    /// scanning beats hashing: building the indexes made a set per field of every brief.
    public var distinct: [Element] {
        guard indices.contains(where: { index in self[..<index].contains(self[index]) }) else { return self }
        var seen: [Element] = []
        seen.reserveCapacity(count)
        for element in self where !seen.contains(element) { seen.append(element) }
        return seen
    }
}
