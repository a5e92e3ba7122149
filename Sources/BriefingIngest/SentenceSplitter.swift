/// Splits prose into sentences without being fooled by "U.S.", "Aug. 27" or "Inc.".
enum SentenceSplitter {
    /// Words that end in a full stop without ending the sentence (compared lower-cased, without the stop).
    private static let abbreviations: Set<String> = [
        "mr", "mrs", "ms", "dr", "prof", "st", "inc", "corp", "co", "ltd", "jr", "sr", "vs", "approx", "no", "nos",
        "est", "gen", "gov", "sen", "rep", "dept", "fig", "vol", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
        "sep", "sept", "oct", "nov", "dec", "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
    ]

    /// The sentences of `text`, trimmed, in order; a line break always ends a sentence.
    static func sentences(in text: String) -> [String] {
        var result: [String] = []
        // Scalars rather than Characters: no grapheme breaking, and every mark tested here is one scalar.
        for line in text.unicodeScalars.split(whereSeparator: { $0 == "\n" || $0 == "\r" }) {
            result += sentences(inLine: Array(line))
        }
        return result
    }

    private static func sentences(inLine scalars: [Unicode.Scalar]) -> [String] {
        var result: [String] = []
        var start = 0
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == " ", let opener = lostBoundary(at: index, in: scalars) {
                append(scalars[start..<index], to: &result)
                start = opener
                index = opener
                continue
            }
            guard scalar == "." || scalar == "!" || scalar == "?" else {
                index += 1
                continue
            }
            // Closing quotes and brackets stay with the sentence they close.
            var end = index + 1
            while end < scalars.count, isCloser(scalars[end]) { end += 1 }
            guard end < scalars.count, scalars[end] == " " else {
                index = end
                continue
            }
            var next = end
            while next < scalars.count, scalars[next] == " " { next += 1 }
            if next < scalars.count, startsSentence(scalars[next]),
               scalar != "." || !isAbbreviation(before: index, in: scalars) {
                append(scalars[start..<end], to: &result)
                start = next
            }
            index = next
        }
        append(scalars[start...], to: &result)
        return result
    }

    /// Words that open a sentence far more often than they continue one.
    private static let openers: Set<String> = [
        "The", "This", "These", "Those", "It", "Its", "He", "She", "They", "We", "But", "However", "Meanwhile",
        "According", "Still", "Instead", "Earlier", "Later", "Analysts", "Officials", "From",
    ]

    /// Words after which a capitalised "The" is a title's first word ("said The Information", "of The Economist").
    private static let titleLeads: Set<String> = [
        "the", "a", "an", "of", "to", "and", "or", "in", "on", "at", "for", "with", "by", "from", "said", "says", "told",
        "called", "named", "titled", "dubbed", "read", "reads", "reported", "via", "per",
    ]

    /// Where the next sentence starts, when the space at `index` is a sentence boundary the text lost: flattened
    /// paragraphs run "…into the US The administration said…" together. A boundary is an opener ("The",
    /// "However", "From") followed by a lower-case word or a number ("…the US market From 2018 to 2023, …"),
    /// after a word that ends without punctuation and does not lead into a title ("said The Information").
    private static func lostBoundary(at index: Int, in scalars: [Unicode.Scalar]) -> Int? {
        let next = index + 1
        guard next < scalars.count, TextNormalisation.isUppercase(scalars[next]), index > 0,
              TextNormalisation.isLetter(scalars[index - 1]) || TextNormalisation.isDigit(scalars[index - 1]) else { return nil }
        var wordEnd = next
        while wordEnd < scalars.count, TextNormalisation.isLetter(scalars[wordEnd]) { wordEnd += 1 }
        guard wordEnd + 1 < scalars.count, scalars[wordEnd] == " ",
              TextNormalisation.isDigit(scalars[wordEnd + 1])
                || (TextNormalisation.isLetter(scalars[wordEnd + 1]) && !TextNormalisation.isUppercase(scalars[wordEnd + 1])),
              openers.contains(word(scalars[next..<wordEnd])) else { return nil }
        var previousStart = index
        while previousStart > 0, TextNormalisation.isLetter(scalars[previousStart - 1]) { previousStart -= 1 }
        let previous = word(scalars[previousStart..<index].map(TextNormalisation.lowercased)[...])
        return titleLeads.contains(previous) ? nil : next
    }

    private static func word(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }

    private static func append(_ scalars: ArraySlice<Unicode.Scalar>, to result: inout [String]) {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        let sentence = TextNormalisation.trimmed(String(view))
        if !sentence.isEmpty { result.append(String(sentence)) }
    }

    private static func isCloser(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "\"" || scalar == "'" || scalar == "\u{201D}" || scalar == "\u{2019}" || scalar == ")" || scalar == "]"
    }

    private static func startsSentence(_ scalar: Unicode.Scalar) -> Bool {
        TextNormalisation.isUppercase(scalar) || TextNormalisation.isDigit(scalar) || scalar == "\"" || scalar == "\u{201C}"
            || scalar == "\u{2018}" || scalar == "'" || scalar == "("
    }

    /// True for "U.S." and "e.g." (dots inside the word), single initials ("C.") and the listed abbreviations.
    private static func isAbbreviation(before stop: Int, in scalars: [Unicode.Scalar]) -> Bool {
        var wordStart = stop
        while wordStart > 0, TextNormalisation.isLetter(scalars[wordStart - 1]) || scalars[wordStart - 1] == "." {
            wordStart -= 1
        }
        let word = scalars[wordStart..<stop]
        guard let first = word.first else { return false }
        if word.contains(".") { return true }
        if word.count == 1, TextNormalisation.isUppercase(first) { return true }
        var lower = String.UnicodeScalarView()
        lower.append(contentsOf: word.map(TextNormalisation.lowercased))
        return abbreviations.contains(String(lower))
    }
}
