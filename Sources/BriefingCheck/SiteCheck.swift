import BriefingBuild
import BriefingCore
import BriefingRender
import Foundation

/// `briefing check`: the content rules, then — when the content builds — a build into the output folder and a
/// check of every link in it.
///
/// The build goes into the same folder `briefing build` uses (public/ unless told otherwise) and shares its
/// manifest, so checking after building, or building after checking, renders nothing again, and what is
/// checked is exactly what would be deployed.
public struct SiteCheck: Sendable {
    public var siteDirectory: URL
    public var outputDirectory: URL
    /// Overrides briefing.yml's `baseURL`, as `briefing build --base-url` does.
    public var baseURL: String?
    public var options: CheckOptions
    public var jobs: Int

    /// The stages a check reports progress for.
    public enum Stage: String, Sendable, CaseIterable {
        case rendering = "rendered"
        case scanning = "checked"
        case fetching = "fetched"
    }

    public init(
        siteDirectory: URL, outputDirectory: URL? = nil, baseURL: String? = nil, options: CheckOptions = CheckOptions(),
        jobs: Int = ProcessInfo.processInfo.activeProcessorCount
    ) {
        self.siteDirectory = siteDirectory.standardizedFileURL
        self.outputDirectory = (outputDirectory ?? siteDirectory.appendingPathComponent("public")).standardizedFileURL
        self.baseURL = baseURL
        self.options = options
        self.jobs = max(1, jobs)
    }

    /// Runs every check; `progress` hears (stage, done, total) from any thread. Problems come back in file order.
    public func run(
        fetcher: any ExternalLinkFetcher = URLSessionLinkFetcher(), waiting: () -> Void = {},
        progress: (@Sendable (Stage, Int, Int) -> Void)? = nil
    ) -> CheckReport {
        var report = CheckReport()
        if let problem = baseURL.flatMap(SiteConfig.problem(withBaseURLOverride:)) {
            report.problems.append(CheckProblem(problem))
            report.linksSkipped = "the base URL is not usable"
            return report.sorted()
        }
        let content = SiteLoader(directory: siteDirectory, jobs: jobs).loadContent { config in
            if let baseURL, let normalized = SiteConfig.normalizedBaseURL(baseURL) { config.baseURL = normalized }
        }
        report.briefs = content.briefs.count
        report.companies = content.companies.count
        report.topics = content.topics.count
        report.stories = content.stories.count
        report.problems = ContentRules(options: options).problems(in: content)
        guard content.problems.isEmpty else {
            report.linksSkipped = "the content has errors the build would stop at; fix them and check again"
            return report.sorted()
        }

        let builder = SiteBuilder(siteDirectory: siteDirectory, outputDirectory: outputDirectory, baseURL: baseURL, jobs: jobs)
        do {
            _ = try builder.build(waiting: waiting, progress: SiteCheck.stage(.rendering, of: progress))
        } catch {
            report.problems += error.problems
            report.linksSkipped = "the site did not build"
            return report.sorted()
        }

        let site = Site(
            config: content.config, briefs: content.briefs, topics: content.topics, companies: content.companies, stories: content.stories)
        let links = LinkChecker(
            outputDirectory: outputDirectory, baseURL: content.config.baseURL, displayPrefix: displayPrefix,
            siteDirectory: siteDirectory, sources: SiteCheck.sources(of: site), jobs: jobs
        ).check(progress: SiteCheck.stage(.scanning, of: progress))
        report.problems += links.problems
        report.pages = links.pages
        report.internalLinks = links.internalLinks
        report.externalLinks = links.externalLinks

        if options.fetchExternalLinks, !links.externalLinks.isEmpty {
            report.externalLinksFetched = true
            let statuses = fetcher.statuses(
                of: links.externalLinks.map(\.url), progress: SiteCheck.stage(.fetching, of: progress))
            report.problems += links.externalLinks.compactMap { link in
                statuses[link.url].flatMap { SiteCheck.problem(for: link, status: $0) }
            }
        }
        return report.sorted()
    }

    private static func stage(_ stage: Stage, of progress: (@Sendable (Stage, Int, Int) -> Void)?) -> (@Sendable (Int, Int) -> Void)? {
        guard let progress else { return nil }
        return { done, total in progress(stage, done, total) }
    }

    /// The output folder as reports name it: relative to the site folder when inside it (`public/`), else absolute.
    var displayPrefix: String {
        let site = siteDirectory.path.hasSuffix("/") ? siteDirectory.path : siteDirectory.path + "/"
        let output = outputDirectory.path + "/"
        return output.hasPrefix(site) ? String(output.dropFirst(site.count)) : output
    }

    /// Each built page whose own text comes from a content file, and that file: the page families say.
    static func sources(of site: Site) -> [String: String] { PagePlan(site: site).sources }

    static func problem(for link: ExternalLink, status: ExternalLinkStatus) -> CheckProblem? {
        let what: String
        switch status {
        case .reachable: return nil
        case .failed(let code): what = "answers HTTP \(code)"
        case .unreachable(let reason): what = "cannot be reached (\(reason))"
        }
        let uses = link.occurrences > 1 ? " (linked \(link.occurrences) times)" : ""
        return CheckProblem(
            file: link.file, line: link.line, column: link.column, rule: .externalLink,
            message: "the external link \(link.url) \(what)\(uses)",
            fix: "open it in a browser; if it has moved, link to the new address, or to an archived copy")
    }
}
