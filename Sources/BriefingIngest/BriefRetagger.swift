import BriefingCore

/// Tags a brief already written with the registry as it is now, from the text the brief keeps (title, summary,
/// body and events): a company, alias or topic keyword added since is found, so a new company shows its history.
///
/// It only adds, and keeps where ingest placed what it had found (`companies` or `mentions`); a company newly
/// found goes where `CompanySalience` puts it in the kept text. The one removal: a registry entry ingest merged
/// into another or removed is replaced by the entry it was merged into, or dropped. The kept text is part of the
/// source ingest tagged from, so re-tagging a brief ingest just wrote finds nothing new.
struct BriefRetagger {
    let companies: CompanyMatcher
    let topics: TopicTagger
    /// Registry entries that are gone: merged ones to the entry they were merged into, removed ones to nil.
    let replaced: [Slug: Slug?]

    func retagged(_ original: Brief.Fields, body: String) -> Brief.Fields {
        var fields = original
        fields.companies = replacing(fields.companies)
        fields.mentions = replacing(fields.mentions).filter { !fields.companies.contains($0) }
        let kept = [fields.title, fields.summary, body].joined(separator: "\n")
        // A digest's key points are in its body and its events: each sentence counts once.
        let text = ([kept] + fields.events.map(\.text).filter { !body.contains($0) }).joined(separator: "\n")
        let lead = [fields.title, fields.summary, Self.lead(of: body)].joined(separator: "\n")
        let named = CompanySalience.split(title: fields.title, lead: lead, text: text, by: companies)
        let present = Set(fields.companies + fields.mentions)
        fields.companies += named.about.filter { !present.contains($0) }
        fields.mentions += named.mentions.filter { !present.contains($0) }
        fields.topics += topics.topics(in: text, lead: lead).filter { !fields.topics.contains($0) }
        for index in fields.events.indices {
            let own = replacing(fields.events[index].companies)
            fields.events[index].companies = own + companies.companies(in: fields.events[index].text).filter { !own.contains($0) }
        }
        return fields
    }

    private func replacing(_ slugs: [Slug]) -> [Slug] {
        var result: [Slug] = []
        for slug in slugs {
            let kept: Slug? = if let replacement = replaced[slug] { replacement } else { slug }
            if let kept, !result.contains(kept) { result.append(kept) }
        }
        return result
    }

    /// The body's first paragraph and its key points: the lead, as far as a brief file keeps it.
    static func lead(of body: String) -> String {
        let blocks = body.components(separatedBy: "\n\n")
        var lead = blocks.first { !$0.hasPrefix("#") } ?? ""
        if let heading = blocks.firstIndex(where: { $0.hasPrefix("## Key points") }), heading + 1 < blocks.count {
            lead += "\n" + blocks[heading + 1]
        }
        return lead
    }
}
