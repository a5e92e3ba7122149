import BriefingCore

/// Whether a dated statement is expected (`expected: true`): a plan, a forecast or a deadline, not something that
/// has happened.
///
/// Never expected: a date the phrase itself puts on or before publication ("released on Friday"); a date "since"
/// measures back from ("have begun … since early 2025" is a start, whatever the verb); a date wholly before the
/// time of writing — a story's publication, a digest's latest reported day ("fell … from 51.8 million units in
/// 2023", "in force (effective 15 August 2023)"). Otherwise expected when the phrase is a limit or an earliest
/// time ("by 2030", "until 2030", "as early as 2026"), a deadline word stands just before it ("effective Dec. 31",
/// "scheduled for"), the sentence speaks of what is to come ("will", "aims to", "plans to", "expects"), or the
/// date lies after the time of writing: for a story, after its publication; for a digest, whose latest reported
/// day is only roughly when it was written, in a later year.
struct PlanOrDeadline {
    /// When the text was written, as near as is known; nil when nothing dates it.
    var reference: Timestamp?
    /// Whether `reference` is the story's publication rather than a digest's latest reported day.
    var referenceIsPublication: Bool

    /// Words that make the date right after them a deadline or a start still to come.
    private static let deadlineWords: Set<Substring> = [
        "effective", "by", "until", "due", "starting", "before", "deadline", "expires", "scheduled",
    ]

    /// Words that put a sentence in the future, wherever they stand in it.
    private static let futureWords: Set<Substring> = ["will", "expects", "expected", "scheduled"]

    /// Verbs of intent, only before "to": "capex plans" and "sales targets" are nouns.
    private static let intentWords: Set<Substring> = ["aims", "aim", "plans", "plan", "intends", "intend", "targets", "seeks"]

    /// Verbs that say the date right after them is when something happened ("reported Sep 29-30", "announced
    /// Sept. 13, 2025", "(published Aug. 29, 2025)", "launched in July"), whatever the rest of the sentence plans.
    private static let pastWords: Set<Substring> = DatePhraseScanner.milestoneVerbs.union(["reported", "announced", "published"])
        .reduce(into: Set<Substring>()) { $0.insert(Substring($1)) }

    private static let limitOpenings = ["by ", "until ", "as early as ", "as soon as "]

    func isAhead(_ phrase: DatePhrase, in scalars: [Unicode.Scalar]) -> Bool {
        guard !phrase.isPast, !looksBack(phrase, in: scalars), !endsBeforeWriting(phrase.date) else { return false }
        let opening = string(scalars[phrase.range]).lowercased()
        if PlanOrDeadline.limitOpenings.contains(where: { opening.hasPrefix($0) }) { return true }
        let lead = string(scalars[max(0, phrase.range.lowerBound - 40)..<phrase.range.lowerBound]).lowercased()
            .split { !$0.isLetter }.suffix(3)
        if happened(after: lead) { return false }
        if lead.contains(where: { PlanOrDeadline.deadlineWords.contains($0) }) { return true }
        let words = string(scalars[...]).lowercased().split { !$0.isLetter }
        if words.contains(where: { PlanOrDeadline.futureWords.contains($0) }) { return true }
        if zip(words, words.dropFirst()).contains(where: { PlanOrDeadline.intentWords.contains($0) && $1 == "to" }) { return true }
        return liesAfterWriting(phrase.date)
    }

    /// "reported Sep 29", "launched in July": a past verb right before the date (or before its "in", "on"), and
    /// not "will be released in March" or "to be unveiled on".
    private func happened(after lead: ArraySlice<Substring>) -> Bool {
        var words = lead
        if let last = words.last, ["in", "on", "at"].contains(last) { words = words.dropLast() }
        guard let verb = words.last, PlanOrDeadline.pastWords.contains(verb) else { return false }
        let before = words.dropLast().last
        return before.map { !["be", "to", "will", "would", "could", "may", "might", "should"].contains($0) } ?? true
    }

    /// "since 2022", "since mid-July", "since early 2025": the phrase starts with "since" or follows it.
    private func looksBack(_ phrase: DatePhrase, in scalars: [Unicode.Scalar]) -> Bool {
        if string(scalars[phrase.range]).lowercased().hasPrefix("since ") { return true }
        let before = string(scalars[max(0, phrase.range.lowerBound - 12)..<phrase.range.lowerBound]).lowercased()
        return before.split { !$0.isLetter }.last == "since"
    }

    /// The date's last day is before the reference day.
    private func endsBeforeWriting(_ date: PartialDate) -> Bool {
        guard let reference else { return false }
        let day = reference.date
        let end = (date.year, date.month ?? 12, date.day ?? 31)
        return end < (day.year, day.month ?? 1, day.day ?? 1)
    }

    /// After a story's publication ("in 2027" in a story of September 2025; not "in 2025", which it shares), or
    /// for a digest in a year after its latest reported day.
    private func liesAfterWriting(_ date: PartialDate) -> Bool {
        guard let reference else { return false }
        let day = reference.date
        guard referenceIsPublication else { return date.year > day.year }
        let start = (date.year, date.month ?? 1, date.day ?? 1)
        return start > (day.year, day.month ?? 1, day.day ?? 1) && !(date.year == day.year && date.month == nil)
    }

    private func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }
}
