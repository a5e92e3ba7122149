import BriefingRender
import Foundation
import Synchronization

/// Decides which output files must be produced — comparing each one's fingerprint with the last build's —
/// and produces exactly those.
struct OutputWork: Sendable {
    /// How one output is produced.
    enum Source: Sendable {
        case page(PlannedPage)
        case asset([UInt8])
        /// A file under the site's `static/`, by its path relative to the site.
        case staticFile(String)
    }

    struct Job: Sendable {
        var path: String
        var source: Source
        var reason: String
    }

    /// The manifest record of every planned output (stamps are the last build's until rewritten).
    let records: [String: BuildManifest.Output]
    let jobs: [Job]
    /// Pages whose fingerprint was computed rather than carried over from the last build.
    let examined: Int
    private let renderer: PageRenderer
    private let concurrency: Int

    /// With `changedBodies`, the caller vouches that nothing but those Markdown bodies changed since `previous`:
    /// pages whose context holds none of them keep their recorded fingerprint without being visited
    /// (`afterBodyEdit`). Otherwise, or when that shortcut declines, every page is fingerprinted.
    init(
        plan: PagePlan, renderer: PageRenderer, theme: Theme, inputs: SiteInputs, previous: BuildManifest?, output: URL,
        changedBodies: Set<String>? = nil, jobs concurrency: Int
    ) {
        self.renderer = renderer
        self.concurrency = concurrency
        if let changedBodies, let previous,
           let known = OutputWork.afterBodyEdit(changedBodies, plan: plan, renderer: renderer, previous: previous, output: output, jobs: concurrency) {
            (records, jobs, examined) = known
            return
        }
        var candidates: [(path: String, source: Source, print: PagePrint, known: BuildManifest.Output?)] = []
        // Each page's path and last record, looked up once: with ten thousand pages, repeated lookups showed.
        let pages = plan.pages.parallelMap(jobs: concurrency) { page in
            let path = page.outputPath
            return (path: path, known: previous?.outputs[path])
        }
        let prints = plan.pages.parallelMap(jobs: concurrency) { renderer.fingerprint($0) }
        for ((page, entry), print) in zip(zip(plan.pages, pages), prints) {
            candidates.append((entry.path, .page(page), print, entry.known))
        }
        examined = prints.count
        var taken = Set(candidates.map(\.path))
        for (name, bytes) in theme.assets.sorted(by: { $0.key < $1.key }) where taken.insert("assets/" + name).inserted {
            let path = "assets/" + name
            candidates.append((path, .asset(bytes), PagePrint(fingerprint: Fingerprint.of(bytes)), previous?.outputs[path]))
        }
        for (path, input) in inputs.files.filter({ $0.key.hasPrefix("static/") }).sorted(by: { $0.key < $1.key }) {
            let target = String(path.dropFirst("static/".count))
            guard taken.insert(target).inserted else { continue }
            candidates.append((target, .staticFile(path), PagePrint(fingerprint: input.hash), previous?.outputs[target]))
        }

        let root = output.path + "/"
        let stamps = candidates.parallelMap(jobs: concurrency) { FileStamp(path: root + $0.path) }
        var records: [String: BuildManifest.Output] = [:]
        records.reserveCapacity(candidates.count)
        var work: [Job] = []
        for (candidate, stamp) in zip(candidates, stamps) {
            let known = candidate.known
            records[candidate.path] = BuildManifest.Output(
                fingerprint: candidate.print.fingerprint, stamp: known?.stamp ?? FileStamp(size: -1, modified: 0),
                parts: candidate.print.parts, bodies: candidate.print.bodies)
            let reason: String?
            if let known {
                if known.fingerprint != candidate.print.fingerprint {
                    reason = known.parts.changes(to: candidate.print.parts)
                } else if known.stamp != stamp {
                    reason = "the file in the output folder was changed or deleted"
                } else {
                    reason = nil
                }
            } else {
                reason = previous == nil ? "no previous build to reuse" : "new"
            }
            if let reason { work.append(Job(path: candidate.path, source: candidate.source, reason: reason)) }
        }
        self.records = records
        self.jobs = work
    }

    /// The work after an edit to Markdown bodies alone: every output keeps its record but for the pages holding
    /// a changed body, which are fingerprinted again. Nil when anything else calls for the general path: a page
    /// the last build did not record, or an output file changed or deleted since.
    private static func afterBodyEdit(
        _ changedBodies: Set<String>, plan: PagePlan, renderer: PageRenderer, previous: BuildManifest, output: URL, jobs concurrency: Int
    ) -> (records: [String: BuildManifest.Output], jobs: [Job], examined: Int)? {
        var pages: [(path: String, page: PlannedPage, known: BuildManifest.Output)] = []
        for page in plan.pages {
            let path = page.outputPath
            guard let known = previous.outputs[path] else { return nil }
            if known.bodies.contains(where: changedBodies.contains) { pages.append((path, page, known)) }
        }
        let root = output.path + "/"
        let outputs = Array(previous.outputs)
        let intact = outputs.parallelMap(jobs: concurrency) { FileStamp(path: root + $0.key) == $0.value.stamp }
        guard intact.allSatisfy({ $0 }) else { return nil }

        var records = previous.outputs
        var work: [Job] = []
        let prints = pages.parallelMap(jobs: concurrency) { renderer.fingerprint($0.page) }
        for (entry, print) in zip(pages, prints) {
            records[entry.path] = BuildManifest.Output(
                fingerprint: print.fingerprint, stamp: entry.known.stamp, parts: print.parts, bodies: print.bodies)
            if print.fingerprint != entry.known.fingerprint {
                work.append(Job(path: entry.path, source: .page(entry.page), reason: entry.known.parts.changes(to: print.parts)))
            }
        }
        return (records, work, pages.count)
    }

    /// Renders or reads every file that must be produced, in parallel; the first template error stops the build.
    func produceChangedFiles(progress: (@Sendable (Int, Int) -> Void)? = nil) throws(BuildError) -> [OutputFile] {
        let done = Atomic<Int>(0)
        let total = jobs.count
        let results: [Result<OutputFile, BuildError>] = jobs.parallelMap(jobs: concurrency) { job in
            defer { if let progress { progress(done.add(1, ordering: .relaxed).newValue, total) } }
            switch job.source {
            case .page(let page):
                return Result { () throws(BuildError) -> OutputFile in OutputFile(path: job.path, bytes: try renderer.render(page)) }
            case .asset(let bytes):
                return .success(OutputFile(path: job.path, bytes: bytes))
            case .staticFile(let relative):
                guard let data = FileManager.default.contents(atPath: renderer.siteDirectory.path + "/" + relative) else {
                    return .failure(.output(path: relative, "cannot read the static file — check that it exists and is readable"))
                }
                return .success(OutputFile(path: job.path, bytes: Array(data)))
            }
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

    /// `path: why` for every produced file, in path order.
    func explanations() -> [String] {
        jobs.sorted { $0.path < $1.path }.map { "\($0.path): \($0.reason)" }
    }
}
