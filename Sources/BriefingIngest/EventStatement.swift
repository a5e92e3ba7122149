/// Turns the sentence around a date phrase into a timeline statement: citation gone, and when too long, asides
/// dropped, one clause (led by the clause that gives it its subject), words left out in the middle.
///
/// Works on characters with an anchor, the offset where the date sits, so the clause kept is the one the date
/// belongs to even after an aside before it has been removed. A statement opens where a sentence opens (see
/// `StatementOpening`, `PronounSubject`), never with "…", a conjunction or a pronoun whose person it cannot name.
enum EventStatement {
    /// A bracket this short that holds the date stays when asides go: it is the date's own words ("(effective
    /// Nov. 8, 2025)", "(reported Sep 29-30, 2025)", "(published Aug. 29, 2025)"), and says what the date is.
    static let longestDateBracket = 50

    /// `sentence` is normalised text; `datePhrase` is the phrase as written in it; `previous` is the sentence
    /// before it in the same paragraph, for a statement that opens with "He" or "She".
    static func text(sentence: String, datePhrase: String, limit: Int, previous: String? = nil) -> String {
        let cited = DomainCitation.removingCitations(from: sentence)
        var text = Array(cited)
        let phrase = Array(datePhrase)
        var anchor = firstOffset(of: phrase, in: text)
        if anchor == 0, let rest = removingLeadingDate(phrase.count, from: text) {
            text = rest
            anchor = nil
        }
        let lead = StatementOpening.withoutLead(text)
        if lead.removed > 0, anchor.map({ $0 >= lead.removed }) ?? true {
            text = lead.text
            anchor = anchor.map { $0 - lead.removed }
        }
        if let resolved = PronounSubject.resolved(text, previous: previous) {
            text = resolved.text
            anchor = anchor.map { $0 + resolved.shift }
        }
        if text.count > limit, let at = anchor, let inner = longParenthetical(around: at, in: text) {
            // A long bracket that holds the date is a statement of its own ("(including a July policy … by
            // 2027)"): what it lists names itself, so the word introducing the list goes.
            let listed = StatementOpening.withoutIntroduction(text[inner])
            text = Array(listed)
            anchor = at - listed.startIndex
        }
        if text.count > limit { (text, anchor) = removingAsides(from: text, anchor: anchor) }
        if text.count > limit { (text, anchor) = clause(of: text, anchor: anchor, limit: limit) }
        if text.count > limit {
            text = StatementEllipsis.shortened(text, anchor: anchor, dateLength: phrase.count, limit: limit)
        }
        return capitalisingFirst(String(StatementEllipsis.balancingQuotes(StatementEllipsis.balancingBrackets(text))))
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

    /// Drops "(…)" groups and " — … — " asides that do not hold the date. A bracket that holds it stays when
    /// short (`longestDateBracket`); a longer one is a remark about the statement ("(early August 2025
    /// announcements and coverage in August–November 2025)"), so it goes and the anchor moves to where it was.
    static func removingAsides(from text: [Character], anchor: Int?) -> ([Character], Int?) {
        var result: [Character] = []
        var newAnchor: Int?
        var index = 0
        while index < text.count {
            if index == anchor { newAnchor = result.count }
            if let end = asideEnd(in: text, at: index) {
                let holdsDate = anchor.map { $0 >= index && $0 < end } ?? false
                if !holdsDate || (text[index] == "(" && end - index > longestDateBracket) {
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

    /// The clause holding the anchor, joined with the clauses after it while it is too short to say anything. A
    /// clause that cannot open a statement (`StatementOpening.need`) is led by the one that gives it its subject:
    /// the independent part of the clause before it, or the sentence's opening clause, joined as the sentence
    /// joined them, or with "…" where clauses between were left out.
    static func clause(of text: [Character], anchor: Int?, limit: Int) -> ([Character], Int?) {
        let separators: [[Character]] = ["; ", ": ", " \u{2014} ", " - "].map { Array($0) }
        var clauses: [Range<Int>] = []
        var breaks: [Range<Int>] = []
        var start = 0
        var index = 0
        while index < text.count {
            if let separator = separators.first(where: { text[index...].starts(with: $0) }) {
                clauses.append(start..<index)
                breaks.append(index..<(index + separator.count))
                index += separator.count
                start = index
            } else {
                index += 1
            }
        }
        clauses.append(start..<text.count)
        let first = anchor.flatMap { anchor in clauses.lastIndex { $0.lowerBound <= anchor } } ?? 0
        var lead: [Character] = []
        if first > 0 {
            let separator = breaks[first - 1]
            var opening: ArraySlice<Character>?
            switch StatementOpening.need(of: text[clauses[first]], after: text[separator]) {
            case .nothing:
                break
            case .previousClause:
                let part = StatementOpening.lastIndependentPart(of: text[clauses[first - 1]])
                opening = StatementOpening.need(of: part) == .nothing ? part : text[clauses[0]]
            case .openingClause:
                opening = text[clauses[0]]
            }
            if var opening {
                while let final = opening.last, [",", ";", ":", " "].contains(final) { opening = opening.dropLast() }
                let adjacent = text[opening.endIndex..<separator.lowerBound].allSatisfy { [",", ";", ":", " "].contains($0) }
                lead = Array(opening) + (adjacent ? Array(text[separator]) : Array(" \u{2026} "))
            }
        }
        // Clauses after the date's own join it while they fit, or while it is too short to say anything.
        var last = first
        while last + 1 < clauses.count,
              clauses[last].upperBound - clauses[first].lowerBound < 80
                || lead.count + clauses[last + 1].upperBound - clauses[first].lowerBound <= limit { last += 1 }
        var piece = Array(text[clauses[first].lowerBound..<clauses[last].upperBound])
        while let final = piece.last, [",", ";", ":", " "].contains(final) { piece.removeLast() }
        return (lead + piece, anchor.map { $0 - clauses[first].lowerBound + lead.count })
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
