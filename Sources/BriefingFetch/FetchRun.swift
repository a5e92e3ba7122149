import BriefingCore
import BriefingIngest
import Foundation

/// One `briefing fetch`: ask every due source at once (within the limits), then ingest what came back in
/// `briefing.yml` order, exactly as `briefing ingest` would, and save what each source answered.
public struct FetchRun: Sendable {
    public var siteDirectory: URL
    public var sources: [FeedSource]
    public var options: FetchOptions
    public var now: Timestamp
    /// `--all`: fetch sources whose interval has not passed (a server's Retry-After is still honoured).
    public var ignoringInterval = false
    /// `--dry-run`: say what would be asked; request and write nothing.
    public var dryRun = false
    /// Randomness for the back-off, in 0..<1; tests fix it.
    public var jitter: @Sendable () -> Double = { Double.random(in: 0..<1) }

    public init(siteDirectory: URL, sources: [FeedSource], options: FetchOptions, now: Timestamp) {
        self.siteDirectory = siteDirectory.standardizedFileURL
        self.sources = sources
        self.options = options
        self.now = now
    }

    public func run() async -> FetchReport {
        let start = Date()
        var report = FetchReport()
        let loaded = FetchStateFile.load(from: siteDirectory)
        if let warning = loaded.warning { report.warnings.append(warning) }
        var state = loaded.state.keeping(only: sources.map(\.url))

        var decisions: [FetchSchedule.Decision] = []
        for source in sources {
            decisions.append(FetchSchedule.decide(source, state[source.url], now: now, ignoringInterval: ignoringInterval))
        }
        let due = sources.indices.filter { decisions[$0] == .due }
        var results: [Int: FetchResult] = [:]
        if !dryRun && !due.isEmpty {
            let fetcher = Fetcher(options: options, sourceHosts: Set(sources.compactMap(\.host)))
            results = await withTaskGroup(of: (Int, FetchResult).self) { group in
                for index in due {
                    let source = sources[index]
                    let remembered = state[source.url]
                    group.addTask { [now] in
                        let result = await fetcher.fetch(
                            remembered.movedTo ?? source.url, etag: remembered.etag, lastModified: remembered.lastModified, now: now)
                        return (index, result)
                    }
                }
                var collected: [Int: FetchResult] = [:]
                for await (index, result) in group { collected[index] = result }
                return collected
            }
            await fetcher.shutdown()
        }

        for (index, source) in sources.enumerated() {
            var remembered = state[source.url]
            let outcome: SourceReport.Outcome
            var movedTo: String?
            switch decisions[index] {
            case .disabled(let reason): outcome = .disabled(reason)
            case .waiting(let until): outcome = .waiting(until: until)
            case .notDue(let until): outcome = .notDue(until: until)
            case .due where dryRun:
                outcome = .wouldFetch(conditions: [
                    remembered.movedTo.map { "at \($0) (moved permanently)" },
                    remembered.etag.map { "If-None-Match: \($0)" },
                    remembered.lastModified.map { "If-Modified-Since: \($0)" },
                ].compactMap { $0 })
                movedTo = remembered.movedTo
            case .due:
                guard let result = results[index] else { continue }
                if let moved = result.movedTo { remembered.movedTo = moved }
                movedTo = remembered.movedTo
                outcome = settle(source, result, &remembered)
                state[source.url] = remembered
            }
            report.sources.append(SourceReport(source: source, outcome: outcome, movedTo: movedTo))
        }
        if !dryRun {
            do {
                try FetchStateFile.save(state, to: siteDirectory)
            } catch {
                report.warnings.append(FetchWarning(
                    file: FetchStateFile.fileName, message: "cannot be written (\(error.localizedDescription)); the next fetch asks unconditionally",
                    fix: "check that the site folder is writable"))
            }
        }
        report.seconds = Date().timeIntervalSince(start)
        return report
    }

    /// Ingests a fetched body and records the answer in the source's state.
    func settle(_ source: FeedSource, _ result: FetchResult, _ state: inout SourceState) -> SourceReport.Outcome {
        state.fetched = now
        switch result.outcome {
        case .notModified:
            state.status = "304 Not Modified"
            recovered(&state)
            return .notModified
        case .gone:
            state.status = "410 Gone"
            state.disabled = "410 Gone on \(now)"
            recovered(&state)
            return .gone
        case .failed(let failure, let retryAfter):
            return failed(source, failure, retryAfter: retryAfter, &state)
        case .fetched(let body, let contentType, let etag, let lastModified):
            if FeedCharset.isWebPage(body) { return failed(source, .webPage, retryAfter: nil, &state) }
            let bytes = FeedCharset.normalised(body, contentType: contentType)
            let counts: IngestCounts
            do {
                // Ingest reads the whole document before it writes anything: a body it cannot read writes nothing.
                counts = IngestCounts(try ingest(bytes, from: source))
            } catch {
                guard error.file == source.url else {
                    return failed(source, .ingest("\(error.file): \(error.message)\(error.fix.map { " — \($0)" } ?? "")"), retryAfter: nil, &state)
                }
                return failed(source, .notAFeed((error.line.map { "line \($0): " } ?? "") + error.message), retryAfter: nil, &state)
            }
            // The validators change only once the document is in: a body that failed is asked for again in full.
            state.etag = etag
            state.lastModified = lastModified
            state.status = "200, \(counts)"
            if counts.written > 0 { state.newItem = now }
            recovered(&state)
            return .fetched(counts)
        }
    }

    private func recovered(_ state: inout SourceState) {
        state.failures = 0
        state.backoffUntil = nil
        state.retryAfter = nil
    }

    private func failed(_ source: FeedSource, _ failure: FetchFailure, retryAfter: Timestamp?, _ state: inout SourceState) -> SourceReport.Outcome {
        state.failures += 1
        state.status = "failed: \(failure)"
        if let retryAfter {
            state.retryAfter = retryAfter
            state.backoffUntil = nil
            return .failed(failure, nextTry: retryAfter, serverAsked: true)
        }
        let wait = Backoff().delay(failures: state.failures, every: source.every, jitter: jitter())
        let until = Timestamp(secondsSinceEpoch: now.secondsSinceEpoch + wait)
        state.backoffUntil = until
        state.retryAfter = nil
        return .failed(failure, nextTry: until, serverAsked: false)
    }

    /// Ingests one source's document as `briefing ingest` would, its topics and companies added to every brief.
    /// One source at a time, so the report says what each brought; stories two sources share are one brief,
    /// as ingest matches them against the briefs already written.
    func ingest(_ bytes: [UInt8], from source: FeedSource) throws(IngestError) -> IngestReport {
        try Ingester(siteDirectory: siteDirectory)
            .ingest([IngestSource(name: source.url, bytes: bytes, topics: source.topics, companies: source.companies)])
    }
}
