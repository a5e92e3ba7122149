import BriefingCore
import BriefingIngest

/// What a fetch run did with one source, as `briefing fetch` prints it.
public struct SourceReport: Sendable {
    public enum Outcome: Sendable {
        /// A new document, ingested.
        case fetched(IngestCounts)
        case notModified
        case notDue(until: Timestamp)
        case waiting(until: Timestamp)
        case disabled(String)
        /// `410 Gone` this run: disabled from now on.
        case gone
        case failed(FetchFailure, nextTry: Timestamp, serverAsked: Bool)
        /// `--dry-run`: what would be asked.
        case wouldFetch(conditions: [String])
    }

    public var source: FeedSource
    public var outcome: Outcome
    /// Where a permanent redirect says the feed now lives.
    public var movedTo: String?

    /// True when this source makes the run exit 1.
    public var isFailure: Bool {
        switch outcome {
        case .failed, .gone: return true
        default: return false
        }
    }

    /// One line, and a second when the source moved.
    public var lines: [String] {
        let name = source.label
        let withURL = source.name == nil ? name : "\(name) <\(source.url)>"
        var lines: [String]
        switch outcome {
        case .fetched(let counts): lines = ["fetched       \(name) — \(counts)"]
        case .notModified: lines = ["not modified  \(name)"]
        case .notDue(let until): lines = ["not due       \(name) — next fetch after \(until)"]
        case .waiting(let until): lines = ["waiting       \(name) — the server asked not to be asked again before \(until)"]
        case .disabled(let reason):
            lines = ["disabled      \(withURL) — \(reason); `briefing sources enable \(source.url)` fetches it again"]
        case .gone:
            lines = ["gone          \(withURL) — 410 Gone: the feed was removed, so it is no longer fetched; "
                + "remove it from briefing.yml, or `briefing sources enable \(source.url)` if it comes back"]
        case .failed(let failure, let next, let serverAsked):
            lines = ["failed        \(withURL) — \(failure); next try after \(next)\(serverAsked ? " (the server's Retry-After)" : "")"]
        case .wouldFetch(let conditions):
            lines = ["would fetch   \(name) — " + (conditions.isEmpty ? "unconditionally" : conditions.joined(separator: ", "))]
        }
        if let movedTo {
            lines.append("              moved permanently to \(movedTo) — change its url in briefing.yml (line \(source.line))")
        }
        return lines
    }
}

/// How many of a fetched document's stories were new, updated, unchanged, kept or skipped.
public struct IngestCounts: Sendable, Equatable, CustomStringConvertible {
    public var items = 0
    public var written = 0
    public var updated = 0
    public var unchanged = 0
    public var kept = 0
    public var merged = 0
    /// Items that did not become briefs (ingest says why in its own report).
    public var skipped = 0

    public init() {}

    public init(_ report: IngestReport) {
        items = report.entries.count
        written = report.count(.written)
        updated = report.count(.updated)
        unchanged = report.count(.unchanged)
        kept = report.count(.kept)
        merged = report.count(.merged)
        skipped = report.skipped.count
    }

    public var description: String {
        var parts = ["\(written) new"]
        if updated > 0 { parts.append("\(updated) updated") }
        parts.append("\(unchanged) unchanged")
        if kept > 0 { parts.append("\(kept) kept (edited)") }
        if merged > 0 { parts.append("\(merged) merged") }
        if skipped > 0 { parts.append("\(skipped) skipped") }
        return "\(items) \(items == 1 ? "item" : "items"): " + parts.joined(separator: ", ")
    }
}
