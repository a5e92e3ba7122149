import BriefingCore

/// Dates written relative to the time of writing ("released on Friday", "March next year", "next year"),
/// resolved against the story's publication. Only a story's own publication date can anchor them: a digest
/// cluster's reference is the latest day it reports, not when its text was written, so it reads none.
extension DatePhraseScanner {
    /// A weekday dates a statement only right after one of these verbs ("released on Friday"). Elsewhere news
    /// copy uses weekdays for the reporting itself ("said on Friday", "did not respond on Monday") or for a
    /// day's share price, and in a story republished after it was written ("De minimis no more", dated
    /// 8 September, written in May) the weekday resolves to the wrong week altogether.
    static let milestoneVerbs: Set<String> = [
        "released", "launched", "unveiled", "announced", "introduced", "debuted", "published", "signed",
        "approved", "filed", "opened", "completed", "began", "started",
    ]

    private static let weekdays: [String: Int] = [
        "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
    ]

    /// "year" after these, with the years they add to the publication's.
    private static let yearOffsets: [String: Int] = ["last": -1, "this": 0, "next": 1]

    /// Words that, right after "next year", make it the subject of its clause ("next year may bring …"): like
    /// a bare "2026" as a subject, a topic rather than the date of a statement.
    private static let verbsAfterSubject: Set<String> = [
        "may", "might", "will", "would", "could", "should", "is", "was", "looks", "promises", "brings", "sees",
    ]

    /// The year of "this year", "next year", "last year" at `index` and the index after it, when the story's
    /// publication is known. Used after a month ("March next year"), where "this year" says which March.
    func relativeYear(at index: Int, in tokens: [DateToken]) -> (year: Int, end: Int)? {
        guard let publication, index + 1 < tokens.count, tokens[index + 1].lower == "year",
              let offset = DatePhraseScanner.yearOffsets[tokens[index].lower] else { return nil }
        return (publication.components.year + offset, index + 2)
    }

    /// A year written out at `index` ("2026") or relative to publication ("next year").
    func yearAt(_ index: Int, in tokens: [DateToken]) -> (year: Int, end: Int)? {
        guard index < tokens.count else { return nil }
        if let year = tokens[index].year { return (year, index + 1) }
        return relativeYear(at: index, in: tokens)
    }

    /// "next year", "last year" standing alone as an adverbial ("will launch next year"). "This year" alone
    /// says no more than the story's own date; "next year's lineup" and "next year may bring" are not dates
    /// of a statement, as "2026 revenue" is not.
    func bareRelativeYear(at start: Int, in tokens: [DateToken]) -> DatePhrase? {
        guard tokens[start].lower != "this", let (year, end) = relativeYear(at: start, in: tokens),
              let date = PartialDate(year: year) else { return nil }
        if end < tokens.count {
            let after = tokens[end]
            if after.text == "'", !after.spaceBefore, end + 1 < tokens.count, tokens[end + 1].lower == "s" { return nil }
            if DatePhraseScanner.verbsAfterSubject.contains(after.lower) { return nil }
        }
        return DatePhrase(date: date, range: tokens[start].start..<tokens[end - 1].end)
    }

    /// "released on Friday": the last such weekday on or before the publication day (a story published on a
    /// Friday that says "on Friday" means that day), to the day.
    func weekdayPhrase(at start: Int, in tokens: [DateToken]) -> DatePhrase? {
        guard let publication, tokens[start].lower == "on", start + 1 < tokens.count,
              let first = tokens[start + 1].text.unicodeScalars.first, TextNormalisation.isUppercase(first),
              let weekday = DatePhraseScanner.weekdays[tokens[start + 1].lower],
              tokens[max(0, start - 3)..<start].contains(where: { DatePhraseScanner.milestoneVerbs.contains($0.lower) })
        else { return nil }
        let day = publication.secondsSinceEpoch >= 0
            ? publication.secondsSinceEpoch / 86_400 : (publication.secondsSinceEpoch - 86_399) / 86_400
        // 1970-01-01 was a Thursday: day 0 is weekday 3 counted from Monday.
        let published = ((day % 7) + 7 + 3) % 7
        let back = (published - weekday + 7) % 7
        let date = Timestamp(secondsSinceEpoch: (day - back) * 86_400).date
        return DatePhrase(date: date, range: tokens[start].start..<tokens[start + 1].end, isPast: true)
    }

    /// "as early as 2026", "as soon as 2027": a year named as the earliest a plan may happen.
    func earliestYearPhrase(at start: Int, in tokens: [DateToken]) -> DatePhrase? {
        guard tokens[start].lower == "as", start + 3 < tokens.count,
              ["early", "soon"].contains(tokens[start + 1].lower), tokens[start + 2].lower == "as",
              let year = tokens[start + 3].year, let date = PartialDate(year: year) else { return nil }
        return DatePhrase(date: date, range: tokens[start].start..<tokens[start + 3].end)
    }

    /// The year of a month named without one after "since" ("doubled since mid-July"): "since" measures back
    /// from the time of writing, so it is the latest such month on or before publication, whatever year the
    /// text named last.
    func yearLookingBack(to month: Int) -> Int? {
        guard let publication else { return nil }
        let (year, published, _, _, _, _) = publication.components
        return month <= published ? year : year - 1
    }
}
