import ArgumentParser
import BriefingCore
import BriefingFetch
import BriefingIngest
import Foundation

/// `briefing sources`: the feeds a site follows, as listed under `sources:` in briefing.yml.
struct SourcesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sources",
        abstract: "List, add, import and export the feeds `briefing fetch` follows.",
        discussion: """
            The sources live under `sources:` in briefing.yml (url, and optional name, topics, companies and \
            every); what each last answered lives in sources.state. `add` and `import` append to briefing.yml \
            and keep the rest of the file as it is.
            """,
        subcommands: [List.self, Add.self, Import.self, Export.self, Enable.self],
        defaultSubcommand: List.self)

    /// Loads briefing.yml or reports why not (exit 2).
    static func load(_ options: SiteOptions) throws -> SiteSources {
        do {
            return try SiteSources.load(from: options.siteDirectory)
        } catch {
            Terminal.standardError.report(error)
            throw ExitCode(2)
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Each source with its last answer, its last new item and when it is next due.")

        @OptionGroup var options: SiteOptions

        func run() throws {
            let site = try SourcesCommand.load(options)
            let state = FetchStateFile.load(from: options.siteDirectory)
            if let warning = state.warning {
                Terminal.standardError.report([Diagnostic(file: warning.file, line: warning.line, severity: .warning, message: warning.message, fix: warning.fix)])
            }
            print(SourceListing.text(site.sources, state: state.state, now: .now()), terminator: "")
        }
    }

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add a feed to briefing.yml; given a web page, find its feed through <link rel=\"alternate\">.",
            discussion: """
                The address is fetched first: a feed is checked to be one ingest can read; a web page is searched \
                for the feeds it announces, and the one picked (the first that is not a comments feed) is said. \
                The name defaults to the feed's own title.
                """)

        @OptionGroup var options: SiteOptions

        @Argument(help: "The feed's address, or a web page that links to its feed (http or https).")
        var url: String

        @Option(help: "The source's name in messages and listings (default: the feed's title).")
        var name: String?

        @Option(name: .customLong("topic"), help: "A topic slug added to every brief from this source (repeatable).")
        var topics: [String] = []

        @Option(name: .customLong("company"), help: "A company slug added to every brief from this source (repeatable).")
        var companies: [String] = []

        @Option(help: "The least time between two fetches: 30m, 6h, 1d (default 1h).")
        var every: String?

        func validate() throws {
            guard SiteConfig.isFetchableURL(url) else { throw ValidationError("`\(url)` is not an http or https URL") }
            for slug in topics + companies where Slug(validating: slug) == nil { throw ValidationError("`\(slug)` is not a slug (like ai-chips)") }
            if let every, SiteConfig.parseDuration(every).map({ $0 >= 60 }) != true {
                throw ValidationError("--every must be a duration of at least a minute, like 30m, 6h or 1d")
            }
        }

        func run() async throws {
            let site = try SourcesCommand.load(options)
            if let existing = site.config.sources.first(where: { $0.url == url }) {
                Terminal.standardError.report([Diagnostic(
                    file: SiteConfig.fileName, line: existing.line, message: "\(url) is already a source", fix: "nothing to add")])
                throw ExitCode(2)
            }
            let tags = site.unknownTags(adding: [FeedSource(
                url: url, topics: topics.compactMap(Slug.init(validating:)), companies: companies.compactMap(Slug.init(validating:)))])
            guard tags.isEmpty else {
                Terminal.standardError.report(tags.map(Diagnostic.init))
                throw ExitCode(2)
            }
            let discovery = SourceDiscovery(options: FetchOptions(version: Briefing.configuration.version, settings: site.config.fetch))
            let found: SourceDiscovery.Found
            do {
                found = try await discovery.find(url)
            } catch {
                Terminal.standardError.report([Diagnostic(file: url, message: error.message, fix: error.fix)])
                throw ExitCode.failure
            }
            for line in found.notes { print(line) }
            if site.config.sources.contains(where: { $0.url == found.url }) {
                print("\(found.url) is already a source; nothing added")
                return
            }
            let source = FeedSource(
                url: found.url, name: name ?? found.title, topics: topics.compactMap(Slug.init(validating:)),
                companies: companies.compactMap(Slug.init(validating:)), every: every.flatMap(SiteConfig.parseDuration) ?? 3600)
            do {
                let updated = try site.adding([source])
                let line = updated.config.sources.last?.line ?? 0
                print("added \(source.label) <\(source.url)> to briefing.yml (line \(line)); `briefing fetch` fetches it")
            } catch {
                Terminal.standardError.report(error)
                throw ExitCode(2)
            }
        }
    }

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add the feeds of an OPML subscription list (what feed readers export) to briefing.yml.",
            discussion: "Feeds already listed are skipped; folders are flattened. Categories `/topics/<slug>` and `/companies/<slug>` (what `export` writes) become the source's topics and companies.")

        @OptionGroup var options: SiteOptions

        @Argument(help: "The OPML file.")
        var file: String

        func run() throws {
            let site = try SourcesCommand.load(options)
            guard let data = FileManager.default.contents(atPath: file) else {
                Terminal.standardError.report([Diagnostic(file: file, message: "cannot read the file", fix: "check the path")])
                throw ExitCode(2)
            }
            let outlines: [OPML.Outline]
            do {
                outlines = try OPML.outlines(in: String(decoding: data, as: UTF8.self))
            } catch {
                Terminal.standardError.report([Diagnostic(file: file, message: error.message, fix: "export the list from your feed reader as OPML")])
                throw ExitCode(2)
            }
            var known = Set(site.config.sources.map(\.url))
            var added: [FeedSource] = []
            var skipped: [String] = []
            for outline in outlines {
                guard SiteConfig.isFetchableURL(outline.url) else {
                    skipped.append("skipped \(outline.url): not an http or https URL")
                    continue
                }
                guard known.insert(outline.url).inserted else {
                    skipped.append("skipped \(outline.url): already a source")
                    continue
                }
                added.append(FeedSource(url: outline.url, name: outline.title, topics: outline.topics, companies: outline.companies))
            }
            let tags = site.unknownTags(adding: added)
            guard tags.isEmpty else {
                Terminal.standardError.report(
                    tags.map(Diagnostic.init), closing: "Nothing was imported: create those topics and companies, or remove their categories from \(file).")
                throw ExitCode(2)
            }
            do {
                try site.adding(added)
            } catch {
                Terminal.standardError.report(error)
                throw ExitCode(2)
            }
            for source in added { print("added \(source.label) <\(source.url)>") }
            for line in skipped { print(line) }
            print("import: \(added.count) added, \(skipped.count) skipped of \(outlines.count) feeds in \(file)")
        }
    }

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the sources as an OPML 2.0 subscription list on standard output, for any feed reader.")

        @OptionGroup var options: SiteOptions

        func run() throws {
            let site = try SourcesCommand.load(options)
            print(OPML.document(title: "\(site.config.title) — sources", sources: site.sources), terminator: "")
        }
    }

    struct Enable: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Fetch a source again that was disabled (410 Gone) or is backing off, at the next `briefing fetch`.")

        @OptionGroup var options: SiteOptions

        @Argument(help: "The source's url, as briefing.yml lists it.")
        var url: String

        func run() throws {
            let site = try SourcesCommand.load(options)
            guard site.config.sources.contains(where: { $0.url == url }) else {
                Terminal.standardError.report([Diagnostic(
                    file: SiteConfig.fileName, message: "\(url) is not a source", fix: "`briefing sources list` shows the sources")])
                throw ExitCode(2)
            }
            do {
                let changed = try FetchStateFile.enable(url, in: options.siteDirectory)
                print(changed ? "enabled \(url): the next `briefing fetch` asks it" : "\(url) was neither disabled nor waiting")
            } catch {
                Terminal.standardError.report([Diagnostic(file: FetchStateFile.fileName, message: "cannot be written: \(error.localizedDescription)")])
                throw ExitCode.failure
            }
        }
    }
}
