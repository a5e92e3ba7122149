import BriefingCore

/// What one day of the daily briefing holds: its briefs grouped by topic, the stories that moved, the events dated
/// that day and the companies in the news. The web page, the e-mail editions and the daily feed all read it.
struct DailyBriefing {
    /// The briefs of one topic that day; `topic` is nil for the briefs that have none.
    struct Group {
        let topic: Topic?
        let briefs: [Brief]
    }

    /// A story with briefs that day, and how it moved.
    struct MovedStory {
        let story: Story
        /// Its briefs published that day, newest first.
        let briefs: [Brief]
        /// How many dated events those briefs add to it.
        let newEvents: Int
        /// True when its first brief was published that day.
        let isNew: Bool
    }

    let day: DailyIndex.Day
    /// A brief is grouped under its first topic, so it appears once; groups with more briefs first, then by name,
    /// and the briefs without a topic last.
    let groups: [Group]
    let stories: [MovedStory]
    /// The events dated to that very day (not those known only to its month), in the timeline's order.
    let events: [DatedEvent]
    /// Companies named by that day's briefs, with how many briefs name each, most first, then by name.
    let companies: [(company: Company, count: Int)]

    init(site: SiteReads, day: DailyIndex.Day) {
        self.day = day
        let briefs = Array(site.briefs(on: day.date))
        var companyCounts: [Slug: Int] = [:]
        var storyBriefs: [Slug: [Brief]] = [:]
        for brief in briefs {
            for company in Set(brief.companies) { companyCounts[company, default: 0] += 1 }
            for story in Set(brief.stories) where site.story(story) != nil { storyBriefs[story, default: []].append(brief) }
        }
        groups = DailyBriefing.groups(of: briefs, site: site)

        // Stories in the site's order (latest activity first) once ranked by how many briefs they gained.
        let offset = site.config.timezone
        self.stories = site.stories.enumerated().compactMap { position, story -> (Int, MovedStory)? in
            guard let gained = storyBriefs[story.slug] else { return nil }
            let first = site.briefs(inStory: story.slug).last
            return (position, MovedStory(
                story: story, briefs: gained, newEvents: gained.reduce(0) { $0 + $1.events.count },
                isNew: first.map { offset.day(of: $0.date) == day.date } ?? false))
        }
        .sorted { $0.1.briefs.count != $1.1.briefs.count ? $0.1.briefs.count > $1.1.briefs.count : $0.0 < $1.0 }
        .map(\.1)

        self.events = Array(site.events(on: day.date))

        self.companies = companyCounts.compactMap { slug, count in site.company(slug).map { (company: $0, count: count) } }
            .sorted { $0.count != $1.count ? $0.count > $1.count : ($0.company.name, $0.company.slug) < ($1.company.name, $1.company.slug) }
    }

    /// A day's briefs grouped under their first topic, groups with more briefs first, then by name, and the briefs
    /// without a topic last.
    static func groups(of briefs: [Brief], site: SiteReads) -> [Group] {
        var byTopic: [Slug: [Brief]] = [:]
        var untagged: [Brief] = []
        for brief in briefs {
            if let topic = brief.topics.first(where: { site.topic($0) != nil }) {
                byTopic[topic, default: []].append(brief)
            } else {
                untagged.append(brief)
            }
        }
        var groups = byTopic.compactMap { slug, briefs in site.topic(slug).map { Group(topic: $0, briefs: briefs) } }
            .sorted { a, b in
                a.briefs.count != b.briefs.count
                    ? a.briefs.count > b.briefs.count : (a.topic!.name, a.topic!.slug) < (b.topic!.name, b.topic!.slug)
            }
        if !untagged.isEmpty { groups.append(Group(topic: nil, briefs: untagged)) }
        return groups
    }

    /// What the index of days shows of a day, without the rest: its topic groups and how many stories moved.
    static func glance(site: SiteReads, day: DailyIndex.Day) -> (groups: [Group], stories: Int) {
        let briefs = Array(site.briefs(on: day.date))
        let stories = Set(briefs.flatMap(\.stories)).filter { site.story($0) != nil }
        return (groups(of: briefs, site: site), stories.count)
    }

    /// Every brief of the day in the order the groups show them.
    var briefs: [Brief] { groups.flatMap(\.briefs) }

    /// The briefs at `range` of `briefs`, still grouped by topic: how a page or an edition shows its share of the day.
    func groups(in range: Range<Int>) -> [Group] {
        var result: [Group] = []
        var start = 0
        for group in groups {
            let end = start + group.briefs.count
            let (lower, upper) = (max(start, range.lowerBound), min(end, range.upperBound))
            if lower < upper {
                result.append(Group(topic: group.topic, briefs: Array(group.briefs[(lower - start)..<(upper - start)])))
            }
            start = end
        }
        return result
    }
}
