import BriefingCore
import Foundation

/// A site's `briefing.yml` as `fetch` and `sources` read it: the settings, the sources, and the text itself
/// (which `sources add` and `sources import` extend).
public struct SiteSources: Sendable {
    public var siteDirectory: URL
    public var text: String
    public var config: SiteConfig

    public var sources: [FeedSource] { config.sources }

    /// Reads `briefing.yml` (a missing file is the defaults); its problems name the file and line.
    public static func load(from site: URL) throws(ContentErrors) -> SiteSources {
        let file = site.appendingPathComponent(SiteConfig.fileName)
        let text = FileManager.default.contents(atPath: file.path).map { String(decoding: $0, as: UTF8.self) } ?? ""
        return SiteSources(siteDirectory: site, text: text, config: try SiteConfig.parse(text))
    }

    /// Each source's topics and companies must exist, or every brief from it would stop the build.
    public func unknownTags() -> [ContentProblem] {
        let registry: (topics: [Topic], companies: [Company])
        do {
            registry = try SiteLoader(directory: siteDirectory).loadRegistry()
        } catch {
            return error.problems
        }
        let topics = registry.topics.map(\.slug.rawValue).sorted()
        let companies = registry.companies.map(\.slug.rawValue).sorted()
        var problems: [ContentProblem] = []
        for source in config.sources {
            for topic in source.topics where !topics.contains(topic.rawValue) {
                problems.append(problem(source, "topic", topic, among: topics))
            }
            for company in source.companies where !companies.contains(company.rawValue) {
                problems.append(problem(source, "company", company, among: companies))
            }
        }
        return problems
    }

    private func problem(_ source: SiteConfig.Source, _ kind: String, _ slug: Slug, among known: [String]) -> ContentProblem {
        let folder = kind == "topic" ? "topics" : "companies"
        return ContentProblem(
            file: SiteConfig.fileName, line: source.line, message: "unknown \(kind) `\(slug)` for the source \(source.url)",
            fix: NameSuggestion.fix(for: slug.rawValue, among: known, otherwise: "create content/\(folder)/\(slug).md or correct the slug"),
            rule: ContentProblem.config)
    }

    /// The problems `unknownTags` would find once `sources` are added, so nothing is added that `fetch` refuses.
    public func unknownTags(adding sources: [FeedSource]) -> [ContentProblem] {
        var probe = self
        probe.config.sources = sources.map {
            SiteConfig.Source(url: $0.url, name: $0.name, topics: $0.topics, companies: $0.companies, every: $0.every)
        }
        return probe.unknownTags().map { problem in
            var problem = problem
            problem.line = nil
            return problem
        }
    }

    /// Adds `sources` to `briefing.yml`, checking that the file still reads; returns the new settings.
    @discardableResult
    public func adding(_ sources: [FeedSource]) throws(ContentErrors) -> SiteSources {
        let updated = SourceEntries.adding(sources, to: text)
        let config = try SiteConfig.parse(updated)
        do {
            try Data(updated.utf8).write(to: siteDirectory.appendingPathComponent(SiteConfig.fileName), options: .atomic)
        } catch {
            throw ContentErrors([ContentProblem(
                file: SiteConfig.fileName, message: "cannot write the file: \(error.localizedDescription)", fix: "check that it is writable",
                rule: ContentProblem.config)])
        }
        return SiteSources(siteDirectory: siteDirectory, text: updated, config: config)
    }
}
