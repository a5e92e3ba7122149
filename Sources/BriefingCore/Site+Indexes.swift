/// The site's indexes over its briefs, in two halves that `Site.init` builds side by side.
extension Site {
    /// The briefs by slug and by day; each topic's, company's and story's briefs, the briefs naming a company in
    /// passing, and how many of each company's briefs are on each topic: by position in the site's briefs.
    struct BriefIndexes: Sendable {
        var bySlug: [Slug: Int] = [:]
        var daily: DailyIndex
        var byTopic: [Slug: [Int]] = [:]
        var byCompany: [Slug: [Int]] = [:]
        var inPassing: [Slug: [Int]] = [:]
        var byStory: [Slug: [Int]] = [:]
        var topicCounts: [Slug: [Slug: Int]] = [:]
        var topicMembers: [Slug: PositionSet] = [:]
        var companyMembers: [Slug: PositionSet] = [:]

        init(of briefs: [Brief], timezone: UTCOffset) {
            bySlug = Site.index(briefs.map(\.slug))
            daily = DailyIndex(briefs: briefs, offset: timezone)
            // How many of each company's briefs are on each topic, counted by number rather than in nested dictionaries.
            var topicNumbers: [Slug: Int] = [:]
            var companyNumbers: [Slug: Int] = [:]
            var pairs: [TagPair: Int] = [:]
            for (position, brief) in briefs.enumerated() {
                let companies = brief.companies.distinct
                let topics = brief.topics.distinct
                for topic in topics { byTopic[topic, default: []].append(position) }
                for company in companies { byCompany[company, default: []].append(position) }
                for company in brief.mentions.distinct where !companies.contains(company) { inPassing[company, default: []].append(position) }
                for story in brief.stories.distinct { byStory[story, default: []].append(position) }
                if !topics.isEmpty {
                    let topicIDs = topics.map { topic in Site.number(of: topic, in: &topicNumbers) }
                    for company in companies {
                        let companyID = Site.number(of: company, in: &companyNumbers)
                        for topic in topicIDs { pairs[TagPair(company: companyID, topic: topic), default: 0] += 1 }
                    }
                }
            }
            let topicSlugs = topicNumbers.sorted { $0.value < $1.value }.map(\.key)
            let companySlugs = companyNumbers.sorted { $0.value < $1.value }.map(\.key)
            for (pair, count) in pairs { topicCounts[companySlugs[pair.company], default: [:]][topicSlugs[pair.topic]] = count }
            topicMembers = byTopic.mapValues { PositionSet($0, count: briefs.count) }
            companyMembers = byCompany.mapValues { PositionSet($0, count: briefs.count) }
        }
    }

    /// Every event of the briefs, newest first, arranged by month and by company.
    struct DatedEvents: Sendable {
        let events: [DatedEvent]
        let timeline: TimelineIndex
        let byCompany: [Slug: [Int]]

        init(of briefs: [Brief]) {
            // Each event by its date, its brief's position and its place in the brief: sorted as these small keys,
            // then copied once, instead of sorting the events themselves.
            var ranked: [(date: PartialDate, brief: Int, index: Int)] = []
            for (position, brief) in briefs.enumerated() {
                for (index, event) in brief.events.enumerated() { ranked.append((event.date, position, index)) }
            }
            // Newest first; among equals, keep brief order (newest brief first) and the brief's own order.
            ranked.sort { a, b in
                if a.date != b.date { return a.date > b.date }
                return a.brief != b.brief ? a.brief < b.brief : a.index < b.index
            }
            let events = ranked.map { key in
                let brief = briefs[key.brief]
                return DatedEvent(event: brief.events[key.index], brief: brief.slug, index: key.index)
            }
            var byCompany: [Slug: [Int]] = [:]
            for position in events.indices {
                for company in events[position].event.companies.distinct { byCompany[company, default: []].append(position) }
            }
            self.events = events
            self.byCompany = byCompany
            timeline = TimelineIndex(events: events)
        }
    }

    /// A company and a topic by their numbers in `BriefIndexes.init`.
    private struct TagPair: Hashable {
        let company: Int
        let topic: Int
    }

    /// `slug`'s number in `numbers`, the next one when it has none yet.
    private static func number(of slug: Slug, in numbers: inout [Slug: Int]) -> Int {
        if let number = numbers[slug] { return number }
        numbers[slug] = numbers.count
        return numbers.count - 1
    }
}
