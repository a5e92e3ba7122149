/// What an ingest run did with each story, and the names it could not match to a company.
public struct IngestReport: Sendable, CustomStringConvertible {
    /// What happened to one story.
    public enum Outcome: String, Sendable {
        case written = "written"
        case updated = "updated"
        case unchanged = "unchanged"
        case kept = "kept (edited since ingest wrote it)"
        case merged = "merged (same story as another item)"
        /// Not made into a brief; `skipped` says why.
        case skipped = "skipped"
    }

    public var entries: [(path: String, outcome: Outcome)] = []
    /// Items that did not become briefs, each with its reason.
    public var skipped: [ItemNotice] = []
    /// Items written with a guess the reader should know of (a date that could not be read).
    public var warnings: [ItemNotice] = []
    /// Organisation-like names seen in the sources but not in the company registry, with counts.
    public var unmatchedNames: [String: Int] = [:]
    public var seconds: Double = 0
    /// With `--explain`: for each brief, the stories it joins and its near misses, with their scores.
    public var explanations: [String] = []

    public func count(_ outcome: Outcome) -> Int {
        outcome == .skipped ? skipped.count : entries.filter { $0.outcome == outcome }.count
    }

    public var description: String {
        var lines = explanations
        lines += entries.map { "\($0.outcome.rawValue): \($0.path)" }
        lines += skipped.map { "skipped: \($0)" }
        lines += warnings.map { "warning: \($0)" }
        let frequent = unmatchedNames.filter { $0.value >= 2 }.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.prefix(25)
        if !frequent.isEmpty {
            lines.append("Names not in the company registry (add them to content/companies/ if they are companies):")
            lines.append("  " + frequent.map { "\($0.key) (\($0.value))" }.joined(separator: ", "))
        }
        let time = seconds < 1 ? "\(Int((seconds * 1000).rounded())) ms" : "\((seconds * 100).rounded() / 100) s"
        lines.append(
            "Ingested \(entries.count) stories: \(count(.written)) written, \(count(.updated)) updated, \(count(.unchanged)) unchanged, "
                + "\(count(.kept)) kept, \(count(.merged)) merged, \(count(.skipped)) skipped in \(time)")
        return lines.joined(separator: "\n")
    }
}
