/// What an ingest run did with each story, and the names it could not match to a company.
public struct IngestReport: Sendable, CustomStringConvertible {
    /// What happened to one story.
    public enum Outcome: String, Sendable {
        case written = "written"
        case updated = "updated"
        case unchanged = "unchanged"
        case kept = "kept (edited since ingest wrote it)"
        case merged = "merged (same story as another item)"
        /// A registry entry ingest wrote and nobody edited, whose name another entry now has.
        case mergedCompany = "merged (a company ingest added that another entry now covers)"
        /// A registry entry ingest wrote, nobody edited and no brief names any more.
        case removed = "removed (a company ingest added that no brief names any more)"
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
    /// Names that may be companies but are not strong enough to add to the registry (`briefing companies suggest`).
    public var suggestions: [CompanyCandidate] = []
    public var seconds: Double = 0
    /// With `--explain`: for each brief, the stories it joins and its near misses, with their scores.
    public var explanations: [String] = []

    /// Stories and briefs with this outcome; registry entries are counted by `companies(_:)`.
    public func count(_ outcome: Outcome) -> Int {
        outcome == .skipped ? skipped.count : entries.filter { $0.outcome == outcome && !$0.path.hasPrefix(Self.companyFolder) }.count
    }

    /// Registry entries ingest wrote, merged or removed with this outcome.
    public func companies(_ outcome: Outcome) -> Int {
        entries.filter { $0.outcome == outcome && $0.path.hasPrefix(Self.companyFolder) }.count
    }

    static let companyFolder = "content/companies/"

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
        if !suggestions.isEmpty {
            lines.append("\(suggestions.count) more name\(suggestions.count == 1 ? "" : "s") may be companies: `briefing companies suggest` lists them, "
                + "`briefing companies add \"Name\"` adds one")
        }
        let time = seconds < 1 ? "\(Int((seconds * 1000).rounded())) ms" : "\((seconds * 100).rounded() / 100) s"
        let registry = [(Outcome.written, "added"), (.updated, "updated"), (.mergedCompany, "merged"), (.removed, "removed")]
            .filter { companies($0.0) > 0 }.map { "\(companies($0.0)) \($0.1)" }
        if !registry.isEmpty { lines.append("Companies ingest found: \(registry.joined(separator: ", "))") }
        lines.append(
            "Ingested \(entries.count - entries.filter { $0.path.hasPrefix(Self.companyFolder) }.count) stories: \(count(.written)) written, \(count(.updated)) updated, \(count(.unchanged)) unchanged, "
                + "\(count(.kept)) kept, \(count(.merged)) merged, \(count(.skipped)) skipped in \(time)")
        return lines.joined(separator: "\n")
    }
}
