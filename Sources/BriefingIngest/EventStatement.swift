/// Turns the sentence around a date phrase into a short timeline text: citation gone, asides dropped, one clause.
///
/// Works on characters with an anchor, the offset where the date sits, so the clause kept is the one the date
/// belongs to even after the bracket that held it ("(reported Sep 29–30, 2025)") has been removed.
enum EventStatement {
    /// `sentence` is normalised text; `datePhrase` is the phrase as written in it.
    static func text(sentence: String, datePhrase: String, limit: Int) -> String {
        let cited = DomainCitation.removingCitations(from: sentence)
        var text = Array(cited)
        let phrase = Array(datePhrase)
        var anchor = firstOffset(of: phrase, in: text)
        if anchor == 0, let rest = removingLeadingDate(phrase.count, from: text) {
            text = rest
            anchor = nil
        }
        if text.count > limit, let at = anchor, let inner = longParenthetical(around: at, in: text) {
            // A long bracket that holds the date is a statement of its own ("(including a July policy … by 2027)").
            text = Array(text[inner])
            anchor = at - inner.lowerBound
        }
        if text.count > limit { (text, anchor) = removingAsides(from: text, anchor: anchor) }
        if text.count > limit { (text, anchor) = clause(of: text, anchor: anchor) }
        if text.count > limit { text = truncated(text, anchor: anchor, limit: limit) }
        return capitalisingFirst(String(balancingQuotes(text)))
    }

    /// A cut through a quotation leaves one of its marks behind: the other is added at the cut ("“…words…”"),
    /// so a statement never opens a quotation it does not close, or closes one it never opened.
    static func balancingQuotes(_ text: [Character]) -> [Character] {
        var depth = 0
        var unopened = 0
        for character in text {
            if character == "\u{201C}" {
                depth += 1
            } else if character == "\u{201D}" {
                if depth > 0 { depth -= 1 } else { unopened += 1 }
            }
        }
        var result = text
        if unopened > 0, result.first == "\u{2026}" { result.insert(contentsOf: Array(repeating: "\u{201C}", count: unopened), at: 0) }
        if depth > 0 {
            while let last = result.last, last == "." || last == "," || last == " " { result.removeLast() }
            result += Array(repeating: "\u{201D}", count: depth)
        }
        return result
    }

    /// "Sept 12, 2025 — Bloomberg reported…" → "Bloomberg reported…": the date is already the event's date.
    static func removingLeadingDate(_ length: Int, from text: [Character]) -> [Character]? {
        let rest = text[length...]
        for separator in [" \u{2014} ", " - ", ": ", "\u{2014} "] where rest.starts(with: separator) {
            let remainder = rest.dropFirst(separator.count).drop(while: { $0 == " " })
            return remainder.isEmpty ? nil : Array(remainder)
        }
        return nil
    }

    /// Drops "(…)" groups, and " — … — " asides that do not hold the date: a date in brackets is a remark about
    /// the statement, so the bracket goes and the anchor moves to where it was.
    static func removingAsides(from text: [Character], anchor: Int?) -> ([Character], Int?) {
        var result: [Character] = []
        var newAnchor: Int?
        var index = 0
        while index < text.count {
            if index == anchor { newAnchor = result.count }
            if let end = asideEnd(in: text, at: index) {
                let holdsDate = anchor.map { $0 >= index && $0 < end } ?? false
                if text[index] == "(" || !holdsDate {
                    while result.last == " " { result.removeLast() }
                    if holdsDate { newAnchor = result.count }
                    index = end
                    continue
                }
            }
            // "word , next" is what an aside before punctuation leaves behind.
            if [",", ";", ".", ":"].contains(text[index]), result.last == " " { result.removeLast() }
            if text[index] == " ", result.last == " " || result.isEmpty {
                index += 1
                continue
            }
            result.append(text[index])
            index += 1
        }
        while result.last == " " { result.removeLast() }
        return (result, newAnchor.map { min($0, max(result.count - 1, 0)) })
    }

    /// The inside of the "(…)" around `anchor` when it is far longer than a remark like "(reported Sep 10, 2025)".
    private static func longParenthetical(around anchor: Int, in text: [Character]) -> Range<Int>? {
        guard let open = text[..<anchor].lastIndex(of: "("), !text[open..<anchor].contains(")"),
              let close = text[anchor...].firstIndex(of: ")"), close - open - 1 > 100 else { return nil }
        return (open + 1)..<close
    }

    private static func asideEnd(in text: [Character], at index: Int) -> Int? {
        if text[index] == "(" {
            return text[index...].firstIndex(of: ")").map { $0 + 1 }
        }
        guard text[index] == "\u{2014}", index > 0, text[index - 1] == " " else { return nil }
        guard let close = text[(index + 1)...].firstIndex(of: "\u{2014}"), close - index < 120 else { return nil }
        // The closing dash goes with the aside; the space after it keeps the words on either side apart.
        return close + 1
    }

    /// The clause holding the anchor, joined with the clauses after it while it is too short to say anything.
    static func clause(of text: [Character], anchor: Int?) -> ([Character], Int?) {
        let separators: [[Character]] = ["; ", ": ", " \u{2014} ", " - "].map { Array($0) }
        var clauses: [Range<Int>] = []
        var start = 0
        var index = 0
        while index < text.count {
            if let separator = separators.first(where: { text[index...].starts(with: $0) }) {
                clauses.append(start..<index)
                index += separator.count
                start = index
            } else {
                index += 1
            }
        }
        clauses.append(start..<text.count)
        let first = anchor.flatMap { anchor in clauses.lastIndex { $0.lowerBound <= anchor } } ?? 0
        var last = first
        while last + 1 < clauses.count, clauses[last].upperBound - clauses[first].lowerBound < 80 { last += 1 }
        var piece = Array(text[clauses[first].lowerBound..<clauses[last].upperBound])
        while let final = piece.last, [",", ";", ":", " "].contains(final) { piece.removeLast() }
        return (piece, anchor.map { $0 - clauses[first].lowerBound })
    }

    /// Cuts at a comma (or else a space) before `limit`, starting later when the date would be cut off.
    static func truncated(_ text: [Character], anchor: Int?, limit: Int) -> [Character] {
        var body = text[...]
        var prefix: [Character] = []
        if let anchor, anchor + 20 > limit {
            // Start at the comma before the date, or a few words before it, so the reader sees what it is about.
            let back = max(0, anchor - 60)
            let comma = commaCut(in: text[max(0, anchor - limit + 40)..<anchor]).map { $0 + 2 }
            let start = comma ?? text[back..<anchor].firstIndex(of: " ").map { $0 + 1 } ?? anchor
            body = text[start...]
            prefix = ["\u{2026}"]
        }
        let room = limit - 1 - prefix.count
        guard body.count > room else { return prefix + body }
        let head = body.prefix(room)
        var cut = head.endIndex
        if let comma = commaCut(in: head), comma - head.startIndex >= room / 2 {
            cut = comma
        } else if let space = head.lastIndex(of: " ") {
            cut = space
        }
        var kept = body[body.startIndex..<cut]
        while let final = kept.last, [",", ";", ":", " ", "\u{2014}", "-"].contains(final) { kept = kept.dropLast() }
        return prefix + kept + ["\u{2026}"]
    }

    private static func commaCut(in head: ArraySlice<Character>) -> Int? {
        var index = head.endIndex - 1
        while index > head.startIndex {
            if head[index - 1] == ",", head[index] == " " { return index - 1 }
            index -= 1
        }
        return nil
    }

    private static func firstOffset(of phrase: [Character], in text: [Character]) -> Int? {
        guard !phrase.isEmpty, phrase.count <= text.count else { return nil }
        return (0...(text.count - phrase.count)).first { text[$0..<($0 + phrase.count)].elementsEqual(phrase) }
    }

    private static func capitalisingFirst(_ text: String) -> String {
        guard let first = text.first, first.isLowercase, let second = text.dropFirst().first, !second.isUppercase else {
            return text
        }
        return first.uppercased() + text.dropFirst()
    }
}
