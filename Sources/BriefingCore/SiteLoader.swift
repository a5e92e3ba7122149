import Foundation

/// Reads a site folder (`briefing.yml`, `content/`) into a `Site`, reporting every problem at once.
public struct SiteLoader: Sendable {
    public let directory: URL
    public var jobs: Int

    /// The site's files, relative to it, when the caller has listed them already; otherwise the loader walks.
    public var files: [String]?

    public init(directory: URL, jobs: Int = ProcessInfo.processInfo.activeProcessorCount, files: [String]? = nil) {
        self.directory = directory.standardizedFileURL
        self.jobs = jobs
        self.files = files
    }

    /// Loads configuration and content; `configure` may override settings (e.g. `--base-url`).
    /// Files found in `parsed` are taken from it instead of being read and parsed again.
    public func load(reusing parsed: ParsedContent = ParsedContent(), configure: (inout SiteConfig) -> Void = { _ in }) throws(ContentErrors) -> Site {
        let content = readFiles(reusing: parsed, configure: configure)
        guard content.problems.isEmpty else { throw ContentErrors(content.problems + problemsAcrossFiles(content)) }
        // The checks across files and the site's indexes take about as long as each other: they run side by side,
        // and the site is dropped when a check fails.
        enum Part: Sendable {
            case problems([ContentProblem])
            case site(Site)
        }
        let parts = [false, true].parallelMap(jobs: min(jobs, 2)) { buildsSite -> Part in
            buildsSite
                ? .site(Site(config: content.config, briefs: content.briefs, topics: content.topics, companies: content.companies, stories: content.stories, jobs: jobs))
                : .problems(problemsAcrossFiles(content))
        }
        guard case .problems(let problems) = parts[0], case .site(let site) = parts[1] else { preconditionFailure("parts come back in order") }
        guard problems.isEmpty else { throw ContentErrors(problems) }
        return site
    }

    /// Reads everything that can be read, keeping the problems beside it: `briefing check` runs its own
    /// rules over the files that loaded even when others did not.
    public func loadContent(
        reusing parsed: ParsedContent = ParsedContent(), configure: (inout SiteConfig) -> Void = { _ in }
    ) -> SiteContent {
        var content = readFiles(reusing: parsed, configure: configure)
        content.problems += problemsAcrossFiles(content)
        return content
    }

    /// The configuration and every content file that parses, with the problems of those that do not.
    private func readFiles(reusing parsed: ParsedContent, configure: (inout SiteConfig) -> Void) -> SiteContent {
        var problems: [ContentProblem] = []
        var config: SiteConfig
        do {
            config = try loadConfig()
        } catch {
            problems += error.problems
            config = SiteConfig()
        }
        configure(&config)

        let topicFiles = markdownFiles(in: "content/topics", recursive: false)
        let companyFiles = markdownFiles(in: "content/companies", recursive: false)
        let briefFiles = markdownFiles(in: "content/briefs", recursive: true)
        let storyFiles = markdownFiles(in: "content/stories", recursive: false)

        let topics: [Topic] = read(topicFiles, reusing: parsed.topics, into: &problems, Topic.read)
        let companies: [Company] = read(companyFiles, reusing: parsed.companies, into: &problems, Company.read)
        let briefs: [Brief] = read(briefFiles, reusing: parsed.briefs, into: &problems, Brief.read)
        let stories: [Story] = read(storyFiles, reusing: parsed.stories, into: &problems, Story.read)
        return SiteContent(config: config, briefs: briefs, topics: topics, companies: companies, stories: stories, problems: problems)
    }

    /// What no file shows alone: slugs and ids used twice, tags and stories that name nothing.
    private func problemsAcrossFiles(_ content: SiteContent) -> [ContentProblem] {
        let (briefs, topics, companies, stories) = (content.briefs, content.topics, content.companies, content.stories)
        var problems = duplicates(topics.map { ($0.slug.rawValue, $0.location) }, kind: "topic slug")
        problems += duplicates(companies.map { ($0.slug.rawValue, $0.location) }, kind: "company slug")
        problems += duplicates(briefs.map { ($0.slug.rawValue, $0.location) }, kind: "brief slug")
        problems += duplicates(stories.map { ($0.slug.rawValue, $0.location) }, kind: "story slug")
        problems += duplicates(briefs.map { ($0.id, $0.location) }, kind: "brief id", field: "id")
        problems += unknownReferences(briefs: briefs, topics: topics, companies: companies)
        problems += unknownReferences(stories: stories, briefs: briefs, topics: topics, companies: companies)
        return problems
    }

    /// Loads the stories alone, which ingest threads new briefs into.
    public func loadStories() throws(ContentErrors) -> [Story] {
        var problems: [ContentProblem] = []
        let stories: [Story] = read(markdownFiles(in: "content/stories", recursive: false), into: &problems, Story.read)
        guard problems.isEmpty else { throw ContentErrors(problems) }
        return stories.sorted { $0.slug < $1.slug }
    }

    /// Loads only the topic and company registries, which ingest tags new briefs against.
    public func loadRegistry() throws(ContentErrors) -> (topics: [Topic], companies: [Company]) {
        var problems: [ContentProblem] = []
        let topics: [Topic] = read(markdownFiles(in: "content/topics", recursive: false), into: &problems, Topic.read)
        let companies: [Company] = read(markdownFiles(in: "content/companies", recursive: false), into: &problems, Company.read)
        guard problems.isEmpty else { throw ContentErrors(problems) }
        return (topics.sorted { $0.slug < $1.slug }, companies.sorted { $0.slug < $1.slug })
    }

    /// Reads `briefing.yml` alone (defaults when there is none).
    public func loadConfig() throws(ContentErrors) -> SiteConfig {
        let url = directory.appendingPathComponent(SiteConfig.fileName)
        guard FileManager.default.fileExists(atPath: url.path) else { return SiteConfig() }
        guard let data = try? Data(contentsOf: url), let text = String(data: data, encoding: .utf8) else {
            throw ContentErrors([ContentProblem(
                file: SiteConfig.fileName, message: "cannot read the site configuration as UTF-8 text",
                fix: "check the file's permissions and save it as UTF-8", rule: ContentProblem.config)])
        }
        return try SiteConfig.parse(text)
    }

    /// Relative paths of the `.md` files under `folder`, sorted so the build never depends on directory order.
    public func markdownFiles(in folder: String, recursive: Bool) -> [String] {
        // Hidden files and folders are skipped by the walk: editors' swap files, `.git`. A build passes the
        // files it hashed, so what it loads is exactly what it fingerprinted.
        let prefix = folder + "/"
        guard let files else {
            return FolderWalk.files(under: directory.appendingPathComponent(folder).path)
                .filter { $0.hasSuffix(".md") && (recursive || !$0.utf8.contains(UInt8(ascii: "/"))) }
                .map { prefix + $0 }
                .sorted()
        }
        // The listed paths are kept whole: cutting the folder off and putting it back cost a string per file.
        let depth = prefix.utf8.count
        return files.filter { path in
            path.hasPrefix(prefix) && path.hasSuffix(".md") && (recursive || !path.utf8.dropFirst(depth).contains(UInt8(ascii: "/")))
        }.sorted()
    }

    /// Reads and parses files in parallel; a file that fails adds its problems and is left out.
    private func read<Item: Sendable>(
        _ files: [String], reusing parsed: [String: Item] = [:], into problems: inout [ContentProblem],
        _ make: @escaping @Sendable (inout FrontMatterFields, String, Slug, ContentLocation) -> Item?
    ) -> [Item] {
        let results: [(Item?, [ContentProblem])] = files.parallelMap(jobs: jobs) { file in
            if let item = parsed[file] { return (item, []) }
            return parse(file, make)
        }
        problems += results.flatMap(\.1)
        return results.compactMap(\.0)
    }

    private func parse<Item>(
        _ file: String, _ make: (inout FrontMatterFields, String, Slug, ContentLocation) -> Item?
    ) -> (Item?, [ContentProblem]) {
        let url = directory.appendingPathComponent(file)
        guard let data = try? Data(contentsOf: url) else {
            return (nil, [ContentProblem(
                file: file, message: "cannot read the file", fix: "check that it exists and is readable",
                rule: ContentProblem.unreadableFile)])
        }
        guard let text = String(data: data, encoding: .utf8) else {
            return (nil, [ContentProblem(
                file: file, message: "the file is not valid UTF-8 text", fix: "save it as UTF-8", rule: ContentProblem.unreadableFile)])
        }
        let name = String(url.deletingPathExtension().lastPathComponent)
        guard let slug = Slug(validating: name) else {
            return (nil, [ContentProblem(
                file: file, message: "the file name `\(name)` is not a valid slug",
                fix: "rename it to `\(Slug(deriving: name)).md` (lower-case letters, digits and hyphens)",
                rule: ContentProblem.unreadableFile)])
        }
        let matter: FrontMatter
        do {
            matter = try FrontMatter.parse(text, file: file)
        } catch {
            return (nil, [error])
        }
        var fields = matter.fields
        // Every field's line, not just the ones the loader refers to: check points at unknown fields too.
        let lines = fields.fieldNames.map { ($0, fields.line(of: $0)) }
        // The body is the file's tail, so its offset counts back from the end (a BOM is not in `text`).
        let location = ContentLocation(
            file: file, fieldLines: Dictionary(uniqueKeysWithValues: lines), bodyLine: matter.bodyLine,
            bodyOffset: data.count - matter.body.utf8.count)
        let item = make(&fields, matter.body, slug, location)
        return (fields.problems.isEmpty ? item : nil, fields.problems)
    }

    private func duplicates(_ keys: [(String, ContentLocation)], kind: String, field: String? = nil) -> [ContentProblem] {
        let rule = field == nil ? ContentProblem.duplicateSlug : ContentProblem.duplicateID
        // Almost always there are none: a set answers that without grouping ten thousand locations.
        var seen = Set<String>(minimumCapacity: keys.count)
        guard !keys.allSatisfy({ seen.insert($0.0).inserted }) else { return [] }
        return Dictionary(grouping: keys, by: \.0).filter { $0.value.count > 1 }.flatMap { key, entries in
            let files = entries.map(\.1.file).sorted()
            return entries.map { _, location in
                let others = files.filter { $0 != location.file }.joined(separator: ", ")
                return ContentProblem(
                    file: location.file, line: field.map { location.line(of: $0) },
                    message: "the \(kind) `\(key)` is also used by \(others)",
                    fix: "give one of them a different \(field == nil ? "file name" : "`\(field ?? "")`")", rule: rule)
            }
        }
    }

    private func unknownReferences(briefs: [Brief], topics: [Topic], companies: [Company]) -> [ContentProblem] {
        let registry = Registry(topics: topics, companies: companies)
        var problems: [ContentProblem] = []
        for brief in briefs {
            // Most briefs name only known slugs; check that before building any message.
            guard !(brief.topics.allSatisfy(registry.topics.contains) && brief.companies.allSatisfy(registry.companies.contains)
                && brief.mentions.allSatisfy(registry.companies.contains) && brief.events.allSatisfy({ $0.companies.allSatisfy(registry.companies.contains) })) else { continue }
            problems += registry.unknown(
                at: brief.location, topics: brief.topics, companies: brief.companies, mentions: brief.mentions, events: brief.events)
        }
        return problems
    }

    /// A brief's `stories` must name story files, and a story's own topics and companies the registry:
    /// reported like unknown companies, at the field's line with the closest known slug.
    private func unknownReferences(stories: [Story], briefs: [Brief], topics: [Topic], companies: [Company]) -> [ContentProblem] {
        let known = Set(stories.map(\.slug))
        let names = known.map(\.rawValue)
        var problems: [ContentProblem] = []
        for brief in briefs where !brief.stories.allSatisfy(known.contains) {
            for story in brief.stories where !known.contains(story) {
                problems.append(ContentProblem(
                    file: brief.location.file, line: brief.location.line(of: "stories"),
                    message: "unknown story `\(story)`",
                    fix: NameSuggestion.fix(
                        for: story.rawValue, among: names, otherwise: "create content/stories/\(story).md or correct the slug"),
                    rule: ContentProblem.unknownStory))
            }
        }
        let registry = Registry(topics: topics, companies: companies)
        for story in stories {
            problems += registry.unknown(at: story.location, topics: story.topics, companies: story.companies, events: story.events)
        }
        return problems
    }
}

/// The topic and company slugs content may name, for reporting the ones it names that do not exist.
private struct Registry {
    let topics: Set<Slug>
    let companies: Set<Slug>
    private let topicNames: [String]
    private let companyNames: [String]

    init(topics: [Topic], companies: [Company]) {
        self.topics = Set(topics.map(\.slug))
        self.companies = Set(companies.map(\.slug))
        topicNames = self.topics.map(\.rawValue)
        companyNames = self.companies.map(\.rawValue)
    }

    /// The unknown topics and companies of one file (its own fields and its events'), each at its field's line
    /// with the closest known slug.
    func unknown(
        at location: ContentLocation, topics named: [Slug], companies listed: [Slug], mentions: [Slug] = [], events: [TimelineEvent]
    ) -> [ContentProblem] {
        var problems: [ContentProblem] = []
        for topic in named where !topics.contains(topic) {
            problems.append(ContentProblem(
                file: location.file, line: location.line(of: "topics"),
                message: "unknown topic `\(topic)`",
                fix: NameSuggestion.fix(
                    for: topic.rawValue, among: topicNames, otherwise: "create content/topics/\(topic).md or correct the slug"),
                rule: ContentProblem.unknownTopic))
        }
        for company in Set(listed + mentions + events.flatMap(\.companies)).sorted() where !companies.contains(company) {
            let field = listed.contains(company) ? "companies" : mentions.contains(company) ? "mentions" : "events"
            problems.append(ContentProblem(
                file: location.file, line: location.line(of: field),
                message: "unknown company `\(company)`",
                fix: NameSuggestion.fix(
                    for: company.rawValue, among: companyNames, otherwise: "create content/companies/\(company).md or correct the slug"),
                rule: ContentProblem.unknownCompany))
        }
        return problems
    }
}
