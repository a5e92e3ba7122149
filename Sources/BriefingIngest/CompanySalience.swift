import BriefingCore

/// Which of the companies a brief names it is about (`companies`), most salient first, and which it only
/// mentions in passing (`mentions`).
///
/// The rule, documented in README's Ingest section: a company is what the brief is about when the title names
/// it, or the lead (summary, highlights or key points, first paragraph) names it and the whole text names it at
/// least twice, or the text names it at least `minimumMentions` times and at least a third as often as the
/// company it names most. Those are ordered by title first, then lead, then how often, then first mention; every
/// other company named is a mention, in order of first mention.
public struct CompanySalience: Sendable {
    public static let minimumMentions = 3

    /// The companies in the title, the lead and the whole text (which includes both).
    public static func split(title: String, lead: String, text: String, by matcher: CompanyMatcher) -> (about: [Slug], mentions: [Slug]) {
        let named = matcher.companies(in: text)
        let counts = matcher.mentionCounts(in: text)
        let inTitle = Set(matcher.companies(in: title))
        let inLead = Set(matcher.companies(in: lead))
        let most = counts.values.max() ?? 0
        func isAbout(_ slug: Slug) -> Bool {
            let count = counts[slug] ?? 0
            return inTitle.contains(slug) || (inLead.contains(slug) && count >= 2)
                || (count >= minimumMentions && count * 3 >= most)
        }
        let first = Dictionary(named.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        let about = named.filter(isAbout).sorted { a, b in
            let rank = { (slug: Slug) in (inTitle.contains(slug) ? 0 : 1, inLead.contains(slug) ? 0 : 1, -(counts[slug] ?? 0), first[slug] ?? 0) }
            return rank(a) < rank(b)
        }
        return (about, named.filter { !isAbout($0) })
    }
}
