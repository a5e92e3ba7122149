/// Finds registered phrases (company names, topic keywords) in text as whole words, the longest at each position.
///
/// Text and phrases are normalised the same way (hyphen variants → "-", typographic apostrophes → "'"), then
/// compared lower-cased scalar by scalar; phrases are indexed by their first word, so a text is read once
/// whatever the size of the registry.
struct PhraseMatcher<Value: Sendable>: Sendable {
    enum CaseRule: Sendable {
        /// "SK Hynix" also matches "SK hynix" and "sk hynix".
        case insensitive
        /// The first letter must be written as registered: "Ascend" the chip family, not "ascend" the verb.
        case exactFirstLetter
    }

    struct Match {
        /// Usually one; a phrase registered for several values (a keyword two topics share) gives them all.
        var values: [Value]
        /// Scalar offsets in the normalised text.
        var range: Range<Int>
    }

    private struct Phrase: Sendable {
        var lowered: [Unicode.Scalar]
        var first: Unicode.Scalar
        var rule: CaseRule
        var values: [Value]
    }

    private var byFirstWord: [String: [Phrase]] = [:]

    init(_ phrases: [(text: String, value: Value, rule: CaseRule)]) {
        for (text, value, rule) in phrases {
            let scalars = TextNormalisation.normalisedScalars(String(TextNormalisation.trimmed(text)))
            // A phrase must start with a letter or digit to have a word start to be found at.
            guard let first = scalars.first, TextNormalisation.isWordScalar(first) else { continue }
            let lowered = scalars.map(TextNormalisation.lowercased)
            let key = PhraseMatcher.firstWord(of: lowered[...])
            if let same = byFirstWord[key]?.firstIndex(where: { $0.lowered == lowered && $0.first == first }) {
                byFirstWord[key]?[same].values.append(value)
                continue
            }
            byFirstWord[key, default: []].append(Phrase(lowered: lowered, first: first, rule: rule, values: [value]))
        }
        for key in byFirstWord.keys { byFirstWord[key]?.sort { $0.lowered.count > $1.lowered.count } }
    }

    /// The matches in `text`, in order, never overlapping.
    func matches(in text: String) -> [Match] {
        matches(inNormalised: TextNormalisation.normalisedScalars(text))
    }

    func matches(inNormalised scalars: [Unicode.Scalar]) -> [Match] {
        let lowered = scalars.map(TextNormalisation.lowercased)
        var found: [Match] = []
        var index = 0
        while index < scalars.count {
            guard TextNormalisation.isWordScalar(scalars[index]),
                  index == 0 || !TextNormalisation.isWordScalar(scalars[index - 1]) else {
                index += 1
                continue
            }
            let key = PhraseMatcher.firstWord(of: lowered[index...])
            if let phrase = byFirstWord[key]?.first(where: { matches($0, at: index, scalars: scalars, lowered: lowered) }) {
                found.append(Match(values: phrase.values, range: index..<(index + phrase.lowered.count)))
                index += phrase.lowered.count
            } else {
                index += key.unicodeScalars.count
            }
        }
        return found
    }

    private func matches(_ phrase: Phrase, at index: Int, scalars: [Unicode.Scalar], lowered: [Unicode.Scalar]) -> Bool {
        let end = index + phrase.lowered.count
        guard end <= scalars.count, lowered[index..<end].elementsEqual(phrase.lowered) else { return false }
        if phrase.rule == .exactFirstLetter, scalars[index] != phrase.first { return false }
        return PhraseMatcher.isBoundary(at: end, in: scalars)
    }

    /// A phrase ends where a word ends; a "." followed by more letters or digits continues the word ("JD.com",
    /// "GPT-4.5"), while a hyphen does not ("Nvidia-made" mentions Nvidia).
    static func isBoundary(at end: Int, in scalars: [Unicode.Scalar]) -> Bool {
        guard end < scalars.count else { return true }
        if TextNormalisation.isWordScalar(scalars[end]) { return false }
        if scalars[end] == ".", end + 1 < scalars.count, TextNormalisation.isWordScalar(scalars[end + 1]) { return false }
        return true
    }

    private static func firstWord(of scalars: ArraySlice<Unicode.Scalar>) -> String {
        var view = String.UnicodeScalarView()
        for scalar in scalars {
            guard TextNormalisation.isWordScalar(scalar) else { break }
            view.append(scalar)
        }
        return String(view)
    }
}
