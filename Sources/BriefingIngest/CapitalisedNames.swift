/// Finds runs of capitalised words and acronyms that may name organisations ("Cyberspace Administration of China",
/// "MIIT"), for suggesting registry entries. A heuristic: people and products appear too; editors pick.
enum CapitalisedNames {
    private struct Word {
        var range: Range<Int>
        var lower: String
        var isCapitalised: Bool
        var isAcronym: Bool
        var isCamelCase: Bool
        var startsSentence: Bool
        /// Only a single space separates it from the word before, so the two can belong to one name.
        var joinsPrevious: Bool
        /// Whether the part after the last hyphen starts with a capital; nil without a hyphen.
        var lastSegmentStart: Bool?
        /// A single space separates it from a known company's name.
        var followsKnownName: Bool
    }

    /// The names in order of appearance (repeated as often as they appear); `excluding` marks scalars already
    /// matched to a known company, which end a name.
    static func names(in scalars: [Unicode.Scalar], excluding known: [Bool]) -> [String] {
        occurrences(in: scalars, excluding: known).filter { !$0.opensSentence }.map(\.name)
    }

    /// Each name with where it stands in `scalars`, for reading the words around it. `opensSentence`: a lone
    /// capitalised word that starts a sentence, which is usually just the sentence's first word.
    static func occurrences(in scalars: [Unicode.Scalar], excluding known: [Bool]) -> [(name: String, range: Range<Int>, opensSentence: Bool)] {
        let words = self.words(in: scalars, excluding: known)
        var names: [(name: String, range: Range<Int>, opensSentence: Bool)] = []
        var run: [Word] = []
        func close() {
            if let name = name(of: run, in: scalars) { names.append(name) }
            run = []
        }
        for word in words {
            let continues = !run.isEmpty && word.joinsPrevious
            if word.isCapitalised {
                if !continues { close() }
                run.append(word)
            } else if continues, CapitalisedNames.connectors.contains(word.lower) {
                run.append(word)
            } else {
                close()
            }
        }
        close()
        return names
    }

    private static func name(of run: [Word], in scalars: [Unicode.Scalar]) -> (name: String, range: Range<Int>, opensSentence: Bool)? {
        var words = run[...]
        while let first = words.first, !first.isCapitalised || ends.contains(first.lower) { words = words.dropFirst() }
        while let last = words.last, !last.isCapitalised || ends.contains(last.lower) { words = words.dropLast() }
        guard let first = words.first, let last = words.last else { return nil }
        if words.allSatisfy(isPlaceOrGeneric) { return nil }
        // Model and product codes ("H20", "Qwen3", "Ne Zha 2") carry digits; organisations' names rarely do.
        if words.contains(where: { $0.lower.unicodeScalars.contains(where: TextNormalisation.isDigit) }) { return nil }
        // "Google DeepMind", "Huawei Technologies", "Apple Watches": words right after a known name are its unit,
        // its product or its legal form, not another organisation.
        if first.followsKnownName { return nil }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[first.range.lowerBound..<last.range.upperBound])
        let opensSentence = words.count == 1 && first.startsSentence && !first.isAcronym && !first.isCamelCase
        return (String(view), first.range.lowerBound..<last.range.upperBound, opensSentence)
    }

    /// "US-China", "August-September", "AI-powered": places, months and adjectives, however capitalised.
    private static func isPlaceOrGeneric(_ word: Word) -> Bool {
        let segments = word.lower.split(separator: "-").map(String.init)
        if segments.count > 1, let last = word.lastSegmentStart, !last { return true }
        return segments.allSatisfy { places.contains($0) || generic.contains($0) || months.contains($0) }
    }

    private static func words(in scalars: [Unicode.Scalar], excluding known: [Bool]) -> [Word] {
        func isWord(_ index: Int) -> Bool {
            index < scalars.count && !known[index] && TextNormalisation.isWordScalar(scalars[index])
        }
        var words: [Word] = []
        var previousEnd: Int?
        var index = 0
        while index < scalars.count {
            guard isWord(index) else {
                index += 1
                continue
            }
            var end = index + 1
            // "U.S.", "Z.ai", "R&D" and "T-Head" are single words.
            while end < scalars.count {
                if isWord(end) {
                    end += 1
                } else if scalars[end] == "." || scalars[end] == "-" || scalars[end] == "&", isWord(end + 1) {
                    end += 2
                } else {
                    break
                }
            }
            // The final stop of "U.S." belongs to it; the one after "V3.1" ends a sentence.
            if end < scalars.count, scalars[end] == ".", end >= 2, scalars[end - 2] == ".",
               TextNormalisation.isLetter(scalars[end - 1]) {
                end += 1
            }
            // "-Safe" in "DeepSeek-R1-Safe" continues a known name; it is no name of its own.
            if index >= 2, scalars[index - 1] == "-", known[index - 2] {
                previousEnd = nil
                index = end
                continue
            }
            let text = scalars[index..<end]
            let letters = text.filter(TextNormalisation.isLetter)
            let uppercase = letters.filter(TextNormalisation.isUppercase).count
            // "iQIYI", "eMarketer": a brand may start with a small letter before its capitals.
            let lowerCamel = text.count > 2 && TextNormalisation.isLetter(text[text.startIndex])
                && !TextNormalisation.isUppercase(text[text.startIndex]) && TextNormalisation.isUppercase(text[text.startIndex + 1])
            let capitalised = (text.first.map(TextNormalisation.isUppercase) ?? false) || lowerCamel
            var lower = String.UnicodeScalarView()
            lower.append(contentsOf: text.map(TextNormalisation.lowercased))
            words.append(Word(
                range: index..<end, lower: String(lower),
                isCapitalised: capitalised,
                isAcronym: uppercase >= 2 && uppercase == letters.count,
                isCamelCase: capitalised && (lowerCamel || uppercase >= 2) && uppercase < letters.count,
                startsSentence: startsSentence(before: index, in: scalars),
                joinsPrevious: previousEnd.map { $0 + 1 == index && scalars[$0] == " " && !known[$0] } ?? false,
                lastSegmentStart: text.lastIndex(of: "-").map { hyphen in
                    hyphen + 1 < end && TextNormalisation.isUppercase(scalars[hyphen + 1])
                },
                followsKnownName: index >= 2 && scalars[index - 1] == " " && known[index - 2]))
            previousEnd = end
            index = end
        }
        return words
    }

    private static func startsSentence(before index: Int, in scalars: [Unicode.Scalar]) -> Bool {
        var back = index - 1
        while back >= 0, [" ", "\"", "'", "\u{201C}", "(", "["].contains(scalars[back]) { back -= 1 }
        guard back >= 0 else { return true }
        return [".", "!", "?", ":", ";", "\u{2022}", "\n", "\r"].contains(scalars[back])
    }

    /// Small words that may sit inside a name: "Ministry of Commerce", "Bain & Co".
    private static let connectors: Set<String> = ["of", "for", "&", "de", "la", "du", "von", "van"]

    /// Words dropped from either end of a name: sentence openers, titles, months and days.
    private static let ends: Set<String> = [
        "the", "a", "an", "this", "that", "these", "those", "there", "here", "it", "its", "in", "on", "at", "for",
        "with", "as", "but", "and", "or", "so", "while", "however", "according", "after", "before", "since", "from",
        "by", "to", "of", "if", "when", "where", "what", "why", "how", "who", "which", "more", "most", "some", "many",
        "other", "also", "still", "yet", "meanwhile", "despite", "although", "though", "even", "key", "important",
        "quote", "over", "under", "into", "through", "both", "each", "every", "such", "last", "next", "first", "new",
        "instead", "beyond", "looking", "without", "within", "among", "amid", "about", "around", "across", "against",
        "between", "during", "until", "because", "than", "then", "overall", "together", "reports", "report",
        "reporting", "sources", "chinese", "american", "european", "asian", "indian", "japanese", "korean",
        "taiwanese", "dutch", "british", "western", "global", "domestic", "national", "our", "their", "they", "we",
        "he", "she", "his", "her", "you", "i", "all", "any", "no", "not", "only", "just", "several", "multiple",
        "ceo", "cfo", "cto", "coo", "evp", "svp", "vp", "president", "minister", "chairman", "chief", "executive",
        "director", "secretary", "spokesperson", "analyst", "analysts", "professor", "dr", "mr", "mrs", "ms",
        "sheikh", "vice", "senior", "head", "founder", "former", "officer", "neither", "either", "whether", "outside",
        "specifically", "january", "february", "march", "april", "may",
        "june", "july", "august", "september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun",
        "jul", "aug", "sep", "sept", "oct", "nov", "dec", "monday", "tuesday", "wednesday", "thursday", "friday",
        "saturday", "sunday",
    ]

    private static let months: Set<String> = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
        "december",
    ]

    /// Names that are places, not organisations; a name made only of these is dropped.
    private static let places: Set<String> = [
        "china", "us", "u.s", "u.s.", "usa", "america", "uk", "u.k", "u.k.", "britain", "europe", "eu", "asia", "india",
        "japan", "korea", "south", "north", "east", "west", "taiwan", "hong", "kong", "singapore", "beijing",
        "shanghai", "shenzhen", "hangzhou", "washington", "london", "tokyo", "seoul", "taipei", "germany", "france",
        "netherlands", "brussels", "california", "amsterdam", "dubai", "uae", "russia", "vietnam", "malaysia",
        "indonesia", "thailand", "africa", "middle", "mainland", "silicon", "valley", "united", "states", "arab",
        "emirates", "kingdom",
    ]

    /// Acronyms and words of the trade that name no one: a name made only of these is dropped.
    private static let generic: Set<String> = [
        "ai", "gpu", "gpus", "cpu", "cpus", "hbm", "llm", "llms", "api", "apis", "ipo", "r&d", "usd", "rmb", "cny",
        "mau", "maus", "ytd", "it", "ic", "ics", "agi", "soc", "dram", "nand", "ev", "evs", "pc", "pcs", "oem", "sku",
        "skus", "moe", "kv", "npu", "npus", "tpu", "tpus", "asic", "asics", "fpga", "gdp", "ar", "vr", "ml", "5g",
        "key", "points", "ceo", "cfo", "cto", "internet", "cloud",
    ]
}
