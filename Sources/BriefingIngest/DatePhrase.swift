import BriefingCore

/// A date written in prose ("Sep 29–30, 2025", "late July 2025", "in 2026"), found at `range` (scalar offsets).
struct DatePhrase: Equatable {
    var date: PartialDate
    var range: Range<Int>
    /// The phrase itself puts the date on or before publication ("released on Friday"), so it is never a plan.
    var isPast = false
}

/// Finds date phrases by walking word tokens; no regular expressions, so long paragraphs stay cheap.
struct DatePhraseScanner {
    /// Used for phrases without a year ("mid‑September") when the text names no year before them, or only one
    /// more than a year away from this one.
    var referenceYear: Int?
    /// When the story was published, for phrases relative to it ("on Friday", "next year"); nil for a digest.
    var publication: Timestamp? = nil

    /// The phrases in `scalars` (already normalised), in order. `contextYear` carries the latest year mentioned
    /// so far from one sentence of a text to the next.
    func phrases(in scalars: [Unicode.Scalar], contextYear: inout Int?) -> [DatePhrase] {
        let tokens = DateToken.tokens(in: scalars)
        var found: [DatePhrase] = []
        var index = 0
        while index < tokens.count {
            if let (phrase, next) = phrase(at: index, in: tokens, contextYear: contextYear) {
                found.append(phrase)
                // A year after "since" looks back ("highest since 2021"), so later month-only phrases don't take it.
                if !follows("since", at: index, in: tokens), tokens[index].lower != "since" {
                    contextYear = phrase.date.year
                }
                index = next
                continue
            }
            if let year = tokens[index].year, !follows("since", at: index, in: tokens) { contextYear = year }
            index += 1
        }
        return found
    }

    /// A year far from the reference date is history ("joined Alibaba in 2015, left in February"), not the
    /// year a month-only phrase means.
    private func yearForMonthOnly(context: Int?) -> Int? {
        guard let context else { return referenceYear }
        guard let referenceYear else { return context }
        return abs(referenceYear - context) <= 1 ? context : referenceYear
    }

    private func follows(_ word: String, at index: Int, in tokens: [DateToken]) -> Bool {
        index > 0 && tokens[index - 1].lower == word
    }

    private static let prepositions: Set<String> = ["in", "by", "during", "since", "from", "throughout", "until"]
    private static let monthPrepositions: Set<String> = prepositions.union(["through", "before", "after", "of"])
    private static let qualifiers: Set<String> = ["early", "mid", "late", "end"]

    private func phrase(at start: Int, in tokens: [DateToken], contextYear: Int?) -> (DatePhrase, Int)? {
        if isComparison(at: start, in: tokens) { return nil }
        let token = tokens[start]
        func make(_ date: PartialDate?, _ end: Int) -> (DatePhrase, Int)? {
            guard let date else { return nil }
            return (DatePhrase(date: date, range: token.start..<tokens[end - 1].end), end)
        }
        // "since mid-July" looks back from the time of writing; other month-only phrases take the text's year.
        let looksBack = start > 0 && tokens[start - 1].lower == "since"
        let contextual = yearForMonthOnly(context: contextYear)
        let yearFor = { (month: Int) in looksBack ? yearLookingBack(to: month) ?? contextual : contextual }

        if let relative = weekdayPhrase(at: start, in: tokens) ?? earliestYearPhrase(at: start, in: tokens)
            ?? bareRelativeYear(at: start, in: tokens) {
            let end = tokens[start...].firstIndex { $0.start >= relative.range.upperBound } ?? tokens.count
            return (relative, end)
        }

        // 2025-09-05
        if let year = token.year, start + 4 < tokens.count, tokens[start + 1].isHyphen, tokens[start + 3].isHyphen,
           let month = tokens[start + 2].twoDigits, let day = tokens[start + 4].twoDigits,
           tokens[start + 1...start + 4].allSatisfy({ !$0.spaceBefore }) {
            return make(PartialDate(year: year, month: month, day: day), start + 5)
        }
        // 15 August 2023, 15 August
        if let day = token.dayNumber, start + 1 < tokens.count, let month = tokens[start + 1].month {
            if let (year, end) = yearAt(start + 2, in: tokens) {
                return make(PartialDate(year: year, month: month, day: day), end)
            }
            guard let fallbackYear = yearFor(month) else { return nil }
            return make(PartialDate(year: fallbackYear, month: month, day: day), start + 2)
        }
        // in 2026, since mid-2025
        if DatePhraseScanner.prepositions.contains(token.lower), start + 1 < tokens.count {
            if let year = tokens[start + 1].year, !startsISODate(at: start + 1, in: tokens) {
                return make(PartialDate(year: year), start + 2)
            }
        }
        // mid-2025, early 2025, end-2025 (for "end" only with the hyphen: "the end 2025" is not how people write)
        if DatePhraseScanner.qualifiers.contains(token.lower), start + 1 < tokens.count {
            var next = start + 1
            if tokens[next].isHyphen { next += 1 }
            if let (year, end) = yearAt(next, in: tokens), token.lower != "end" || next == start + 2 {
                return make(PartialDate(year: year), end)
            }
        }
        // late July 2025, mid-late September, mid-September
        if DatePhraseScanner.qualifiers.contains(token.lower), token.lower != "end" {
            var next = start + 1
            if next < tokens.count, tokens[next].isHyphen { next += 1 }
            if next + 1 < tokens.count, DatePhraseScanner.qualifiers.contains(tokens[next].lower), tokens[next + 1].isHyphen {
                next += 2
            }
            guard next < tokens.count, let month = tokens[next].month else { return nil }
            next += 1
            if next < tokens.count, tokens[next].text == "." { next += 1 }
            if let (year, end) = yearAt(next, in: tokens) {
                return make(PartialDate(year: year, month: month), end)
            }
            guard let fallbackYear = yearFor(month) else { return nil }
            return make(PartialDate(year: fallbackYear, month: month), next)
        }
        guard let month = token.month else { return nil }
        return monthFirst(month, at: start, in: tokens, fallbackYear: yearFor(month), make: make)
    }

    /// "Sept 12, 2025", "Aug. 27–28, 2025", "August–September 2025", "September 2025", "in September".
    private func monthFirst(
        _ month: Int, at start: Int, in tokens: [DateToken], fallbackYear: Int?,
        make: (PartialDate?, Int) -> (DatePhrase, Int)?
    ) -> (DatePhrase, Int)? {
        var next = start + 1
        if next < tokens.count, tokens[next].text == "." { next += 1 }
        if next < tokens.count, let day = tokens[next].dayNumber,
           !isDecimalOrPercent(after: next, in: tokens) {
            next += 1
            // A range keeps its first day: the event starts then.
            if next + 1 < tokens.count, tokens[next].isHyphen, tokens[next + 1].dayNumber != nil { next += 2 }
            var afterComma = next
            if afterComma < tokens.count, tokens[afterComma].text == "," { afterComma += 1 }
            if let (year, end) = yearAt(afterComma, in: tokens) {
                return make(PartialDate(year: year, month: month, day: day), end)
            }
            guard let fallbackYear else { return nil }
            return make(PartialDate(year: fallbackYear, month: month, day: day), next)
        }
        if next + 1 < tokens.count, tokens[next].isHyphen, tokens[next + 1].month != nil {
            next += 2
            if let (year, end) = yearAt(next, in: tokens) {
                return make(PartialDate(year: year, month: month), end)
            }
            guard let fallbackYear else { return nil }
            return make(PartialDate(year: fallbackYear, month: month), next)
        }
        if let (year, end) = yearAt(next, in: tokens) {
            return make(PartialDate(year: year, month: month), end)
        }
        // A bare month name only counts after a preposition: "from September", not "May" the verb or a name.
        guard start > 0, DatePhraseScanner.monthPrepositions.contains(tokens[start - 1].lower), let fallbackYear else {
            return nil
        }
        return make(PartialDate(year: fallbackYear, month: month), start + 1)
    }

    /// Words that make a "since" after them a comparison ("its highest level since 2021", "the first time since
    /// March"): the date is a yardstick, not when something happened.
    private static let superlatives: Set<String> = [
        "highest", "lowest", "largest", "biggest", "best", "worst", "strongest", "weakest", "fastest", "slowest",
        "first", "longest", "sharpest", "steepest",
    ]

    private func isComparison(at start: Int, in tokens: [DateToken]) -> Bool {
        guard let since = tokens[start].lower == "since" ? start : (follows("since", at: start, in: tokens) ? start - 1 : nil) else {
            return false
        }
        return tokens[max(0, since - 5)..<since].contains { DatePhraseScanner.superlatives.contains($0.lower) }
    }

    /// "Sep 2.5" and "May 4%" are amounts, not days; "on May 4." is a day.
    private func isDecimalOrPercent(after index: Int, in tokens: [DateToken]) -> Bool {
        guard index + 1 < tokens.count, !tokens[index + 1].spaceBefore else { return false }
        if tokens[index + 1].text == "%" { return true }
        return tokens[index + 1].text == "." && index + 2 < tokens.count && tokens[index + 2].isNumber
            && !tokens[index + 2].spaceBefore
    }

    private func startsISODate(at index: Int, in tokens: [DateToken]) -> Bool {
        index + 2 < tokens.count && tokens[index + 1].isHyphen && !tokens[index + 1].spaceBefore
            && tokens[index + 2].twoDigits != nil && !tokens[index + 2].spaceBefore
    }
}

/// A word, a number or one punctuation mark, with its scalar offsets.
struct DateToken {
    var text: String
    var lower: String
    var start: Int
    var end: Int
    var spaceBefore: Bool
    var isNumber: Bool

    var isHyphen: Bool { text == "-" }

    /// A four-digit number that can be a year in a news story.
    var year: Int? {
        guard isNumber, text.utf8.count == 4, let value = Int(text), (1900...2099).contains(value) else { return nil }
        return value
    }

    var dayNumber: Int? {
        guard isNumber, text.utf8.count <= 2, let value = Int(text), (1...31).contains(value) else { return nil }
        return value
    }

    var twoDigits: Int? { isNumber && text.utf8.count == 2 ? Int(text) : nil }

    /// Month names only when capitalised, so "may" and "march" as verbs are not dates.
    var month: Int? {
        guard !isNumber, let first = text.unicodeScalars.first, TextNormalisation.isUppercase(first) else { return nil }
        return DateToken.months[lower]
    }

    private static let months: [String: Int] = [
        "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
        "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9,
        "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
    ]

    static func tokens(in scalars: [Unicode.Scalar]) -> [DateToken] {
        var tokens: [DateToken] = []
        var index = 0
        var spaceBefore = false
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" {
                spaceBefore = true
                index += 1
                continue
            }
            var end = index + 1
            if TextNormalisation.isWordScalar(scalar) {
                while end < scalars.count, TextNormalisation.isWordScalar(scalars[end]) { end += 1 }
            }
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[index..<end])
            var lower = String.UnicodeScalarView()
            lower.append(contentsOf: scalars[index..<end].map(TextNormalisation.lowercased))
            tokens.append(DateToken(
                text: String(view), lower: String(lower), start: index, end: end, spaceBefore: spaceBefore,
                isNumber: scalars[index..<end].allSatisfy(TextNormalisation.isDigit)))
            spaceBefore = false
            index = end
        }
        return tokens
    }
}
