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

    /// Up to four briefs sharing the most companies and topics; a shared company counts double,
    /// since it says more about a story than a broad topic does. Ties go to the newer brief.
    func related(to brief: Brief, limit: Int = 4) -> [Brief] {
        // A dense score table indexed by position: popular topics list thousands of briefs and this runs
        // for every brief page, where hashing each candidate dominated the build.
        var scores = [Int32](repeating: 0, count: site.briefs.count)
        var candidates: [Int] = []
        func add(_ positions: [Int], _ weight: Int32) {
            for position in positions {
                if scores[position] == 0 { candidates.append(position) }
                scores[position] += weight
            }
        }
        for topic in Set(brief.topics) { add(site.briefs(inTopic: topic).positions, 1) }
        for company in Set(brief.companies) { add(site.briefs(mentioning: company).positions, 2) }
        let own = site.position(of: brief.slug)
        // Keep the best `limit` in one pass instead of sorting every candidate.
        var best: [(position: Int, score: Int)] = []
        for position in candidates where position != own {
            let candidate = (position: position, score: Int(scores[position]))
            guard best.count < limit || ranksBefore(candidate, best[best.count - 1]) else { continue }
            let index = best.firstIndex { ranksBefore(candidate, $0) } ?? best.count
            best.insert(candidate, at: index)
            if best.count > limit { best.removeLast() }
        }
        return best.map { site.briefs[$0.position] }
    }

    private func ranksBefore(_ a: (position: Int, score: Int), _ b: (position: Int, score: Int)) -> Bool {
        a.score != b.score ? a.score > b.score : a.position < b.position
    }
}
