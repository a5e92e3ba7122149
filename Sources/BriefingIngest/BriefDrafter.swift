import Foundation
import BriefingCore

/// Turns source items into brief drafts: identity, summary, body, and the companies, topics and events they mention.
public struct BriefDrafter: Sendable {
    public let companies: CompanyMatcher
    public let topics: TopicTagger

    public init(companies: [Company], topics: [Topic]) {
        let matcher = CompanyMatcher(companies: companies)
        self.companies = matcher
        self.topics = TopicTagger(topics: topics, companies: matcher)
    }

    /// What became of one item: a draft (with a warning when its date was a guess), or the reason it was skipped.
    public enum Drafting: Sendable, Equatable {
        case drafted(BriefDraft, warning: String?)
        case skipped(reason: String)
    }

    /// The date an item is given when it has none of its own, and what to call it in a warning.
    public struct FallbackDate: Sendable, Equatable {
        public var date: Timestamp
        /// "the feed's own date", "the time the source was fetched".
        public var name: String

        public init(date: Timestamp, name: String) {
            self.date = date
            self.name = name
        }
    }

    /// Drafts `item` once. An item with no date of its own (published, updated, or for a digest cluster the
    /// latest day it reports) takes `fallback`, with a warning that names the date text it could not read.
    public func draft(_ item: SourceItem, from document: SourceDocument, fallback: FallbackDate) -> Drafting {
        guard let (title, text) = titleAndText(of: item) else {
            return .skipped(reason: "it has no title and no text")
        }
        let ownDate = item.published ?? item.updated
        // An undated cluster's own latest day sets the year for the dates it states without one.
        let reference = ownDate ?? latestReportedDay(in: EventExtractor(referenceDate: nil).events(in: item)) ?? fallback.date
        let extracted = EventExtractor(referenceDate: reference, referenceIsPublication: ownDate != nil).events(in: item)
        var events = extracted.map { found in
            TimelineEvent(date: found.date, text: found.text, companies: companies.companies(in: found.text), expected: found.isAhead)
        }
        var warning: String?
        let date: Timestamp
        if let own = ownDate ?? latestReportedDay(in: extracted) {
            date = own
        } else {
            date = fallback.date
            let problem = item.unreadDate.map { "could not read its date `\(FeedText.collapsed($0))`" } ?? "it has no date"
            warning = "\(problem); dated by \(fallback.name), \(fallback.date)"
        }
        let publisher = document.publisher
        if let published = ownDate, let publisher {
            // A feed item's own publication is a dated event too: when the story broke.
            events.insert(TimelineEvent(date: published.date, text: "\(publisher) reports: \(title)", companies: companies.companies(in: title)), at: 0)
        }

        let canonical = item.link.map(CanonicalURL.normalise)
        let summary = item.summary.flatMap { $0.isEmpty ? nil : $0 } ?? item.blurb ?? firstSentence(of: item.paragraphs.joined(separator: " ")) ?? ""
        var sources: [SourceCitation] = []
        if let link = item.link { sources.append(SourceCitation(url: link, publisher: publisher)) }
        for domain in item.citations where !sources.contains(where: { $0.host == domain }) {
            sources.append(SourceCitation(url: "https://\(domain)/", publisher: Publishers.name(forDomain: domain)))
        }
        let lead = ([title, item.summary ?? "", item.blurb ?? ""] + item.keyPoints + item.paragraphs.prefix(1)).joined(separator: "\n")
        let named = CompanySalience.split(title: title, lead: lead, text: text, by: companies)
        let fields = Brief.Fields(
            id: item.guid ?? canonical ?? ContentHashID.of(title: title, text: text),
            title: title,
            date: date,
            summary: summary,
            topics: topics.topics(in: text, lead: lead, categories: item.categories),
            companies: named.about,
            mentions: named.mentions,
            authors: item.authors,
            sources: sources,
            events: events)
        let draft = BriefDraft(
            fields: fields, slug: Slug(deriving: title), body: body(for: item, summary: summary, publisher: publisher),
            canonicalURL: canonical)
        return .drafted(draft, warning: warning)
    }

    /// The date `item` gives itself, before any fallback: its publication or update, else the latest day it
    /// reports as having happened. Nil for an item `draft` would skip.
    public func ownDate(of item: SourceItem) -> Timestamp? {
        guard titleAndText(of: item) != nil else { return nil }
        if let date = item.published ?? item.updated { return date }
        return latestReportedDay(in: EventExtractor(referenceDate: nil).events(in: item))
    }

    /// The item's title (its first sentence when it has none) and all its text; nil when it has neither.
    private func titleAndText(of item: SourceItem) -> (title: String, text: String)? {
        let text = ([item.title ?? "", item.summary ?? "", item.blurb ?? ""] + item.keyPoints + item.paragraphs)
            .filter { !$0.isEmpty }.joined(separator: "\n")
        guard let title = (item.title?.isEmpty == false ? item.title : firstSentence(of: text)), !title.isEmpty else { return nil }
        return (title, text)
    }

    /// An undated item (a digest cluster) is dated by the latest day it reports as having happened;
    /// deadlines and plans ("effective Dec. 31") are on its timeline but are not its date.
    private func latestReportedDay(in events: [ExtractedEvent]) -> Timestamp? {
        let latest = events.filter { $0.date.precision == .day && !$0.isAhead }.map(\.date).max()
        return latest.flatMap { Timestamp(year: $0.year, month: $0.month ?? 1, day: $0.day ?? 1) }
    }

    /// A digest cluster keeps its paragraphs; a feed item gets its summary, highlights and a short excerpt
    /// linking to the original — never a copy of the whole article.
    func body(for item: SourceItem, summary: String, publisher: String?) -> String {
        var blocks: [String] = []
        if item.articleCount != nil {
            blocks += item.paragraphs.map(MarkdownEscaping.paragraph)
        } else {
            if !summary.isEmpty { blocks.append(MarkdownEscaping.paragraph(summary)) }
        }
        if !item.keyPoints.isEmpty {
            blocks.append("## Key points")
            blocks.append(item.keyPoints.map { "- " + MarkdownEscaping.paragraph($0) }.joined(separator: "\n"))
        }
        if item.articleCount == nil {
            let excerpt = item.contentMarkdown.map { Excerpt.of(markdown: $0, limit: 700) }
                ?? MarkdownEscaping.paragraph(Excerpt.of(paragraphs: paragraphsAfter(summary: summary, in: item.paragraphs), limit: 700))
            if !excerpt.isEmpty { blocks.append("## Excerpt\n\n" + excerpt) }
            if let link = item.link {
                blocks.append("[Read the full story\(publisher.map { " at " + MarkdownEscaping.paragraph($0) } ?? "")](\(MarkdownEscaping.destination(link)))")
            }
        }
        if let count = item.articleCount { blocks.append("*Based on \(count) article\(count == 1 ? "" : "s").*") }
        return blocks.joined(separator: "\n\n")
    }

    /// The paragraphs without the summary the body already opens with, so the excerpt does not repeat it.
    func paragraphsAfter(summary: String, in paragraphs: [String]) -> [String] {
        guard let first = paragraphs.first, !summary.isEmpty, first.hasPrefix(summary) else { return paragraphs }
        let rest = first.dropFirst(summary.count).trimmingCharacters(in: .whitespaces)
        return (rest.isEmpty ? [] : [rest]) + paragraphs.dropFirst()
    }

    func firstSentence(of text: String) -> String? {
        let sentence = SentenceSplitter.sentences(in: text).first?.trimmingCharacters(in: .whitespaces)
        return sentence.flatMap { $0.isEmpty ? nil : String($0.prefix(200)) }
    }
}
