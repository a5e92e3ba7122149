import BriefingCore
import Foundation

/// Turns source documents into brief files in a site's `content/briefs/`: idempotent, and never
/// overwriting a brief an editor has changed.
public struct Ingester: Sendable {
    public let siteDirectory: URL

    public init(siteDirectory: URL) {
        self.siteDirectory = siteDirectory.standardizedFileURL
    }

    /// Reads every file, then ingests them as `ingest(_ sources:)` does; an unreadable file stops the run first.
    public func ingest(_ files: [URL], progress: (@Sendable (Int, Int) -> Void)? = nil) throws(IngestError) -> IngestReport {
        let start = Date()
        var sources: [IngestSource] = []
        for file in files {
            let name = file.relativePath
            // A file was fetched when it was last written: that dates what its feed leaves undated.
            let modified = (try? FileManager.default.attributesOfItem(atPath: file.path)[.modificationDate]) as? Date
            sources.append(IngestSource(
                name: name, bytes: try SourceReader.bytes(of: file, displayName: name),
                fetchedAt: modified.map { Timestamp(secondsSinceEpoch: Int($0.timeIntervalSince1970)) }))
        }
        return try ingest(sources, progress: progress, since: start)
    }

    /// Parses every document first, so a bad one stops the run before anything is written.
    /// `progress` is told (stories done, stories in all) after each story, for a progress display.
    public func ingest(_ sources: [IngestSource], progress: (@Sendable (Int, Int) -> Void)? = nil) throws(IngestError) -> IngestReport {
        try ingest(sources, progress: progress, since: Date())
    }

    private func ingest(
        _ sources: [IngestSource], progress: (@Sendable (Int, Int) -> Void)?, since start: Date
    ) throws(IngestError) -> IngestReport {
        let registry: (topics: [Topic], companies: [Company])
        do {
            registry = try SiteLoader(directory: siteDirectory).loadRegistry()
        } catch {
            throw IngestError(
                file: "content/", message: "the company and topic registry has \(error.problems.count == 1 ? "a problem" : "problems")",
                fix: "fix the files above first: ingest tags briefs against the registry", problems: error.problems)
        }
        for source in sources { try Self.checkTags(of: source, against: registry) }
        var documents: [(source: IngestSource, document: SourceDocument)] = []
        for source in sources { documents.append((source, try SourceReader.parse(source.bytes, file: source.name))) }

        let drafter = BriefDrafter(companies: registry.companies, topics: registry.topics)
        var existing = ExistingBriefs(siteDirectory: siteDirectory)
        var report = IngestReport()
        var seen = Set<String>()
        var drafted: [(document: SourceDocument, drafts: [BriefDraft])] = []
        for (source, document) in documents {
            var drafts: [BriefDraft] = []
            let fallback = fallbackDate(for: document, from: source, with: drafter)
            for (index, item) in document.items.enumerated() {
                let name = item.title.map { "“\($0)”" } ?? "item \(index + 1)"
                let notice = { (message: String) in ItemNotice(source: source.name, line: item.line, item: name, message: message) }
                switch drafter.draft(item, from: document, fallback: fallback) {
                case .skipped(let reason):
                    report.skipped.append(notice(reason))
                case .drafted(let draft, let warning):
                    if let warning { report.warnings.append(notice(warning)) }
                    // Never write a brief the build would refuse: one bad item must not break the portal.
                    if let problem = BriefFile.loadProblem(in: BriefFile.text(of: draft)) {
                        report.skipped.append(notice("the brief would not load (\(problem))"))
                        continue
                    }
                    drafts.append(draft.tagged(topics: source.topics, companies: source.companies))
                }
            }
            drafted.append((document, drafts))
        }
        let total = drafted.reduce(0) { $0 + $1.drafts.count }
        var done = 0
        for (document, drafts) in drafted {
            for draft in drafts {
                defer {
                    done += 1
                    progress?(done, total)
                }
                // Two items with the same id or canonical URL in one run are one story: the first wins.
                let keys = [draft.fields.id] + (draft.canonicalURL.map { [$0] } ?? [])
                if keys.contains(where: seen.contains) {
                    report.entries.append((draft.relativePath, .merged))
                    continue
                }
                seen.formUnion(keys)
                var draft = draft
                let match = existing.match(for: draft)
                // A brief keeps the id it was written with, however a later ingest would spell it.
                if let match, ContentHashID.legacySpelling(of: draft.fields.id) == match.id { draft.fields.id = match.id }
                let path = match?.path ?? freePath(for: draft, among: existing.paths)
                let outcome = try write(draft, to: path)
                existing.record(draft, at: path)
                report.entries.append((path, outcome))
            }
            for item in document.items {
                let text = ([item.title ?? ""] + item.keyPoints + item.paragraphs).joined(separator: "\n")
                report.unmatchedNames.merge(drafter.companies.unmatchedNames(in: text), uniquingKeysWith: +)
            }
        }
        report.seconds = Date().timeIntervalSince(start)
        return report
    }

    /// A source's own tags must be in the registry: a brief naming an unknown one would stop the build.
    static func checkTags(of source: IngestSource, against registry: (topics: [Topic], companies: [Company])) throws(IngestError) {
        let topics = Set(registry.topics.map(\.slug))
        let companies = Set(registry.companies.map(\.slug))
        if let unknown = source.topics.first(where: { !topics.contains($0) }) {
            throw IngestError(
                file: source.name, message: "the source's topic `\(unknown)` is not in the registry",
                fix: NameSuggestion.fix(for: unknown.rawValue, among: topics.map(\.rawValue).sorted(),
                                        otherwise: "create content/topics/\(unknown).md or correct the slug"))
        }
        if let unknown = source.companies.first(where: { !companies.contains($0) }) {
            throw IngestError(
                file: source.name, message: "the source's company `\(unknown)` is not in the registry",
                fix: NameSuggestion.fix(for: unknown.rawValue, among: companies.map(\.rawValue).sorted(),
                                        otherwise: "create content/companies/\(unknown).md or correct the slug"))
        }
    }

    /// What dates an item that has no date of its own: the feed's own date; for a digest, which has none,
    /// the newest date it reports (it was issued after that); else the time the source was fetched.
    func fallbackDate(for document: SourceDocument, from source: IngestSource, with drafter: BriefDrafter) -> BriefDrafter.FallbackDate {
        if let date = document.date { return .init(date: date, name: "the feed's own date") }
        if document.format == .digest, let newest = document.items.compactMap({ drafter.ownDate(of: $0) }).max() {
            return .init(date: newest, name: "the newest date the digest reports")
        }
        return .init(date: source.fetchedAt ?? .now(), name: "the time the source was fetched")
    }

    /// `content/briefs/YYYY/<slug>.md`, or `<slug>-2.md`… when another story already has that name. A brief's
    /// file name is its URL, so the name must be free in every year's folder: the build refuses a duplicate slug.
    func freePath(for draft: BriefDraft, among taken: Set<String>) -> String {
        let takenSlugs = Set(taken.map { path in String(path.split(separator: "/").last?.dropLast(3) ?? "") })
        var slug = draft.slug.rawValue
        var number = 2
        while takenSlugs.contains(slug) {
            slug = "\(draft.slug)-\(number)"
            number += 1
        }
        return "content/briefs/\(draft.fields.date.components.year)/\(slug).md"
    }

    /// Writes the draft unless the file already says the same, or an editor has changed it.
    func write(_ draft: BriefDraft, to path: String) throws(IngestError) -> IngestReport.Outcome {
        let url = siteDirectory.appendingPathComponent(path)
        // Slugs are validated, but the folder check keeps any future path bug from writing outside content/.
        guard url.standardizedFileURL.path.hasPrefix(siteDirectory.appendingPathComponent("content/briefs").path + "/") else {
            throw IngestError(
                file: path, message: "refusing to write outside content/briefs",
                fix: "this is a bug in briefing; please report it with the source document")
        }
        let text = BriefFile.text(of: draft)
        var outcome = IngestReport.Outcome.written
        if let data = FileManager.default.contents(atPath: url.path) {
            let current = String(decoding: data, as: UTF8.self)
            if current == text { return .unchanged }
            guard BriefFile.isUnedited(current) else { return .kept }
            outcome = .updated
        }
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).ingest-tmp")
            try Data(text.utf8).write(to: temporary)
            guard rename(temporary.path, url.path) == 0 else { throw CocoaError(.fileWriteUnknown) }
        } catch {
            throw IngestError(file: path, message: "cannot write the brief: \(error.localizedDescription)", fix: "check that content/briefs is writable")
        }
        return outcome
    }
}
