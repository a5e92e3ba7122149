import BriefingCore

/// Tags text with the topics whose keywords it uses, most-used topic first.
///
/// Keywords match as whole words, in any case, with hyphen variants normalised ("anti‑dumping" = "anti-dumping");
/// where keywords overlap the longest counts ("unreliable entity list", not also "entity list"). Every
/// occurrence is a hit. A topic applies when it has at least `minimumHits` hits and at least `minimumShare` of
/// the leading topic's hits, so a passing mention in a long story does not make it the story's topic. Given
/// the brief's lead (title, summary, highlights, first paragraph), a topic none of whose keywords the lead uses
/// needs `minimumHitsOutsideLead`: one keyword in passing is not what a story is about. Ties go by slug.
/// A keyword inside a longer registered company name or alias is not a hit: "Alibaba Cloud" names a company,
/// and says no more about cloud computing than "Bain Capital" says about markets.
public struct TopicTagger: Sendable {
    private let matcher: PhraseMatcher<Slug>
    private let companies: CompanyMatcher?
    public var minimumHits: Int
    /// A fraction of the leading topic's hits (0 turns the rule off).
    public var minimumShare: Double
    /// Hits a topic needs when its keywords are not in the lead.
    public var minimumHitsOutsideLead = 3

    public init(topics: [Topic], companies: CompanyMatcher? = nil, minimumHits: Int = 2, minimumShare: Double = 0.2) {
        matcher = PhraseMatcher(topics.flatMap { topic in topic.keywords.map { ($0, topic.slug, .insensitive) } })
        self.companies = companies
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

    /// Keyword hits per topic, outside company names; a keyword two topics share counts for both.
    public func hitCounts(in text: String) -> [Slug: Int] {
        let scalars = TextNormalisation.normalisedScalars(text)
        let names = companies?.mentions(inNormalised: scalars).map(\.range) ?? []
        var counts: [Slug: Int] = [:]
        for match in matcher.matches(inNormalised: scalars) where !TopicTagger.isPart(match.range, ofAny: names) {
            for slug in Set(match.values) { counts[slug, default: 0] += 1 }
        }
        return counts
    }

    /// Whether `range` lies inside a longer company name. A keyword that is a whole alias ("Ascend", Huawei's chip
    /// line) still counts: the editor listed it for the topic, and the product is what the topic is about.
    static func isPart(_ range: Range<Int>, ofAny names: [Range<Int>]) -> Bool {
        names.contains { $0.count > range.count && $0.lowerBound <= range.lowerBound && range.upperBound <= $0.upperBound }
    }
}
