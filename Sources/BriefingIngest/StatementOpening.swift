/// How a timeline statement opens. A reader sees each statement alone, without the sentences or clauses around it,
/// so it starts where a sentence starts and names its own subject.
enum StatementOpening {
    /// What a clause cut from a longer sentence needs before it to read as a statement.
    enum Need: Equatable {
        /// It opens like a sentence: a name, "the …", a number, a quotation.
        case nothing
        /// It goes on from the clause right before it ("— including …", "— and said …", "— reflecting …"), so
        /// that clause's subject comes first.
        case previousClause
        /// It sums up or points back at the whole sentence ("— a shift accelerated in 2025 …", "— these
        /// developments …", "— one cited example is …"), so the sentence's opening clause comes first.
        case openingClause
    }

    /// Words that tie a sentence to the one before it ("But as of May 2, 2025, …"); on a timeline there is none.
    private static let conjunctions: Set<String> = ["and", "but", "yet", "or", "nor", "plus"]

    /// Lower-case words a sentence can start with and still name its subject ("the U.S. has moved …").
    private static let determiners: Set<String> = [
        "the", "its", "their", "his", "her", "our", "some", "many", "most", "several", "each", "every", "both",
        "two", "three", "four", "five", "multiple", "other",
    ]

    /// Words that point back at what came before, or stand for it.
    private static let pointers: Set<String> = ["a", "an", "this", "these", "that", "those", "one", "another", "such", "it", "they"]

    /// "VEU/waiver revocations: U.S. BIS actions will …", "Quote: Dowson Tong framed …": a digest's key points lead
    /// with a short label; the statement is what follows it when that reads as a sentence of its own.
    static let longestLabel = 5

    /// `text` without a leading conjunction or label, and how many characters went from its start.
    static func withoutLead(_ text: [Character]) -> (text: [Character], removed: Int) {
        if let space = text.firstIndex(of: " "), conjunctions.contains(String(text[..<space]).lowercased()),
           let next = text[(space + 1)...].first, next.isLetter || next.isNumber {
            return (Array(text[(space + 1)...]), space + 1)
        }
        if let colon = labelEnd(in: text) {
            let rest = text[(colon + 2)...]
            if let first = rest.first, first.isUppercase || first == "\u{201C}" || first == "\"" {
                return (Array(rest), colon + 2)
            }
        }
        return (text, 0)
    }

    /// Where a short label ends in its ": " — a few words with no sentence punctuation before the colon, and no
    /// verb saying who speaks ("Huawei said: …" keeps its speaker).
    private static func labelEnd(in text: [Character]) -> Int? {
        guard let colon = (0..<max(0, text.count - 1)).first(where: { text[$0] == ":" && text[$0 + 1] == " " }) else { return nil }
        let label = text[..<colon]
        guard !label.contains(where: { ",;.\u{201C}\u{201D}\"()".contains($0) }) else { return nil }
        let words = label.split(separator: " ").map { String($0).lowercased() }
        guard let last = words.last, !speechVerbs.contains(last) else { return nil }
        return words.count <= longestLabel ? colon : nil
    }

    private static let speechVerbs: Set<String> = [
        "said", "says", "told", "tells", "wrote", "writes", "added", "adds", "noted", "notes", "stated", "states",
        "reported", "reports", "announced", "announces", "explained", "explains", "warned", "warns", "argued", "argues",
    ]

    /// Words that introduce what a bracket lists ("(including a July policy …)").
    private static let introductions = ["including ", "notably ", "such as ", "e.g., ", "e.g. ", "for example ", "for example, "]

    /// `listed` without the word introducing it: the thing listed names itself.
    static func withoutIntroduction(_ listed: ArraySlice<Character>) -> ArraySlice<Character> {
        for introduction in introductions where String(listed.prefix(introduction.count)).lowercased() == introduction {
            return listed.dropFirst(introduction.count)
        }
        return listed
    }

    /// Words that open a sentence with when or where, its subject after them ("…: on Sept. 4-5, 2025 a former
    /// officer was sentenced …"). After a dash they rather go on from the clause before ("— in a deal …").
    private static let adverbialOpenings: Set<String> = [
        "on", "in", "at", "during", "throughout", "since", "from", "until", "after", "before", "by", "over", "as",
        "last", "earlier", "later", "meanwhile",
    ]

    /// What `clause`, cut from the middle of a sentence after `separator` (": ", "; ", " — "), needs before it
    /// to be read alone.
    static func need(of clause: ArraySlice<Character>, after separator: ArraySlice<Character> = [" "]) -> Need {
        guard let first = clause.first else { return .nothing }
        if first.isUppercase || first.isNumber || first == "\u{201C}" || first == "\"" || first == "(" { return .nothing }
        let word = String(clause.prefix { $0.isLetter || $0 == "." }).lowercased()
        if determiners.contains(word) { return .nothing }
        if pointers.contains(word) { return .openingClause }
        let opensSentence = separator.contains(":") || separator.contains(";")
        if opensSentence, adverbialOpenings.contains(word) { return .nothing }
        return .previousClause
    }

    /// The part of `clause` that can open a statement for the clause after it: its last independent clause
    /// ("the U.S. has moved …, while China has responded with a mix of countermeasures" → "China has responded …").
    static func lastIndependentPart(of clause: ArraySlice<Character>) -> ArraySlice<Character> {
        var start = clause.startIndex
        for joiner in [", while ", " while ", ", whereas ", ", but "] {
            let marker = Array(joiner)
            var index = clause.startIndex
            while index + marker.count <= clause.endIndex {
                if clause[index..<(index + marker.count)].elementsEqual(marker) { start = max(start, index + marker.count) }
                index += 1
            }
        }
        return clause[start...]
    }
}
