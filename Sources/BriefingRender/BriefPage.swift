import BriefingCore
import BriefingTemplates

extension PageContexts {
    /// `/briefs/<slug>/`: the brief in full, its sources and events, its neighbours and related briefs.
    public func brief(_ brief: Brief) -> TemplateValue {
        let url = SiteURLs.brief(brief.slug)
        let position = site.position(of: brief.slug) ?? 0
        let older = position + 1 < site.briefs.count ? site.briefs[position + 1] : nil
        let newer = position > 0 ? site.briefs[position - 1] : nil
        func neighbour(_ other: Brief?) -> TemplateValue {
            guard let other else { return .null }
            return ["title": .string(other.title), "url": .string(SiteURLs.brief(other.slug))]
        }
        let events = brief.events.enumerated().map { DatedEvent(event: $1, brief: brief.slug, index: $0) }
        return frame(url: url, title: brief.title, description: brief.summary, section: .briefs).with([
            "brief": [
                "title": .string(brief.title),
                "summary": .string(brief.summary),
                "date": HumanDate.value(brief.date),
                "bodyHTML": .string(html.briefs[brief.slug] ?? ""),
                "topics": topicLinks(brief.topics),
                "companies": companyLinks(brief.companies),
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
        var scores: [Slug: Int] = [:]
        for topic in Set(brief.topics) {
            for other in site.briefs(inTopic: topic) { scores[other.slug, default: 0] += 1 }
        }
        for company in Set(brief.companies) {
            for other in site.briefs(mentioning: company) { scores[other.slug, default: 0] += 2 }
        }
        scores[brief.slug] = nil
        return scores.sorted { a, b in
            if a.value != b.value { return a.value > b.value }
            return (site.position(of: a.key) ?? 0) < (site.position(of: b.key) ?? 0)
        }
        .prefix(limit)
        .compactMap { site.brief($0.key) }
    }
}
