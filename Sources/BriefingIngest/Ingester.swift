import BriefingCore
import Foundation

/// Turns source documents into brief files in a site's `content/briefs/`: idempotent, and never
/// overwriting a brief an editor has changed.
public struct Ingester: Sendable {
    public let siteDirectory: URL
    /// Whether the report says, for each brief, why it joins its stories and why it misses the nearest others.
    public var explain: Bool

    public init(siteDirectory: URL, explain: Bool = false) {
        self.siteDirectory = siteDirectory.standardizedFileURL
        self.explain = explain
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
        let knownStories: [Story]
        do {
            knownStories = try SiteLoader(directory: siteDirectory).loadStories()
        } catch {
            throw IngestError(
                file: "content/stories/", message: "the stories have \(error.problems.count == 1 ? "a problem" : "problems")",
                fix: "fix the files above first: ingest threads briefs into the stories", problems: error.problems)
        }
        for source in sources { try Self.checkTags(of: source, against: registry) }
        var documents: [(source: IngestSource, document: SourceDocument)] = []
        for source in sources { documents.append((source, try SourceReader.parse(source.bytes, file: source.name))) }

        var report = IngestReport()
        // The open registry: entries ingest wrote that another entry now covers are merged into it, and the
        // strong candidates among the names this run's items use become entries.
        let ingested = IngestedCompanies(siteDirectory: siteDirectory, registry: registry.companies)
        let merged = ingested.merges(in: registry.companies)
        // An entry ingest wrote whose name the stop list now has (a rule learnt since) goes, unless edited.
        let stopped = Set(registry.companies.filter { company in
            ingested.written[company.slug]?.unedited == true && NonCompanyNames.isStopped(company.name.lowercased())
        }.map(\.slug))
        var companies = registry.companies.filter { merged[$0.slug] == nil && !stopped.contains($0.slug) }
        let itemTexts = documents.flatMap { $0.document.items.map { ([$0.title ?? ""] + [$0.summary ?? "", $0.blurb ?? ""] + $0.keyPoints + $0.paragraphs).joined(separator: "\n") } }
        var added: [Slug: CompanyCandidate] = [:]
        for candidate in CompanyCandidates(known: CompanyMatcher(companies: companies)).candidates(in: itemTexts) {
            let slug = Slug(deriving: candidate.name)
            guard candidate.isStrong, !slug.rawValue.isEmpty, !registry.companies.contains(where: { $0.slug == slug }), added[slug] == nil,
                  !FileManager.default.fileExists(atPath: siteDirectory.appendingPathComponent("content/companies/\(slug).md").path) else {
                report.suggestions.append(candidate)
                continue
            }
            added[slug] = candidate
            companies.append(Company(
                slug: slug, name: candidate.name, aliases: candidate.aliases, ticker: candidate.ticker,
                location: ContentLocation(file: "content/companies/\(slug).md")))
        }

        let drafter = BriefDrafter(companies: companies, topics: registry.topics)
        let retagger = BriefRetagger(
            companies: drafter.companies, topics: drafter.topics,
            replaced: merged.mapValues { Optional($0) }.merging(stopped.map { ($0, nil) }, uniquingKeysWith: { first, _ in first }))
        var existing = ExistingBriefs(siteDirectory: siteDirectory)
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
                    // What the text the brief keeps gives is added, as `retag` would: re-tagging never changes a fresh brief.
                    var retagged = draft
                    retagged.fields = retagger.retagged(draft.fields, body: draft.body)
                    drafts.append(retagged.tagged(topics: source.topics, companies: source.companies))
                }
            }
            drafted.append((document, drafts))
        }
        // Each digest cluster is a story; its brief is in it. Every other brief is threaded by similarity.
        var storyDrafts: [StoryDraft] = []
        for index in drafted.indices where drafted[index].document.format == .digest {
            for draftIndex in drafted[index].drafts.indices {
                let story = StoryDraft(cluster: drafted[index].drafts[draftIndex])
                if !storyDrafts.contains(where: { $0.slug == story.slug }) { storyDrafts.append(story) }
                drafted[index].drafts[draftIndex].fields.stories = [story.slug]
            }
        }
        var stories = Dictionary(knownStories.map { ($0.slug, $0) }, uniquingKeysWith: { first, _ in first })
        for story in storyDrafts { stories[story.slug] = story.story }
        let threader = StoryThreader(
            stories: stories.values.map { ($0.slug, StoryThreader.Profile(story: $0, named: drafter.companies)) },
            titleCompanies: drafter.companies)
        for index in drafted.indices where drafted[index].document.format != .digest {
            for draftIndex in drafted[index].drafts.indices {
                let draft = drafted[index].drafts[draftIndex]
                drafted[index].drafts[draftIndex].fields.stories = threader.stories(for: StoryThreader.Profile(brief: draft.fields, body: draft.body))
            }
        }
        for story in storyDrafts {
            let path = "content/stories/\(story.slug).md"
            report.entries.append((path, try write(BriefFile.text(lines: story.fields.frontMatterLines(), body: story.body), to: path, folder: "content/stories")))
        }

        let total = drafted.reduce(0) { $0 + $1.drafts.count }
        var done = 0
        var written = Set<String>()
        var named = NamedCompanies()
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
                if outcome == .kept { named.noteFile(path, in: siteDirectory) } else { named.note(draft.fields, at: path) }
                existing.record(draft, at: path)
                written.insert(path)
                report.entries.append((path, outcome))
                if explain { report.explanations.append(Self.explanation(of: draft.fields.title, at: path, by: threader, for: draft.fields, body: draft.body)) }
            }
            for item in document.items {
                let text = ([item.title ?? ""] + item.keyPoints + item.paragraphs).joined(separator: "\n")
                report.unmatchedNames.merge(drafter.companies.unmatchedNames(in: text), uniquingKeysWith: +)
            }
        }
        try rethread(all: existing.paths.subtracting(written), by: threader, retagging: retagger, naming: &named, into: &report)
        named.noteStories(in: siteDirectory)
        try settleRegistry(added: added, merged: merged, ingested: ingested, named: named.files, into: &report)
        report.seconds = Date().timeIntervalSince(start)
        return report
    }

    /// Re-tags and re-threads every brief ingest wrote that nobody edited against the registry and the stories as
    /// they are now, as an ingest of no documents does: `briefing retag`, after the registry changed.
    public func retag() throws(IngestError) -> IngestReport {
        try ingest([IngestSource]())
    }

    /// Threads the briefs this run did not write against the stories as they now are, so the order documents are
    /// ingested in does not matter, and re-tags them against the registry as it now is, so a company added later
    /// shows its history: a brief ingest wrote and nobody edited is rewritten; an edited one is only reported.
    private func rethread(
        all paths: Set<String>, by threader: StoryThreader, retagging retagger: BriefRetagger, naming named: inout NamedCompanies,
        into report: inout IngestReport
    ) throws(IngestError) {
        for path in paths.sorted() {
            guard let data = FileManager.default.contents(atPath: siteDirectory.appendingPathComponent(path).path),
                  let text = String(data: data, encoding: .utf8), let matter = try? FrontMatter.parse(text, file: path) else { continue }
            var frontMatter = matter.fields
            let hasStories = frontMatter.fieldNames.contains("stories")
            let (fields, usable) = Brief.Fields.readAll(&frontMatter)
            guard usable else {
                named.note(fields, at: path)
                continue
            }
            let retagged = retagger.retagged(fields, body: matter.body)
            let threaded = threader.stories(for: StoryThreader.Profile(brief: retagged, body: matter.body))
            if explain { report.explanations.append(Self.explanation(of: fields.title, at: path, by: threader, for: retagged, body: matter.body)) }
            guard threaded != fields.stories || retagged != fields else {
                named.note(fields, at: path)
                continue
            }
            guard BriefFile.isUnedited(text) else {
                named.note(fields, at: path)
                if retagged != fields, let message = Self.retagNotice(from: fields, to: retagged) {
                    report.warnings.append(ItemNotice(source: path, line: nil, item: "“\(fields.title)”", message: message))
                }
                if threaded != fields.stories, !hasStories {
                    report.warnings.append(ItemNotice(
                        source: path, line: nil, item: "“\(fields.title)”",
                        message: "edited since ingest wrote it, so not threaded; it would join \(threaded.map(\.rawValue).joined(separator: ", ")) "
                            + "(add `stories: [\(threaded.map(\.rawValue).joined(separator: ", "))]`, or `stories: []` to keep it alone)"))
                }
                continue
            }
            let name = String(path.split(separator: "/").last?.dropLast(3) ?? "")
            var draft = BriefDraft(fields: retagged, slug: Slug(deriving: name), body: matter.body)
            draft.fields.stories = threaded
            report.entries.append((path, try write(draft, to: path)))
            named.note(draft.fields, at: path)
        }
    }

    /// What re-tagging would change in an edited brief, for the editor to apply by hand.
    static func retagNotice(from fields: Brief.Fields, to retagged: Brief.Fields) -> String? {
        let before = Set(fields.companies + fields.mentions + fields.events.flatMap(\.companies))
        let gone = before.subtracting(retagged.companies + retagged.mentions + retagged.events.flatMap(\.companies)).sorted()
        let companies = retagged.companies.filter { !before.contains($0) }
        let mentions = retagged.mentions.filter { !before.contains($0) }
        let topics = retagged.topics.filter { !fields.topics.contains($0) }
        var changes: [String] = []
        if !companies.isEmpty { changes.append("add \(companies.map(\.rawValue).joined(separator: ", ")) to `companies`") }
        if !mentions.isEmpty { changes.append("add \(mentions.map(\.rawValue).joined(separator: ", ")) to `mentions`") }
        if !topics.isEmpty { changes.append("add \(topics.map(\.rawValue).joined(separator: ", ")) to `topics`") }
        if !gone.isEmpty { changes.append("replace \(gone.map(\.rawValue).joined(separator: ", ")), which ingest merged into another company") }
        guard !changes.isEmpty else { return nil }
        return "edited since ingest wrote it, so not re-tagged with the registry as it is now: \(changes.joined(separator: "; "))"
    }

    /// Writes the registry entries this run added that some brief names, and merges or removes the entries ingest
    /// wrote that nobody edited and that no brief or story names any more. An entry still named by a file that is
    /// not ingest's to change is kept, and reported.
    private func settleRegistry(
        added: [Slug: CompanyCandidate], merged: [Slug: Slug], ingested: IngestedCompanies, named: [Slug: Set<String>],
        into report: inout IngestReport
    ) throws(IngestError) {
        for (slug, candidate) in added.sorted(by: { $0.key < $1.key }) where named[slug] != nil {
            let path = "content/companies/\(slug).md"
            report.entries.append((path, try write(IngestedCompanies.text(of: candidate), to: path, folder: "content/companies")))
        }
        for (slug, entry) in ingested.written.sorted(by: { $0.key < $1.key }) where entry.unedited {
            if let files = named[slug] {
                if let target = merged[slug] {
                    report.warnings.append(ItemNotice(
                        source: entry.path, line: nil, item: "`\(slug)`",
                        message: "has a name of `\(target)` and would be merged into it, but \(files.sorted().joined(separator: ", ")) "
                            + "still name\(files.count == 1 ? "s" : "") it (replace `\(slug)` with `\(target)` there)"))
                }
                continue
            }
            do {
                try FileManager.default.removeItem(at: siteDirectory.appendingPathComponent(entry.path))
            } catch {
                throw IngestError(file: entry.path, message: "cannot remove the file: \(error.localizedDescription)", fix: "check that content/companies is writable")
            }
            report.entries.append((entry.path, merged[slug] == nil ? .removed : .mergedCompany))
        }
    }

    /// Why a brief joins the stories it joins, and why the nearest others were missed, for `--explain`.
    static func explanation(of title: String, at path: String, by threader: StoryThreader, for fields: Brief.Fields, body: String) -> String {
        let scores = threader.scores(for: StoryThreader.Profile(brief: fields, body: body))
        func parts(_ score: StoryThreader.Score) -> String {
            let companies = score.sharedCompanies.isEmpty ? "no companies" : score.sharedCompanies.map(\.rawValue).joined(separator: ", ")
            let words = score.sharedWords.isEmpty ? "no words" : score.sharedWords.joined(separator: ", ")
            return "score \(Self.rounded(score.total, places: 3)) (words \(Self.rounded(score.words)), companies \(Self.rounded(score.companies)), "
                + "topics \(Self.rounded(score.topics)), time \(Self.rounded(score.time))); shares \(companies); words \(words)"
                + (score.titleCompanies.isEmpty ? "" : "; title names \(score.titleCompanies.map(\.rawValue).joined(separator: ", "))")
        }
        func whyNot(_ score: StoryThreader.Score) -> String {
            if !score.storyNamesTitleCompany { return "the story names none of the companies its title names" }
            if score.words < StoryThreader.minimumWords { return "words under \(StoryThreader.minimumWords)" }
            return "under the threshold \(StoryThreader.threshold)"
        }
        var lines = ["“\(title)” (\(path))"]
        for score in scores where score.attached { lines.append("  joins \(score.story): \(parts(score))") }
        for score in scores where !score.attached && score.total >= StoryThreader.nearMiss {
            lines.append("  near miss \(score.story): \(whyNot(score)): \(parts(score))")
        }
        if lines.count == 1 {
            lines.append("  stands alone: no story scores \(StoryThreader.nearMiss) or more"
                + (scores.first.map { " (best: \($0.story), \(Self.rounded($0.total)))" } ?? ""))
        }
        return lines.joined(separator: "\n")
    }

    /// A score's part to two decimals; the total to three, so a near miss never reads as the threshold itself.
    private static func rounded(_ value: Double, places: Int = 2) -> String {
        let scale = (0..<places).reduce(1) { product, _ in product * 10 }
        let scaled = Int((value * Double(scale)).rounded())
        let fraction = String(scaled % scale)
        return "\(scaled / scale).\(String(repeating: "0", count: max(0, places - fraction.count)))\(fraction)"
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
        try write(BriefFile.text(of: draft), to: path, folder: "content/briefs")
    }

    /// Writes a file ingest made (a brief or a story) unless it already says the same, or an editor has changed it.
    func write(_ text: String, to path: String, folder: String) throws(IngestError) -> IngestReport.Outcome {
        let url = siteDirectory.appendingPathComponent(path)
        // Slugs are validated, but the folder check keeps any future path bug from writing outside content/.
        guard url.standardizedFileURL.path.hasPrefix(siteDirectory.appendingPathComponent(folder).path + "/") else {
            throw IngestError(
                file: path, message: "refusing to write outside \(folder)",
                fix: "this is a bug in briefing; please report it with the source document")
        }
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
            throw IngestError(file: path, message: "cannot write the file: \(error.localizedDescription)", fix: "check that \(folder) is writable")
        }
        return outcome
    }
}
