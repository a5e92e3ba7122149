import BriefingCore

/// Every source a story and its briefs cite, each URL once, grouped by publisher (or host when unnamed):
/// publishers with the most sources first, then by name.
struct SourcesByPublisher {
    struct Group {
        var name: String
        var sources: [SourceCitation]
    }

    let groups: [Group]

    init(story: Story, briefs: [Brief]) {
        var seen = Set<String>()
        var byName: [String: [SourceCitation]] = [:]
        for source in story.sources + briefs.flatMap(\.sources) where seen.insert(source.url).inserted {
            byName[source.publisher ?? source.host, default: []].append(source)
        }
        groups = byName.map { Group(name: $0.key, sources: $0.value) }
            .sorted { $0.sources.count != $1.sources.count ? $0.sources.count > $1.sources.count : $0.name < $1.name }
    }
}
