/// A statement that opens with "He" or "She" says nothing on a timeline about whom. The rule: when the sentence
/// before names exactly one speaker — the capitalised words right before a reporting verb ("CFO Colette Kress
/// said …", "… Cheng explains") or right after it ("said Zhang Linfeng, …") — the pronoun becomes that name
/// ("CFO Colette Kress added that …"). Otherwise (no speaker, two of them, or "They", which as often means a
/// company or a group) the sentence before is folded in, so the statement opens with the context that says who
/// is meant; a statement too long then is shortened like any other, keeping its opening.
enum PronounSubject {
    private static let pronouns: Set<String> = ["He", "She", "They"]
    private static let namedPronouns: Set<String> = ["He", "She"]

    /// Verbs that introduce what a person said; "reported" is left out: publications report, and are no "he".
    private static let reportingVerbs: Set<String> = [
        "said", "says", "added", "adds", "stated", "states", "told", "tells", "explained", "explains", "stressed",
        "stresses", "noted", "notes", "wrote", "writes", "argued", "argues", "warned", "warns", "commented",
        "emphasised", "emphasized", "insisted", "acknowledged", "recalled",
    ]

    /// `sentence` with its opening pronoun replaced or the previous sentence folded in; nil when it opens otherwise
    /// or there is no previous sentence. Both are normalised text. `shift` is how far the sentence's own words moved.
    static func resolved(_ sentence: [Character], previous: String?) -> (text: [Character], shift: Int)? {
        guard let previous, !previous.isEmpty, let space = sentence.firstIndex(of: " "),
              pronouns.contains(String(sentence[..<space])),
              let next = sentence[(space + 1)...].first, next.isLowercase else { return nil }
        let pronoun = String(sentence[..<space])
        let speakers = self.speakers(in: Array(previous))
        if namedPronouns.contains(pronoun), speakers.count == 1, let name = speakers.first {
            return (Array(name) + sentence[space...], name.count - space)
        }
        let context = Array(previous) + [" "]
        return (context + sentence, context.count)
    }

    /// The distinct names that stand right before or after a reporting verb.
    static func speakers(in sentence: [Character]) -> [String] {
        let words = self.words(in: sentence)
        var names: [String] = []
        for (index, word) in words.enumerated() where reportingVerbs.contains(word.text) {
            var before = index
            while before > 0, words[before - 1].isName, !words[before - 1].endsClause { before -= 1 }
            var after = index + 1
            if !word.endsClause {
                while after < words.count, words[after].isName {
                    after += 1
                    if words[after - 1].endsClause { break }
                }
            }
            for run in [before..<index, (index + 1)..<after] where !run.isEmpty {
                let name = words[run].map(\.text).joined(separator: " ")
                if !names.contains(name) { names.append(name) }
            }
        }
        return names
    }

    private struct Word {
        var text: String
        /// Starts with a capital, or is an acronym ("CFO"): part of a name or a title.
        var isName: Bool
        /// Punctuation after it ends the run of a name ("said Zhang Linfeng, assistant professor").
        var endsClause: Bool
    }

    private static func words(in sentence: [Character]) -> [Word] {
        var words: [Word] = []
        var current: [Character] = []
        func close(punctuated: Bool) {
            guard !current.isEmpty else { return }
            // A possessive is no speaker ("Nvidia's push …").
            let possessive = current.count > 2 && current.suffix(2).elementsEqual(["'", "s"])
            let text = String(current)
            let isName = (current.first?.isUppercase ?? false) && !possessive
            words.append(Word(text: text, isName: isName, endsClause: punctuated || possessive))
            current = []
        }
        for character in sentence {
            if character.isLetter || character.isNumber || character == "'" || character == "-" {
                current.append(character)
            } else if character == " " {
                close(punctuated: false)
            } else {
                close(punctuated: true)
                if let last = words.indices.last { words[last].endsClause = true }
            }
        }
        close(punctuated: false)
        return words
    }
}
