import BriefingCore

/// A story's merged timeline: the story's own events and every event of its briefs, by date, newest first.
///
/// Two briefs often report the same dated event; an event whose date and text (ignoring case, punctuation and
/// spacing) match one already listed is merged into it, keeping every brief that reported it.
struct StoryTimeline {
    struct Event {
        var text: String
        var expected: Bool
        var companies: [Slug]
        /// The briefs that report it, newest first; empty for the story's own events.
        var briefs: [Slug]
    }

    struct Day {
        var date: PartialDate
        var events: [Event]
    }

    let days: [Day]

    /// `briefs` newest first, as `Site.briefs(inStory:)` gives them.
    init(story: Story, briefs: [Brief]) {
        var order: [PartialDate: [String]] = [:]
        var events: [PartialDate: [String: Event]] = [:]
        func add(_ event: TimelineEvent, from brief: Slug?) {
            let key = StoryTimeline.key(event.text)
            if var known = events[event.date]?[key] {
                if let brief, !known.briefs.contains(brief) { known.briefs.append(brief) }
                for company in event.companies where !known.companies.contains(company) { known.companies.append(company) }
                events[event.date]?[key] = known
            } else {
                order[event.date, default: []].append(key)
                events[event.date, default: [:]][key] = Event(
                    text: event.text, expected: event.expected, companies: event.companies, briefs: brief.map { [$0] } ?? [])
            }
        }
        for event in story.events { add(event, from: nil) }
        for brief in briefs {
            for event in brief.events { add(event, from: brief.slug) }
        }
        days = order.keys.sorted(by: >).map { date in
            Day(date: date, events: (order[date] ?? []).compactMap { events[date]?[$0] })
        }
    }

    /// The text as compared for duplicates: letters and digits only, lower-cased.
    static func key(_ text: String) -> String {
        String(text.lowercased().unicodeScalars.filter { isAlphanumeric($0) }.map(Character.init))
    }

    /// Letters and digits by Unicode's properties, not Foundation's: pages depend on nothing of the machine's locale.
    private static func isAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }
}
