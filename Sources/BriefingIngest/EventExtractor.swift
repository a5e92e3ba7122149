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
/// key point) with citations removed, shortened when longer than `maximumTextLength` but always opening with its
/// subject (see `EventStatement`); a date that another date of the same statement refines ("in 2025 …
/// mid-September") is left out. An item states each (date, text) once: the same sentence at two dates is two
/// events, the same text at the same date one, expected when either said so (`PlanOrDeadline` decides which
/// are). A phrase without a year takes the nearest year named earlier in the same text, else the reference
/// date's year. Ranges keep their first day or month ("Sep 29–30, 2025" → 2025-09-29). A bare year counts only
/// after "in", "by", "during", "since", "from", "throughout" or "until" (or "as early as"), so "2025 revenue"
/// and "300,000 H20 GPUs" are not events, and "since" after a superlative ("its highest level since 2021")
/// dates nothing. Given the story's own publication date, dates relative to it are read too (see
/// `RelativeDatePhrase.swift`): "released on Friday" (the weekday on or before publication, to the day), "March
/// next year" (to the month), "next year" (to the year, expected), and "since mid-July" (the latest July).
public struct EventExtractor: Sendable {
    public var referenceDate: Timestamp?
    /// Whether `referenceDate` is when the story was published, so a date after it is a plan or forecast.
    /// A digest cluster's reference is only the latest day it reports, and it reports months after that.
    public var referenceIsPublication: Bool
    /// Event texts longer than this are shortened: two lines of a timeline, room for most whole sentences.
    public var maximumTextLength = 240

    public init(referenceDate: Timestamp?, referenceIsPublication: Bool = false) {
        self.referenceDate = referenceDate
        self.referenceIsPublication = referenceIsPublication
    }

    /// Events in prose, one statement per sentence, in document order; each distinct (date, text) once.
    public func events(in text: String) -> [ExtractedEvent] {
        var contextYear: Int?
        var events: [ExtractedEvent] = []
        var previous: String?
        for sentence in SentenceSplitter.sentences(in: text) {
            collect(statement: sentence, previous: previous, contextYear: &contextYear, into: &events)
            previous = EventExtractor.prepared(sentence)
        }
        return events
    }

    /// Events in one highlight bullet, which is a single statement however many sentences it has.
    public func events(inKeyPoint keyPoint: String) -> [ExtractedEvent] {
        var contextYear: Int?
        var events: [ExtractedEvent] = []
        collect(statement: keyPoint, previous: nil, contextYear: &contextYear, into: &events)
        return events
    }

    /// Events in an item: its key points first (the highlights), then its paragraphs; each distinct event once.
    public func events(in item: SourceItem) -> [ExtractedEvent] {
        var distinct: [ExtractedEvent] = []
        for event in item.keyPoints.flatMap({ events(inKeyPoint: $0) }) + item.paragraphs.flatMap({ events(in: $0) }) {
            EventExtractor.add(event, to: &distinct)
        }
        return distinct
    }

    /// Adds `event` unless one with its date and text is there already; that one is then expected if either is.
    static func add(_ event: ExtractedEvent, to events: inout [ExtractedEvent]) {
        if let index = events.firstIndex(where: { $0.date == event.date && $0.text == event.text }) {
            events[index].isAhead = events[index].isAhead || event.isAhead
        } else {
            events.append(event)
        }
    }

    private static func prepared(_ statement: String) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: TextNormalisation.normalisedScalars(TextNormalisation.collapsingWhitespace(statement)))
        return String(view)
    }

    private func collect(statement: String, previous: String?, contextYear: inout Int?, into events: inout [ExtractedEvent]) {
        let scalars = TextNormalisation.normalisedScalars(TextNormalisation.collapsingWhitespace(statement))
        let scanner = DatePhraseScanner(
            referenceYear: referenceDate?.components.year, publication: referenceIsPublication ? referenceDate : nil)
        let phrases = scanner.phrases(in: scalars, contextYear: &contextYear)
        guard !phrases.isEmpty else { return }
        let sentence = string(scalars[...])
        let ahead = PlanOrDeadline(reference: referenceDate, referenceIsPublication: referenceIsPublication)
        var dates: [PartialDate] = []
        for phrase in phrases where !dates.contains(phrase.date) {
            // "in 2025 … in mid-September" says September 2025; the bare year adds nothing to the timeline.
            if phrases.contains(where: { EventExtractor.refines($0.date, phrase.date) }) { continue }
            dates.append(phrase.date)
            let text = EventStatement.text(
                sentence: sentence, datePhrase: string(scalars[phrase.range]), limit: maximumTextLength, previous: previous)
            guard !text.isEmpty else { continue }
            EventExtractor.add(ExtractedEvent(date: phrase.date, text: text, isAhead: ahead.isAhead(phrase, in: scalars)), to: &events)
        }
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
