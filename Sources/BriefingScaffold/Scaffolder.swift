import BriefingCore
import Foundation

/// Writes new content files (`briefing new`): a brief, a company or a topic, well-formed and never over another file.
public struct Scaffolder: Sendable {
    public let siteDirectory: URL
    /// The moment a new brief is dated with; injected so tests do not depend on the clock.
    public var now: Timestamp

    public init(siteDirectory: URL, now: Timestamp = .now()) {
        self.siteDirectory = siteDirectory.standardizedFileURL
        self.now = now
    }

    private var loader: SiteLoader { SiteLoader(directory: siteDirectory) }

    /// Writes `content/briefs/YYYY/<slug>.md` and returns that path. Topics and companies must be in the registry.
    public func newBrief(
        title: String, topics: [String] = [], companies: [String] = [], day: String? = nil, slug: String? = nil
    ) throws(ScaffoldError) -> String {
        let title = title.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !title.isEmpty else {
            throw ScaffoldError(file: "TITLE", message: "the brief has no title", fix: "write it in quotes: briefing new brief \"What happened\"")
        }
        let slug = try chosenSlug(slug, derivedFrom: title)
        let date: (day: PartialDate, text: String)
        if let day {
            guard let parsed = PartialDate(iso: day), parsed.precision == .day else {
                throw ScaffoldError(file: "--date", message: "`\(day)` is not a day", fix: "write it as YYYY-MM-DD, e.g. 2025-09-09")
            }
            date = (parsed, parsed.description)
        } else {
            date = (now.date, now.description)
        }

        let registry: (topics: [Topic], companies: [Company])
        do {
            registry = try loader.loadRegistry()
        } catch {
            throw ScaffoldError(
                file: "content/", message: "the company and topic registry has problems",
                fix: "fix the files above first: a new brief is checked against the registry", problems: error.problems)
        }
        let topicSlugs = try known(topics, among: registry.topics.map(\.slug), kind: "topic", option: "--topic")
        let companySlugs = try known(companies, among: registry.companies.map(\.slug), kind: "company", option: "--company")

        let path = "content/briefs/\(date.day.description.prefix(4))/\(slug).md"
        // The file name is the brief's URL, so the slug must be free in every year's folder, not just this one.
        if let taken = loader.markdownFiles(in: "content/briefs", recursive: true).first(where: { $0.hasSuffix("/\(slug).md") }) {
            throw ScaffoldError(
                file: taken, message: "a brief named `\(slug)` already exists",
                fix: "edit that file, or choose another name with --slug")
        }
        let host = (try? loader.loadConfig()).flatMap { URL(string: $0.baseURL)?.host } ?? "localhost"
        let template = BriefTemplate(
            id: BriefTemplate.id(host: host, day: date.day, slug: slug), title: title, date: date.text,
            topics: topicSlugs, companies: companySlugs)
        try write(template.text, to: path)
        return path
    }

    /// Writes `content/companies/<slug>.md` and returns that path. A name or alias already in the registry is refused.
    /// `aliases` are other names that identify it in text; one another company already has is refused too.
    public func newCompany(name: String, slug: String? = nil, aliases: [String] = []) throws(ScaffoldError) -> String {
        let aliases = aliases.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
        return try newEntry(kind: "company", folder: "companies", name: name, slug: slug, template: { RegistryTemplate.company(name: $0, aliases: aliases) }) { registry in
            registry.companies.first { ([$0.name] + $0.aliases).contains { known in ([name] + aliases).contains(where: known.matches) } }?.location.file
        }
    }

    /// Writes `content/topics/<slug>.md` and returns that path. A name already in the registry is refused.
    public func newTopic(name: String, slug: String? = nil) throws(ScaffoldError) -> String {
        try newEntry(kind: "topic", folder: "topics", name: name, slug: slug, template: RegistryTemplate.topic) { registry in
            registry.topics.first { name.matches($0.name) }?.location.file
        }
    }

    /// Writes `content/stories/<slug>.md` and returns that path. A title another story already has is refused.
    public func newStory(title: String, slug: String? = nil) throws(ScaffoldError) -> String {
        let title = title.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !title.isEmpty else {
            throw ScaffoldError(file: "TITLE", message: "the story has no title", fix: "write it in quotes: briefing new story \"What is developing\"")
        }
        let slug = try chosenSlug(slug, derivedFrom: title)
        // Stories with problems are no reason to refuse a new one; check reports those problems.
        if let stories = try? loader.loadStories(), let existing = stories.first(where: { title.matches($0.title) }) {
            throw ScaffoldError(
                file: existing.location.file, message: "the story `\(title)` already exists",
                fix: "edit that file, or give the new story a different title")
        }
        let path = "content/stories/\(slug).md"
        try write(StoryTemplate.text(title: title), to: path)
        return path
    }

    /// A company or topic: named, not already known by that name (`known` finds the file that has it), written once.
    private func newEntry(
        kind: String, folder: String, name: String, slug: String?, template: (String) -> String,
        known: ((topics: [Topic], companies: [Company])) -> String?
    ) throws(ScaffoldError) -> String {
        let name = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty else {
            throw ScaffoldError(file: "NAME", message: "the \(kind) has no name", fix: "write it in quotes: briefing new \(kind) \"Name\"")
        }
        let slug = try chosenSlug(slug, derivedFrom: name)
        // A registry with problems is no reason to refuse a new entry; check reports those problems.
        if let registry = try? loader.loadRegistry(), let existing = known(registry) {
            throw ScaffoldError(
                file: existing, message: "the \(kind) `\(name)` is already in the registry",
                fix: "edit that file, or give the new \(kind) a different name")
        }
        let path = "content/\(folder)/\(slug).md"
        try write(template(name), to: path)
        return path
    }

    private func chosenSlug(_ given: String?, derivedFrom title: String) throws(ScaffoldError) -> Slug {
        guard let given else { return Slug(deriving: title) }
        guard let slug = Slug(validating: given) else {
            throw ScaffoldError(
                file: "--slug", message: "`\(given)` is not a slug",
                fix: "use lower-case letters, digits and single hyphens, e.g. `\(Slug(deriving: given))`")
        }
        return slug
    }

    /// The slugs the editor named, each of which must be in the registry.
    private func known(_ names: [String], among registry: [Slug], kind: String, option: String) throws(ScaffoldError) -> [Slug] {
        let known = Set(registry)
        var slugs: [Slug] = []
        for name in names {
            guard let slug = Slug(validating: name), known.contains(slug) else {
                let folder = kind == "topic" ? "topics" : "companies"
                throw ScaffoldError(
                    file: option, message: "unknown \(kind) `\(name)`",
                    fix: NameSuggestion.fix(
                        for: name, among: registry.map(\.rawValue),
                        otherwise: "create it first with `briefing new \(kind) \"Name\"` (it goes in content/\(folder)/)"))
            }
            if !slugs.contains(slug) { slugs.append(slug) }
        }
        return slugs
    }

    /// Creates the file only if nothing is there: an existing file is never replaced, even by a race.
    private func write(_ text: String, to path: String) throws(ScaffoldError) {
        let url = siteDirectory.appendingPathComponent(path)
        if FileManager.default.fileExists(atPath: url.path) {
            throw ScaffoldError(file: path, message: "the file already exists; nothing was written", fix: "edit it, or choose another name with --slug")
        }
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url, options: .withoutOverwriting)
        } catch {
            throw ScaffoldError(
                file: path, message: "cannot write the file: \(error.localizedDescription)",
                fix: "check that the site folder exists and is writable (--site picks another)")
        }
    }
}

extension String {
    /// The same name whatever its case: "SK Hynix" is "SK hynix".
    fileprivate func matches(_ other: String) -> Bool {
        trimmingCharacters(in: .whitespaces).caseInsensitiveCompare(other) == .orderedSame
    }
}
