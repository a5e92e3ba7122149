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
    /// How large a search term shard may grow before it is split (`SearchIndex.shardLimit`); tests make it small
    /// to have many shards from a few briefs.
    var searchShardLimit = SearchIndex.shardLimit
    /// How many files an edit build may hold in memory to overwrite them in place (`OutputDirectory.Placement`);
    /// tests set it to nothing to have a few files staged.
    var inPlaceLimit = OutputDirectory.Placement.inPlaceLimit
    /// Where a long-running caller keeps the manifest and parse cache between builds (see `BuildMemory`);
    /// nil for a one-shot build, which reads them from `.briefing/`.
    public var memory: BuildMemory?

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
    var searchTermsURL: URL { stateDirectory.appendingPathComponent("search-terms") }
    /// `SiteInputs.stampsDigest` of the last build's inputs, to guess before the manifest loads whether anything changed.
    var inputStampsURL: URL { stateDirectory.appendingPathComponent("input-stamps") }

    /// Runs the pipeline. Nothing is written unless every page rendered, so a failed build leaves the previous
    /// output untouched; unchanged inputs are not rendered again and unchanged bytes are not written again.
    /// `progress` is told (files produced, files to produce) as rendering goes, from any thread.
    public func build(
        explain: Bool = false, waiting: () -> Void = {}, progress: (@Sendable (Int, Int) -> Void)? = nil
    ) throws(BuildError) -> BuildReport {
        let start = Date()
        var times = StageTimes()
        try checkOutputIsSafe()
        let locks = try lockSiteAndOutput(waiting: waiting)
        defer { withExtendedLifetime(locks) {} }

        let options = optionsFingerprint()
        let parser = binaryFingerprint()
        // Listing and stamping the inputs needs nothing from the last build's manifest, so it runs while the manifest
        // loads; so does decoding the parse cache and the search terms, unless the inputs still have the stamps the
        // last build saw: then the build is almost surely a no-op, which needs neither.
        let stamps = BackgroundTask { [siteDirectory, jobs] in SiteInputs.stamps(site: siteDirectory, jobs: jobs) }
        let scanned = Promise<SiteInputs>()
        let lastStamps = try? String(contentsOf: inputStampsURL, encoding: .utf8)
        let stampsDigest = BackgroundTask { SiteInputs.stampsDigest(stamps.value) }
        let loadTerms: @Sendable () -> (cache: SearchTermCache, loaded: SearchTermFile.Loaded?) = { [self] in
            loadSearchTerms(engine: parser, fileDigest: { scanned.value.files[$0]?.hash.hex })
        }
        let early = BackgroundTask { [self] () -> EarlyLoads? in
            guard stampsDigest.value.hex != lastStamps else { return nil }
            return EarlyLoads(cache: BackgroundTask { [self] in loadContentCache(parser: parser) }, searchTerms: BackgroundTask(loadTerms))
        }
        let previous = (memory?.manifest.value(at: manifestURL) ?? BuildManifest.load(from: manifestURL)).flatMap { $0.options == options ? $0 : nil }
        times.mark("manifest loaded")
        let inputs = SiteInputs.scan(site: siteDirectory, stamps: stamps.value, previous: previous?.inputs ?? [:], jobs: jobs)
        scanned.fulfil(inputs)
        let siteDigest = inputs.digest(options: options)
        times.mark("inputs scanned")
        if let previous, let unchanged = finishIfUnchanged(inputs, digest: siteDigest, stamps: stampsDigest.value, previous: previous) {
            times.mark("outputs checked")
            return BuildReport(
                planned: unchanged, rendered: 0, written: 0, removed: 0, seconds: Date().timeIntervalSince(start), examinedEveryPage: false,
                times: times)
        }
        // Only an edit build asks whether the last build's files are as it left them: begun now, it takes the moments
        // the loading, indexing and planning below leave a core idle.
        let intact = previous.map(outputCheck)
        let started = early.value
        let searchTermsLoad = started?.searchTerms ?? BackgroundTask(loadTerms)
        let content = try loadContent(inputs, cache: started?.cache.value ?? loadContentCache(parser: parser), parser: parser, times: &times)
        let theme = try loadTheme()
        times.mark("site loaded")
        let searchTerms = searchTermsLoad.value
        let search = SearchIndex(site: content.site, terms: searchTerms.cache, shardLimit: searchShardLimit, jobs: jobs)
        // What an edit changed needs the index but not the plan: worked out while the pages are planned.
        let edit = BackgroundTask { [jobs] in
            previous.flatMap { previous in
                content.cache.flatMap { ReadChanges.since(previous, inputs: inputs, cache: $0, site: content.site, search: search, jobs: jobs) }
            }
        }
        let plan = PagePlan(site: content.site, families: PagePlan.families(search: search), jobs: jobs)
        times.mark("planned")
        let worklist = decideWork(
            plan: plan, edit: edit.value, content: content, theme: theme, inputs: inputs, previous: previous,
            outputsAreIntact: { intact?.passed ?? false }, times: &times)
        times.mark("pages examined")
        let (written, removed) = try renderAndWrite(worklist, site: content.site, theme: theme, previous: previous, progress: progress)
        times.mark("rendered and written")
        var report = BuildReport(
            planned: worklist.records.count, rendered: worklist.tasks.count, written: written.filter(\.changed).count, removed: removed,
            seconds: 0, examined: worklist.examined, examinedEveryPage: worklist.examinedEveryPage,
            explanations: explain ? worklist.explanations() : [])
        let manifest = try record(
            worklist: consume worklist, written: written, inputs: inputs, digest: siteDigest, scannedStamps: stampsDigest.value, content: content,
            searchTerms: searchTerms, options: options, previous: previous)
        times.mark("manifest saved")

        if !freesMemory { ExitWithoutFreeing.keep((content, plan, manifest, previous, inputs)) }
        report.seconds = Date().timeIntervalSince(start)
        report.times = times
        return report
    }

    /// The parse cache and the search terms, being decoded while the manifest loads.
    private struct EarlyLoads: Sendable {
        var cache: BackgroundTask<ContentCache?>
        var searchTerms: BackgroundTask<(cache: SearchTermCache, loaded: SearchTermFile.Loaded?)>
    }

    /// One lock for the site's manifest, one for the output folder: two sites built into one folder would
    /// otherwise delete each other's files.
    private func lockSiteAndOutput(waiting: () -> Void) throws(BuildError) -> [BuildLock] {
        let siteLock = try BuildLock(file: stateDirectory.appendingPathComponent("lock"), waiting: waiting)
        return [siteLock, try BuildLock(folder: outputDirectory, waiting: waiting)]
    }

    /// The no-op exit: when no input changed since `previous` and every output is on disk as it left it, the
    /// build is done before parsing anything. Returns the number of outputs, or nil when there is work to do.
    private func finishIfUnchanged(_ inputs: SiteInputs, digest: Fingerprint, stamps: Fingerprint, previous: BuildManifest) -> Int? {
        guard previous.siteDigest == digest, outputCheck(previous).passed else { return nil }
        // Files touched without changing keep their hash but get new stamps: save them, or the next build reads them again.
        if previous.inputs != inputs.files {
            var refreshed = previous
            refreshed.inputs = inputs.files
            if let file = try? refreshed.save(to: manifestURL, after: previous) {
                refreshed.file = file
                remember(refreshed)
                saveInputStamps(stamps)
            } else {
                memory?.manifest.forget()
            }
        }
        return previous.outputs.count
    }

    /// Only a guess for the next build (see `inputStampsURL`): one that cannot be saved costs time, never correctness.
    private func saveInputStamps(_ digest: Fingerprint) {
        try? digest.hex.write(to: inputStampsURL, atomically: true, encoding: .utf8)
    }

    /// Keeps the manifest just saved for the next build, when the file holds it as it is in memory: only after an
    /// append. Written whole, the file may hold it renumbered (`ReadTable.compacted`), and a change appended to the
    /// memory's numbering would not read back; the next build reads the file instead.
    private func remember(_ manifest: BuildManifest) {
        guard let memory else { return }
        if let file = manifest.file, file.size > file.whole {
            memory.manifest.remember(manifest, at: manifestURL)
        } else {
            memory.manifest.forget()
        }
    }

    /// The site, parsing only the content files the parse cache does not hold as they are now.
    /// Parsing depends on the binary alone (`parser`), so `serve` and `build` into another folder share the cache.
    private func loadContent(
        _ inputs: SiteInputs, cache: ContentCache?, parser: Fingerprint, times: inout StageTimes
    ) throws(BuildError) -> LoadedContent {
        let reused = cache?.reusable(for: inputs, options: parser) ?? ParsedContent()
        times.mark("parse cache loaded")
        let site = try loadSite(files: Array(inputs.files.keys), reusing: reused)
        return LoadedContent(site: site, reused: reused, cache: cache, parser: parser)
    }

    /// The parse cache, kept by `memory` or read from `.briefing/`, if the same parser (the binary) made it.
    private func loadContentCache(parser: Fingerprint) -> ContentCache? {
        (memory?.cache.value(at: contentCacheURL) ?? ContentCache.load(from: contentCacheURL, siteDirectory: siteDirectory, jobs: jobs))
            .flatMap { $0.options == parser ? $0 : nil }
    }

    /// Each brief's search terms as earlier builds weighed them, under its file's hash (`fileDigest`, asked only
    /// once the index is built); the index weighs only the others.
    private func loadSearchTerms(
        engine: Fingerprint, fileDigest: @escaping @Sendable (String) -> String?
    ) -> (cache: SearchTermCache, loaded: SearchTermFile.Loaded?) {
        let loaded = SearchTermFile.load(from: searchTermsURL, engine: engine.hex, fileDigest: fileDigest)
        return (loaded?.cache ?? SearchTermCache(engine: engine.hex, fileDigest: fileDigest), loaded)
    }

    /// Which outputs to produce. When nothing but briefs changed, only the pages that read what changed
    /// (`ReadChanges`) are even fingerprinted: after an edit to prose alone, the pages showing that prose.
    private func decideWork(
        plan: PagePlan, edit: ReadChanges?, content: LoadedContent, theme: Theme, inputs: SiteInputs, previous: BuildManifest?,
        outputsAreIntact: () -> Bool, times: inout StageTimes
    ) -> RenderWorklist {
        let fingerprinter = PageFingerprinter(site: content.site, plan: plan, theme: theme, inputs: inputs)
        times.mark("reads compared")
        return RenderWorklist.decide(
            plan: plan, fingerprinter: fingerprinter, theme: theme, inputs: inputs, previous: previous, output: outputDirectory,
            edit: edit, outputsAreIntact: outputsAreIntact, jobs: jobs)
    }

    /// Renders the worklist's pages (and reads its other files), writing each as it is produced, then puts them in
    /// place and removes the files no output claims any more. Until every file is produced the folder is left as
    /// it was, so a failed build keeps the last good output (and its manifest). The manifest is marked (or
    /// deleted) before anything is put in place: a build killed while the output changes must be followed by a
    /// full comparison.
    private func renderAndWrite(
        _ worklist: RenderWorklist, site: Site, theme: Theme, previous: BuildManifest?, progress: (@Sendable (Int, Int) -> Void)?
    ) throws(BuildError) -> (written: [OutputDirectory.Written], removed: Int) {
        let output = OutputDirectory(root: outputDirectory, jobs: jobs)
        try output.prepare()
        let existing = previous == nil ? output.existingFiles() : nil
        // Without a last build's manifest to mark (below), no stale one may describe a folder about to change.
        if previous == nil { try? FileManager.default.removeItem(at: manifestURL) }
        let renderer = OutputRenderer(pages: PageRenderer(site: site, theme: theme), siteDirectory: siteDirectory, jobs: jobs)
        let placement: OutputDirectory.Placement =
            if existing?.isEmpty == true { .direct } else if previous != nil, worklist.tasks.count <= inPlaceLimit { .inPlace } else { .staged }
        let markOutputsChanging = { [manifestURL] in
            if previous != nil, !BuildManifest.markOutputsChanging(at: manifestURL) { try? FileManager.default.removeItem(at: manifestURL) }
        }
        // Until every file is produced, nothing is in place and the last build's manifest still describes the folder.
        let staged = try output.stage(
            worklist.tasks, placement: placement, produce: renderer.produce, progress: progress, beforeWritingInPlace: markOutputsChanging)
        if placement != .inPlace { markOutputsChanging() }
        let written = try output.commit(staged)
        let planned = worklist.records
        // After an edit the worklist knows which outputs went; otherwise every last output is looked for in the plan.
        let stale = worklist.dropped ?? (previous.map { Array($0.outputs.keys) } ?? existing ?? []).filter { planned[$0] == nil }
        return (written, output.remove(stale.sorted()))
    }

    /// Saves what the next build needs: the manifest (inputs and outputs as they now are) and, in the
    /// background meanwhile, the parse cache. A file saved while the build read it may have been read half old,
    /// half new: it is recorded as unknown, so the next build reads it again.
    private func record(
        worklist: consuming RenderWorklist, written: [OutputDirectory.Written], inputs: SiteInputs, digest: Fingerprint, scannedStamps: Fingerprint,
        content: LoadedContent, searchTerms: (cache: SearchTermCache, loaded: SearchTermFile.Loaded?), options: Fingerprint, previous: BuildManifest?
    ) throws(BuildError) -> BuildManifest {
        // Content taken from the parse cache was not read, so only what was parsed or read now is checked.
        let read = inputs.files.keys.filter { !$0.hasPrefix("content/") || !content.reused.contains($0) }
            + content.site.briefs.filter(\.bodyWasReadLater).map(\.location.file)
        let unsettled = inputs.changedSinceScan(read, site: siteDirectory, jobs: jobs)
        let recorded = inputs.forgetting(unsettled)
        // Only a speed-up for the next build: a cache that cannot be saved costs time, never correctness.
        let cacheURL = contentCacheURL
        let cacheSaved = BackgroundTask { [content] in
            try? ContentCache.store(content.site, reused: content.reused, inputs: recorded, options: content.parser, previous: content.cache, at: cacheURL)
        }
        let unsettledDigests = Set(unsettled.compactMap { inputs.files[$0]?.hash.hex })
        let termsURL = searchTermsURL
        let termsSaved = BackgroundTask { [content] in
            try? SearchTermFile.store(searchTerms.cache, of: content.site.briefs.map(\.location.file), unsettled: unsettledDigests, previous: searchTerms.loaded, at: termsURL)
        }
        defer {
            if let stored = cacheSaved.value { memory?.cache.remember(stored, at: cacheURL) }
            _ = termsSaved.value
        }
        var manifest = BuildManifest(options: options, siteDigest: unsettled.isEmpty ? digest : recorded.digest(options: options))
        manifest.inputs = recorded.files
        manifest.reads = worklist.reads
        let recordsChanged = worklist.recordsChanged
        manifest.outputs = worklist.takeRecords()
        _ = manifest.reads.digest(in: content.site, onlyMissing: true, jobs: jobs)
        for file in written { manifest.outputs[file.path]?.stamp = file.stamp }
        do {
            manifest.file = try manifest.save(to: manifestURL, after: previous, outputsChanged: recordsChanged)
            remember(manifest)
            // The stamps digested at the start, unless a file changed since (recorded as unknown).
            saveInputStamps(unsettled.isEmpty ? scannedStamps : recorded.stampsDigest)
        } catch {
            memory?.manifest.forget()
            throw BuildError.output(path: manifestURL.path, "cannot save the build manifest: \(error.localizedDescription) — check that .briefing/ is writable; the output itself was written")
        }
        return manifest
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
        hasher.add(String(searchShardLimit))
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

    /// Checks whether every file the last build wrote is still there as it left it: 27,000 `stat`s for 10,000
    /// briefs, in parts of a thousand (see `IdleCheck`).
    func outputCheck(_ manifest: BuildManifest) -> IdleCheck {
        let folder = OpenFolder(path: outputDirectory.path)
        let outputs = manifest.outputs
        // Positions in the dictionary rather than its entries copied out: copying 27,000 of them showed.
        let positions = Array(outputs.indices)
        let size = 1_024
        return IdleCheck(parts: (positions.count + size - 1) / size) { part in
            guard let folder else { return false }
            for position in positions[part * size..<min(positions.count, (part + 1) * size)] {
                guard folder.stamp(of: outputs.keys[position]) == outputs.values[position].stamp else { return false }
            }
            return true
        }
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
