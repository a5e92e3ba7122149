import BriefingCore
import BriefingTemplates

/// `/briefs/<slug>/`: each brief in full, its sources and events, its neighbours and related briefs.
public struct BriefPages: PageFamily {
    public static func url(_ slug: Slug) -> String { "briefs/\(slug)/" }

    public init() {}

    public func pages(of site: Site, after earlier: [PlannedPage]) -> [PlannedPage] {
        site.briefs.map { brief in
            PlannedPage(url: Self.url(brief.slug), template: "brief", lastModified: brief.date, source: brief.location.file) {
                $0.brief(brief)
            }
        }
    }
}

extension PageContexts {
    /// A brief page's context.
    public func brief(_ brief: Brief) -> TemplateValue {
        let url = BriefPages.url(brief.slug)
        let position = site.position(of: brief.slug) ?? 0
        let older = position + 1 < site.briefs.count ? site.briefs[position + 1] : nil
        let newer = position > 0 ? site.briefs[position - 1] : nil
        func neighbour(_ other: Brief?) -> TemplateValue {
            guard let other else { return .null }
            return ["title": .string(other.title), "url": .string(BriefPages.url(other.slug))]
        }
        let events = brief.events.enumerated().map { DatedEvent(event: $1, brief: brief.slug, index: $0) }
        // A brief sits under its first topic, the one its editor named first.
        let trail = brief.topics.lazy.compactMap { site.topic($0) }.first.map { topic in
            breadcrumbs(("Topics", TopicPages.indexURL), (topic.name, TopicPages.url(topic.slug)))
        } ?? breadcrumbs()
        return frame(url: url, title: brief.title, description: brief.summary.isEmpty ? nil : brief.summary, section: .briefs).with([
            "breadcrumbs": trail,
            "structuredDataJSON": .string(newsArticle(brief)),
            "brief": [
                "title": .string(brief.title),
                "summary": .string(brief.summary),
                "date": HumanDate.value(brief.date),
                "bodyHTML": .string(bodies.html(.brief, brief.slug, at: brief.location, source: brief.body)),
                "topics": topicLinks(brief.topics),
                "companies": companyLinks(brief.companies),
                "mentions": companyLinks(brief.mentions),
                "authors": .list(brief.authors.map(TemplateValue.string)),
                "stories": storyLinks(site.stories(of: brief)),
                "sources": .list(brief.sources.map { source in
                    [
                        "url": .string(source.url),
                        "publisher": .string(source.publisher ?? source.host),
                        "title": TemplateValue(source.title),
                        "host": .string(source.host),
                    ]
                }),
                "events": .list(events.map(event)),
            ],
            "previous": neighbour(older),
            "next": neighbour(newer),
            "related": .list(related(to: brief).map(card)),
        ])
    }

    /// Up to four briefs sharing the most companies and topics with this one; a shared company counts double,
    /// since it says more about a story than a broad topic does. Ties go to the brief nearest in time, then
    /// the newer.
    ///
    /// Candidates are the `window` briefs on either side of this one in each of its topics' and companies' lists,
    /// each then scored on every tag it shares: the busiest topic holds a sixth of the archive, and scoring all
    /// of its members for every brief page made the build grow with the square of the archive.
    func related(to brief: Brief, limit: Int = 4, window: Int = 50) -> [Brief] {
        guard let own = site.position(of: brief.slug) else { return [] }
        // Candidates come from each list's positions (ascending: lists are newest first); each is then scored
        // against every list by its bit set, with no hashing — sets of each candidate's tags made this the
        // largest part of a clean build.
        let lists = Set(brief.topics).map { (positions: site.briefs(inTopic: $0).positions, members: site.members(ofTopic: $0), weight: 1) }
            + Set(brief.companies).map { (positions: site.briefs(mentioning: $0).positions, members: site.members(ofCompany: $0), weight: 2) }
        var candidates: [Int] = []
        for list in lists {
            let place = Self.firstIndex(notBelow: own, in: list.positions)
            candidates += list.positions[max(0, place - window)..<min(list.positions.count, place + window + 1)]
        }
        candidates.sort()
        // Keep the best `limit` in one pass instead of sorting every candidate.
        var best: [RelatedCandidate] = []
        var previous = -1
        for position in candidates where position != own && position != previous {
            previous = position
            var score = 0
            for list in lists where list.members.contains(position) { score += list.weight }
            let candidate = RelatedCandidate(position: position, score: score, distance: abs(position - own))
            guard best.count < limit || candidate.ranks(before: best[best.count - 1]) else { continue }
            let index = best.firstIndex { candidate.ranks(before: $0) } ?? best.count
            best.insert(candidate, at: index)
            if best.count > limit { best.removeLast() }
        }
        return best.map { site.briefs[$0.position] }
    }

    /// The index of the first element of `sorted` that is not below `value` (its count when none is).
    private static func firstIndex(notBelow value: Int, in sorted: [Int]) -> Int {
        var low = 0
        var high = sorted.count
        while low < high {
            let middle = (low + high) / 2
            if sorted[middle] < value { low = middle + 1 } else { high = middle }
        }
        return low
    }
}

/// A brief considered for another's related list: its position, shared-tag score and distance in the archive.
private struct RelatedCandidate {
    var position: Int
    var score: Int
    var distance: Int

    func ranks(before other: RelatedCandidate) -> Bool {
        (score, -distance, -position) > (other.score, -other.distance, -other.position)
    }
}
