import BriefingCore
import BriefingRender
import Foundation

/// Builds a site folder into its output folder: scan, load, plan, fingerprint, render what changed, write.
public struct SiteBuilder: Sendable {
    public var siteDirectory: URL
    public var outputDirectory: URL
    /// Overrides `baseURL` from briefing.yml (e.g. for a preview or a sub-path deployment).
    public var baseURL: String?
    public var jobs: Int
    /// False for a command that exits right after building: the build's memory is then left to the operating
    /// system instead of being freed object by object (see `ExitWithoutFreeing`). A long-running caller such as
    /// `serve` keeps the default.
    public var freesMemory = true

    public init(siteDirectory: URL, outputDirectory: URL? = nil, baseURL: String? = nil, jobs: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.siteDirectory = siteDirectory.standardizedFileURL
        self.outputDirectory = (outputDirectory ?? siteDirectory.appendingPathComponent("public")).standardizedFileURL
        self.baseURL = baseURL
        self.jobs = max(1, jobs)
    }

    /// Where the manifest and the lock live: beside the content, never inside the output.
    public var stateDirectory: URL { siteDirectory.appendingPathComponent(".briefing") }
    var manifestURL: URL { stateDirectory.appendingPathComponent("manifest") }
    var contentCacheURL: URL { stateDirectory.appendingPathComponent("content") }

    /// Runs the pipeline. Nothing is written unless every page rendered, so a failed build leaves the previous
    /// output untouched; unchanged inputs are not rendered again and unchanged bytes are not written again.
    /// `progress` is told (files produced, files to produce) as rendering goes, from any thread.
    public func build(
        explain: Bool = false, waiting: () -> Void = {}, progress: (@Sendable (Int, Int) -> Void)? = nil
    ) throws(BuildError) -> BuildReport {
        let start = Date()
        try checkOutputIsSafe()
        // One lock for the site's manifest, one for the output folder: two sites built into one folder
        // would otherwise delete each other's files.
        let siteLock = try BuildLock(file: stateDirectory.appendingPathComponent("lock"), waiting: waiting)
        let outputLock = try BuildLock(folder: outputDirectory, waiting: waiting)
        defer { withExtendedLifetime((siteLock, outputLock)) {} }

        let options = optionsFingerprint()
        let previous = BuildManifest.load(from: manifestURL).flatMap { $0.options == options ? $0 : nil }
        let inputs = SiteInputs.scan(site: siteDirectory, previous: previous?.inputs ?? [:], jobs: jobs)
        let siteDigest = inputs.digest(options: options)
        if let previous, previous.siteDigest == siteDigest, outputsAreIntact(previous) {
            if previous.inputs != inputs.files {
                var refreshed = previous
                refreshed.inputs = inputs.files
                try? refreshed.save(to: manifestURL)
            }
            return BuildReport(planned: previous.outputs.count, rendered: 0, written: 0, removed: 0, seconds: Date().timeIntervalSince(start))
        }

        // Parsing depends on the binary alone, so `serve` and `build` into another folder share the cache.
        let parser = binaryFingerprint()
        let cacheURL = contentCacheURL
        let cache = ContentCache.load(from: cacheURL, siteDirectory: siteDirectory, jobs: jobs).flatMap { $0.options == parser ? $0 : nil }
        let reused = cache?.reusable(for: inputs, options: parser) ?? ParsedContent()
        let site = try loadSite(files: Array(inputs.files.keys), reusing: reused)
        let theme = try loadTheme()
        let plan = PagePlan(site: site)
        let renderer = PageRenderer(site: site, plan: plan, theme: theme, inputs: inputs, siteDirectory: siteDirectory)
        let changedBodies = previous.flatMap { previous in
            cache.flatMap { BodyEdit.changedBodies(previous: previous, inputs: inputs, cache: $0, site: site) }
        }
        let work = OutputWork(
            plan: plan, renderer: renderer, theme: theme, inputs: inputs, previous: previous, output: outputDirectory,
            changedBodies: changedBodies, jobs: jobs)
        let files = try work.produceChangedFiles(progress: progress)

        // From here on the output changes: a build killed now must be followed by a clean one.
        try? FileManager.default.removeItem(at: manifestURL)
        let output = OutputDirectory(root: outputDirectory, jobs: jobs)
        try output.prepare()
        let written = try output.write(files)
        let planned = Set(work.records.keys)
        let stale = (previous.map { Array($0.outputs.keys) } ?? output.existingFiles()).filter { !planned.contains($0) }
        let removed = output.remove(stale.sorted())

        // A file saved while the build read it may have been read half old, half new: record it as unknown.
        // Content taken from the parse cache was not read, so only what was parsed or read now is checked.
        let read = inputs.files.keys.filter { !$0.hasPrefix("content/") || !reused.contains($0) }
            + site.briefs.filter(\.bodyWasReadLater).map(\.location.file)
        let unsettled = inputs.changedSinceScan(read, site: siteDirectory, jobs: jobs)
        let recorded = inputs.forgetting(unsettled)
        // Only a speed-up for the next build: a cache that cannot be saved costs time, never correctness.
        let cacheStore = SideJob { [site] in
            try? ContentCache.store(site, reused: reused, inputs: recorded, options: parser, previous: cache, at: cacheURL)
        }
        defer { _ = cacheStore.value }
        var manifest = BuildManifest(options: options, siteDigest: unsettled.isEmpty ? siteDigest : recorded.digest(options: options))
        manifest.inputs = recorded.files
        manifest.outputs = work.records
        for file in written { manifest.outputs[file.path]?.stamp = file.stamp }
        do {
            try manifest.save(to: manifestURL)
        } catch {
            throw BuildError.output(path: manifestURL.path, "cannot save the build manifest: \(error.localizedDescription) — check that .briefing/ is writable; the output itself was written")
        }
        if !freesMemory { ExitWithoutFreeing.keep((site, plan, renderer, work, manifest, previous, cache, inputs, recorded)) }
        return BuildReport(
            planned: planned.count, rendered: files.count, written: written.filter(\.changed).count, removed: removed,
            seconds: Date().timeIntervalSince(start), examined: work.examined, explanations: explain ? work.explanations() : [])
    }

    func loadSite(files: [String]? = nil, reusing parsed: ParsedContent = ParsedContent()) throws(BuildError) -> Site {
        if let problem = baseURL.flatMap(SiteConfig.problem(withBaseURLOverride:)) {
            throw BuildError.content(ContentErrors([problem]))
        }
        do {
            return try SiteLoader(directory: siteDirectory, jobs: jobs, files: files).load(reusing: parsed) { config in
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

    /// What changes output besides the input files: the binary itself (its code decides every byte),
    /// the output folder and the base URL override.
    func optionsFingerprint() -> Fingerprint {
        var hasher = FingerprintHasher()
        hasher.add(binaryFingerprint())
        hasher.add(outputDirectory.path)
        hasher.add(baseURL ?? "")
        return hasher.finish()
    }

    /// The running executable, by path, size and time.
    func binaryFingerprint() -> Fingerprint {
        var hasher = FingerprintHasher()
        let executable = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        let stamp = FileStamp(path: executable)
        hasher.add("\(executable) \(stamp?.size ?? 0) \(stamp?.modified ?? 0)")
        return hasher.finish()
    }

    /// Whether every file the last build wrote is still there as it left it.
    func outputsAreIntact(_ manifest: BuildManifest) -> Bool {
        let outputs = Array(manifest.outputs)
        let root = outputDirectory.path + "/"
        return outputs.parallelMap(jobs: jobs) { path, record in FileStamp(path: root + path) == record.stamp }.allSatisfy { $0 }
    }

    /// The output folder is emptied of anything the build does not produce, so it must never be the site itself.
    func checkOutputIsSafe() throws(BuildError) {
        let output = outputDirectory.path.hasSuffix("/") ? outputDirectory.path : outputDirectory.path + "/"
        let site = siteDirectory.path.hasSuffix("/") ? siteDirectory.path : siteDirectory.path + "/"
        if site.hasPrefix(output) || ["content/", "templates/", "static/", ".briefing/"].contains(where: { output.hasPrefix(site + $0) }) {
            throw BuildError.output(
                path: outputDirectory.path,
                "the output folder would hold the site's own files, and the build removes files it did not write — choose a separate folder such as public/")
        }
    }
}
