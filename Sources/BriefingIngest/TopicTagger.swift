import BriefingCore

/// Tags text with the topics whose keywords it uses, most-used topic first.
///
/// Keywords match as whole words, in any case, with hyphen variants normalised ("anti‑dumping" = "anti-dumping");
/// where keywords overlap the longest counts ("unreliable entity list", not also "entity list"). Every
/// occurrence is a hit. A topic applies when it has at least `minimumHits` hits and at least `minimumShare` of
/// the leading topic's hits, so a passing mention in a long story does not make it the story's topic. Given
/// the brief's lead (title, summary, highlights, first paragraph), a topic none of whose keywords the lead uses
/// needs `minimumHitsOutsideLead`: one keyword in passing is not what a story is about. Ties go by slug.
public struct TopicTagger: Sendable {
    private let matcher: PhraseMatcher<Slug>
    public var minimumHits: Int
    /// A fraction of the leading topic's hits (0 turns the rule off).
    public var minimumShare: Double
    /// Hits a topic needs when its keywords are not in the lead.
    public var minimumHitsOutsideLead = 3

    public init(topics: [Topic], minimumHits: Int = 2, minimumShare: Double = 0.2) {
        matcher = PhraseMatcher(topics.flatMap { topic in topic.keywords.map { ($0, topic.slug, .insensitive) } })
        self.minimumHits = max(1, minimumHits)
        self.minimumShare = minimumShare
    }

    /// The topics that apply, most keyword hits first, then by slug. A feed category that names a topic's
    /// keyword is the publisher filing the story under it, so it counts as `minimumHits` on its own.
    public func topics(in text: String, lead: String? = nil, categories: [String] = []) -> [Slug] {
        var counts = hitCounts(in: text)
        if let lead {
            let inLead = hitCounts(in: lead)
            counts = counts.filter { inLead[$0.key] != nil || $0.value >= minimumHitsOutsideLead }
        }
        for category in categories {
            for slug in hitCounts(in: category).keys { counts[slug, default: 0] += minimumHits }
        }
        let ranked = counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
        guard let top = ranked.first?.value else { return [] }
        return ranked.filter { $0.value >= minimumHits && Double($0.value) >= minimumShare * Double(top) }.map(\.key)
    }

    /// Keyword hits per topic; a keyword two topics share counts for both.
    public func hitCounts(in text: String) -> [Slug: Int] {
        var counts: [Slug: Int] = [:]
        for match in matcher.matches(in: text) {
            for slug in Set(match.values) { counts[slug, default: 0] += 1 }
        }
        return counts
    }
}
