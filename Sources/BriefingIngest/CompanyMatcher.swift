import BriefingCore

/// Finds the registry's companies in text by name and alias, and lists organisation-like names it does not know.
///
/// Names match as whole words, hyphen variants and possessives included ("T‑Head", "Nvidia’s"); where names
/// overlap the longest wins ("Alibaba Group Holding" over "Alibaba"). Case: a name with a capital after its
/// first letter, a digit or a space ("SK Hynix", "ByteDance", "GPT-5") matches in any case; a plain word
/// ("Ascend", "Kirin") only with its first letter as registered, so ordinary words are not taken for brands.
public struct CompanyMatcher: Sendable {
    private let matcher: PhraseMatcher<Slug>
    /// The lower-cased words of the registry's names of more than one word ("hynix" of "SK Hynix"): a lone one is
    /// a short name of a known company, never a new one.
    let wordsOfNames: Set<String>

    public init(companies: [Company]) {
        var phrases: [(text: String, value: Slug, rule: PhraseMatcher<Slug>.CaseRule)] = []
        var words = Set<String>()
        for company in companies {
            for name in [company.name] + company.aliases {
                phrases.append((name, company.slug, CompanyMatcher.caseRule(for: name)))
                let parts = TextNormalisation.normalised(name).lowercased().split(separator: " ")
                if parts.count > 1 { words.formUnion(parts.map(String.init)) }
            }
        }
        matcher = PhraseMatcher(phrases)
        wordsOfNames = words
    }

    /// Which scalars of normalised text belong to a known company's name.
    func knownScalars(in scalars: [Unicode.Scalar]) -> [Bool] {
        var known = [Bool](repeating: false, count: scalars.count)
        for match in matcher.matches(inNormalised: scalars) {
            for offset in match.range { known[offset] = true }
        }
        return known
    }

    /// The companies named in normalised text, with where each mention stands.
    func mentions(inNormalised scalars: [Unicode.Scalar]) -> [(slugs: [Slug], range: Range<Int>)] {
        matcher.matches(inNormalised: scalars).map { ($0.values, $0.range) }
    }

    /// The companies mentioned, in order of first mention, each once.
    public func companies(in text: String) -> [Slug] {
        var slugs: [Slug] = []
        for match in matcher.matches(in: text) {
            for slug in match.values where !slugs.contains(slug) { slugs.append(slug) }
        }
        return slugs
    }

    /// How often each company is mentioned.
    public func mentionCounts(in text: String) -> [Slug: Int] {
        var counts: [Slug: Int] = [:]
        for match in matcher.matches(in: text) {
            for slug in Set(match.values) { counts[slug, default: 0] += 1 }
        }
        return counts
    }

    /// Capitalised names and acronyms that look like organisations but match no company ("Cyberspace
    /// Administration of China", "MIIT"), with how often each appears, for an editor to add to the registry.
    /// Common words that start a sentence, months, days, places and generic acronyms ("AI", "GPU") are left out.
    public func unmatchedNames(in text: String) -> [String: Int] {
        let scalars = TextNormalisation.normalisedScalars(text)
        let known = knownScalars(in: scalars)
        var counts: [String: Int] = [:]
        for name in CapitalisedNames.names(in: scalars, excluding: known) { counts[name, default: 0] += 1 }
        return counts
    }

    static func caseRule(for name: String) -> PhraseMatcher<Slug>.CaseRule {
        let scalars = TextNormalisation.normalisedScalars(name)
        let mixed = scalars.dropFirst().contains(where: TextNormalisation.isUppercase)
        let hasDigitOrSpace = scalars.contains { TextNormalisation.isDigit($0) || $0 == " " }
        return mixed || hasDigitOrSpace ? .insensitive : .exactFirstLetter
    }
}
