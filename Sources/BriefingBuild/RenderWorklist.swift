import BriefingRender
import Foundation

/// The outputs a build must produce — those whose fingerprint or file changed since the last build — and the
/// manifest record of every planned output.
struct RenderWorklist: Sendable {
    /// How one output is produced.
    enum Source: Sendable {
        case page(PlannedPage)
        case asset([UInt8])
        /// A file under the site's `static/`, by its path relative to the site.
        case staticFile(String)
    }

    /// One output to produce, and why.
    struct Task: Sendable {
        var path: String
        var source: Source
        var reason: Reason
    }

    /// Why an output is produced, put into words only for `--explain`: comparing the parts of hundreds of
    /// contexts showed in every edit build.
    enum Reason: Sendable, CustomStringConvertible {
        case stated(String)
        case changed(from: ContextDigests, to: ContextDigests)

        var description: String {
            switch self {
            case .stated(let text): text
            case .changed(let old, let new): old.changes(to: new)
            }
        }
    }

    /// The manifest record of every planned output (stamps are the last build's until rewritten).
    private(set) var records: [String: BuildManifest.Output]
    /// The read keys the records' numbers stand for.
    let reads: ReadTable
    let tasks: [Task]
    /// Pages whose fingerprint was computed rather than carried over from the last build.
    let examined: Int
    /// Whether every planned page was examined, rather than only those whose reads changed.
    var examinedEveryPage = true
    /// After an edit: the outputs whose record may differ from the last build's (examined, added or removed);
    /// every other record was carried over as it was. Nil when every output was compared.
    var recordsChanged: [String]?
    /// After an edit: the last build's outputs that are planned no more (their files go). Nil when every output was
    /// compared.
    var dropped: [String]?

    /// What `afterEdit` learns of one planned page from the last build's records.
    private struct PageLook: Sendable {
        /// Where the last build's records hold it, if they do.
        var known: [String: BuildManifest.Output].Index?
        /// It is to be examined: new, or it read something the edit changed.
        var reread: Bool
        /// A copied file (an asset, a static file) would take its path.
        var shadows: Bool
    }

    /// Compares every planned output with the last build's record. With `edit`, the caller vouches that only the
    /// reads it names can have changed since `previous`: then only the pages that read one of them are
    /// fingerprinted (`afterEdit`), unless that shortcut declines.
    static func decide(
        plan: PagePlan, fingerprinter: PageFingerprinter, theme: Theme, inputs: SiteInputs, previous: BuildManifest?, output: URL,
        edit: ReadChanges?, outputsAreIntact: () -> Bool, jobs: Int
    ) -> RenderWorklist {
        if let edit, let previous,
           let worklist = afterEdit(
               edit, plan: plan, fingerprinter: fingerprinter, theme: theme, inputs: inputs, previous: previous,
               outputsAreIntact: outputsAreIntact, jobs: jobs) {
            return worklist
        }
        let pages = plan.pages.parallelMap(jobs: jobs) { page in
            Candidate(path: page.outputPath, source: .page(page), print: fingerprinter.fingerprint(page))
        }
        let pagePaths = Set(pages.map(\.path))
        let files = copiedFiles(theme: theme, inputs: inputs, isPage: pagePaths.contains)
        // Where the build already learned that every output is as the last build left it, no file is stamped again.
        let intact = previous != nil && outputsAreIntact()
        return compare(pages + files, with: previous, output: output, outputsIntact: intact, examined: pages.count, jobs: jobs)
    }

    /// An output and what this build makes of it.
    private struct Candidate: Sendable {
        var path: String
        var source: Source
        var print: PageFingerprint
    }

    /// The theme's assets and the site's static files, by their content; a page of the same path wins.
    private static func copiedFiles(theme: Theme, inputs: SiteInputs, isPage: (String) -> Bool) -> [Candidate] {
        var taken = Set<String>()
        var files: [Candidate] = []
        for (name, bytes) in theme.assets.sorted(by: { $0.key < $1.key }) where !isPage("assets/" + name) && taken.insert("assets/" + name).inserted {
            files.append(Candidate(path: "assets/" + name, source: .asset(bytes), print: PageFingerprint(fingerprint: Fingerprint.of(bytes))))
        }
        for (path, input) in inputs.files.filter({ $0.key.hasPrefix("static/") }).sorted(by: { $0.key < $1.key }) {
            let target = String(path.dropFirst("static/".count))
            guard !isPage(target), taken.insert(target).inserted else { continue }
            files.append(Candidate(path: target, source: .staticFile(path), print: PageFingerprint(fingerprint: input.hash)))
        }
        return files
    }

    /// Each candidate against its last record and its file on disk: new, changed, or touched by hand.
    private static func compare(
        _ candidates: [Candidate], with previous: BuildManifest?, output: URL, outputsIntact: Bool, examined: Int, jobs: Int
    ) -> RenderWorklist {
        let folder = OpenFolder(path: output.path)
        // Each output's last record and file, looked up once: with ten thousand pages, repeated lookups showed.
        let known = candidates.parallelMap(jobs: jobs) { candidate in
            let record = previous?.outputs[candidate.path]
            // A recorded file is on disk as recorded when every one is; only a new output's file is stamped.
            return (record: record, stamp: outputsIntact && record != nil ? record?.stamp : folder?.stamp(of: candidate.path))
        }
        var records: [String: BuildManifest.Output] = [:]
        records.reserveCapacity(candidates.count)
        var table = ReadTable()
        var tasks: [Task] = []
        for (candidate, (record, stamp)) in zip(candidates, known) {
            records[candidate.path] = BuildManifest.Output(
                fingerprint: candidate.print.fingerprint, stamp: record?.stamp ?? FileStamp(size: -1, modified: 0),
                parts: candidate.print.parts, reads: table.numbers(candidate.print))
            let reason: Reason?
            if let record {
                if record.fingerprint != candidate.print.fingerprint {
                    reason = .changed(from: record.parts, to: candidate.print.parts)
                } else if record.stamp != stamp {
                    reason = .stated("the file in the output folder was changed or deleted")
                } else {
                    reason = nil
                }
            } else {
                reason = .stated(previous == nil ? "no previous build to reuse" : "new")
            }
            if let reason { tasks.append(Task(path: candidate.path, source: candidate.source, reason: reason)) }
        }
        return RenderWorklist(records: records, reads: table, tasks: tasks, examined: examined)
    }

    /// The work after an edit whose changed reads `edit` names: every output keeps its record but for the pages
    /// that read one of them, which are fingerprinted again. An edit can add or remove pages (a brief, a search
    /// shard): a page the last build did not have is fingerprinted (and rendered), one no longer planned loses its
    /// record (and its file), and then the pages derived from the plan itself (`PlannedPage.readsPlan`: the
    /// sitemap) are fingerprinted too, as they are after any edit to more than prose. Nil when an output file was
    /// changed or deleted since the last build (`outputsAreIntact` says): then every output is compared.
    private static func afterEdit(
        _ edit: ReadChanges, plan: PagePlan, fingerprinter: PageFingerprinter, theme: Theme, inputs: SiteInputs,
        previous: BuildManifest, outputsAreIntact: () -> Bool, jobs: Int
    ) -> RenderWorklist? {
        var table = edit.table
        var marked = [Bool](repeating: false, count: table.keys.count)
        for key in edit.keys { if let number = table.number(of: key) { marked[Int(number)] = true } }
        let changed = marked
        // The few paths a copied file would take: each page is looked up in them, not the pages gathered in a set.
        let copyTargets = Set(
            theme.assets.keys.map { "assets/" + $0 }
                + inputs.files.keys.filter { $0.hasPrefix("static/") }.map { String($0.dropFirst("static/".count)) })
        // Each planned page against the last build's records, on every core: tens of thousands of lookups, of
        // which a few find a page to examine.
        let looks = plan.pages.parallelMap(jobs: jobs) { page -> PageLook in
            let path = page.outputPath
            let shadows = !copyTargets.isEmpty && copyTargets.contains(path)
            guard let position = previous.outputs.index(forKey: path) else { return PageLook(known: nil, reread: true, shadows: shadows) }
            return PageLook(known: position, reread: previous.outputs.values[position].reads.contains { changed[Int($0)] }, shadows: shadows)
        }
        var pages: [(path: String, page: PlannedPage, known: BuildManifest.Output?)] = []
        var readersOfPlan: [(path: String, page: PlannedPage, known: BuildManifest.Output?)] = []
        var shadowed = Set<String>()
        var knownPages = 0
        for (page, look) in zip(plan.pages, looks) {
            if look.shadows { shadowed.insert(page.outputPath) }
            if look.known != nil { knownPages += 1 }
            if look.reread {
                pages.append((page.outputPath, page, look.known.map { previous.outputs.values[$0] }))
            } else if page.readsPlan {
                readersOfPlan.append((page.outputPath, page, look.known.map { previous.outputs.values[$0] }))
            }
        }
        let copied = copiedFiles(theme: theme, inputs: inputs, isPage: shadowed.contains).map(\.path)
        // Output paths are unique (slugs are), so counting tells: an output was added when fewer are known than
        // planned, and one dropped when fewer are known than the last build had.
        let known = knownPages + copied.filter { previous.outputs[$0] != nil }.count
        let someDropped = previous.outputs.count != known
        let planChanged = known != plan.pages.count + copied.count || someDropped
        // First, because they are the largest (a sitemap lists every page): taken last, one would keep a core
        // busy after the others finished.
        if planChanged || !edit.proseOnly { pages = readersOfPlan + pages }
        guard outputsAreIntact() else { return nil }

        var records = previous.outputs
        var recordsChanged = pages.map(\.path)
        var dropped: [String] = []
        if someDropped {
            // The last build's outputs whose position in its records no planned output found, in their order there.
            let kept = (looks.compactMap(\.known) + copied.compactMap { previous.outputs.index(forKey: $0) }).sorted()
            var next = kept.startIndex
            for position in previous.outputs.indices {
                if next < kept.endIndex, kept[next] == position {
                    next += 1
                } else {
                    dropped.append(previous.outputs.keys[position])
                }
            }
            // Usually a handful: removed one by one rather than by filtering every record into a new dictionary.
            for path in dropped { records[path] = nil }
            recordsChanged += dropped
        }
        var tasks: [Task] = []
        let prints = pages.parallelMap(jobs: jobs) { fingerprinter.fingerprint($0.page) }
        for (entry, print) in zip(pages, prints) {
            records[entry.path] = BuildManifest.Output(
                fingerprint: print.fingerprint, stamp: entry.known?.stamp ?? FileStamp(size: -1, modified: 0), parts: print.parts,
                reads: table.numbers(print))
            if let known = entry.known {
                if print.fingerprint != known.fingerprint {
                    tasks.append(Task(path: entry.path, source: .page(entry.page), reason: .changed(from: known.parts, to: print.parts)))
                }
            } else {
                tasks.append(Task(path: entry.path, source: .page(entry.page), reason: .stated("new")))
            }
        }
        return RenderWorklist(
            records: records, reads: table, tasks: tasks, examined: pages.count, examinedEveryPage: false, recordsChanged: recordsChanged,
            dropped: dropped)
    }

    /// Hands the records over, keeping none, so that the manifest takes them without copying one per output.
    mutating func takeRecords() -> [String: BuildManifest.Output] {
        let taken = records
        records = [:]
        return taken
    }

    /// `path: why` for every output to produce, in path order.
    func explanations() -> [String] {
        tasks.sorted { $0.path < $1.path }.map { "\($0.path): \($0.reason)" }
    }
}
