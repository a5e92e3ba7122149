/// Shortens a statement that is still too long after its asides went: words are left out after its opening and
/// after its date, each gap marked "…", never before the opening (where the subject is) and never inside
/// brackets; quotation marks cut apart are then closed or opened again, so nothing dangles.
enum StatementEllipsis {
    /// The fewest characters of the opening kept when words must go between it and the date.
    static let shortestOpening = 40

    /// `text` in at most `limit` characters, the date at `anchor` (`dateLength` long) still in view.
    static func shortened(_ text: [Character], anchor: Int?, dateLength: Int, limit: Int) -> [Character] {
        guard text.count > limit else { return text }
        let depths = bracketDepths(of: text)
        let dateEnd = anchor.map { $0 + dateLength } ?? 0
        // Room to spare after the date: the statement keeps its start and loses its end.
        if dateEnd + 15 <= limit - 1 {
            return Array(cutEnd(text, 0..<text.count, room: limit - 1, keep: dateEnd, depths: depths)) + ["\u{2026}"]
        }
        guard let anchor, let start = tailStart(in: text, before: anchor, depths: depths), start >= shortestOpening else {
            return Array(cutEnd(text, 0..<text.count, room: limit - 1, keep: min(dateEnd, limit - 1), depths: depths)) + ["\u{2026}"]
        }
        var tail = Array(text[start...])
        let tailRoom = limit - 3 - shortestOpening
        if tail.count > tailRoom {
            // The opening already says what it is about: the tail may end at the first break after its date.
            tail = Array(cutEnd(text, start..<text.count, room: tailRoom - 1, keep: dateEnd, depths: depths, earliestBreak: 1.0 / 3))
                + ["\u{2026}"]
        }
        let head = cutEnd(text, 0..<start, room: limit - 3 - tail.count, keep: 0, depths: depths)
        return Array(head) + [" ", "\u{2026}", " "] + tail
    }

    /// Where the words kept before the date begin: after the nearest ", " (or ": ", "; ") before it outside
    /// brackets, else a few words before it; a leading "and" or "or" goes, the "…" stands for it.
    static func tailStart(in text: [Character], before anchor: Int, depths: [Int]) -> Int? {
        var start: Int?
        var index = anchor - 1
        while index > max(1, anchor - 150) {
            if text[index] == " ", depths[index] == 0, [",", ";", ":"].contains(text[index - 1]), !text[index + 1].isNumber {
                start = index + 1
                break
            }
            index -= 1
        }
        if start == nil {
            start = (max(1, anchor - 40)..<anchor).first { text[$0 - 1] == " " && depths[$0] == 0 }
        }
        guard var found = start else { return nil }
        for conjunction in ["and ", "or ", "but "] where text[found...].starts(with: conjunction) { found += conjunction.count }
        return found
    }

    /// Words a cut leaves dangling ("… fuses KV caches between …"): the words before them end the part kept.
    private static let danglingWords: Set<String> = [
        "a", "an", "the", "of", "to", "in", "on", "at", "for", "with", "by", "from", "between", "and", "or", "but",
        "as", "that", "which", "its", "their",
    ]

    /// `range` of `text` cut to at most `room` characters, not before `keep`: at the last clause break (", ",
    /// "; ", "—") past `earliestBreak` of the room, else at a space; never inside brackets; trailing punctuation
    /// and dangling small words trimmed.
    static func cutEnd(
        _ text: [Character], _ range: Range<Int>, room: Int, keep: Int, depths: [Int], earliestBreak: Double = 0.5
    ) -> ArraySlice<Character> {
        guard range.count > room else { return text[range] }
        let latest = range.lowerBound + room
        var space: Int?
        var cut: Int?
        var index = latest
        while index > max(keep, range.lowerBound), cut == nil {
            if index < range.upperBound, text[index] == " " || text[index] == "\u{2014}", depths[index] == 0 {
                if space == nil, text[index] == " " { space = index }
                let clauseBreak = [",", ";", ":"].contains(text[index - 1]) || text[index] == "\u{2014}"
                    || (index + 1 < text.count && text[index + 1] == "\u{2014}")
                // "Sept. 13, 2025": a comma before a number is part of a date or an amount.
                let beforeNumber = index + 1 < text.count && text[index + 1].isNumber
                if clauseBreak, !beforeNumber, Double(index - range.lowerBound) >= Double(room) * earliestBreak { cut = index }
            }
            index -= 1
        }
        var kept = text[range.lowerBound..<(cut ?? space ?? latest)]
        while true {
            while let final = kept.last, [",", ";", ":", " ", "\u{2014}", "-"].contains(final) { kept = kept.dropLast() }
            guard let space = kept.lastIndex(of: " "), max(keep, range.lowerBound) <= space,
                  danglingWords.contains(String(kept[(space + 1)...]).lowercased()) else { break }
            kept = kept[..<space]
        }
        return kept
    }

    /// How many brackets are open before each character.
    static func bracketDepths(of text: [Character]) -> [Int] {
        var depths: [Int] = []
        depths.reserveCapacity(text.count)
        var depth = 0
        for character in text {
            if character == ")" { depth = max(0, depth - 1) }
            depths.append(depth)
            if character == "(" { depth += 1 }
        }
        return depths
    }

    /// A cut through a quotation leaves one of its marks behind: the other is added at the cut ("“…words…”"),
    /// so a statement never opens a quotation it does not close, or closes one it never opened. A closing mark
    /// whose opening went with the words left out is opened where its part of the statement starts.
    static func balancingQuotes(_ text: [Character]) -> [Character] {
        var result: [Character] = []
        var depth = 0
        var straightOpen = false
        var partStart = 0
        for character in text {
            if character == "\u{201C}" {
                depth += 1
            } else if character == "\u{201D}" {
                if depth > 0 { depth -= 1 } else { result.insert("\u{201C}", at: partStart) }
            } else if character == "\"" {
                straightOpen.toggle()
            }
            result.append(character)
            if result.count >= 3, result.suffix(3).elementsEqual([" ", "\u{2026}", " "]) { partStart = result.count }
        }
        if depth > 0 || straightOpen {
            while let last = result.last, last == "." || last == "," || last == " " { result.removeLast() }
            result += Array(repeating: "\u{201D}", count: depth) + (straightOpen ? ["\""] : [])
        }
        return result
    }

    /// A bracket the cuts left open is dropped with what follows it, and a closing one with no opening goes.
    static func balancingBrackets(_ text: [Character]) -> [Character] {
        var result: [Character] = []
        var opened: [Int] = []
        for character in text {
            if character == ")" {
                if opened.popLast() == nil { continue }
            } else if character == "(" {
                opened.append(result.count)
            }
            result.append(character)
        }
        guard let first = opened.first else { return result }
        var kept = Array(result[..<first])
        while let last = kept.last, [",", ";", ":", " "].contains(last) { kept.removeLast() }
        return kept.last == "\u{2026}" ? kept : kept + ["\u{2026}"]
    }
}
