import BriefingCore

/// A dated statement found in a source text: the date as precisely as the text gives it, and what happened.
public struct ExtractedEvent: Sendable, Equatable {
    public var date: PartialDate
    public var text: String
    /// A deadline or plan ("effective Nov. 8", "will ship by March") rather than something that happened.
    public var isAhead: Bool

    public init(date: PartialDate, text: String, isAhead: Bool = false) {
        self.date = date
        self.text = text
        self.isAhead = isAhead
    }
}

/// Finds the dated statements in source text ("Sept 12, 2025", "late July 2025", "in 2026") for the timeline.
///
/// Each distinct date in a statement becomes one event whose text is the statement: the sentence (or the whole
/// key point) with citations removed, cut to the clause holding the date when longer than `maximumTextLength`;
/// a date that another date of the same statement refines ("in 2025 … mid-September") is left out. A phrase without
/// a year takes the nearest year named earlier in the same text, else the reference date's year. Ranges keep
/// their first day or month ("Sep 29–30, 2025" → 2025-09-29). A bare year counts only after "in", "by",
/// "during", "since", "from", "throughout" or "until" (or "as early as"), so "2025 revenue" and "300,000 H20 GPUs"
/// are not events. Given the story's own publication date, dates relative to it are read too (see
/// `RelativeDatePhrase.swift`): "released on Friday" (the weekday on or before publication, to the day), "March
/// next year" (to the month), "next year" (to the year, expected), and "since mid-July" (the latest July).
public struct EventExtractor: Sendable {
    public var referenceDate: Timestamp?
    /// Whether `referenceDate` is when the story was published, so a date after it is a plan or forecast.
    /// A digest cluster's reference is only the latest day it reports, and it reports months after that.
    public var referenceIsPublication: Bool
    /// Event texts longer than this are shortened (the timeline shows them on one line).
    public var maximumTextLength = 200

    public init(referenceDate: Timestamp?, referenceIsPublication: Bool = false) {
        self.referenceDate = referenceDate
        self.referenceIsPublication = referenceIsPublication
    }

    /// Events in prose, one statement per sentence, in document order; each distinct (date, text) once.
    public func events(in text: String) -> [ExtractedEvent] {
        var contextYear: Int?
        var events: [ExtractedEvent] = []
        for sentence in SentenceSplitter.sentences(in: text) {
            collect(statement: sentence, contextYear: &contextYear, into: &events)
        }
        return events
    }

    /// Events in one highlight bullet, which is a single statement however many sentences it has.
    public func events(inKeyPoint keyPoint: String) -> [ExtractedEvent] {
        var contextYear: Int?
        var events: [ExtractedEvent] = []
        collect(statement: keyPoint, contextYear: &contextYear, into: &events)
        return events
    }

    /// Events in an item: its key points first (the highlights), then its paragraphs; each distinct event once.
    public func events(in item: SourceItem) -> [ExtractedEvent] {
        let found = item.keyPoints.flatMap { events(inKeyPoint: $0) } + item.paragraphs.flatMap { events(in: $0) }
        var distinct: [ExtractedEvent] = []
        for event in found where !distinct.contains(event) { distinct.append(event) }
        return distinct
    }

    private func collect(statement: String, contextYear: inout Int?, into events: inout [ExtractedEvent]) {
        let scalars = TextNormalisation.normalisedScalars(TextNormalisation.collapsingWhitespace(statement))
        let scanner = DatePhraseScanner(
            referenceYear: referenceDate?.components.year, publication: referenceIsPublication ? referenceDate : nil)
        let phrases = scanner.phrases(in: scalars, contextYear: &contextYear)
        guard !phrases.isEmpty else { return }
        let sentence = string(scalars[...])
        var dates: [PartialDate] = []
        for phrase in phrases where !dates.contains(phrase.date) {
            // "in 2025 … in mid-September" says September 2025; the bare year adds nothing to the timeline.
            if phrases.contains(where: { EventExtractor.refines($0.date, phrase.date) }) { continue }
            dates.append(phrase.date)
            let text = EventStatement.text(
                sentence: sentence, datePhrase: string(scalars[phrase.range]), limit: maximumTextLength)
            let opening = string(scalars[phrase.range]).lowercased()
            // "by 2030", "until 2030", "as early as 2026": the opening words are part of the phrase, and make it a
            // deadline or a plan; "released on Friday" is on or before publication whatever the sentence's verb.
            let isAhead = !phrase.isPast && (EventExtractor.looksAhead(scalars, before: phrase.range)
                || ["by ", "until ", "as early as ", "as soon as "].contains { opening.hasPrefix($0) }
                || (referenceIsPublication && EventExtractor.isPlan(scalars, date: phrase.date, reference: referenceDate)))
            let event = ExtractedEvent(date: phrase.date, text: text, isAhead: isAhead)
            if !text.isEmpty, !events.contains(event) { events.append(event) }
        }
    }

    /// Whether the words just before a date, or the sentence's verb, make it a deadline or a plan.
    static func looksAhead(_ scalars: [Unicode.Scalar], before range: Range<Int>) -> Bool {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[max(0, range.lowerBound - 40)..<range.lowerBound])
        let lead = String(view).lowercased().split { !$0.isLetter }.suffix(3)
        let markers: Set<Substring> = ["effective", "by", "until", "due", "from", "starting", "before", "deadline", "expires", "scheduled"]
        var sentence = String.UnicodeScalarView()
        sentence.append(contentsOf: scalars)
        let words = String(sentence).lowercased().split { !$0.isLetter }
        return lead.contains { markers.contains($0) } || words.contains("will")
    }

    /// Whether the date lies wholly after the story's own ("in 2027" in a story of September 2025): what a
    /// story says of a time after it was written is a plan or a forecast, whatever its verb.
    static func isPlan(_ scalars: [Unicode.Scalar], date: PartialDate, reference: Timestamp?) -> Bool {
        guard let reference else { return false }
        let day = reference.date
        let start = (date.year, date.month ?? 1, date.day ?? 1)
        return start > (day.year, day.month ?? 1, day.day ?? 1) && !(date.year == day.year && date.month == nil)
    }

    /// True when `finer` lies inside `coarser` and says more: 2025-09 refines 2025, 2025-09-12 refines 2025-09.
    static func refines(_ finer: PartialDate, _ coarser: PartialDate) -> Bool {
        guard finer.year == coarser.year, finer.precision > coarser.precision else { return false }
        return coarser.month == nil || coarser.month == finer.month
    }

    private func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }
}
