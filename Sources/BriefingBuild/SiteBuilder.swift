import BriefingCore
import BriefingRender
import Foundation

/// Builds a site folder into its output folder: load, plan, render, write.
public struct SiteBuilder: Sendable {
    public var siteDirectory: URL
    public var outputDirectory: URL
    /// Overrides `baseURL` from briefing.yml (e.g. for a preview or a sub-path deployment).
    public var baseURL: String?
    public var jobs: Int

    public init(siteDirectory: URL, outputDirectory: URL? = nil, baseURL: String? = nil, jobs: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.siteDirectory = siteDirectory.standardizedFileURL
        self.outputDirectory = (outputDirectory ?? siteDirectory.appendingPathComponent("public")).standardizedFileURL
        self.baseURL = baseURL
        self.jobs = max(1, jobs)
    }

    /// Runs the whole pipeline. Nothing is written unless every page rendered, so a failed build leaves
    /// the previous output untouched.
    public func build() throws(BuildError) -> BuildReport {
        let start = Date()
        try checkOutputIsSafe()
        let site = try loadSite()
        let theme = try loadTheme()
        let plan = PagePlan(site: site)
        let pages = try render(plan, of: site, with: theme)
        let files = pages + theme.assets.map { OutputFile(path: "assets/" + $0.key, bytes: $0.value) } + (try staticFiles())
        let changes = try OutputDirectory(root: outputDirectory, jobs: jobs).replaceContents(with: files)
        return BuildReport(
            pages: plan.pages.count, files: files.count, written: changes.written, unchanged: changes.unchanged,
            removed: changes.removed, seconds: Date().timeIntervalSince(start))
    }

    func loadSite() throws(BuildError) -> Site {
        if let baseURL, SiteConfig.normalizedBaseURL(baseURL) == nil {
            throw BuildError.content(ContentErrors([ContentProblem(
                file: "--base-url", message: "`\(baseURL)` is not an absolute http(s) URL",
                fix: "write it like https://example.org/portal/")]))
        }
        do {
            return try SiteLoader(directory: siteDirectory, jobs: jobs).load { config in
                if let baseURL, let normalized = SiteConfig.normalizedBaseURL(baseURL) { config.baseURL = normalized }
            }
        } catch {
            throw BuildError.content(error)
        }
    }

    func loadTheme() throws(BuildError) -> Theme {
        do {
            return try Theme.load(siteTemplates: siteDirectory.appendingPathComponent("templates"))
        } catch {
            throw BuildError.theme(error)
        }
    }

    func render(_ plan: PagePlan, of site: Site, with theme: Theme) throws(BuildError) -> [OutputFile] {
        let renderer = PageRenderer(site: site, plan: plan, theme: theme, html: RenderedMarkdown(site: site, jobs: jobs))
        let results: [Result<OutputFile, BuildError>] = plan.pages.parallelMap(jobs: jobs) { page in
            Result { () throws(BuildError) -> OutputFile in OutputFile(path: page.outputPath, bytes: try renderer.render(page)) }
        }
        var files: [OutputFile] = []
        files.reserveCapacity(results.count)
        for result in results {
            switch result {
            case .success(let file): files.append(file)
            case .failure(let error): throw error
            }
        }
        return files
    }

    /// Files under the site's `static/` folder, copied as they are.
    func staticFiles() throws(BuildError) -> [OutputFile] {
        let folder = siteDirectory.appendingPathComponent("static")
        let manager = FileManager.default
        var files: [OutputFile] = []
        for relative in (manager.enumerator(atPath: folder.path)?.allObjects as? [String] ?? []).sorted() {
            var isDirectory: ObjCBool = false
            let url = folder.appendingPathComponent(relative)
            guard manager.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
            guard let data = manager.contents(atPath: url.path) else {
                throw BuildError.output(path: "static/" + relative, "cannot read the file")
            }
            files.append(OutputFile(path: relative, bytes: Array(data)))
        }
        return files
    }

    /// The output folder is emptied of anything the build does not produce, so it must never be the site itself.
    func checkOutputIsSafe() throws(BuildError) {
        let output = outputDirectory.path.hasSuffix("/") ? outputDirectory.path : outputDirectory.path + "/"
        let site = siteDirectory.path.hasSuffix("/") ? siteDirectory.path : siteDirectory.path + "/"
        if site.hasPrefix(output) || ["content/", "templates/", "static/"].contains(where: { output.hasPrefix(site + $0) }) {
            throw BuildError.output(
                path: outputDirectory.path,
                "the output folder would hold the site's own files, and the build removes files it did not write; choose a separate folder such as public/")
        }
    }
}
